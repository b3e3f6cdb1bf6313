"""The right-of-access workbook: everything CoachDesk knows about one person.

The content comes from ``services.gdpr.access_report`` (one sheet per kind of record); the
workbook goes through the one formula-safe writer (``exports.xlsx``): a name typed as
``=HYPERLINK(…)`` stays text, a note with a control character is written as it is, and the
file appears complete or not at all. The audit log keeps the person's id and the count, never
the file name (which the coach may have made of the person's name).

The person's documents (``services.documents``) go beside the workbook, never in clear when
the workbook has a password:

* with a password, in one PDF encrypted with the same password (``fiche-documents.pdf`` for
  ``fiche.xlsx``, ``exports.access_documents``): a cover page lists them, each is attached with
  its original bytes; built in memory, it reaches the disk encrypted;
* without one (the coach chose a plain export), in a folder named after the workbook
  (``fiche-documents/``), each under the neutral name the workbook's « Documents » sheet gives
  with its original name; from a protected database, the coach is warned that neither the
  workbook nor this folder is encrypted.

Either is private (``0600`` files, ``0700`` folder), written under a temporary name and put in
place once the workbook is written: when either part fails, neither is left behind. The
documents an earlier export wrote under the same workbook name, in either form, go.
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
from coachdesk.exports.access_documents import documents_file, documents_pdf
from coachdesk.exports.xlsx import Column, Sheet, write_workbook
from coachdesk.exports.xlsx_cells import ColumnKind
from coachdesk.files import open_private, private_dir
from coachdesk.models import DocumentContent
from coachdesk.services import audit
from coachdesk.services.documents import (
    DocumentRow,
    documents_in,
    documents_of_people,
    neutral_name,
)
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
    folder: Path | None  # without a password: the documents' folder (in clear), else None
    protected_file: Path | None = None  # with a password: the encrypted PDF holding them


def documents_folder(out: Path) -> Path:
    """Where the documents of a plain access workbook ``out`` go: ``<name>-documents``."""
    return out.with_name(f"{out.stem}-documents")


def _person_documents(session: Session, participant_id: str) -> list[tuple[DocumentRow, bytes]]:
    """The documents of the person (in each of their files), with their bytes."""
    ids = [file.participant_id for file in linked_files_in(session, participant_id)]
    return [
        (row, session.scalar(select(DocumentContent.content)
                             .where(DocumentContent.document_id == row.id)) or b"")
        for row in documents_in(session, documents_of_people(ids))
    ]


def _stage_folder(documents: list[tuple[DocumentRow, bytes]], folder: Path) -> Path:
    """Write the documents in clear into a hidden private folder beside ``folder``."""
    partial = folder.with_name(f".{folder.name}.partiel")
    shutil.rmtree(partial, ignore_errors=True)  # left by an export that was interrupted
    private_dir(partial)
    try:
        for row, content in documents:
            with open_private(partial / neutral_name(row.id, row.extension), "wb") as out:
                out.write(content)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return partial


def _stage_protected(
    documents: list[tuple[DocumentRow, bytes]], target: Path, password: str
) -> Path:
    """Write the encrypted documents PDF into a hidden private file beside ``target``."""
    data = documents_pdf(documents, password)  # encrypted before it reaches the disk
    partial = target.with_name(f".{target.name}.partiel")
    try:
        with open_private(partial, "wb") as out:
            out.write(data)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return partial


def _discard(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _publish(partial: Path | None, out: Path, password: str | None) -> None:
    """Put the staged documents in place; an earlier export's documents under this workbook
    name go, in either form (a plain folder never stays beside a protected export)."""
    folder, protected = documents_folder(out), documents_file(out)
    old = folder.with_name(f".{folder.name}.ancien")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    if partial is not None:
        partial.replace(protected if password is not None else folder)
    if password is None or partial is None:
        protected.unlink(missing_ok=True)
    shutil.rmtree(old, ignore_errors=True)


def write_access_export(
    database: Database, participant_id: str, out: Path, *, password: str | None = None
) -> AccessExport:
    """Write the right-of-access workbook to ``out`` (atomically, formula-proof, protected by
    ``password`` when given) and the person's documents beside it (encrypted with the same
    ``password`` when given), in one transaction with its line in the audit log (by the
    person's id). The documents are staged first: when either part fails, neither is left
    behind."""
    from coachdesk.db_copy import check_not_damaged

    out = Path(out)
    with database.write() as session:
        sheets, total = access_sheets(session, participant_id)
        documents = _person_documents(session, participant_id)
        partial: Path | None = None
        if documents:
            partial = (_stage_folder(documents, documents_folder(out)) if password is None
                       else _stage_protected(documents, documents_file(out), password))
        try:
            write_workbook(out, sheets, password=password)
        except BaseException:
            if partial is not None:
                _discard(partial)
            raise
        _publish(partial, out, password)
        check_not_damaged(session)
        audit.record(
            session,
            "access_export",
            f"Droit d'accès : fiche de la personne {participant_id} ({date.today():%d/%m/%Y})"
            + (f", {len(documents)} document(s)" if documents else ""),
            total,
        )
        if not documents:
            return AccessExport(total, 0, None)
        if password is None:
            return AccessExport(total, len(documents), documents_folder(out))
        return AccessExport(total, len(documents), None, documents_file(out))


def write_access_workbook(
    database: Database, participant_id: str, out: Path, *, password: str | None = None
) -> int:
    """:func:`write_access_export`, returning the number of records in the workbook."""
    return write_access_export(database, participant_id, out, password=password).records
