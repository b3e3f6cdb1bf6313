"""The coach's journal: dated notes about a person (a call, an interview, a visit, an e-mail)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models import codes
from coachdesk.models.base import Code, Entity, IdType, in_codes


class JournalEntry(Entity):
    """One dated note in a person's file, by its author, optionally about a contract or an
    employer (« appelé la tutrice, rappeler jeudi »)."""

    __tablename__ = "journal_entry"
    __table_args__ = (
        CheckConstraint(in_codes("kind", codes.JOURNAL_KINDS), name="kind"),
        Index("ix_journal_entry_participant_written", "participant_id", "written_on"),
    )

    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE")
    )
    # The note may concern one of the person's contracts or an employer; it stays with the
    # person when that record goes.
    contract_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("contract.id", ondelete="SET NULL"), index=True
    )
    employer_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("employer.id", ondelete="SET NULL"), index=True
    )
    written_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(Code, default="autre")
    # The coach who wrote it (this laptop's coach is offered first).
    coach_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("coach.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    # Lower-case, accent-free text, kept by coachdesk.services.journal on every
    # write, for accent-insensitive search.
    search_text: Mapped[str] = mapped_column(Text, default="")
