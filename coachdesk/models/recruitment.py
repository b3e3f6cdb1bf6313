"""Reaching the contacts: outreach attempts, information sessions, selection interviews."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models import codes
from coachdesk.models.base import Code, Entity, IdType, ShortText, in_codes


class Outreach(Entity):
    """One attempt to reach a contact (mailing, phoning, Mission Locale invitation)."""

    __tablename__ = "outreach"
    __table_args__ = (
        CheckConstraint(in_codes("channel", codes.OUTREACH_CHANNELS), name="channel"),
        CheckConstraint(in_codes("outcome", codes.OUTREACH_OUTCOMES), name="outcome"),
        CheckConstraint("recall_on IS NULL OR recall_on >= done_on", name="recall_after"),
    )

    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    done_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(Code)
    outcome: Mapped[str] = mapped_column(Code)
    # Who called, or sent the mailing or the invitations.
    coach_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("coach.id", ondelete="SET NULL"), index=True
    )
    campaign: Mapped[str] = mapped_column(ShortText, default="")
    recall_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class InfoSession(Entity):
    """A collective information meeting (réunion d'information collective)."""

    __tablename__ = "info_session"
    __table_args__ = (
        UniqueConstraint("id", "cohort_id"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity"),
    )

    cohort_id: Mapped[str] = mapped_column(IdType, ForeignKey("cohort.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(DateTime())
    place: Mapped[str] = mapped_column(ShortText, default="")
    capacity: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class Attendance(Entity):
    """A person invited to an information session, and whether they came.

    The composite foreign keys carry the cohort on both sides, so an attendance can only join a
    session and a person of the same cohort.
    """

    __tablename__ = "attendance"
    __table_args__ = (
        ForeignKeyConstraint(
            ["session_id", "cohort_id"],
            ["info_session.id", "info_session.cohort_id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["participant_id", "cohort_id"],
            ["participant.id", "participant.cohort_id"],
            ondelete="CASCADE",
        ),
        UniqueConstraint("session_id", "participant_id"),
        CheckConstraint(in_codes("status", codes.ATTENDANCE_STATUSES), name="status"),
    )

    session_id: Mapped[str] = mapped_column(IdType, index=True)
    participant_id: Mapped[str] = mapped_column(IdType, index=True)
    cohort_id: Mapped[str] = mapped_column(IdType)
    status: Mapped[str] = mapped_column(Code, default="invite")


class SelectionInterview(Entity):
    """The individual selection interview and its decision."""

    __tablename__ = "selection_interview"
    __table_args__ = (
        CheckConstraint(
            "decision IS NULL OR " + in_codes("decision", codes.SELECTION_DECISIONS),
            name="decision",
        ),
    )

    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    interviewer: Mapped[str] = mapped_column(ShortText, default="")
    decision: Mapped[str | None] = mapped_column(Code)
    motivation_notes: Mapped[str] = mapped_column(Text, default="")
