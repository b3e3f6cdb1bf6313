"""From an offer to a recruitment interview: referrals, interviews and their checklists."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models import codes
from coachdesk.models.base import Code, Entity, IdType, ShortText, in_codes


class Referral(Entity):
    """A participant proposed for a job offer (mise en relation), and where it stands."""

    __tablename__ = "referral"
    __table_args__ = (
        UniqueConstraint("offer_id", "participant_id"),
        CheckConstraint(in_codes("status", codes.REFERRAL_STATUSES), name="status"),
        CheckConstraint("status_on >= proposed_on", name="dates_in_order"),
    )

    offer_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("job_offer.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    proposed_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Code, default="proposee")
    status_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class RecruitmentInterview(Entity):
    """A recruitment interview arranged through a referral."""

    __tablename__ = "recruitment_interview"
    __table_args__ = (
        CheckConstraint(in_codes("outcome", codes.INTERVIEW_OUTCOMES), name="outcome"),
    )

    referral_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("referral.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(DateTime(), index=True)
    place: Mapped[str] = mapped_column(ShortText, default="")
    address: Mapped[str] = mapped_column(ShortText, default="")
    route_note: Mapped[str] = mapped_column(Text, default="")
    contact_person: Mapped[str] = mapped_column(ShortText, default="")
    outcome: Mapped[str] = mapped_column(Code, default="a_venir")
    notes: Mapped[str] = mapped_column(Text, default="")


class ChecklistTemplate(Entity):
    """A preparation checklist the coaches edit; new interviews copy the default one."""

    __tablename__ = "checklist_template"

    name: Mapped[str] = mapped_column(ShortText, unique=True)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class ChecklistTemplateItem(Entity):
    __tablename__ = "checklist_template_item"
    __table_args__ = (UniqueConstraint("template_id", "position"),)

    template_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("checklist_template.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(ShortText)


class InterviewChecklistItem(Entity):
    """One line of an interview's own copy of the checklist, ticked or not, with a note."""

    __tablename__ = "interview_checklist_item"
    __table_args__ = (UniqueConstraint("interview_id", "position"),)

    interview_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("recruitment_interview.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(ShortText)
    checked: Mapped[bool] = mapped_column(Boolean, default=False)
    checked_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
