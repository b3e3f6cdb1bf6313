"""Each checked person matched against everyone known so far: duplicates, follow-ons, newcomers.

Duplicates are looked for in the target promotion: they fill the empty fields of the person
already known there. A person known only in another promotion (last year's contact, the
trainee going on to a bac+2) is no duplicate: they join this promotion as a follow-on file
linked to their latest earlier one (``Participant.follows_from_id``), their empty fields
completed from it, their history readable from both (``coachdesk.services.follow_on``).
Nothing is written here: :mod:`.importer` writes what the matching decided.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import String, Table, select, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from coachdesk.db import Database, commits_seen
from coachdesk.models import Cohort, Participant, canonical_id
from coachdesk.services.contact_import.checks import (
    CheckedPerson,
    Duplicate,
    FollowOn,
    ImportReport,
    gather,
)
from coachdesk.services.contact_import.columns import FIELDS
from coachdesk.services.text import NAME_SEPARATORS, fold, search_text_of_folded

# Fields a duplicate may fill on the person already known, when empty there.
FILLABLE = (
    "birth_date", "phone", "email", "address", "postcode", "city", "ine", "university_track",
    "bac_type", "bac_series", "bac_year",
)
_FILLABLE_SET = frozenset(FILLABLE)


class _Folded(dict[str, str]):
    """:func:`~coachdesk.services.text.fold` of the names and e-mails of one import, each once.

    A name is folded for matching and again for the search text; a file repeats first names.
    """

    def __missing__(self, text: str) -> str:
        value = self[text] = fold(text)
        return value


class _NameKeys(dict[str, str]):
    """:func:`~coachdesk.services.text.name_key` of one import's names, from their folded form."""

    def __init__(self, folded: _Folded) -> None:
        super().__init__()
        self.folded = folded

    def __missing__(self, text: str) -> str:
        if text.isalnum() and text.isascii():
            # Letters and digits only (« MARTIN », « Lucas »): folded by lowering, and no
            # separator to drop.
            value = self.folded[text] = text.lower()
        else:
            value = NAME_SEPARATORS.sub("", self.folded[text])
        self[text] = value
        return value


def _keys(
    name_keys: _NameKeys, last: str, first: str, birth: date | None, email: str, ine: str
) -> list[tuple[Any, ...]]:
    """The identities a person is recognised by: INE; name with birth date; name with e-mail."""
    keys: list[tuple[Any, ...]] = []
    if ine:
        keys.append(("ine", ine.replace(" ", "").upper()))
    if birth is not None or email:
        last_key, first_key = name_keys[last], name_keys[first]
        if birth is not None:
            keys.append(("birth", last_key, first_key, birth))
        if email:
            keys.append(("email", last_key, first_key,
                         email.casefold() if email.isascii() else name_keys.folded[email]))
    return keys


# The fields identity keys are made of, and their value when a row has none.
_KEY_FIELDS = (("last_name", ""), ("first_name", ""), ("ine", None), ("birth_date", None),
               ("email", None))

_REASONS = {
    "ine": "même INE",
    "birth": "mêmes nom, prénom et date de naissance",
    "email": "mêmes nom, prénom et courriel",
}


def identity_keys(
    last_name: str, first_name: str, birth_date: date | None, email: str, ine: str
) -> list[tuple[Any, ...]]:
    """The identities a person is recognised by, as the import matches them: two people
    sharing one of these keys are the same person. A form checking a person typed by hand
    (``participants.review_participant``) uses this same rule."""
    return _keys(_NameKeys(_Folded()), last_name, first_name, birth_date, email, ine)


def match_reason(key: tuple[Any, ...]) -> str:
    """Why two people sharing ``key`` are taken for one (« mêmes nom, prénom et … »)."""
    return _REASONS[key[0]]


def _empty(value: Any) -> bool:
    return value is None or value == ""


KNOWN_COLUMNS = (
    "id", "cohort_id", "last_name", "first_name", "email", "phone",
    *(name for name in FILLABLE if name not in ("email", "phone")),
    "listed_on", "coach_id",
)


def _known_people(session: Session) -> dict[str, dict[str, Any]]:
    """Everyone already in the database, by id: the fields matching and filling look at.

    Ids are read raw and put in canonical form by :func:`canonical_id`: the column type's own
    conversion (through ``uuid.UUID``) cost more than the query at 80,000 people.
    """
    table = cast(Table, Participant.__table__)
    raw_ids = (type_coerce(table.c.id, String()), type_coerce(table.c.cohort_id, String()))
    rows = session.execute(select(*raw_ids, *(table.c[name] for name in KNOWN_COLUMNS[2:])))
    known = {}
    for row in rows:
        values = dict(zip(KNOWN_COLUMNS, row, strict=True))
        values["id"] = participant_id = canonical_id(row[0])
        values["cohort_id"] = canonical_id(row[1])
        known[participant_id] = values
    return known


def known_matcher(
    database: Database, cohort_id: str | None, connection: Connection | None = None
) -> Matcher:
    """The people already in the database, indexed for matching rows against them; read on
    ``connection`` when given, which then tells whether anyone wrote since
    (:meth:`Matcher.changed_people`)."""
    with database.read(connection) as session:
        known = _known_people(session)
        cohort_names = dict(session.execute(select(Cohort.id, Cohort.name)).all())
        seen = commits_seen(session.connection()) if connection is not None else None
    return Matcher(known, cohort_id, cohort_names, seen=seen)


class Matcher:
    """Matches each checked person against everyone known so far.

    A duplicate (same INE, or same names with the same birth date or e-mail) of a person of the
    target promotion or of an earlier row fills that person's empty fields; the others are
    newcomers. A newcomer known only in other promotions follows on from their latest file
    there (``follows``). Nothing is written here.
    """

    # Where duplicates and follow-ons are reported (set once the file is open).
    report: ImportReport

    def __init__(self, known: dict[str, dict[str, Any]], cohort_id: str | None,
                 cohort_names: dict[str, str], *, seen: int | None = None) -> None:
        self.known = known
        # What :func:`~coachdesk.db.commits_seen` said when the people were read (None: not
        # known, so :meth:`changed_people` reads them again).
        self.seen = seen
        self.cohort_names = cohort_names
        self.folded = _Folded()
        self.name_keys = _NameKeys(self.folded)
        # Identity key → ("db", participant id) or ("file", index in `newcomers`).
        self.index: dict[tuple[Any, ...], tuple[str, Any]] = {}
        # Identity key → the latest file of that person in another promotion.
        self.elsewhere: dict[tuple[Any, ...], str] = {}
        for values in sorted(known.values(), key=lambda v: v["listed_on"], reverse=True):
            keys = _keys(self.name_keys, values["last_name"], values["first_name"],
                         values["birth_date"], values["email"], values["ine"])
            if values["cohort_id"] == cohort_id:
                for key in keys:
                    self.index.setdefault(key, ("db", values["id"]))
            else:
                for key in keys:
                    self.elsewhere.setdefault(key, values["id"])
        self.newcomers: list[CheckedPerson] = []
        # Newcomer index → the earlier file (another promotion) it follows on from.
        self.follows: dict[int, str] = {}
        # Newcomers a later row completed (their values are a copy).
        self.completed: set[int] = set()
        # Participant id → fields a duplicate filled on a person already in the database.
        self.updates: dict[str, dict[str, Any]] = {}

    def changed_people(self, session: Session) -> dict[str, dict[str, Any]] | None:
        """None when the people read are still those of the database as ``session`` (a
        write transaction) sees them, else everyone as read now.

        On the connection they were read on, SQLite tells whether anyone else committed
        since (:func:`~coachdesk.db.commits_seen`): only then are they read again.
        """
        if self.seen is not None and commits_seen(session.connection()) == self.seen:
            return None
        known = _known_people(session)
        return None if known == self.known else known

    def add_all(self, people: list[CheckedPerson]) -> None:
        """:meth:`add` of each person, in order, their identity keys (:func:`_keys`: INE, name
        with birth date, name with e-mail) made a column at a time.

        A newcomer known nowhere (most rows) is recorded here; the others go through
        :meth:`add`.
        """
        name_keys = self.name_keys
        folded = self.folded
        last_names, first_names, ines, births, emails = gather(people, _KEY_FIELDS)
        lasts = list(map(name_keys.__getitem__, last_names))
        firsts = list(map(name_keys.__getitem__, first_names))
        ine_keys = [("ine", ine.replace(" ", "").upper()) if ine else None for ine in ines]
        birth_keys = [
            ("birth", last, first, birth) if birth is not None else None
            for birth, last, first in zip(births, lasts, firsts, strict=True)
        ]
        email_keys = [
            ("email", last, first, email.casefold() if email.isascii() else folded[email])
            if email else None
            for email, last, first in zip(emails, lasts, firsts, strict=True)
        ]
        index = self.index
        newcomers = self.newcomers
        elsewhere = self.elsewhere
        for person, ine, birth, email in zip(people, ine_keys, birth_keys, email_keys,
                                             strict=True):
            if (ine is not None and ine in index) or (birth is not None and birth in index) \
                    or (email is not None and email in index) or (elsewhere and (
                        ine in elsewhere or birth in elsewhere or email in elsewhere)):
                self.add(person, [key for key in (ine, birth, email) if key is not None])
                continue
            reference = ("file", len(newcomers))
            newcomers.append(person)
            if ine is not None:
                index.setdefault(ine, reference)
            if birth is not None:
                index.setdefault(birth, reference)
            if email is not None:
                index.setdefault(email, reference)

    def add(self, person: CheckedPerson, keys: list[tuple[Any, ...]] | None = None) -> None:
        values = person.values
        if keys is None:
            get = values.get
            keys = _keys(self.name_keys, values["last_name"], values["first_name"],
                         get("birth_date"), get("email", ""), get("ine", ""))
        index = self.index
        newcomers = self.newcomers
        for key in keys:
            found = index.get(key)
            if found is not None:
                break
        else:
            reference = ("file", len(newcomers))
            elsewhere = self.elsewhere
            if elsewhere:
                earlier = next((elsewhere[key] for key in keys if key in elsewhere), None)
                if earlier is not None:
                    person = self._follow_on(person, earlier)
            newcomers.append(person)
            for key in keys:
                index.setdefault(key, reference)
            return
        where, target = found
        if where == "db":
            current = self.known[target]
            if target in self.updates:
                current = {**current, **self.updates[target]}
        else:
            current = newcomers[target].values
        # Only the fields this row has can fill anything (a row holds a few of them): looked
        # for among its values, then put in FILLABLE's order.
        filled = {
            name: value for name, value in values.items()
            if name in _FILLABLE_SET and not _empty(value) and _empty(current.get(name))
        }
        if filled:
            if len(filled) > 1:
                filled = {name: filled[name] for name in FILLABLE if name in filled}
            if where == "db":
                self.updates.setdefault(target, {}).update(filled)
            else:
                if target not in self.completed:
                    # Filled on a copy: the row as read stays as it was, should the
                    # matching be redone under the lock.
                    first = newcomers[target]
                    newcomers[target] = CheckedPerson(
                        first.row, dict(first.values), first.note_parts)
                    self.completed.add(target)
                newcomers[target].values.update(filled)
            merged = {**current, **filled}
            for new_key in _keys(self.name_keys, merged["last_name"], merged["first_name"],
                                 merged.get("birth_date"), merged.get("email") or "",
                                 merged.get("ine") or ""):
                index.setdefault(new_key, (where, target))
        self.report.duplicates.append(Duplicate(
            row=person.row,
            name=f"{values['last_name']} {values['first_name']}",
            reason=_REASONS[key[0]],
            same_as_row=newcomers[target].row if where == "file" else None,
            participant_id=target if where == "db" else None,
            filled=tuple(FIELDS[name] for name in filled),
        ))

    def _follow_on(self, person: CheckedPerson, earlier_id: str) -> CheckedPerson:
        """The person as they join this promotion: the row's values, completed by their
        earlier file (a copy: the row as read stays as it was)."""
        earlier = self.known[earlier_id]
        values = dict(person.values)
        for name in FILLABLE:
            if _empty(values.get(name)) and not _empty(earlier.get(name)):
                values[name] = earlier[name]
        self.follows[len(self.newcomers)] = earlier_id
        self.report.followed_on.append(FollowOn(
            row=person.row, name=f"{values['last_name']} {values['first_name']}",
            earlier_id=earlier_id,
            earlier_cohort=self.cohort_names.get(earlier["cohort_id"], ""),
        ))
        return CheckedPerson(person.row, values, person.note_parts)

    def update_rows(self, now: datetime) -> list[dict[str, Any]]:
        """The details duplicates brought to people already in the database."""
        rows = []
        for participant_id, filled in self.updates.items():
            merged = {**self.known[participant_id], **filled}
            rows.append({
                "id": participant_id,
                **filled,
                "search_text": search_text_of_folded(
                    self.folded[merged["last_name"]], self.folded[merged["first_name"]],
                    merged.get("phone") or "", merged.get("email") or "",
                ),
                "updated_at": now,
            })
        return rows
