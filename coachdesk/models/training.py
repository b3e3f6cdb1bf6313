"""The training a person follows, as the training body reports it: its rhythm, the absences,
the assessments and how it ends (certificate obtained or not, or left).

A work-study training belongs to its contract (one per contract); evening classes followed
beside a job have no contract. Both name their training body and the qualification prepared,
which start as the promotion's.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models import codes
from coachdesk.models.base import Code, Entity, IdType, ShortText, in_codes


class Training(Entity):
    """One person's training: where, what, at which rhythm, and its result with its date."""

    __tablename__ = "training"
    __table_args__ = (
        UniqueConstraint("contract_id"),
        CheckConstraint(in_codes("mode", codes.TRAINING_MODES), name="mode"),
        CheckConstraint("mode = 'cours_du_soir' OR contract_id IS NOT NULL",
                        name="work_study_has_contract"),
        CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
                        name="dates_in_order"),
        CheckConstraint(
            "days_at_training_body IS NULL OR days_at_training_body BETWEEN 0 AND 7",
            name="days_at_training_body"),
        CheckConstraint("days_at_work IS NULL OR days_at_work BETWEEN 0 AND 7",
                        name="days_at_work"),
        CheckConstraint(
            "(result IS NULL AND result_on IS NULL) OR (result_on IS NOT NULL AND "
            + in_codes("result", codes.TRAINING_RESULTS) + ")",
            name="result_dated"),
    )

    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    contract_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("contract.id", ondelete="CASCADE")
    )
    mode: Mapped[str] = mapped_column(Code, default="alternance")
    training_body_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("training_body.id", ondelete="SET NULL"), index=True
    )
    # The certificate or diploma prepared (« Certificat professionnel Assistant de gestion »).
    qualification: Mapped[str] = mapped_column(ShortText, default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    # The rhythm of the week: « 2 j centre / 3 j entreprise ».
    days_at_training_body: Mapped[int | None] = mapped_column(Integer)
    days_at_work: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[str | None] = mapped_column(Code)
    result_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class TrainingAbsence(Entity):
    """A day of absence reported by the training body: hours or half-days, justified or not."""

    __tablename__ = "training_absence"
    __table_args__ = (
        UniqueConstraint("training_id", "absent_on"),
        CheckConstraint("(hours IS NULL) <> (half_days IS NULL)", name="hours_or_half_days"),
        CheckConstraint("hours IS NULL OR (hours > 0 AND hours <= 12)", name="hours"),
        CheckConstraint("half_days IS NULL OR half_days BETWEEN 1 AND 2", name="half_days"),
        CheckConstraint(in_codes("source", codes.TRAINING_ENTRY_SOURCES), name="source"),
    )

    training_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("training.id", ondelete="CASCADE"), index=True
    )
    absent_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[float | None] = mapped_column(Numeric(4, 1, asdecimal=False))
    half_days: Mapped[int | None] = mapped_column(Integer)
    justified: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(ShortText, default="")
    source: Mapped[str] = mapped_column(Code, default="saisie")


class TrainingAssessment(Entity):
    """An assessment at the training body: its day, its subject, its result and grade on 20."""

    __tablename__ = "training_assessment"
    __table_args__ = (
        UniqueConstraint("training_id", "assessed_on", "subject"),
        CheckConstraint("grade IS NULL OR (grade >= 0 AND grade <= 20)", name="grade"),
        CheckConstraint(in_codes("source", codes.TRAINING_ENTRY_SOURCES), name="source"),
    )

    training_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("training.id", ondelete="CASCADE"), index=True
    )
    assessed_on: Mapped[date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(ShortText)
    # In words (« Acquis », « Validé »), when the training body gives no grade or both.
    result: Mapped[str] = mapped_column(ShortText, default="")
    grade: Mapped[float | None] = mapped_column(Numeric(4, 2, asdecimal=False))
    source: Mapped[str] = mapped_column(Code, default="saisie")
