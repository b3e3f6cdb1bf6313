"""The rows each tab lists: plain frozen dataclasses read with column selects, never ORM objects."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.models import (
    Attendance,
    BilanAttendance,
    BilanGroup,
    BilanMember,
    Contract,
    Employer,
    FollowUpVisit,
    JobOffer,
    Outcome,
    Participant,
    ProfessionalProject,
    SelectionInterview,
    SkillAssessment,
    codes,
)
from coachdesk.services.contract_terms import trial_period_end
from coachdesk.services.text import person_name


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    id: str
    last_name: str
    first_name: str
    stage: str
    phone: str
    email: str
    city: str
    provenance: str
    coach: str
    is_adult: bool
    search_text: str


def participant_stages(session: Session, cohort_id: str) -> dict[str, str]:
    """The stage code (codes.STAGES) each participant of the cohort has reached."""
    in_cohort = select(Participant.id).where(Participant.cohort_id == cohort_id)

    def ids(statement: object) -> set[str]:
        return set(session.scalars(statement))  # type: ignore[call-overload]

    present = ids(
        select(Attendance.participant_id).where(
            Attendance.cohort_id == cohort_id, Attendance.status == "present"
        )
    )
    interviewed = ids(
        select(SelectionInterview.participant_id).where(
            SelectionInterview.participant_id.in_(in_cohort)
        )
    )
    in_bilan = ids(select(BilanMember.participant_id).where(BilanMember.cohort_id == cohort_id))
    validated = ids(
        select(ProfessionalProject.participant_id).where(
            ProfessionalProject.participant_id.in_(in_cohort),
            ProfessionalProject.decision == "valide",
        )
    )
    contracts = session.execute(
        select(Contract.participant_id, Contract.rupture_on).where(
            Contract.participant_id.in_(in_cohort)
        )
    ).all()
    holding = {person for person, rupture_on in contracts if rupture_on is None}
    with_contract = {person for person, _ in contracts}
    exited = ids(select(Outcome.participant_id).where(Outcome.participant_id.in_(in_cohort)))

    stages: dict[str, str] = {}
    for person in session.scalars(in_cohort):
        if person in holding:
            stage = "contrat"
        elif person in exited:
            stage = "sortie"
        elif person in with_contract:
            stage = "contrat"
        elif person in validated:
            stage = "projet"
        elif person in in_bilan:
            stage = "bilan"
        elif person in interviewed:
            stage = "selection"
        elif person in present:
            stage = "information"
        else:
            stage = "contact"
        stages[person] = stage
    return stages


def participant_rows(session: Session, cohort_id: str) -> list[ParticipantRow]:
    stages = participant_stages(session, cohort_id)
    rows = session.execute(
        select(
            Participant.id,
            Participant.last_name,
            Participant.first_name,
            Participant.phone,
            Participant.email,
            Participant.city,
            Participant.provenance,
            Participant.coach,
            Participant.is_adult,
            Participant.search_text,
        )
        .where(Participant.cohort_id == cohort_id)
        .order_by(Participant.last_name, Participant.first_name)
    )
    return [
        ParticipantRow(
            id=row.id,
            last_name=row.last_name,
            first_name=row.first_name,
            stage=stages[row.id],
            phone=row.phone,
            email=row.email,
            city=row.city,
            provenance=codes.PROVENANCES.get(row.provenance, row.provenance),
            coach=row.coach,
            is_adult=row.is_adult,
            search_text=row.search_text,
        )
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class BilanRow:
    participant_id: str
    name: str
    group: str
    started_on: date
    status: str
    attendance_rate: float | None
    average_gain: float | None
    project: str
    project_decision: str


def bilan_rows(session: Session, cohort_id: str) -> list[BilanRow]:
    members = session.execute(
        select(
            BilanMember.participant_id,
            Participant.last_name,
            Participant.first_name,
            BilanGroup.name,
            BilanMember.started_on,
            BilanMember.status,
        )
        .join(Participant, Participant.id == BilanMember.participant_id)
        .join(BilanGroup, BilanGroup.id == BilanMember.group_id)
        .where(BilanMember.cohort_id == cohort_id)
    ).all()
    people = [row.participant_id for row in members]
    attendance: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for person, was_present, count in session.execute(
        select(BilanAttendance.participant_id, BilanAttendance.present, func.count())
        .where(BilanAttendance.participant_id.in_(people))
        .group_by(BilanAttendance.participant_id, BilanAttendance.present)
    ):
        attendance[person][1] += count
        if was_present:
            attendance[person][0] += count
    gains: dict[str, list[float]] = defaultdict(list)
    for person, before, after, maximum in session.execute(
        select(
            SkillAssessment.participant_id,
            SkillAssessment.score_before,
            SkillAssessment.score_after,
            SkillAssessment.max_score,
        ).where(SkillAssessment.participant_id.in_(people))
    ):
        if before is not None and after is not None:
            gains[person].append((after - before) * 20 / maximum)
    projects: dict[str, tuple[str, str]] = {}
    ranking = {"valide": 3, "a_retravailler": 2, "en_cours": 1, "abandonne": 0}
    for person, title, rome, decision in session.execute(
        select(
            ProfessionalProject.participant_id,
            ProfessionalProject.job_title,
            ProfessionalProject.rome_code,
            ProfessionalProject.decision,
        ).where(ProfessionalProject.participant_id.in_(people))
    ):
        current = projects.get(person)
        if current is None or ranking[decision] > ranking[current[1]]:
            projects[person] = (f"{title} ({rome})", decision)
    result = []
    for row in members:
        present, total = attendance[row.participant_id]
        person_gains = gains.get(row.participant_id)
        project, decision = projects.get(row.participant_id, ("", ""))
        result.append(
            BilanRow(
                participant_id=row.participant_id,
                name=person_name(row.last_name, row.first_name),
                group=row.name,
                started_on=row.started_on,
                status=codes.BILAN_STATUSES[row.status],
                attendance_rate=present / total if total else None,
                average_gain=sum(person_gains) / len(person_gains) if person_gains else None,
                project=project,
                project_decision=codes.PROJECT_DECISIONS.get(decision, ""),
            )
        )
    return result


@dataclass(frozen=True, slots=True)
class EmployerRow:
    id: str
    name: str
    city: str
    siret: str
    naf_code: str
    opco: str
    reached_via: str
    offers: int
    open_offers: int
    contracts: int


def employer_rows(session: Session) -> list[EmployerRow]:
    offers: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for employer, status, count in session.execute(
        select(JobOffer.employer_id, JobOffer.status, func.count()).group_by(
            JobOffer.employer_id, JobOffer.status
        )
    ):
        offers[employer][0] += count
        if status == "ouverte":
            offers[employer][1] += count
    contracts = dict(
        session.execute(
            select(Contract.employer_id, func.count()).group_by(Contract.employer_id)
        ).all()
    )
    rows = session.execute(
        select(
            Employer.id,
            Employer.name,
            Employer.city,
            Employer.siret,
            Employer.naf_code,
            Employer.opco,
            Employer.reached_via,
        ).order_by(Employer.name)
    )
    return [
        EmployerRow(
            id=row.id,
            name=row.name,
            city=row.city,
            siret=row.siret or "",
            naf_code=row.naf_code,
            opco=row.opco,
            reached_via=codes.EMPLOYER_REACHED_VIA.get(row.reached_via or "", ""),
            offers=offers[row.id][0],
            open_offers=offers[row.id][1],
            contracts=int(contracts.get(row.id, 0)),
        )
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class OfferRow:
    id: str
    title: str
    employer: str
    rome_code: str
    city: str
    received_on: date
    status: str


def offer_rows(session: Session, cohort_id: str) -> list[OfferRow]:
    rows = session.execute(
        select(
            JobOffer.id,
            JobOffer.title,
            Employer.name,
            JobOffer.rome_code,
            JobOffer.city,
            JobOffer.received_on,
            JobOffer.status,
        )
        .join(Employer, Employer.id == JobOffer.employer_id)
        .where(JobOffer.cohort_id == cohort_id)
        .order_by(JobOffer.received_on.desc())
    )
    return [
        OfferRow(row[0], row[1], row[2], row[3], row[4], row[5], codes.OFFER_STATUSES[row[6]])
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class ContractRow:
    id: str
    participant_id: str
    participant: str
    employer: str
    contract_type: str
    start_date: date
    end_date: date | None
    trial_period_end: date
    status: str
    rupture_on: date | None
    last_visit: date | None
    next_visit: date | None


def contract_status(rupture_on: date | None, end: date | None, today: date) -> str:
    if rupture_on is not None:
        return "Rompu"
    if end is not None and end < today:
        return "Terminé"
    return "En cours"


def contract_rows(session: Session, cohort_id: str, today: date | None = None) -> list[ContractRow]:
    today = today or date.today()
    rows = session.execute(
        select(
            Contract.id,
            Contract.participant_id,
            Participant.last_name,
            Participant.first_name,
            Employer.name,
            Contract.contract_type,
            Contract.start_date,
            Contract.end_date,
            Contract.trial_period_end_override,
            Contract.rupture_on,
        )
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .where(Participant.cohort_id == cohort_id)
        .order_by(Contract.start_date)
    ).all()
    ids = [row.id for row in rows]
    last_visit = dict(
        session.execute(
            select(FollowUpVisit.contract_id, func.max(FollowUpVisit.done_on))
            .where(FollowUpVisit.contract_id.in_(ids))
            .group_by(FollowUpVisit.contract_id)
        ).all()
    )
    next_visit = dict(
        session.execute(
            select(FollowUpVisit.contract_id, func.min(FollowUpVisit.planned_on))
            .where(FollowUpVisit.contract_id.in_(ids), FollowUpVisit.done_on.is_(None))
            .group_by(FollowUpVisit.contract_id)
        ).all()
    )
    return [
        ContractRow(
            id=row.id,
            participant_id=row.participant_id,
            participant=f"{row.last_name} {row.first_name}",
            employer=row.name,
            contract_type=codes.CONTRACT_TYPES[row.contract_type],
            start_date=row.start_date,
            end_date=row.end_date,
            trial_period_end=trial_period_end(
                row.contract_type, row.start_date, row.end_date, row.trial_period_end_override
            ),
            status=contract_status(row.rupture_on, row.end_date, today),
            rupture_on=row.rupture_on,
            last_visit=last_visit.get(row.id),
            next_visit=None if row.rupture_on else next_visit.get(row.id),
        )
        for row in rows
    ]
