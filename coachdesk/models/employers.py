"""Employers, their contact persons and tutors, prospecting, and the job offers collected."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models import codes
from coachdesk.models.base import Code, Entity, IdType, ShortText, in_codes


class Employer(Entity):
    """A company prospected or hiring, identified by its SIRET when known."""

    __tablename__ = "employer"
    __table_args__ = (
        CheckConstraint("siret IS NULL OR length(siret) = 14", name="siret_length"),
        CheckConstraint(
            "reached_via IS NULL OR " + in_codes("reached_via", codes.EMPLOYER_REACHED_VIA),
            name="reached_via",
        ),
    )

    name: Mapped[str] = mapped_column(ShortText)
    siret: Mapped[str | None] = mapped_column(String(14), index=True)
    naf_code: Mapped[str] = mapped_column(String(6), default="")
    address: Mapped[str] = mapped_column(ShortText, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(ShortText, default="")
    size_band: Mapped[str] = mapped_column(String(40), default="")
    collective_agreement: Mapped[str] = mapped_column(ShortText, default="")
    opco: Mapped[str] = mapped_column(ShortText, default="")
    # What the CERFA asks of the employer beyond its identity.
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(ShortText, default="")
    pension_fund: Mapped[str] = mapped_column(ShortText, default="")
    provident_fund: Mapped[str] = mapped_column(ShortText, default="")
    private_employer: Mapped[bool | None] = mapped_column(Boolean)
    urssaf_number: Mapped[str] = mapped_column(String(40), default="")
    headcount: Mapped[int | None] = mapped_column(Integer)
    # Code IDCC of the collective agreement (four digits; 9999 none, 9998 being negotiated).
    idcc: Mapped[str] = mapped_column(String(4), default="")
    opco_member_number: Mapped[str] = mapped_column(String(40), default="")
    reached_via: Mapped[str | None] = mapped_column(Code)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(String(600), default="", index=True)


class EmployerContact(Entity):
    """A person at an employer: a contact, and possibly a tutor of trainees."""

    __tablename__ = "employer_contact"
    __table_args__ = (
        CheckConstraint(
            "tutor_experience_years IS NULL OR tutor_experience_years >= 0",
            name="experience_positive",
        ),
    )

    employer_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    last_name: Mapped[str] = mapped_column(ShortText)
    first_name: Mapped[str] = mapped_column(ShortText, default="")
    role: Mapped[str] = mapped_column(ShortText, default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(ShortText, default="")
    is_tutor: Mapped[bool] = mapped_column(Boolean, default=False)
    # The employer in person acts as tutor: the legal limit is two trainees instead of three.
    is_employer_in_person: Mapped[bool] = mapped_column(Boolean, default=False)
    tutor_experience_years: Mapped[int | None] = mapped_column(Integer)
    # Asked by the CERFA for the tutor.
    birth_date: Mapped[date | None] = mapped_column(Date)


class ProspectingEvent(Entity):
    """One step of prospecting an employer, with the next step planned."""

    __tablename__ = "prospecting_event"
    __table_args__ = (
        CheckConstraint(in_codes("channel", codes.PROSPECTING_CHANNELS), name="channel"),
        CheckConstraint("next_step_on IS NULL OR next_step_on >= done_on", name="next_step_after"),
    )

    employer_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    done_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(Code)
    author: Mapped[str] = mapped_column(ShortText, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(ShortText, default="")
    next_step_on: Mapped[date | None] = mapped_column(Date)


class JobOffer(Entity):
    """A job offer collected for the programme's participants."""

    __tablename__ = "job_offer"
    __table_args__ = (
        CheckConstraint(in_codes("status", codes.OFFER_STATUSES), name="status"),
        CheckConstraint(in_codes("source", codes.OFFER_SOURCES), name="source"),
        CheckConstraint("length(rome_code) = 5", name="rome_code_length"),
        CheckConstraint(
            "weekly_hours IS NULL OR (weekly_hours > 0 AND weekly_hours <= 48)",
            name="weekly_hours",
        ),
    )

    cohort_id: Mapped[str] = mapped_column(IdType, ForeignKey("cohort.id"), index=True)
    employer_id: Mapped[str] = mapped_column(IdType, ForeignKey("employer.id"), index=True)
    title: Mapped[str] = mapped_column(ShortText)
    rome_code: Mapped[str] = mapped_column(String(5), index=True)
    city: Mapped[str] = mapped_column(ShortText, default="")
    received_on: Mapped[date] = mapped_column(Date)
    start_on: Mapped[date | None] = mapped_column(Date)
    weekly_hours: Mapped[float | None] = mapped_column(Numeric(4, 1, asdecimal=False))
    status: Mapped[str] = mapped_column(Code, default="ouverte")
    source: Mapped[str] = mapped_column(Code, default="prospection")
    description: Mapped[str] = mapped_column(Text, default="")
