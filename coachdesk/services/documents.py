"""Documents kept with a file: attach, list, read back, delete.

A coach keeps the CV, the signed CERFA, the OPCO's decision or a signed visit report with the
person, the contract, the employer or the visit it belongs to. The bytes go into the database
(``models.documents``): encrypted with a protected database, carried by every backup, taken
away by an erasure. What is accepted is said once, here, for every path:

* an allow-list of types (PDF, images, office files), each checked by its extension and, where
  the format has one, by the first bytes of the file (a ``.pdf`` that is not a PDF is refused);
* at most :data:`MAX_DOCUMENT_BYTES` per document, checked before the file is read.

The file's name is kept as the coach's data, shown in the list and in the right-of-access
export; it is never used as a path (a copy opened in the viewer gets a neutral name,
``services.document_copies``).
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath
from typing import Any, Literal

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.files import text_name
from coachdesk.models import (
    Contract,
    Document,
    DocumentContent,
    Employer,
    FollowUpVisit,
    Participant,
)
from coachdesk.services.clock import clock_day
from coachdesk.services.records import get_record

# The largest document kept (a scanned CERFA of a few pages is 1–5 MB).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_DOCUMENT_LABEL = "20 Mo"

# Extension → (French kind, the first bytes the file must start with; empty: no signature).
_PDF = (b"%PDF-",)
_ZIP = (b"PK\x03\x04",)  # Office Open XML and OpenDocument files are zip archives
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # Word, Excel and PowerPoint before 2007
ACCEPTED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("PDF", _PDF),
    "jpg": ("Image JPEG", (b"\xff\xd8\xff",)),
    "jpeg": ("Image JPEG", (b"\xff\xd8\xff",)),
    "png": ("Image PNG", (b"\x89PNG\r\n\x1a\n",)),
    "tif": ("Image TIFF", (b"II*\x00", b"MM\x00*")),
    "tiff": ("Image TIFF", (b"II*\x00", b"MM\x00*")),
    "doc": ("Document Word", _OLE),
    "docx": ("Document Word", _ZIP),
    "xls": ("Classeur Excel", _OLE),
    "xlsx": ("Classeur Excel", _ZIP),
    "ppt": ("Présentation PowerPoint", _OLE),
    "pptx": ("Présentation PowerPoint", _ZIP),
    "odt": ("Texte OpenDocument", _ZIP),
    "ods": ("Classeur OpenDocument", _ZIP),
    "odp": ("Présentation OpenDocument", _ZIP),
    "rtf": ("Texte RTF", (b"{\\rtf",)),
    "txt": ("Texte", ()),
}
ACCEPTED_LABEL = (
    "PDF, images (JPEG, PNG, TIFF), documents Word, Excel, PowerPoint, OpenDocument, RTF et "
    "texte"
)

OwnerKind = Literal["participant", "contract", "employer", "visit"]
_OWNER_MODELS: dict[str, tuple[Any, str, str]] = {
    # kind → (model, column of Document, what the coach calls it)
    "participant": (Participant, "participant_id", "Personne"),
    "contract": (Contract, "contract_id", "Contrat"),
    "employer": (Employer, "employer_id", "Employeur"),
    "visit": (FollowUpVisit, "visit_id", "Visite"),
}


@dataclass(frozen=True, slots=True)
class DocumentOwner:
    """The record a document is attached to: ``kind`` and its id."""

    kind: OwnerKind
    id: str


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """A document as the coach gives it: its name (data, never a path) and its bytes."""

    name: str
    content: bytes


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One line of a documents list."""

    id: str
    file_name: str
    extension: str
    kind: str
    size: int
    added_on: date
    attached_to: str  # « Personne », « Contrat », « Visite du 12/10/2010 »…

    @property
    def size_label(self) -> str:
        return size_label(self.size)


def neutral_name(document_id: str, extension: str) -> str:
    """A file name that says nothing about anyone, for a copy of a document on disk."""
    return f"document-{document_id[:8]}.{extension}"


def size_label(size: int) -> str:
    """A size as a coach reads it: « 850 octets », « 12 Ko », « 3,4 Mo »."""
    if size < 1024:
        return f"{size} octets"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} Ko"
    return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")


def clean_name(name: str) -> str:
    """The name a document is kept under: its last part only (a name is never a path), no
    control characters, at most 255 characters."""
    base = PurePath(text_name(name).replace("\\", "/")).name
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    if len(base) > 255:
        stem, dot, extension = base.rpartition(".")
        base = (stem[: 254 - len(extension)] + dot + extension) if dot else base[:255]
    return base


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def _too_big(name: str, size: int) -> UserError:
    # Rounded up: a file just over the limit never reads as « 20,0 Mo ».
    weight = f"{math.ceil(size * 10 / (1024 * 1024)) / 10:.1f} Mo".replace(".", ",")
    return UserError(
        f"Le fichier « {name} » pèse {weight} : un document gardé dans CoachDesk "
        f"ne peut pas dépasser {MAX_DOCUMENT_LABEL}.",
        hint="Réduisez-le (un PDF compressé, une image moins grande, un scan en noir et "
        "blanc), puis ajoutez-le de nouveau.",
    )


def _checked(file: DocumentFile) -> tuple[str, str]:
    """The name to keep and the extension; every refusal is a French sentence.

    Raises:
        UserError: no name, a type not accepted, empty, too big, or bytes that are not what
            the extension says.
    """
    name = clean_name(file.name)
    if not name:
        raise UserError("Le document n'a pas de nom de fichier.",
                        hint="Choisissez un fichier existant, puis ajoutez-le.")
    extension = _extension(name)
    if extension not in ACCEPTED:
        shown = f"« .{extension} »" if extension else "sans extension"
        raise UserError(
            f"Le fichier « {name} » ({shown}) n'est pas d'un type que CoachDesk garde.",
            hint=f"Types acceptés : {ACCEPTED_LABEL}. Enregistrez-le dans l'un de ces "
            "formats (en PDF, par exemple), puis ajoutez-le.",
        )
    if not file.content:
        raise UserError(f"Le fichier « {name} » est vide : il n'y a rien à garder.",
                        hint="Vérifiez que c'est le bon fichier.")
    if len(file.content) > MAX_DOCUMENT_BYTES:
        raise _too_big(name, len(file.content))
    kind, signatures = ACCEPTED[extension]
    if signatures and not file.content.startswith(signatures):
        raise UserError(
            f"Le fichier « {name} » ne contient pas ce que son extension annonce "
            f"({kind}) : il n'a pas été ajouté.",
            hint="Il est peut-être abîmé ou mal renommé. Ouvrez-le et enregistrez-le de "
            "nouveau au bon format, puis ajoutez-le.",
        )
    if extension == "txt" and b"\x00" in file.content[:4096]:
        raise UserError(
            f"Le fichier « {name} » n'est pas un texte : il n'a pas été ajouté.",
            hint="Enregistrez-le au format PDF, puis ajoutez-le.",
        )
    return name, extension


def read_document_file(path: Path) -> DocumentFile:
    """Read a file the coach chose, refusing a too-big file before reading it.

    Raises:
        UserError: the file cannot be read, or is refused (see :func:`add_document`).
    """
    name = clean_name(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise _too_big(name, size)
        content = path.read_bytes()
    except OSError as exc:
        raise UserError(
            f"Le fichier « {name} » ne peut pas être lu ({exc.strerror or 'erreur de lecture'}).",
            hint="Vérifiez qu'il existe encore et qu'il n'est pas ouvert dans un autre "
            "programme, puis recommencez.",
        ) from None
    file = DocumentFile(name, content)
    _checked(file)
    return file


def add_document(database: Database, owner: DocumentOwner, file: DocumentFile) -> str:
    """Keep ``file`` with ``owner`` (one transaction); returns the document's id.

    Raises:
        UserError: a type not accepted, an empty or too big file (the limit is
            :data:`MAX_DOCUMENT_LABEL`), bytes that do not match the extension, or an owner
            that no longer exists.
    """
    name, extension = _checked(file)
    model, column, what = _OWNER_MODELS[owner.kind]
    with database.write() as session:
        get_record(session, model, owner.id, what)
        document = Document(
            file_name=name,
            extension=extension,
            size=len(file.content),
            sha256=hashlib.sha256(file.content).hexdigest(),
            added_on=clock_day(session),
            **{column: owner.id},
        )
        session.add(document)
        session.flush()
        session.add(DocumentContent(document_id=document.id, content=file.content))
        return document.id


def delete_document(database: Database, document_id: str) -> None:
    """Delete one document and its bytes (one transaction), then leave nothing of them in
    the write-ahead log: ``secure_delete`` zeroes their pages in the file, the checkpoint
    folds the log in and empties it (a scan filed with the wrong person must go for good)."""
    from coachdesk.db import checkpoint_wal

    with database.write() as session:
        get_record(session, Document, document_id, "Document")
        session.execute(delete(DocumentContent).where(DocumentContent.document_id == document_id))
        session.execute(delete(Document).where(Document.id == document_id))
    checkpoint_wal(database)


def document_content(database: Database, document_id: str) -> DocumentFile:
    """A document's name and bytes, as they were added."""
    with database.read() as session:
        row = session.execute(
            select(Document.file_name, DocumentContent.content)
            .join(DocumentContent, DocumentContent.document_id == Document.id)
            .where(Document.id == document_id)
        ).first()
    if row is None:
        raise UserError("Ce document n'existe plus dans la base.",
                        hint="Il a peut-être été supprimé entre-temps ; rechargez la liste.")
    return DocumentFile(row.file_name, row.content)


def document_extension(database: Database, document_id: str) -> str:
    """The extension a document was checked by (« pdf »…), for a copy the viewer can open."""
    with database.read() as session:
        extension = session.scalar(select(Document.extension).where(Document.id == document_id))
    if extension is None:
        raise UserError("Ce document n'existe plus dans la base.",
                        hint="Il a peut-être été supprimé entre-temps ; rechargez la liste.")
    return extension


# --- which documents belong to whom ----------------------------------------------------------


def documents_of_people(participant_ids: Iterable[str]) -> ColumnElement[bool]:
    """Where a document is about these people: attached to them, to one of their contracts
    or to a visit of those contracts (for the right of access and the erasure)."""
    ids = list(participant_ids)
    contracts = select(Contract.id).where(Contract.participant_id.in_(ids))
    visits = select(FollowUpVisit.id).where(FollowUpVisit.contract_id.in_(contracts))
    return or_(
        Document.participant_id.in_(ids),
        Document.contract_id.in_(contracts),
        Document.visit_id.in_(visits),
    )


def _owned_by(owner: DocumentOwner) -> ColumnElement[bool]:
    if owner.kind == "participant":
        return documents_of_people([owner.id])
    if owner.kind == "contract":
        visits = select(FollowUpVisit.id).where(FollowUpVisit.contract_id == owner.id)
        return or_(Document.contract_id == owner.id, Document.visit_id.in_(visits))
    column = getattr(Document, _OWNER_MODELS[owner.kind][1])
    condition: ColumnElement[bool] = column == owner.id
    return condition


def documents_in(session: Session, where: ColumnElement[bool]) -> list[DocumentRow]:
    """The documents ``where`` selects, newest first, read in the caller's transaction (the
    right-of-access export reads them with the rest of the person's file)."""
    rows = []
    for row in session.execute(
        select(Document.id, Document.file_name, Document.extension, Document.size,
               Document.added_on, Document.participant_id, Document.contract_id,
               Document.employer_id, FollowUpVisit.done_on, FollowUpVisit.planned_on)
        .outerjoin(FollowUpVisit, FollowUpVisit.id == Document.visit_id)
        .where(where)
        .order_by(Document.added_on.desc(), Document.file_name)
    ):
        if row.participant_id is not None:
            attached = "Personne"
        elif row.contract_id is not None:
            attached = "Contrat"
        elif row.employer_id is not None:
            attached = "Employeur"
        else:
            attached = _visit_label(row.done_on, row.planned_on)
        rows.append(DocumentRow(row.id, row.file_name, row.extension,
                                ACCEPTED[row.extension][0], row.size, row.added_on, attached))
    return rows


def _visit_label(done_on: date | None, planned_on: date | None) -> str:
    day = done_on or planned_on
    return f"Visite du {day:%d/%m/%Y}" if day else "Visite"


def attach_targets(database: Database, owner: DocumentOwner) -> list[tuple[str, DocumentOwner]]:
    """Where a document added from ``owner``'s list may go, with the label the list shows:
    the record itself first, then, for a person, their contracts and visits, for a contract,
    its visits."""
    targets = [(_OWNER_MODELS[owner.kind][2], owner)]
    if owner.kind not in ("participant", "contract"):
        return targets
    with database.read() as session:
        if owner.kind == "participant":
            for contract_id, start in session.execute(
                select(Contract.id, Contract.start_date)
                .where(Contract.participant_id == owner.id).order_by(Contract.start_date)
            ):
                targets.append((f"Contrat du {start:%d/%m/%Y}",
                                DocumentOwner("contract", contract_id)))
            contracts = select(Contract.id).where(Contract.participant_id == owner.id)
        else:
            contracts = select(Contract.id).where(Contract.id == owner.id)
        for visit_id, done_on, planned_on in session.execute(
            select(FollowUpVisit.id, FollowUpVisit.done_on, FollowUpVisit.planned_on)
            .where(FollowUpVisit.contract_id.in_(contracts))
            .order_by(func.coalesce(FollowUpVisit.done_on, FollowUpVisit.planned_on))
        ):
            targets.append((_visit_label(done_on, planned_on), DocumentOwner("visit", visit_id)))
    return targets


def list_documents(database: Database, owner: DocumentOwner) -> list[DocumentRow]:
    """The documents of ``owner``, newest first. A person's list holds those of their
    contracts and visits too; a contract's, those of its visits."""
    with database.read() as session:
        return documents_in(session, _owned_by(owner))
