"""The window's first look at a plain database: the promotions and the first one's people,
read straight through SQLite's driver before SQLAlchemy and the models are loaded.

Loading SQLAlchemy's ORM and mapping CoachDesk's models takes several times longer than Qt needs
to paint the window; the coach should not wait for it to see the list. So, when the database is
a plain SQLite file already at the current schema, the window first shows what this module reads
— with the very SQL texts and row building the Cohorte list uses through SQLAlchemy
(``services.stages``, ``services.participant_list``) — and then opens the database as usual; the
list is not read twice. Like the list, it reads everyone's listed part (``ListedPerson``) and
the whole rows of the first people only; :func:`read_rows` reads others' until the database is
open. Anything unusual (a protected or damaged file, an older or newer schema,
no promotion yet) returns None: the window then simply opens the database first.

The file is read through ``coachdesk.db_snapshot`` (SQLite's own driver, read only).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import repeat
from pathlib import Path
from typing import Any

from coachdesk.db_snapshot import SnapshotError, read_only_snapshot
from coachdesk.models.ids import canonical_id, canonical_ids
from coachdesk.schema_revisions import HEAD_REVISION
from coachdesk.services.participant_list import (
    COACHES_SQL,
    LISTED_SQL,
    ListedPerson,
    ParticipantRow,
    listed_from_records,
    rows_from_records,
    rows_sql_for,
)
from coachdesk.services.stages import FIRST_STAGE, stage_facts_sql, stages_by_person

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CohortChoice:
    id: str
    name: str
    archived: bool


@dataclass(frozen=True)
class FirstLook:
    """What the window shows before the database is opened through SQLAlchemy."""

    path: Path
    # The promotions the selector offers, the most recent first (as ``cohort_choices``).
    cohorts: list[CohortChoice]
    # The promotion shown (the most recent), everyone in it as ``listed_people`` reads them (in
    # the list's order), and the whole rows of the first FIRST_ROWS of them.
    cohort_id: str
    people: list[ListedPerson]
    rows: list[ParticipantRow]
    # What :func:`read_rows` needs: the promotion's id as stored, the stages of the people
    # facts name (keyed by id as stored).
    raw_cohort: Any
    stages: dict[Any, str]


# The whole rows read with the first look: the rows a window shows, and those the columns'
# widths are measured on (``ui.widgets.list_tab``), with room to spare.
FIRST_ROWS = 200


def read_first_look(path: Path, *, include_archived: bool = False) -> FirstLook | None:
    """The promotions and the most recent one's people in ``path``, or None when the window
    must open the database first (see the module's docstring). Never raises for a database
    it cannot read this way."""
    try:
        with read_only_snapshot(path) as connection:
            return _read(connection, path, include_archived)
    except (SnapshotError, ValueError, KeyError) as exc:
        # Whatever this quick look cannot make sense of, the full opening will explain.
        log.info("first look skipped: %s", type(exc).__name__)
        return None


def _read(connection: Any, path: Path, include_archived: bool) -> FirstLook | None:
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if revision != [(HEAD_REVISION,)]:
        return None  # to create, upgrade or refuse: the full opening's work
    # The database's own day (``services.clock.clock_day``).
    stored = connection.execute(
        "SELECT clock_date FROM database_identity ORDER BY created_at LIMIT 1").fetchone()
    day = date.fromisoformat(stored[0]) if stored and stored[0] else date.today()
    # The selector's promotions (``services.cohorts.list_cohorts``).
    cohorts = [
        (raw_id, CohortChoice(canonical_id(raw_id), name, archived_at is not None))
        for raw_id, name, archived_at in connection.execute(
            "SELECT id, name, archived_at FROM cohort"
            + ("" if include_archived else " WHERE archived_at IS NULL")
            + " ORDER BY start_date DESC, name")
    ]
    if not cohorts:
        return None  # the first-run welcome: the full opening decides
    raw_cohort, shown = cohorts[0]
    # Ids as stored, dates as SQLAlchemy stores them on SQLite.
    params = {"cohort": raw_cohort, "day": day.isoformat(),
              "end_of_day": f"{date.fromordinal(day.toordinal() + 1).isoformat()} 00:00:00.000000"}
    facts_sql, _people_sql = stage_facts_sql()
    stages = stages_by_person(connection.execute(facts_sql, params), day)
    people = _listed_in_one_row(connection, params, stages)
    if people is None:
        people = listed_from_records(connection.execute(LISTED_SQL, params), stages)
    rows = _rows(connection, raw_cohort, stages, [person.id for person in people[:FIRST_ROWS]])
    return FirstLook(path, [choice for _raw, choice in cohorts], shown.id, people, rows,
                     raw_cohort, stages)


# Everyone the list holds, in one row (``participant_list.LISTED_SQL``).
#
# SQLite's driver lets go of Python's lock at every row it steps to and must take it back
# before the next: on a thread reading 80,000 rows while the window's own thread runs Python,
# each row waited for that thread's turn to end. Measured here: the rows read in 0.14 s
# alone, in 47–60 s beside a thread running Python without a pause; this one row read in
# 0.07 s alone, 0.09 s beside it.
_LISTED_ONE_ROW = """
SELECT count(*), group_concat(participant.id, ','),
       group_concat(coalesce(participant.search_text, ''), char(30))
FROM participant
WHERE participant.cohort_id = :cohort
"""


def _listed_in_one_row(connection: Any, params: dict[str, Any],
                       stages: dict[Any, str]) -> list[ListedPerson] | None:
    """``listed_from_records`` from :data:`_LISTED_ONE_ROW`, the work done by Python's C
    functions on whole lists; None when a search text holds the separator (then read row by
    row)."""
    count, ids_joined, texts_joined = connection.execute(_LISTED_ONE_ROW, params).fetchone()
    if not count:
        return []
    ids, texts = canonical_ids(ids_joined, count), texts_joined.split("\x1e")
    if len(ids) != count or len(texts) != count:
        return None
    named = {canonical_id(person): stage for person, stage in stages.items()}
    people: list[ListedPerson] = list(map(
        partial(tuple.__new__, ListedPerson),
        zip(ids, texts, map(named.get, ids, repeat(FIRST_STAGE)), strict=True)))
    # By ``name_order``, its keys made from the whole text at once.
    keys = texts_joined.replace(" | ", "\x00").split("\x1e")
    return list(map(people.__getitem__, sorted(range(count), key=keys.__getitem__)))


def read_rows(look: FirstLook, ids: list[str] | None) -> list[ParticipantRow]:
    """The whole rows of the people ``ids`` (canonical; None: everyone listed) of the first
    look's promotion, read again from its file, until the database is open (the Cohorte list's
    ``RowReader``); :data:`SnapshotError` when it cannot."""
    if ids is None:
        ids = [person.id for person in look.people]
    with read_only_snapshot(look.path) as connection:
        return _rows(connection, look.raw_cohort, look.stages, ids)


# SQLite's driver refuses more parameters than this in one statement on older builds.
_BATCH = 500


def _rows(connection: Any, raw_cohort: Any, stages: dict[Any, str],
          ids: list[str]) -> list[ParticipantRow]:
    coaches = connection.execute(COACHES_SQL).fetchall()
    rows: list[ParticipantRow] = []
    for start in range(0, len(ids), _BATCH):
        batch = ids[start:start + _BATCH]
        # Ids as stored on SQLite: the 32 hex digits, without dashes.
        params = {f"p{number}": person.replace("-", "") for number, person in enumerate(batch)}
        params["cohort"] = raw_cohort
        rows += rows_from_records(
            connection.execute(rows_sql_for(len(batch)), params), stages, coaches)
    return rows
