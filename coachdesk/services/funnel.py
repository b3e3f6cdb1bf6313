"""The programme's funnel for one cohort at one date, computed from the recorded events.

Nothing here is stored: every figure is counted from the events dated on or before the chosen
date, so the funnel of any past day can be rebuilt. Counts are of young participants; the few
adults who follow the training appear only in ``adults_in_training``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.models import (
    Attendance,
    BilanMember,
    Cohort,
    Contract,
    InfoSession,
    JobOffer,
    Outcome,
    Participant,
    ProfessionalProject,
    SelectionInterview,
    Training,
)
from coachdesk.services.clock import clock_day
from coachdesk.services.contract_terms import trial_period_end

# The figures in the order of the programme, with their French labels (table, CLI, exports).
FUNNEL_LABELS: dict[str, str] = {
    "contacts": "Contacts (fichiers reçus)",
    "info_sessions": "Réunions d'information collectives",
    "info_session_attendees": "Présents aux réunions d'information",
    "selection_interviews": "Entretiens individuels de sélection",
    "selected": "Personnes retenues",
    "bilan_started": "Entrées en bilan d'orientation",
    "projects_validated": "Projets professionnels validés",
    "job_offers": "Offres d'emploi recueillies",
    "contracts_signed": "Contrats de professionnalisation signés",
    "contracts_broken": "Contrats rompus",
    "contracts_broken_in_trial": "… dont pendant la période d'essai",
    "contracts_active": "Contrats en cours",
    "adults_in_training": "Adultes suivant la formation",
    "employed_outside_programme": "Emplois hors dispositif",
    "cdi_promises": "Promesses d'embauche en CDI",
    "hire_promises": "Promesses d'embauche à une date",
    "further_study_wishes": "Souhaits de poursuite d'études (bac+2)",
    "qualifications_obtained": "Qualifications obtenues (certificat)",
}

# The successive stages the dashboard draws as a funnel, each with the stage it converts from.
FUNNEL_STAGES: tuple[tuple[str, str | None], ...] = (
    ("contacts", None),
    ("info_session_attendees", "contacts"),
    ("selection_interviews", "info_session_attendees"),
    ("selected", "selection_interviews"),
    ("bilan_started", "selected"),
    ("projects_validated", "bilan_started"),
    ("contracts_signed", "projects_validated"),
    ("contracts_active", "contracts_signed"),
)


@dataclass(frozen=True, slots=True)
class Funnel:
    """The cohort's figures as of a date; ``figures()`` gives the JSON object of the CLI."""

    cohort_id: str
    cohort_name: str
    as_of: date
    contacts: int
    info_sessions: int
    info_session_attendees: int
    selection_interviews: int
    selected: int
    bilan_started: int
    projects_validated: int
    job_offers: int
    contracts_signed: int
    contracts_broken: int
    contracts_broken_in_trial: int
    contracts_active: int
    adults_in_training: int
    employed_outside_programme: int
    cdi_promises: int
    hire_promises: int
    further_study_wishes: int
    qualifications_obtained: int

    def figures(self) -> dict[str, int]:
        data = asdict(self)
        return {key: int(data[key]) for key in FUNNEL_LABELS}

    def conversion(self, key: str) -> float | None:
        """Share of the previous stage that reached this one (None for the first stage)."""
        previous = dict(FUNNEL_STAGES).get(key)
        if previous is None:
            return None
        base = self.figures()[previous]
        return self.figures()[key] / base if base else None


def default_as_of(cohort_end: date | None, today: date | None = None) -> date:
    """Today, or the cohort's last day once it is over (its final situation)."""
    today = today or date.today()
    if cohort_end is not None and cohort_end < today:
        return cohort_end
    return today


def _young(cohort_id: str) -> ColumnElement[bool]:
    return and_(Participant.cohort_id == cohort_id, Participant.is_adult.is_(False))


def _count(session: Session, statement: Select[Any]) -> int:
    return int(session.scalar(statement) or 0)


def _distinct_young(column: Any) -> Select[Any]:
    return select(func.count(func.distinct(column)))


def cohort_funnel(database: Database, cohort_id: str, as_of: date | None = None) -> Funnel:
    """:func:`compute_funnel` in its own read transaction (the dashboard's)."""
    with database.read() as session:
        return compute_funnel(session, cohort_id, as_of)


def compute_funnel(session: Session, cohort_id: str, as_of: date | None = None) -> Funnel:
    """Count every stage of the cohort's funnel from the events dated on or before ``as_of``."""
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise LookupError(cohort_id)
    day = as_of or default_as_of(cohort.end_date, clock_day(session))
    end_of_day = datetime.combine(day + timedelta(days=1), time())
    young = _young(cohort_id)

    contacts = _count(
        session, select(func.count(Participant.id)).where(young, Participant.listed_on <= day)
    )
    info_sessions = _count(
        session,
        select(func.count(InfoSession.id)).where(
            InfoSession.cohort_id == cohort_id, InfoSession.starts_at < end_of_day
        ),
    )
    attendees = _count(
        session,
        _distinct_young(Attendance.participant_id)
        .join(Participant, Participant.id == Attendance.participant_id)
        .join(InfoSession, InfoSession.id == Attendance.session_id)
        .where(young, Attendance.status == "present", InfoSession.starts_at < end_of_day),
    )
    interviews = (
        select(func.count(func.distinct(SelectionInterview.participant_id)))
        .join(Participant, Participant.id == SelectionInterview.participant_id)
        .where(young, SelectionInterview.held_on <= day)
    )
    selection_interviews = _count(session, interviews)
    selected = _count(session, interviews.where(SelectionInterview.decision == "retenu"))
    bilan_started = _count(
        session,
        _distinct_young(BilanMember.participant_id)
        .join(Participant, Participant.id == BilanMember.participant_id)
        .where(young, BilanMember.started_on <= day),
    )
    projects_validated = _count(
        session,
        _distinct_young(ProfessionalProject.participant_id)
        .join(Participant, Participant.id == ProfessionalProject.participant_id)
        .where(
            young,
            ProfessionalProject.decision == "valide",
            ProfessionalProject.decided_on <= day,
        ),
    )
    job_offers = _count(
        session,
        select(func.count(JobOffer.id)).where(
            JobOffer.cohort_id == cohort_id, JobOffer.received_on <= day
        ),
    )

    # Contracts are few (one or two per person): their trial periods are computed in Python.
    contract_rows = session.execute(
        select(
            Contract.participant_id,
            Participant.is_adult,
            Contract.contract_type,
            Contract.start_date,
            Contract.end_date,
            Contract.trial_period_end_override,
            Contract.rupture_on,
        )
        .join(Participant, Participant.id == Contract.participant_id)
        .where(
            Participant.cohort_id == cohort_id,
            func.coalesce(Contract.signed_on, Contract.start_date) <= day,
        )
    ).all()
    signed: set[str] = set()
    active: set[str] = set()
    adults_active: set[str] = set()
    broken = broken_in_trial = 0
    for person, is_adult, kind, start, end, override, rupture_on in contract_rows:
        is_broken = rupture_on is not None and rupture_on <= day
        is_active = start <= day and not is_broken and (end is None or end >= day)
        if is_adult:
            if is_active:
                adults_active.add(person)
            continue
        signed.add(person)
        if is_active:
            active.add(person)
        if is_broken:
            broken += 1
            assert rupture_on is not None
            if rupture_on <= trial_period_end(kind, start, end, override):
                broken_in_trial += 1

    outcome_counts: dict[str, int] = dict(
        session.execute(
            select(Outcome.kind, func.count(func.distinct(Outcome.participant_id)))
            .join(Participant, Participant.id == Outcome.participant_id)
            .where(young, Outcome.recorded_on <= day)
            .group_by(Outcome.kind)
        ).all()
    )

    # A certificate obtained in work-study or in evening classes: the programme's aim.
    qualifications_obtained = _count(
        session,
        _distinct_young(Training.participant_id)
        .join(Participant, Participant.id == Training.participant_id)
        .where(young, Training.result == "obtenu", Training.result_on <= day),
    )

    return Funnel(
        cohort_id=cohort_id,
        cohort_name=cohort.name,
        as_of=day,
        contacts=contacts,
        info_sessions=info_sessions,
        info_session_attendees=attendees,
        selection_interviews=selection_interviews,
        selected=selected,
        bilan_started=bilan_started,
        projects_validated=projects_validated,
        job_offers=job_offers,
        contracts_signed=len(signed),
        contracts_broken=broken,
        contracts_broken_in_trial=broken_in_trial,
        contracts_active=len(active),
        adults_in_training=len(adults_active),
        employed_outside_programme=outcome_counts.get("emploi_hors_dispositif", 0),
        cdi_promises=outcome_counts.get("promesse_cdi", 0),
        hire_promises=outcome_counts.get("promesse_embauche_date", 0),
        further_study_wishes=outcome_counts.get("poursuite_etudes_souhait", 0),
        qualifications_obtained=qualifications_obtained,
    )
