"""The contact import: rows to participants, with the rules the wizard and the CLI share.

Three steps, so that the database's write lock is held only while rows are written:

1. the people already known are read (a short read transaction);
2. the file is read, each row checked and matched against everyone known so far (within the
   file and in the database), ids and shared values made ready — no lock held;
3. one write transaction: a new target promotion created (:func:`~coachdesk.services.cohorts.
   add_cohort`), a check that nobody changed the people meanwhile (else step 2's matching is
   redone against what is there now), the newcomers inserted in large batches (many rows per
   statement, the rows made before the lock is taken, :mod:`.new_rows`), the duplicates' new
   details written.

Steps 1 and 3 run on one connection the import keeps out of the pool: on SQLite it tells
whether anyone else committed in between, so the people are read again under the lock only
then (:meth:`.matching.Matcher.changed_people`). How rows are matched (duplicates, follow-ons,
newcomers) is :mod:`.matching`'s. Nothing is written on a dry run, on cancellation or on
error: the transaction is rolled back, the new promotion with it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import update
from sqlalchemy.engine import Connection

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Cohort, Participant, codes, utcnow
from coachdesk.services.clock import today_for
from coachdesk.services.cohorts import CohortDraft, add_cohort, create_cohort, list_cohorts
from coachdesk.services.contact_import.checks import (
    CheckedPerson,
    ImportReport,
    Rejection,
    RowChecker,
)
from coachdesk.services.contact_import.matching import Matcher, known_matcher
from coachdesk.services.contact_import.new_rows import NewRows, SpareIds, large_write, ordered_ids
from coachdesk.services.contact_import.reader import open_table, row_is_blank
from coachdesk.services.text import fold
from coachdesk.sync.capture import record_rows

ProgressCallback = Callable[[int, int | None], None]
CancelCheck = Callable[[], bool]

_PROGRESS_EVERY = 500
# Rows per INSERT executemany: large, with a chance to cancel between two.
INSERT_BATCH = 10_000


class ImportCancelled(Exception):
    """The coach cancelled the import: nothing was written."""


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
    with _collector_paused(), database.engine.connect() as kept:
        return _import(database, kept, Path(path), cohort, provenance, sheet, mapping, dry_run,
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
    database: Database, kept: Connection, path: Path, cohort: str | None, provenance: str,
    sheet: str | None, mapping: Mapping[int | str, str | None] | None, dry_run: bool,
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

    with _in_background(known_matcher, database, target_id, kept) as (known, background), \
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
        matcher = known.result()
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
        _write(database, kept, matcher, people, report, target_id, provenance, today,
               cancelled, spare_ids[-1].result() if spare_ids else None)
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


def _write(
    database: Database, kept: Connection, matcher: Matcher, people: list[CheckedPerson],
    report: ImportReport, cohort_id: str | None, provenance: str, today: date,
    cancelled: CancelCheck, spare_ids: SpareIds | None,
) -> None:
    """The one write transaction, on the connection the people were read on: the promotion
    when it is new, newcomers, completed details."""
    now = utcnow()
    # Ready before the lock: ids, constants, the rows themselves.
    count = len(matcher.newcomers)
    ids = spare_ids.take(count) if spare_ids is not None else ordered_ids(count)
    rows = NewRows(matcher, ids, provenance, today, now, report, database.engine.dialect)
    made = rows.make(0, len(ids))
    with database.write(kept) as session:
        if cohort_id is None:
            cohort_id = add_cohort(session, CohortDraft(name=report.cohort_name, start_date=today))
        elif session.get(Cohort, cohort_id) is None:
            raise UserError(f"La promotion « {report.cohort_name} » a été supprimée "
                            "pendant l'import : rien n'a été importé.",
                            hint="Choisissez une autre promotion et recommencez.")
        known = matcher.changed_people(session)
        if known is not None:
            # Someone changed the people while the file was read: match again against what
            # is there now, under the lock this time.
            report.duplicates.clear()
            report.followed_on.clear()
            matcher = Matcher(known, cohort_id, matcher.cohort_names)
            matcher.report = report
            matcher.add_all(people)
            report.imported = len(matcher.newcomers)
            ids = ordered_ids(len(matcher.newcomers))
            rows = NewRows(matcher, ids, provenance, today, now, report, database.engine.dialect)
            made = rows.make(0, len(ids))
        connection = session.connection()
        with large_write(database, session, len(ids)):
            for start in range(0, len(made), INSERT_BATCH):
                if cancelled():
                    raise ImportCancelled()
                rows.insert(connection, cohort_id, made[start:start + INSERT_BATCH])
                # Straight to the driver, past the session: a database in a team is told of
                # the new people here, for its outbox (nothing happens on a database of one
                # coach).
                record_rows(session, "participant", "insert",
                            [{"id": row_id} for row_id in ids[start:start + INSERT_BATCH]])
        updates = matcher.update_rows(now)
        if updates:
            # Bulk UPDATE by primary key, grouped by the set of columns each row changes.
            session.execute(update(Participant), updates)
        if cancelled():
            raise ImportCancelled()
