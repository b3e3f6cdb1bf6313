"""The right-of-access workbook: everything CoachDesk knows about one person.

The content comes from ``services.gdpr.access_report`` (one sheet per kind of record); the
workbook goes through the one formula-safe writer (``exports.xlsx``): a name typed as
``=HYPERLINK(…)`` stays text, a note with a control character is written as it is, and the
file appears complete or not at all. The audit log keeps the person's id and the count, never
the file name (which the coach may have made of the person's name).

The person's documents (``services.documents``) are written beside the workbook, in a folder
named after it (``fiche-documents/`` for ``fiche.xlsx``), each under the neutral name the
workbook's « Documents » sheet gives with its original name. The folder is private (``0700``,
files ``0600``), written under a temporary name and renamed into place once complete. A
workbook password does not cover it: the coach hands both over by a safe means.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.exports.xlsx import Column, Sheet, write_workbook
from coachdesk.exports.xlsx_cells import ColumnKind
from coachdesk.files import open_private, private_dir
from coachdesk.models import Document, DocumentContent
from coachdesk.services import audit
from coachdesk.services.documents import documents_of_people, neutral_name
from coachdesk.services.follow_on import linked_files_in
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


@dataclass(frozen=True)
class AccessExport:
    """What a right-of-access export wrote: records in the workbook, documents beside it."""

    records: int
    documents: int
    folder: Path | None  # the documents' folder, None when the person has none


def documents_folder(out: Path) -> Path:
    """Where the documents of the access workbook ``out`` go: ``<name>-documents`` beside it."""
    return out.with_name(f"{out.stem}-documents")


def _stage_documents(
    session: Session, participant_id: str, folder: Path
) -> tuple[Path | None, int]:
    """Write the person's documents into a hidden folder beside ``folder``; returns it (None
    when the person has no document) and how many."""
    ids = [file.participant_id for file in linked_files_in(session, participant_id)]
    documents = session.execute(
        select(Document.id, Document.extension).where(documents_of_people(ids))
    ).all()
    if not documents:
        return None, 0
    partial = folder.with_name(f".{folder.name}.partiel")
    shutil.rmtree(partial, ignore_errors=True)  # left by an export that was interrupted
    private_dir(partial)
    try:
        for document_id, extension in documents:
            content = session.scalar(
                select(DocumentContent.content).where(DocumentContent.document_id == document_id)
            )
            with open_private(partial / neutral_name(document_id, extension), "wb") as out:
                out.write(content or b"")
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return partial, len(documents)


def _publish(partial: Path, folder: Path) -> None:
    """Put the staged documents in place of ``folder`` (an earlier export's goes)."""
    old = folder.with_name(f".{folder.name}.ancien")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    partial.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def write_access_export(
    database: Database, participant_id: str, out: Path, *, password: str | None = None
) -> AccessExport:
    """Write the right-of-access workbook to ``out`` (atomically, formula-proof, protected by
    ``password`` when given) and the person's documents beside it, in one transaction with
    its line in the audit log (by the person's id). The documents are staged first: when
    either part fails, neither is left behind."""
    from coachdesk.db_copy import check_not_damaged

    out = Path(out)
    folder = documents_folder(out)
    with database.write() as session:
        sheets, total = access_sheets(session, participant_id)
        partial, documents = _stage_documents(session, participant_id, folder)
        try:
            write_workbook(out, sheets, password=password)
        except BaseException:
            if partial is not None:
                shutil.rmtree(partial, ignore_errors=True)
            raise
        if partial is not None:
            _publish(partial, folder)
        check_not_damaged(session)
        audit.record(
            session,
            "access_export",
            f"Droit d'accès : fiche de la personne {participant_id} ({date.today():%d/%m/%Y})"
            + (f", {documents} document(s)" if documents else ""),
            total,
        )
        return AccessExport(total, documents, folder if documents else None)


def write_access_workbook(
    database: Database, participant_id: str, out: Path, *, password: str | None = None
) -> int:
    """:func:`write_access_export`, returning the number of records in the workbook."""
    return write_access_export(database, participant_id, out, password=password).records
