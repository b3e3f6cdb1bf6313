"""The contact import: rows to participants, with the rules the wizard and the CLI share.

Three steps, so that the database's write lock is held only while rows are written:

1. the people already known are read (a short read transaction);
2. the file is read, each row checked and matched against everyone known so far (within the
   file and in the database), ids and shared values made ready — no lock held;
3. one write transaction: a check that nobody changed the people meanwhile (else step 2's
   matching is redone against what is there now), the newcomers inserted in large batches
   (many rows per statement, the rows made before the lock is taken, :mod:`.new_rows`), the
   duplicates' new details written.

A new target promotion is created just before step 3 by
:func:`coachdesk.services.cohorts.create_cohort`, like any promotion, and deleted again when
the import does not go through.

Duplicates are looked for in the target promotion: they fill the empty fields of the person
already known there. A person known only in another promotion (last year's contact, the
trainee going on to a bac+2) is no duplicate: they join this promotion as a follow-on file
linked to their latest earlier one (``Participant.follows_from_id``), their empty fields
completed from it, their history readable from both (``coachdesk.services.follow_on``).
Nothing is written on a dry run, on cancellation or on error: the transaction is rolled back.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import String, Table, select, type_coerce, update
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, Participant, canonical_id, codes, utcnow
from coachdesk.services.clock import today_for
from coachdesk.services.cohorts import (
    CohortDraft,
    create_cohort,
    delete_empty_cohort,
    list_cohorts,
)
from coachdesk.services.contact_import.checks import (
    CheckedPerson,
    Duplicate,
    FollowOn,
    ImportReport,
    Rejection,
    RowChecker,
    gather,
)
from coachdesk.services.contact_import.columns import FIELDS
from coachdesk.services.contact_import.new_rows import NewRows, SpareIds, large_write, ordered_ids
from coachdesk.services.contact_import.reader import open_table, row_is_blank
from coachdesk.services.text import NAME_SEPARATORS, fold, search_text_of_folded
from coachdesk.sync.capture import record_rows

ProgressCallback = Callable[[int, int | None], None]
CancelCheck = Callable[[], bool]

# Fields a duplicate may fill on the person already known, when empty there.
FILLABLE = (
    "birth_date", "phone", "email", "address", "postcode", "city", "ine", "university_track",
    "bac_type", "bac_series", "bac_year",
)
_FILLABLE_SET = frozenset(FILLABLE)
_PROGRESS_EVERY = 500
# Rows per INSERT executemany: large, with a chance to cancel between two.
INSERT_BATCH = 10_000


class ImportCancelled(Exception):
    """The coach cancelled the import: nothing was written."""


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


_KNOWN_COLUMNS = (
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
    rows = session.execute(select(*raw_ids, *(table.c[name] for name in _KNOWN_COLUMNS[2:])))
    known = {}
    for row in rows:
        values = dict(zip(_KNOWN_COLUMNS, row, strict=True))
        values["id"] = participant_id = canonical_id(row[0])
        values["cohort_id"] = canonical_id(row[1])
        known[participant_id] = values
    return known


def resolve_cohort(
    database: Database, name: str | None, today: date, *, create: bool
) -> tuple[str | None, str, bool]:
    """(id, name, created) of the target cohort.

    The cohort named (archived or not), else the most recent one still running, else a new one
    named after the current year. A new one is made by ``create_cohort`` when ``create``, else
    its ``id`` is None (a dry run, or a promotion made only once the file is read).
    """
    with database.read() as session:
        cohorts = list_cohorts(session)
    if name is not None:
        name = " ".join(name.split())
        if not name:
            raise UserError(
                "Le nom de la promotion est vide.", hint="Donnez un nom après --cohort."
            )
    else:
        running = [row for row in cohorts if not row.archived]
        if running:
            return running[0].id, running[0].name, False
        name = str(today.year)
    wanted = fold(name)
    for row in cohorts:
        if row.name == name or fold(row.name) == wanted:
            return row.id, row.name, False
    if not create:
        return None, name, True
    return create_cohort(database, CohortDraft(name=name, start_date=today)), name, True


def import_contacts(
    database: Database,
    path: Path | str,
    *,
    cohort: str | None = None,
    provenance: str = "universite",
    sheet: str | None = None,
    mapping: Mapping[int | str, str | None] | None = None,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    today: date | None = None,
) -> ImportReport:
    """Import a contact file into a cohort, all or nothing.

    Args:
        cohort: name of the target cohort (created when absent); by default the most recent
            cohort, or a new one named after the current year.
        provenance: a code of ``codes.PROVENANCES`` recorded on every imported person.
        sheet, mapping: see :func:`~coachdesk.services.contact_import.reader.open_table`.
        dry_run: check and count everything, write nothing.
        progress: called with (rows read, last row number or None) every few hundred rows.
        cancel: polled between rows and between insert batches; when it returns true the
            import stops, nothing written.

    Raises:
        UserError: unreadable file, no table, no name columns, unknown provenance.
        ImportCancelled: ``cancel`` returned true.
    """
    if provenance not in codes.PROVENANCES:
        raise UserError(
            f"Provenance inconnue : « {provenance} ».",
            hint="Valeurs possibles : " + ", ".join(
                f"{code} ({label})" for code, label in codes.PROVENANCES.items()
            ) + ".",
        )
    today = today or today_for(database)
    with _collector_paused():
        return _import(database, Path(path), cohort, provenance, sheet, mapping, dry_run,
                       progress, cancel, today)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for the time of an import.

    An import makes a few objects per cell and keeps nearly all of them until it ends; the
    collector went through them again and again as they piled up (a tenth and more of the
    import at 80,000 rows) and found next to nothing to free. Memory is freed as before, as
    each object is dropped; any cycle left is collected once the import is over.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _import(
    database: Database, path: Path, cohort: str | None, provenance: str, sheet: str | None,
    mapping: Mapping[int | str, str | None] | None, dry_run: bool,
    progress: ProgressCallback | None, cancel: CancelCheck | None, today: date,
) -> ImportReport:
    def cancelled() -> bool:
        return cancel is not None and cancel()

    target_id, target_name, _created = resolve_cohort(database, cohort, today, create=False)
    people: list[CheckedPerson] = []
    # The people already known are read and indexed on a second thread while the file is
    # measured and its sheet loaded (the reader lets other threads run while it loads), and
    # the newcomers' ids drawn there once the sheet's size is known, before it loads.
    spare_ids: list[Future[SpareIds]] = []

    def measured(last_row: int) -> None:
        if not dry_run:
            spare_ids.append(background.submit(SpareIds, last_row))

    with _in_background(_known_matcher, database, target_id) as (known_matcher, background), \
            open_table(path, sheet=sheet, mapping=mapping, measured=measured) as table:
        report = ImportReport(
            file_name=table.file_name, sheet=table.sheet, header_row=table.header_row,
            cohort_name="", cohort_created=False, dry_run=dry_run,
            unrecognised_columns=tuple(column.label for column in table.unrecognised),
        )
        columns = tuple(column for column in table.columns if column.field is not None)
        checker = RowChecker(
            columns, today, report,
            guess_bac_type=not any(column.field == "bac_type" for column in columns),
        )
        total = table.last_row
        matcher = known_matcher.result()
        matcher.report = report
        rows = table.rows
        # Rows are checked _PROGRESS_EVERY at a time; every such row count, the coach may
        # cancel and sees the progress (the first batch stops one row short of it).
        batch = list(islice(rows, _PROGRESS_EVERY - 1))
        while batch:
            report.data_rows += len(batch)
            results = checker.check_rows(batch)
            checked = [person for person in results if type(person) is CheckedPerson]
            if len(checked) < len(results):
                for (number, row), person in zip(batch, results, strict=True):
                    if type(person) is CheckedPerson:
                        continue
                    if row_is_blank(row):
                        report.blank_rows += 1
                    else:
                        report.rejected.append(Rejection(number, cast(str, person)))
            people.extend(checked)
            matcher.add_all(checked)
            batch = list(islice(rows, _PROGRESS_EVERY))
            if batch:
                if cancelled():
                    raise ImportCancelled()
                if progress is not None:
                    progress(batch[0][0], total)
    if cancelled():
        raise ImportCancelled()
    report.imported = len(matcher.newcomers)
    report.cohort_name, report.cohort_created = target_name, target_id is None
    if not dry_run:
        _write(database, matcher, people, report, target_id, provenance, today, cancelled,
               spare_ids[-1].result() if spare_ids else None)
    if progress is not None:
        progress(total or report.data_rows, total)
    return report


T = TypeVar("T")


@contextmanager
def _in_background(
    function: Callable[..., T], *args: Any
) -> Iterator[tuple[Future[T], ThreadPoolExecutor]]:
    """``function(*args)`` running on a second thread for the time of the block, and that
    thread for more work."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import") as pool:
        yield pool.submit(function, *args), pool


def _known_matcher(database: Database, cohort_id: str | None) -> _Matcher:
    """The people already in the database, indexed for matching rows against them."""
    with database.read() as session:
        known = _known_people(session)
        cohort_names = dict(session.execute(select(Cohort.id, Cohort.name)).all())
    return _Matcher(known, cohort_id, cohort_names)


def _write(
    database: Database, matcher: _Matcher, people: list[CheckedPerson], report: ImportReport,
    cohort_id: str | None, provenance: str, today: date, cancelled: CancelCheck,
    spare_ids: SpareIds | None,
) -> None:
    """The one write transaction: newcomers, completed details (the promotion made first when
    it is new, and deleted again if the import does not go through)."""
    now = utcnow()
    # Ready before the lock: ids, constants, the rows themselves.
    count = len(matcher.newcomers)
    ids = spare_ids.take(count) if spare_ids is not None else ordered_ids(count)
    rows = NewRows(matcher, ids, provenance, today, now, report, database.engine.dialect)
    made = rows.make(0, len(ids))
    created = None
    if cohort_id is None:
        created = cohort_id = create_cohort(
            database, CohortDraft(name=report.cohort_name, start_date=today))
    try:
        with database.write() as session:
            if session.get(Cohort, cohort_id) is None:
                raise UserError(f"La promotion « {report.cohort_name} » a été supprimée "
                                "pendant l'import : rien n'a été importé.",
                                hint="Choisissez une autre promotion et recommencez.")
            known = _known_people(session)
            if known != matcher.known:
                # Someone changed the people while the file was read: match again against
                # what is there now, under the lock this time.
                report.duplicates.clear()
                report.followed_on.clear()
                matcher = _Matcher(known, cohort_id, matcher.cohort_names)
                matcher.report = report
                matcher.add_all(people)
                report.imported = len(matcher.newcomers)
                ids = ordered_ids(len(matcher.newcomers))
                rows = NewRows(matcher, ids, provenance, today, now, report,
                                database.engine.dialect)
                made = rows.make(0, len(ids))
            connection = session.connection()
            with large_write(database, session, len(ids)):
                for start in range(0, len(made), INSERT_BATCH):
                    if cancelled():
                        raise ImportCancelled()
                    rows.insert(connection, cohort_id, made[start:start + INSERT_BATCH])
                    # Straight to the driver, past the session: a database in a team is told
                    # of the new people here, for its outbox (nothing happens on a database
                    # of one coach).
                    record_rows(session, "participant", "insert",
                                [{"id": row_id} for row_id in ids[start:start + INSERT_BATCH]])
            updates = matcher.update_rows(now)
            if updates:
                # Bulk UPDATE by primary key, grouped by the set of columns each row changes.
                session.execute(update(Participant), updates)
            if cancelled():
                raise ImportCancelled()
    except BaseException:
        if created is not None:
            delete_empty_cohort(database, created)
        raise


class _Matcher:
    """Matches each checked person against everyone known so far.

    A duplicate (same INE, or same names with the same birth date or e-mail) of a person of the
    target promotion or of an earlier row fills that person's empty fields; the others are
    newcomers. A newcomer known only in other promotions follows on from their latest file
    there (``follows``). Nothing is written here.
    """

    # Where duplicates and follow-ons are reported (set once the file is open).
    report: ImportReport

    def __init__(self, known: dict[str, dict[str, Any]], cohort_id: str | None,
                 cohort_names: dict[str, str]) -> None:
        self.known = known
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
