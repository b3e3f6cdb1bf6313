"""Enrolment in the training, the work-study contract, its follow-up and how the path ends."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models import codes
from coachdesk.models.base import Code, Entity, IdType, ShortText, in_codes


class Enrolment(Entity):
    """A place in the training: provisional, confirmed by a contract, or lapsed at the deadline.

    Only the facts are read: the day of the enrolment and the person's own deadline when it
    differs from the promotion's. Whether the place is provisional, confirmed or lapsed on a
    given day is computed from them and the contracts (``services.enrolment.effective_status``);
    ``status``, ``confirmed_on`` and ``lapsed_on`` are what earlier versions stored and are no
    longer read.
    """

    __tablename__ = "enrolment"
    __table_args__ = (
        ForeignKeyConstraint(
            ["participant_id", "cohort_id"],
            ["participant.id", "participant.cohort_id"],
            ondelete="CASCADE",
        ),
        UniqueConstraint("participant_id", "cohort_id"),
        CheckConstraint(in_codes("status", codes.ENROLMENT_STATUSES), name="status"),
        CheckConstraint(
            "confirmed_on IS NULL OR confirmed_on >= enrolled_on", name="confirmed_after"
        ),
        CheckConstraint("lapsed_on IS NULL OR lapsed_on >= enrolled_on", name="lapsed_after"),
        CheckConstraint(
            "NOT (confirmed_on IS NOT NULL AND lapsed_on IS NOT NULL)", name="confirmed_or_lapsed"
        ),
        CheckConstraint(
            "deadline_override IS NULL OR deadline_override >= enrolled_on",
            name="deadline_after",
        ),
    )

    participant_id: Mapped[str] = mapped_column(IdType, index=True)
    cohort_id: Mapped[str] = mapped_column(IdType, index=True)
    enrolled_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Code, default="provisoire")
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    lapsed_on: Mapped[date | None] = mapped_column(Date)
    # This person's deadline for a contract, when the coach set one other than the promotion's
    # (``Cohort.enrolment_deadline``); NULL follows the promotion's, even after it changes.
    deadline_override: Mapped[date | None] = mapped_column(Date, index=True)


class Contract(Entity):
    """A contrat de professionnalisation (CERFA EJ20 categories), and its rupture if any."""

    __tablename__ = "contract"
    __table_args__ = (
        CheckConstraint(in_codes("contract_type", codes.CONTRACT_TYPES), name="contract_type"),
        CheckConstraint("end_date IS NULL OR end_date > start_date", name="ends_after_start"),
        CheckConstraint("contract_type = 'cdi' OR end_date IS NOT NULL", name="cdd_has_end"),
        CheckConstraint(
            "trial_period_end_override IS NULL OR trial_period_end_override >= start_date",
            name="trial_after_start",
        ),
        CheckConstraint(
            "weekly_hours IS NULL OR (weekly_hours > 0 AND weekly_hours <= 48)",
            name="weekly_hours",
        ),
        CheckConstraint("training_hours IS NULL OR training_hours >= 0", name="training_hours"),
        CheckConstraint(
            "gross_monthly_pay_cents IS NULL OR gross_monthly_pay_cents >= 0", name="pay"
        ),
        CheckConstraint(
            "workplace_siret IS NULL OR length(workplace_siret) = 14", name="workplace_siret_length"
        ),
        CheckConstraint(
            "opco_decision IS NULL OR " + in_codes("opco_decision", codes.OPCO_DECISIONS),
            name="opco_decision",
        ),
        CheckConstraint("rupture_on IS NULL OR rupture_on >= start_date", name="rupture_after"),
        CheckConstraint(
            "(rupture_on IS NULL AND rupture_by IS NULL)"
            " OR (rupture_on IS NOT NULL AND rupture_by IS NOT NULL AND "
            + in_codes("rupture_by", codes.RUPTURE_BY)
            + ")",
            name="rupture_complete",
        ),
        CheckConstraint(
            "rupture_reason_category IS NULL OR "
            + in_codes("rupture_reason_category", codes.RUPTURE_REASONS),
            name="rupture_reason",
        ),
        # The contracts running in a week, found from this index alone (services.agenda).
        Index("ix_contract_running", "start_date", "end_date", "rupture_on", "id"),
    )

    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[str] = mapped_column(IdType, ForeignKey("employer.id"), index=True)
    tutor_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("employer_contact.id", ondelete="SET NULL"), index=True
    )
    offer_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("job_offer.id", ondelete="SET NULL")
    )
    workplace_siret: Mapped[str | None] = mapped_column(String(14))
    contract_type: Mapped[str] = mapped_column(Code, default="cdd")
    signed_on: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date] = mapped_column(Date)  # indexed by ix_contract_running
    end_date: Mapped[date | None] = mapped_column(Date)
    # The trial period written in the contract, when it differs from the legal computation.
    trial_period_end_override: Mapped[date | None] = mapped_column(Date)
    weekly_hours: Mapped[float | None] = mapped_column(Numeric(4, 1, asdecimal=False))
    training_hours: Mapped[int | None] = mapped_column(Integer)
    job_title: Mapped[str] = mapped_column(ShortText, default="")
    rome_code: Mapped[str] = mapped_column(String(5), default="")
    qualification: Mapped[str] = mapped_column(ShortText, default="")
    # Money is kept in cents, never as a float.
    gross_monthly_pay_cents: Mapped[int | None] = mapped_column(Integer)
    branch_minimum_cents: Mapped[int | None] = mapped_column(Integer)
    opco: Mapped[str] = mapped_column(ShortText, default="")
    sent_to_opco_on: Mapped[date | None] = mapped_column(Date)
    opco_decision: Mapped[str | None] = mapped_column(Code)
    opco_decision_on: Mapped[date | None] = mapped_column(Date)
    # The rest of the CERFA n° 12434 (services.cerfa lists every field in the form's order).
    # The employee's situation when the contract is signed.
    situation_before: Mapped[str | None] = mapped_column(String(2))
    minimum_social: Mapped[str | None] = mapped_column(String(2))
    highest_diploma: Mapped[str | None] = mapped_column(String(2))
    rqth: Mapped[bool | None] = mapped_column(Boolean)
    rqth_youth_equivalence: Mapped[bool | None] = mapped_column(Boolean)
    rqth_boe_extension: Mapped[bool | None] = mapped_column(Boolean)
    france_travail_registered: Mapped[bool | None] = mapped_column(Boolean)
    france_travail_number: Mapped[str] = mapped_column(String(20), default="")
    france_travail_months: Mapped[int | None] = mapped_column(Integer)
    # The user company's tutor (temporary work or an employers' group) and its NAF (VAE).
    user_tutor_last_name: Mapped[str] = mapped_column(ShortText, default="")
    user_tutor_first_name: Mapped[str] = mapped_column(ShortText, default="")
    user_tutor_job: Mapped[str] = mapped_column(ShortText, default="")
    user_tutor_birth_date: Mapped[date | None] = mapped_column(Date)
    user_company_naf: Mapped[str] = mapped_column(String(6), default="")
    tutor_attested: Mapped[bool | None] = mapped_column(Boolean)
    # The contract itself.
    project_number: Mapped[str] = mapped_column(String(40), default="")
    vae_amendment: Mapped[bool] = mapped_column(Boolean, default=False)
    cerfa_contract_kind: Mapped[str | None] = mapped_column(String(2))
    amendment_effective_on: Mapped[date | None] = mapped_column(Date)
    classification: Mapped[str] = mapped_column(ShortText, default="")
    classification_level: Mapped[str] = mapped_column(String(40), default="")
    coefficient: Mapped[str] = mapped_column(String(40), default="")
    trial_days: Mapped[int | None] = mapped_column(Integer)
    # The training.
    training_body_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("training_body.id", ondelete="SET NULL"), index=True
    )
    internal_training: Mapped[bool | None] = mapped_column(Boolean)
    internal_training_attested: Mapped[bool | None] = mapped_column(Boolean)
    training_body_count: Mapped[int | None] = mapped_column(Integer)
    qualification_type: Mapped[str | None] = mapped_column(String(2))
    target_diploma: Mapped[str | None] = mapped_column(String(2))
    rncp_code: Mapped[str] = mapped_column(String(12), default="")
    nsf_code: Mapped[str] = mapped_column(String(3), default="")
    training_organisation: Mapped[str] = mapped_column(Text, default="")
    teaching_hours: Mapped[int | None] = mapped_column(Integer)
    training_start_on: Mapped[date | None] = mapped_column(Date)
    exams_end_on: Mapped[date | None] = mapped_column(Date)
    signed_at_place: Mapped[str] = mapped_column(ShortText, default="")
    rupture_on: Mapped[date | None] = mapped_column(Date)
    rupture_by: Mapped[str | None] = mapped_column(Code)
    rupture_reason_category: Mapped[str | None] = mapped_column(Code)
    rupture_reason: Mapped[str] = mapped_column(Text, default="")


class ContractAlertAck(Entity):
    """A contract alert the coach has looked at and set aside, with why ("accord de branche").

    Keyed by the rule's code: once acknowledged, that rule no longer flags the contract.
    """

    __tablename__ = "contract_alert_ack"
    __table_args__ = (UniqueConstraint("contract_id", "code"),)

    contract_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("contract.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str] = mapped_column(Text, default="")
    acknowledged_on: Mapped[date] = mapped_column(Date)


class FollowUpVisit(Entity):
    """A visit or call by the external coach during a contract, planned or done."""

    __tablename__ = "follow_up_visit"
    __table_args__ = (
        CheckConstraint(in_codes("kind", codes.VISIT_KINDS), name="kind"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 4", name="rating"),
        CheckConstraint("planned_on IS NOT NULL OR done_on IS NOT NULL", name="dated"),
        CheckConstraint(
            "next_visit_on IS NULL OR done_on IS NULL OR next_visit_on >= done_on",
            name="next_after",
        ),
        # The week's agenda sums up each running contract's visits from this index alone,
        # without reading the visit rows (services.agenda).
        Index("ix_follow_up_visit_summary", "contract_id", "done_on", "planned_on",
              "next_visit_on"),
    )

    contract_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("contract.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(Code, default="visite")
    planned_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date, index=True)
    # The chargé·e de suivi who visits or calls.
    coach_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("coach.id", ondelete="SET NULL"), index=True
    )
    met_people: Mapped[str] = mapped_column(ShortText, default="")
    # 1 = très difficile … 4 = très bien.
    rating: Mapped[int | None] = mapped_column(Integer)
    # Comma-separated codes of codes.DIFFICULTY_CATEGORIES.
    difficulty_categories: Mapped[str] = mapped_column(String(400), default="")
    difficulties: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[str] = mapped_column(Text, default="")
    next_visit_on: Mapped[date | None] = mapped_column(Date)


class Outcome(Entity):
    """A solution reached by a participant (sortie), with its date."""

    __tablename__ = "outcome"
    __table_args__ = (CheckConstraint(in_codes("kind", codes.OUTCOME_KINDS), name="kind"),)

    participant_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(Code)
    # Indexed: the week's follow-ups after an exit are found by date (services.reminders).
    recorded_on: Mapped[date] = mapped_column(Date, index=True)
    # For a hire promised at a later date, or studies starting later.
    expected_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class ExportLog(Entity):
    """One file written for a partner: what, for whom, and its fingerprint."""

    __tablename__ = "export_log"
    __table_args__ = (CheckConstraint("row_count >= 0", name="row_count"),)

    kind: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(ShortText, default="")
    file_name: Mapped[str] = mapped_column(String(400))
    row_count: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    cohort_id: Mapped[str | None] = mapped_column(
        IdType, ForeignKey("cohort.id", ondelete="SET NULL")
    )
    # The funnel at export time (JSON text), to say what changed since the previous export.
    summary: Mapped[str] = mapped_column(Text, default="")


class AuditEvent(Entity):
    """Who did what sensitive thing, when: exports, purges, erasures, restores."""

    __tablename__ = "audit_event"

    actor: Mapped[str] = mapped_column(ShortText, default="")
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    count: Mapped[int] = mapped_column(Integer, default=0)
