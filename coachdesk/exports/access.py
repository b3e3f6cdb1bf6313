"""The right-of-access workbook: everything CoachDesk knows about one person.

The content comes from ``services.gdpr.access_report`` (one sheet per kind of record); the
workbook goes through the one formula-safe writer (``exports.xlsx``): a name typed as
``=HYPERLINK(…)`` stays text, a note with a control character is written as it is, and the
file appears complete or not at all. The audit log keeps the person's id and the count, never
the file name (which the coach may have made of the person's name).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.exports.xlsx import Column, Sheet, write_workbook
from coachdesk.exports.xlsx_cells import ColumnKind
from coachdesk.services import audit
from coachdesk.services.gdpr import access_report

NO_DATA = "Aucune donnée"


def _kind(values: list[Any]) -> ColumnKind:
    """Dates (and date-times) as real Excel dates; whole numbers as numbers; the rest as text
    (the "date" kind writes any value that is not a date as text)."""
    present = [value for value in values if value is not None]
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int"
    return "date"


def _columns(headers: Sequence[str], rows: list[list[Any]]) -> list[Column]:
    return [
        Column(f"c{index}", label, _kind([row[index] for row in rows]), width=24)
        for index, label in enumerate(headers)
    ]


def access_sheets(session: Session, participant_id: str) -> tuple[list[Sheet], int]:
    """The workbook's sheets and the number of records they hold."""
    sheets = []
    total = 0
    for title, (headers, rows) in access_report(session, participant_id).items():
        total += len(rows)
        if rows:
            sheets.append(Sheet(title, _columns(headers, rows), rows))
        else:
            sheets.append(
                Sheet(title, _columns(headers, []), [[NO_DATA, *[None] * (len(headers) - 1)]])
            )
    return sheets, total


def write_access_workbook(
    database: Database, participant_id: str, out: Path, *, password: str | None = None
) -> int:
    """Write the right-of-access workbook to ``out`` (atomically, formula-proof, protected by
    ``password`` when given), in one transaction with its line in the audit log (by the
    person's id).

    Returns the number of records written.
    """
    from coachdesk.db_copy import check_not_damaged

    with database.write() as session:
        sheets, total = access_sheets(session, participant_id)
        write_workbook(Path(out), sheets, password=password)
        check_not_damaged(session)
        audit.record(
            session,
            "access_export",
            f"Droit d'accès : fiche de la personne {participant_id} ({date.today():%d/%m/%Y})",
            total,
        )
        return total
