"""The exports as jobs for the window's worker process
(``coachdesk.ui.widgets.background.run_job``).

Each job takes plain values only (paths, names, codes: what a spawned process can receive),
and the workbook's password when the coach protects it (it reaches the worker through the
process's pipe, never its command line, and is kept nowhere); it opens the database itself,
runs one exporter and returns an :class:`ExportDone` the window turns into a French
confirmation. A cancelled export returns None (no file was written); a
coach-fixable problem raises the exporter's :class:`~coachdesk.errors.UserError` unchanged.

Also here, because the window and the worker both need it without Qt: the export history (the
export log, as plain rows).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from coachdesk.db import Database, open_database
from coachdesk.exports._common import KIND_LABELS
from coachdesk.exports.xlsx import ExportCancelled, ProgressCallback
from coachdesk.models import Cohort, ExportLog

# The job side of background.run_job: progress(done, total, message) and a cancel check.
JobProgress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

# Said before writing any workbook from a protected database: a partner's workbook is plain xlsx
# by nature (partners open it in Excel), so the coach is told plainly instead of it being
# silently less protected than the database it comes from.
PLAIN_WORKBOOK_NOTICE = (
    "Attention : la base est chiffrée, mais ce classeur Excel ne le sera pas. Il contient des "
    "données personnelles en clair : transmettez-le uniquement par un canal sécurisé "
    "(messagerie chiffrée, plateforme d'échange du partenaire), jamais en simple pièce jointe "
    "ni sur une clé USB non chiffrée."
)


def plain_workbook_notice(db_path: str | Path | None) -> str | None:
    """The French notice to show before exporting from ``db_path``, or None when it is plain."""
    if db_path is None:
        return None
    from coachdesk.security.sqlcipher import is_protected

    return PLAIN_WORKBOOK_NOTICE if is_protected(Path(db_path)) else None


@dataclass(frozen=True)
class ExportDone:
    """What an export job wrote: enough for the confirmation message and the history."""

    kind: str
    path: str
    row_count: int
    sha256: str
    recipient: str
    detail: str = ""
    protected: bool = False

    @property
    def file_name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True)
class ExportLogRow:
    """One line of the export history."""

    exported_at: datetime
    kind: str
    kind_label: str
    recipient: str
    cohort: str
    file_name: str
    row_count: int
    sha256: str


def _job_progress(progress: JobProgress | None) -> ProgressCallback | None:
    """Adapt the exporters' ``progress(done, expected_or_None)`` to the job's callback."""
    if progress is None:
        return None
    known_total = 0

    def report(done: int, expected: int | None) -> None:
        nonlocal known_total
        # Sheets without an expected count keep the last known total, grown to what is done.
        known_total = max(expected or 0, known_total, done, 1)
        progress(done, known_total, f"{done:,} lignes écrites sur {known_total:,}".replace(
            ",", "\u202f"))

    return report


@contextmanager
def _database(db_path: str, key: bytes | None) -> Iterator[Database]:
    database = open_database(Path(db_path), create=False, key=key)
    try:
        # The export is noted in the history: a read-only database is said so before any
        # workbook is written.
        database.check_writable()
        yield database
    finally:
        database.dispose()


def _cancelled(is_cancelled: CancelCheck | None) -> bool:
    return is_cancelled is not None and is_cancelled()


def weekly(
    db_path: str,
    out: str,
    week_code: str | None = None,
    cohort_name: str | None = None,
    key: bytes | None = None,
    profile_name: str | None = None,
    *,
    password: str | None = None,
    progress: JobProgress | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportDone | None:
    """The Mission Locale's weekly workbook (``week_code`` like ``2010-W25``) through the
    weekly profile ``profile_name`` (default: the Mission Locale's)."""
    from coachdesk.exports.weekly import export_weekly
    from coachdesk.exports.weekly_scope import find_weekly_profile
    from coachdesk.services.weeks import IsoWeek

    if _cancelled(is_cancelled):
        return None
    week = IsoWeek.parse(week_code) if week_code else None
    profile = find_weekly_profile(profile_name)
    with _database(db_path, key) as database:
        try:
            done = export_weekly(database, out, week=week, cohort_name=cohort_name,
                                 profile=profile, progress=_job_progress(progress),
                                 is_cancelled=is_cancelled, password=password)
        except ExportCancelled:
            return None
    result = done.result
    return ExportDone("hebdomadaire", str(result.path), result.row_count, result.sha256,
                      profile.recipient, f"{done.cohort_name}, {done.week.label}",
                      result.encrypted)


def evaluator(
    db_path: str,
    out: str,
    cohort_name: str | None = None,
    key: bytes | None = None,
    *,
    password: str | None = None,
    progress: JobProgress | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportDone | None:
    """The evaluator's pseudonymised workbook (every cohort when ``cohort_name`` is None)."""
    from coachdesk.exports.evaluator import RECIPIENT, export_evaluator

    if _cancelled(is_cancelled):
        return None
    with _database(db_path, key) as database:
        try:
            done = export_evaluator(database, out, cohort_name=cohort_name,
                                    progress=_job_progress(progress),
                                    is_cancelled=is_cancelled, password=password)
        except ExportCancelled:
            return None
    result = done.result
    return ExportDone("evaluateur", str(result.path), result.row_count, result.sha256,
                      RECIPIENT, cohort_name or "Toutes les promotions", result.encrypted)


def contracts(
    db_path: str,
    out: str,
    recipient: str = "opco",
    cohort_name: str | None = None,
    key: bytes | None = None,
    *,
    password: str | None = None,
    progress: JobProgress | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportDone | None:
    """The contract list through the profile named ``recipient`` (built in or saved)."""
    from coachdesk.exports.partner_lists import export_contracts, find_profile

    if _cancelled(is_cancelled):
        return None
    profile = find_profile(recipient)
    with _database(db_path, key) as database:
        try:
            result = export_contracts(database, out, recipient=recipient,
                                      cohort_name=cohort_name,
                                      progress=_job_progress(progress),
                                      is_cancelled=is_cancelled, password=password)
        except ExportCancelled:
            return None
    return ExportDone("contrats", str(result.path), result.row_count, result.sha256,
                      profile.recipient, cohort_name or "Toutes les promotions",
                      result.encrypted)


def progress_note(
    db_path: str,
    out: str,
    as_of: date | None = None,
    cohort_name: str | None = None,
    key: bytes | None = None,
    *,
    password: str | None = None,
    progress: JobProgress | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportDone | None:
    """The "Note d'étape" workbook: a few rows, so only a cancel before it starts counts."""
    from coachdesk.exports.progress_note import export_progress_note

    if _cancelled(is_cancelled):
        return None
    with _database(db_path, key) as database:
        done = export_progress_note(database, out, as_of=as_of, cohort_name=cohort_name,
                                    password=password)
    result = done.result
    if progress is not None:
        progress(result.row_count, max(result.row_count, 1), "")
    return ExportDone("note_etape", str(result.path), result.row_count, result.sha256,
                      "Note d'étape", f"situation au {done.funnel.as_of:%d/%m/%Y}",
                      result.encrypted)


def export_history(database: Database, limit: int | None = None) -> list[ExportLogRow]:
    """The export log, newest first, as plain rows for the window."""
    with database.read() as session:
        statement = (
            select(ExportLog.created_at, ExportLog.kind, ExportLog.recipient, Cohort.name,
                   ExportLog.file_name, ExportLog.row_count, ExportLog.sha256)
            .outerjoin(Cohort, Cohort.id == ExportLog.cohort_id)
            .order_by(ExportLog.created_at.desc(), ExportLog.id)
        )
        if limit is not None:
            statement = statement.limit(limit)
        return [
            ExportLogRow(row.created_at, row.kind, KIND_LABELS.get(row.kind, row.kind),
                         row.recipient, row.name or "", row.file_name, row.row_count, row.sha256)
            for row in session.execute(statement)
        ]
