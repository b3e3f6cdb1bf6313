"""The three-month orientation assessment: groups, parts, sessions, skills and projects."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models import codes
from coachdesk.models.base import Code, Entity, IdType, ShortText, in_codes


class BilanGroup(Entity):
    """A group of participants going through the bilan together."""

    __tablename__ = "bilan_group"
    __table_args__ = (
        UniqueConstraint("id", "cohort_id"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
    )

    cohort_id: Mapped[str] = mapped_column(IdType, ForeignKey("cohort.id"), index=True)
    name: Mapped[str] = mapped_column(ShortText)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


class BilanPart(Entity):
    """The planned calendar of one of the three parts (bilan, remise à niveau, TRE)."""

    __tablename__ = "bilan_part"
    __table_args__ = (
        UniqueConstraint("group_id", "kind"),
        CheckConstraint(in_codes("kind", codes.BILAN_PARTS), name="kind"),
        CheckConstraint("end_date >= start_date", name="dates_in_order"),
    )

    group_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("bilan_group.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(Code)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)


class BilanMember(Entity):
    """A participant's place in a bilan group: the day they started, and how it went."""

    __tablename__ = "bilan_member"
    __table_args__ = (
        ForeignKeyConstraint(
            ["group_id", "cohort_id"],
            ["bilan_group.id", "bilan_group.cohort_id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["participant_id", "cohort_id"],
            ["participant.id", "participant.cohort_id"],
            ondelete="CASCADE",
        ),
        UniqueConstraint("group_id", "participant_id"),
        CheckConstraint(in_codes("status", codes.BILAN_STATUSES), name="status"),
        CheckConstraint("left_on IS NULL OR left_on >= started_on", name="dates_in_order"),
    )

    group_id: Mapped[str] = mapped_column(IdType, index=True)
    participant_id: Mapped[str] = mapped_column(IdType, index=True)
    cohort_id: Mapped[str] = mapped_column(IdType)
    started_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Code, default="en_cours")


class BilanSession(Entity):
    """One dated session of a bilan part."""

    __tablename__ = "bilan_session"
    __table_args__ = (CheckConstraint(in_codes("part", codes.BILAN_PARTS), name="part"),)

    group_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("bilan_group.id", ondelete="CASCADE"), index=True
    )
    part: Mapped[str] = mapped_column(Code)
    held_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(ShortText, default="")
    trainer: Mapped[str] = mapped_column(ShortText, default="")


class BilanAttendance(Entity):
    """Whether a group member attended one bilan session."""

    __tablename__ = "bilan_attendance"
    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)

    session_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("bilan_session.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    present: Mapped[bool] = mapped_column(Boolean, default=True)


class SkillAssessment(Entity):
    """Positionnement in one domain: the score before and after the remise à niveau."""

    __tablename__ = "skill_assessment"
    __table_args__ = (
        UniqueConstraint("participant_id", "domain"),
        CheckConstraint("max_score > 0", name="max_positive"),
        CheckConstraint(
            "score_before IS NULL OR (score_before >= 0 AND score_before <= max_score)",
            name="before_in_range",
        ),
        CheckConstraint(
            "score_after IS NULL OR (score_after >= 0 AND score_after <= max_score)",
            name="after_in_range",
        ),
    )

    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    # A code of codes.SKILL_DOMAINS or a domain the coach named.
    domain: Mapped[str] = mapped_column(ShortText)
    max_score: Mapped[int] = mapped_column(Integer, default=20)
    score_before: Mapped[int | None] = mapped_column(Integer)
    assessed_before_on: Mapped[date | None] = mapped_column(Date)
    score_after: Mapped[int | None] = mapped_column(Integer)
    assessed_after_on: Mapped[date | None] = mapped_column(Date)


class ProfessionalProject(Entity):
    """A target job (ROME code) and the decision taken on it."""

    __tablename__ = "professional_project"
    __table_args__ = (
        CheckConstraint(in_codes("decision", codes.PROJECT_DECISIONS), name="decision"),
        CheckConstraint(
            "decision = 'en_cours' OR decided_on IS NOT NULL", name="decision_is_dated"
        ),
        CheckConstraint("length(rome_code) = 5", name="rome_code_length"),
    )

    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    job_title: Mapped[str] = mapped_column(ShortText)
    rome_code: Mapped[str] = mapped_column(String(5), index=True)
    decision: Mapped[str] = mapped_column(Code, default="en_cours")
    decided_on: Mapped[date | None] = mapped_column(Date)
    directly_employable: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
