"""Documents kept with a file: a CV, the signed CERFA, the OPCO's decision, a visit report.

A document belongs to exactly one record: a person, a contract, an employer or a follow-up
visit, and goes with it (``ON DELETE CASCADE``). Its bytes live in the database itself, in a
table of their own, so that a protected database keeps them encrypted, backups carry them and
an erasure takes them away; the list of a file's documents reads the small table only. The
file's name is data, shown to the coach, never a path on disk.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Entity, IdType

OWNER_COLUMNS = ("participant_id", "contract_id", "employer_id", "visit_id")

# Exactly one owner (written with CASE so that SQLite and PostgreSQL read it alike).
_ONE_OWNER = " + ".join(
    f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)" for column in OWNER_COLUMNS
) + " = 1"


class Document(Entity):
    """One attached file: its name as the coach gave it, its type, size and fingerprint."""

    __tablename__ = "document"
    __table_args__ = (
        CheckConstraint(_ONE_OWNER, name="one_owner"),
        CheckConstraint("size > 0", name="size"),
    )

    participant_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    contract_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("contract.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    visit_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("follow_up_visit.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(255))
    # The lower-case extension the type was checked by (« pdf », « docx »…).
    extension: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_on: Mapped[date] = mapped_column(Date)


class DocumentContent(Entity):
    """The bytes of one document (one row per document)."""

    __tablename__ = "document_content"

    document_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("document.id", ondelete="CASCADE"), unique=True
    )
    content: Mapped[bytes] = mapped_column(LargeBinary)
