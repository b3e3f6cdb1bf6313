"""The Cohorte list's rows: one SQL text and one way to build them, without SQLAlchemy.

``services.lists.participant_rows`` runs the queries through SQLAlchemy; at start-up
``services.first_look`` runs the same texts straight through SQLite's driver, so the window
shows the cohort before SQLAlchemy and the models are loaded. Both build the rows here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, Protocol, TypeVar

from coachdesk.models import codes
from coachdesk.models.ids import canonical_id
from coachdesk.services.stages import FIRST_STAGE, STAGE_TABLES
from coachdesk.services.text import fold


class ParticipantRow(NamedTuple):
    """One person of the Cohorte list. (A named tuple: built 80,000 times at start-up, several
    times faster than a frozen dataclass, and as immutable.)"""

    id: str
    last_name: str
    first_name: str
    stage: str
    phone: str
    email: str
    city: str
    provenance: str
    # The chargé·e's name ("" when nobody is named).
    coach: str
    is_adult: bool
    search_text: str


class ListedPerson(NamedTuple):
    """One person as the Cohorte list holds everyone: enough to find, filter, order and count
    them. The rest of their row (a :class:`ParticipantRow`) is read only for the rows a coach
    sees (``ui.cohort.people_model``): at 80,000 people, reading and building every whole row
    took most of the start-up."""

    id: str
    search_text: str
    stage: str


class Findable(Protocol):
    """What a search and the order by name read from a row (a listed person or a whole row)."""

    @property
    def search_text(self) -> str: ...

    @property
    def stage(self) -> str: ...


Found = TypeVar("Found", bound=Findable)


# What the list reads: a write to another table changes none of its rows.
PARTICIPANT_ROW_TABLES = STAGE_TABLES | {"participant", "coach"}

# The cohort's people (parameter :cohort; ``{only}`` restricts them to :people).
_ROWS = """
SELECT participant.id, participant.last_name, participant.first_name, participant.phone,
       participant.email, participant.city, participant.provenance, participant.coach_id,
       participant.is_adult, participant.search_text
FROM participant
WHERE participant.cohort_id = :cohort{only}
"""

# Everyone the list holds, with what it finds, orders and counts them by (parameter :cohort).
LISTED_SQL = """
SELECT participant.id, participant.search_text
FROM participant
WHERE participant.cohort_id = :cohort
"""

# A handful of coaches: named from a dictionary rather than joined on every row.
COACHES_SQL = "SELECT coach.id, coach.name FROM coach"


def rows_sql(restricted: bool = False) -> str:
    return _ROWS.format(only=" AND participant.id IN :people" if restricted else "")


def rows_sql_for(count: int) -> str:
    """The list's query for ``count`` people named by parameters :p0, :p1… (through SQLite's
    own driver, which does not expand a list)."""
    return _ROWS.format(only=" AND participant.id IN ("
                        + ", ".join(f":p{number}" for number in range(count)) + ")")


def name_order(row: Findable) -> str:
    """The key of the list's order by name: last name, then first name, without case or
    accents ("AZÉMA" between "AUBERT" and "BARRAL", "Élodie" among the E's), shorter names
    first ("LE" before "LE GALL").

    It is the row's search text (``participant_search_text``: folded last name, folded first
    name, … joined by " | "), read instead of folding the names again (80,000 names folded
    cost a tenth of a second at start-up), with its separators made to sort before any
    character a name holds.
    """
    return row.search_text.replace(" | ", "\x00")


def rows_from_records(
    records: Iterable[Any], stages: Mapping[Any, str], coaches: Iterable[tuple[Any, str]]
) -> list[ParticipantRow]:
    """The list's rows, in no order, from the rows query, the stages of the people facts
    name (keyed by id as read, ``stages.person_stages``) and the coaches' names.

    The Cohorte list sorts them itself (by :func:`name_order` first), once: neither the query
    nor this sorts them (SQLite's sort of 80,000 whole rows took longer than reading them)."""
    coach_names = {coach_id: name for coach_id, name in coaches}
    provenances = codes.PROVENANCES
    first_stage = FIRST_STAGE
    row = ParticipantRow
    # (Ids read as stored: canonical_id is several times cheaper per row than SQLAlchemy's
    # UUID conversion, which cost more than the query at 80,000 people. Booleans come as a
    # stored 0 or 1 through SQLite's own driver.)
    return [
        row(canonical_id(raw_id), last_name, first_name, stages.get(raw_id, first_stage), phone,
            email, city, provenances.get(provenance, provenance),
            coach_names.get(coach_id, "") if coach_id else "", bool(is_adult), search_text)
        for (raw_id, last_name, first_name, phone, email, city, provenance, coach_id, is_adult,
             search_text) in records
    ]


def listed_from_records(
    records: Iterable[tuple[Any, str]], stages: Mapping[Any, str]
) -> list[ListedPerson]:
    """Everyone the list holds, ordered by :func:`name_order`, from :data:`LISTED_SQL`'s
    records and the stages of the people facts name (keyed by id as read)."""
    first_stage = FIRST_STAGE
    # (tuple.__new__ called directly: the named tuple's own constructor is a Python function,
    # and this runs 80,000 times at start-up.)
    make, person = tuple.__new__, ListedPerson
    people: list[ListedPerson] = [
        make(person, (canonical_id(raw_id), search_text, stages.get(raw_id, first_stage)))
        for raw_id, search_text in records
    ]
    people.sort(key=name_order)
    return people


def listed(row: ParticipantRow) -> ListedPerson:
    """The listed part of a whole row."""
    return ListedPerson(row.id, row.search_text, row.stage)


# Shorter searches would match nearly everyone: the list starts filtering at this length.
MIN_SEARCH_LENGTH = 2


_PHONE_SEPARATORS = re.compile(r"[.\-/]")


def search_words(search: str) -> list[str]:
    """The folded words of a search, each to be found in ``search_text``.

    "06 94 72", "06.94.72" and "069472" all find 06 94 72 …, and only numbers holding those
    digits in that order: phones are stored as digits only, so the groups of digits typed one
    after another make one number, their dots and dashes dropped.
    """
    words: list[str] = []
    previous_was_number = False
    for word in fold(search).split():
        bare = _PHONE_SEPARATORS.sub("", word)
        if bare.isdigit():
            if previous_was_number:
                words[-1] += bare
            else:
                words.append(bare)
            previous_was_number = True
        else:
            words.append(word)
            previous_was_number = False
    return words


def search_rows(rows: list[Found], search: str, stage: str | None = None) -> list[Found]:
    """The rows a keystroke shows: every word of ``search`` found in the row's folded text,
    from MIN_SEARCH_LENGTH characters (shorter searches do not filter), and at ``stage``."""
    words = search_words(search)
    if sum(len(word) for word in words) < MIN_SEARCH_LENGTH:
        words = []
    if stage is None and not words:
        return rows
    shown = rows
    # One simple pass per word, the longest (the most selective) first: each next pass reads
    # fewer rows, and a plain ``in`` per row is several times quicker than ``all()`` over
    # the words (benchmarks/cohort_search.py).
    for word in sorted(set(words), key=len, reverse=True):
        shown = [row for row in shown if word in row.search_text]
    if stage is not None:
        shown = [row for row in shown if row.stage == stage]
    return shown
