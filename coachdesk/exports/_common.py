"""Pieces shared by the exports: the export log, names, latest-row subqueries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.exports.xlsx import ExportResult
from coachdesk.files import text_name
from coachdesk.models import ExportLog, Participant

# Rows fetched at a time when a sheet streams a query (flat memory at 80,000 people).
STREAM_BATCH = 2000

# Kinds written in ExportLog.kind by the exporters, with the names coaches read.
KIND_LABELS = {
    "hebdomadaire": "Classeur hebdomadaire",
    "evaluateur": "Export pseudonymisé (évaluateur)",
    "contrats": "Liste des contrats",
    "note_etape": "Note d'étape",
}

def alphabetical() -> tuple[Any, ...]:
    """The order partners read lists of people in: by last name then first name, ignoring case
    and accents ("Alary", "ALARY" and "Azéma" side by side), as a French reader sorts them.

    ``search_text`` starts with the folded last name, then the folded first name
    (:func:`coachdesk.services.text.participant_search_text`); the names as typed break ties.
    """
    return (Participant.search_text, Participant.last_name, Participant.first_name,
            Participant.id)


def end_of_day(day: date) -> datetime:
    """The first moment after ``day`` (compare datetimes with ``<`` to mean « by that day »)."""
    return datetime.combine(day + timedelta(days=1), time())


def as_day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def latest_per_participant(
    participant_column: InstrumentedAttribute[str],
    order_column: ColumnElement[Any] | InstrumentedAttribute[Any],
    *columns: ColumnElement[Any] | InstrumentedAttribute[Any],
    where: tuple[ColumnElement[bool], ...] = (),
) -> Any:
    """A subquery holding, for each participant, the chosen columns of their latest row.

    Portable (a window function, no SQLite specifics); its columns are ``participant_id`` and
    the given columns' names. Join it on ``participant_id``.
    """
    ranked = (
        select(
            participant_column.label("participant_id"),
            *columns,
            func.row_number()
            .over(partition_by=participant_column, order_by=order_column.desc())
            .label("rank"),
        )
        .where(*where)
        .subquery()
    )
    return (
        select(*[c for c in ranked.c if c.name != "rank"]).where(ranked.c.rank == 1).subquery()
    )


@contextmanager
def recording(database: Database, result: ExportResult) -> Iterator[Session]:
    """The transaction that logs a workbook already written.

    Should it fail (a full disk under the database), the coach is told the truth: the workbook
    is there, complete, but the export history does not list it.
    """
    try:
        with database.write() as session:
            yield session
    except Exception as exc:
        from coachdesk.errors import explain_failure

        explained = explain_failure(exc, database=database.path)
        if explained is None:
            raise
        raise UserError(
            f"Le classeur « {Path(result.path).name} » a été écrit, complet, mais l'envoi n'a "
            f"pas pu être noté dans l'historique des exports. {explained.message}",
            hint="Le classeur peut être transmis ; l'historique des exports ne le mentionnera "
            "pas. " + (explained.hint or ""),
        ) from exc


def log_export(
    session: Session,
    *,
    kind: str,
    recipient: str,
    result: ExportResult,
    cohort_id: str | None,
    summary: dict[str, Any] | None = None,
) -> str:
    """Record a written file in the export log: what, for whom, how many rows, its SHA-256.

    A damaged database gets no log row: ``DamagedDatabase`` says so to the coach instead.
    """
    from coachdesk.db_copy import check_not_damaged

    check_not_damaged(session)
    entry = ExportLog(
        kind=kind,
        recipient=recipient,
        file_name=text_name(Path(result.path).name),
        row_count=result.row_count,
        sha256=result.sha256,
        cohort_id=cohort_id,
        # Whether the file was protected by a password (the password itself is kept nowhere).
        summary=json.dumps({**(summary or {}), **({"protected": True} if result.encrypted
                                                    else {})},
                           ensure_ascii=False, sort_keys=True),
    )
    session.add(entry)
    session.flush()
    # Who sent what to whom, in the same transaction as the export log (DESIGN: audit log).
    from coachdesk.services import audit

    audit.record(session, "export", audit_detail(kind, recipient, entry.file_name),
                 count=result.row_count)
    return entry.id


def audit_detail(kind: str, recipient: str, file_name: str) -> str:
    """The audit-log line of an export: what was sent, to whom, in which file."""
    label = KIND_LABELS.get(kind, kind)
    return f"{label} pour {recipient or 'usage interne'} : {file_name}"


@dataclass(frozen=True)
class PreviousExport:
    exported_at: datetime
    file_name: str
    summary: dict[str, Any]


def previous_export(session: Session, kind: str, cohort_id: str) -> PreviousExport | None:
    """The latest logged export of this kind for the cohort, with its stored summary."""
    statement = (
        select(ExportLog.created_at, ExportLog.file_name, ExportLog.summary)
        .where(ExportLog.kind == kind, ExportLog.cohort_id == cohort_id)
        .order_by(ExportLog.created_at.desc())
        .limit(1)
    )
    row = session.execute(statement).first()
    if row is None:
        return None
    try:
        summary = json.loads(row.summary or "{}")
    except ValueError:
        summary = {}
    if not isinstance(summary, dict):
        summary = {}
    return PreviousExport(row.created_at, row.file_name, summary)
