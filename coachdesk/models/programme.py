"""Cohorts and the people they follow."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models import codes
from coachdesk.models.base import Code, Entity, IdType, ShortText, in_codes


class Cohort(Entity):
    """One intake (promotion): a training, its dates and its enrolment deadline.

    ``start_date`` and ``end_date`` are the training's; the bilan d'orientation comes before
    it, with its own dates. An archived promotion leaves the window's selector, nothing else.
    """

    __tablename__ = "cohort"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        CheckConstraint("visit_interval_weeks BETWEEN 1 AND 26", name="visit_interval"),
        CheckConstraint(
            "bilan_end_date IS NULL OR bilan_start_date IS NULL "
            "OR bilan_end_date >= bilan_start_date",
            name="bilan_dates_in_order",
        ),
        CheckConstraint("target_size IS NULL OR target_size > 0", name="target_size"),
    )

    name: Mapped[str] = mapped_column(ShortText, unique=True)
    # The certificate or training prepared (« Certificat professionnel Assistant de gestion »).
    training_title: Mapped[str] = mapped_column(ShortText, default="")
    training_body_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("training_body.id"), index=True
    )
    bilan_start_date: Mapped[date | None] = mapped_column(Date)
    bilan_end_date: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    # Provisional enrolments lapse at this date when no contract was signed.
    enrolment_deadline: Mapped[date | None] = mapped_column(Date)
    # Follow-up visits are planned every N weeks after the first one.
    visit_interval_weeks: Mapped[int] = mapped_column(Integer, default=6)
    # How many people the promotion means to train (places in the training).
    target_size: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(DateTime())


class CohortCoach(Entity):
    """A coach in charge of a promotion (a promotion has several, a coach several promotions)."""

    __tablename__ = "cohort_coach"
    __table_args__ = (UniqueConstraint("cohort_id", "coach_id"),)

    cohort_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("cohort.id", ondelete="CASCADE"), index=True
    )
    coach_id: Mapped[str] = mapped_column(IdType, ForeignKey("coach.id"), index=True)


class Participant(Entity):
    """A person followed by the programme: a young dropout, or one of the few adults."""

    __tablename__ = "participant"
    __table_args__ = (
        # Target of composite foreign keys that keep a person's events inside their cohort.
        UniqueConstraint("id", "cohort_id"),
        CheckConstraint(in_codes("provenance", codes.PROVENANCES), name="provenance"),
        CheckConstraint(
            "bac_type IS NULL OR " + in_codes("bac_type", codes.BAC_TYPES), name="bac_type"
        ),
    )

    cohort_id: Mapped[str] = mapped_column(IdType, ForeignKey("cohort.id"), index=True)
    last_name: Mapped[str] = mapped_column(ShortText)
    first_name: Mapped[str] = mapped_column(ShortText)
    birth_date: Mapped[date | None] = mapped_column(Date)
    is_adult: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(ShortText, default="")
    address: Mapped[str] = mapped_column(ShortText, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(ShortText, default="")
    ine: Mapped[str] = mapped_column(String(20), default="")
    # Civil status the CERFA asks for: the name in use, the social-security number (NIR, 13
    # digits and its 2-digit key), sex « M »/« F », the birth's department and commune.
    usage_name: Mapped[str] = mapped_column(ShortText, default="")
    nir: Mapped[str] = mapped_column(String(15), default="")
    sex: Mapped[str] = mapped_column(String(1), default="")
    birth_department: Mapped[str] = mapped_column(String(40), default="")
    birth_city: Mapped[str] = mapped_column(ShortText, default="")
    university_track: Mapped[str] = mapped_column(ShortText, default="")
    bac_type: Mapped[str | None] = mapped_column(Code)
    bac_series: Mapped[str] = mapped_column(ShortText, default="")
    bac_year: Mapped[int | None] = mapped_column(Integer)
    provenance: Mapped[str] = mapped_column(Code, default="universite")
    # The day the person entered the contact file: the funnel counts contacts as of a date.
    listed_on: Mapped[date] = mapped_column(Date)
    # The chargé·e d'accompagnement who follows the person.
    coach_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("coach.id", ondelete="SET NULL"), index=True
    )
    # The same person's file in an earlier promotion, when this one continues it (a follow-on
    # promotion: the bac+2 after the certificate). Both files keep their own events; each
    # shows the other's in its timeline (coachdesk.services.follow_on).
    follows_from_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="SET NULL"), index=True
    )
    # Where the data came from (GDPR information duty).
    source_file: Mapped[str] = mapped_column(String(400), default="")
    source_sheet: Mapped[str] = mapped_column(ShortText, default="")
    imported_at: Mapped[datetime | None] = mapped_column(DateTime())
    consent_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Lower-case, accent-free names, phone digits and e-mail, kept up to date on every write
    # by coachdesk.services.text.participant_search_text, for accent-insensitive search.
    search_text: Mapped[str] = mapped_column(String(600), default="")
    # The structure (Mission Locale, training centre…) the person belongs to in team mode; the
    # team server fills it in, NULL on a database that never joined a team.
    structure_id: Mapped[str | None] = mapped_column(IdType, index=True)


class Reminder(Entity):
    """A coach's own dated reminder, optionally about one person, a contract or an employer."""

    __tablename__ = "reminder"

    participant_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    due_on: Mapped[date] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    author: Mapped[str] = mapped_column(ShortText, default="")
    # The day it was ticked done (a reminder postponed keeps only its new date).
    done_on: Mapped[date | None] = mapped_column(Date)
    # A 3- or 6-month follow-up after an exit, once the coach ticked or postponed it: the
    # agenda computes these from the exit (coachdesk.services.reminders) until then.
    outcome_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("outcome.id", ondelete="CASCADE"), index=True
    )
    follow_up_months: Mapped[int | None] = mapped_column(Integer)
    # Made from a contract or from an employer (the text names it too): kept when either is
    # deleted, then about the person or no one.
    contract_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("contract.id", ondelete="SET NULL"), index=True
    )
    employer_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("employer.id", ondelete="SET NULL"), index=True
    )
