"""What the Suivi des contrats tab shows: each contract with its warnings, visits and enrolment.

Plain rows for the window, read in a few queries (selected columns, never ORM objects), with the
same rules as the agenda: ``contract_rules`` for the legal checks, ``visits.next_visit_due`` for
the visit plan. The provisional enrolments are listed by ``enrolment.enrolment_board``. No Qt
here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Cohort,
    Contract,
    Employer,
    EmployerContact,
    Enrolment,
    FollowUpVisit,
    Outcome,
    Participant,
    ProfessionalProject,
    Reminder,
    codes,
)
from coachdesk.services import recording
from coachdesk.services.contract_rules import (
    ContractTerms,
    RuleWarning,
    Trainee,
    TutorFacts,
    check_contract,
    trial_period_end,
)
from coachdesk.services.contract_terms import contract_status
from coachdesk.services.smic import SmicTable
from coachdesk.services.text import person_name
from coachdesk.services.visits import contract_terms_of, follow_up_end, next_visit_due


@dataclass(frozen=True, slots=True)
class ContractLine:
    """One contract as the tab lists it."""

    id: str
    participant_id: str
    participant: str
    employer: str
    contract_type: str  # French label
    start_date: date
    end_date: date | None
    trial_period_end: date
    status: str  # French: En cours, Terminé, Rompu
    rupture_on: date | None
    in_trial_rupture: bool
    last_visit: date | None
    next_visit: date | None
    days_overdue: int  # 0 when the next visit is not late
    warnings: tuple[RuleWarning, ...]
    has_outcome: bool

    @property
    def visit_overdue(self) -> bool:
        return self.days_overdue > 0


def _tutor_loads(session: Session, tutor_ids: set[str]) -> dict[str, list[tuple[date, date]]]:
    """Per tutor, the periods of every contract they follow (in any cohort)."""
    loads: dict[str, list[tuple[date, date]]] = defaultdict(list)
    if not tutor_ids:
        return loads
    rows = session.execute(
        select(Contract.tutor_id, Contract.start_date, Contract.end_date, Contract.rupture_on)
        .where(Contract.tutor_id.in_(tutor_ids))
    ).all()
    for tutor_id, start, end, rupture_on in rows:
        assert tutor_id is not None  # selected among tutor_ids
        loads[tutor_id].append((start, follow_up_end(end, rupture_on) or date.max))
    return loads


def _overlapping(periods: list[tuple[date, date]], start: date, end: date) -> int:
    return sum(1 for begins, ends in periods if begins <= end and ends >= start)


def contract_board(
    session: Session, cohort_id: str, today: date, smic: SmicTable
) -> list[ContractLine]:
    """Every contract of the cohort, with its legal warnings and its visit plan on ``today``."""
    visit = aliased(FollowUpVisit)
    last_done = (
        select(
            FollowUpVisit.contract_id.label("contract_id"),
            func.max(FollowUpVisit.done_on).label("last_done"),
        )
        .where(FollowUpVisit.done_on <= today)
        .group_by(FollowUpVisit.contract_id)
        .subquery()
    )
    # The next date set by the last report, and the first visit planned after it, not done.
    summary = (
        select(
            visit.contract_id.label("contract_id"),
            func.max(case((visit.done_on == last_done.c.last_done, visit.next_visit_on)))
            .label("next_on"),
            func.min(
                case(
                    (
                        and_(
                            visit.planned_on.is_not(None),
                            visit.done_on.is_(None) | (visit.done_on > today),
                            last_done.c.last_done.is_(None)
                            | (visit.planned_on >= last_done.c.last_done),
                        ),
                        visit.planned_on,
                    )
                )
            ).label("next_planned"),
        )
        .outerjoin(last_done, last_done.c.contract_id == visit.contract_id)
        .group_by(visit.contract_id)
        .subquery()
    )
    has_outcome = select(Outcome.id).where(Outcome.participant_id == Participant.id).exists()
    rows = session.execute(
        select(
            Contract,
            Participant.first_name,
            Participant.last_name,
            Participant.birth_date,
            Participant.bac_type,
            Employer.name,
            Cohort.visit_interval_weeks,
            last_done.c.last_done,
            summary.c.next_on,
            summary.c.next_planned,
            EmployerContact.tutor_experience_years,
            EmployerContact.is_employer_in_person,
            has_outcome,
        )
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Cohort, Cohort.id == Participant.cohort_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .outerjoin(EmployerContact, EmployerContact.id == Contract.tutor_id)
        .outerjoin(last_done, last_done.c.contract_id == Contract.id)
        .outerjoin(summary, summary.c.contract_id == Contract.id)
        .where(Participant.cohort_id == cohort_id)
        .order_by(Contract.start_date)
    ).all()
    loads = _tutor_loads(session, {row[0].tutor_id for row in rows if row[0].tutor_id})
    lines: list[ContractLine] = []
    for (contract, first, last, birth_date, bac_type, employer, interval, last_on, next_on,
         planned_on, experience, is_employer, outcome) in rows:
        terms = contract_terms_of(contract)
        trial_end = trial_period_end(terms)
        last_day = follow_up_end(contract.end_date, contract.rupture_on)
        tutor = None
        if contract.tutor_id is not None:
            load = _overlapping(loads[contract.tutor_id], contract.start_date,
                                last_day or date.max)
            tutor = TutorFacts(experience, bool(is_employer), max(load, 1))
        warnings = check_contract(terms, Trainee(birth_date, bac_type), tutor, smic, today)
        due = next_visit_due(
            trial_end=trial_end, interval_weeks=interval, last_done_on=last_on,
            next_visit_on=next_on, next_planned_on=planned_on, last_day=last_day,
        )
        if last_day is not None and last_day < today:
            # The contract is over (ended or broken): its follow-up is finished, nothing is due.
            due = None
        overdue = (today - due).days if due is not None and due < today else 0
        lines.append(ContractLine(
            id=contract.id,
            participant_id=contract.participant_id,
            participant=person_name(last, first),
            employer=employer,
            contract_type=codes.CONTRACT_TYPES[contract.contract_type],
            start_date=contract.start_date,
            end_date=contract.end_date,
            trial_period_end=trial_end,
            status=contract_status(
                contract.start_date, contract.end_date, contract.rupture_on, today),
            rupture_on=contract.rupture_on,
            in_trial_rupture=contract.rupture_on is not None and contract.rupture_on <= trial_end,
            last_visit=last_on,
            next_visit=due,
            days_overdue=overdue,
            warnings=tuple(warnings),
            has_outcome=bool(outcome),
        ))
    return lines


# --- what the dialogs offer -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class TutorChoice:
    id: str
    label: str
    experience_years: int | None
    is_employer_in_person: bool


def contract_candidates(session: Session, cohort_id: str) -> list[Choice]:
    """People of the cohort who may sign a contract: enrolled, or with a validated project."""
    enrolled = select(Enrolment.id).where(Enrolment.participant_id == Participant.id).exists()
    validated = (
        select(ProfessionalProject.id)
        .where(ProfessionalProject.participant_id == Participant.id,
               ProfessionalProject.decision == "valide")
        .exists()
    )
    rows = session.execute(
        select(Participant.id, Participant.first_name, Participant.last_name)
        .where(Participant.cohort_id == cohort_id, enrolled | validated)
        .order_by(Participant.last_name, Participant.first_name)
    ).all()
    return [Choice(pid, person_name(last, first)) for pid, first, last in rows]


def employer_opco(session: Session, employer_id: str) -> str:
    """The OPCO written on the employer's record ("" when unknown)."""
    return session.scalar(select(Employer.opco).where(Employer.id == employer_id)) or ""


def tutor_choices(session: Session, employer_id: str) -> list[TutorChoice]:
    """The employer's contacts, tutors first."""
    rows = session.execute(
        select(EmployerContact.id, EmployerContact.first_name, EmployerContact.last_name,
               EmployerContact.role, EmployerContact.tutor_experience_years,
               EmployerContact.is_employer_in_person, EmployerContact.is_tutor)
        .where(EmployerContact.employer_id == employer_id)
        .order_by(EmployerContact.is_tutor.desc(), EmployerContact.last_name)
    ).all()
    return [
        TutorChoice(cid, person_name(last, first) + (f" ({role})" if role else ""), years,
                    bool(is_employer))
        for cid, first, last, role, years, is_employer, _is_tutor in rows
    ]


def trainee_of(session: Session, participant_id: str) -> Trainee:
    row = session.execute(
        select(Participant.birth_date, Participant.bac_type)
        .where(Participant.id == participant_id)
    ).one_or_none()
    return Trainee(None) if row is None else Trainee(row.birth_date, row.bac_type)


def tutor_facts(session: Session, tutor: TutorChoice, start: date, end: date | None) -> TutorFacts:
    """The tutor as the rules see them for a new contract from ``start`` to ``end``: the
    contracts they already follow during that time, plus this one."""
    periods = _tutor_loads(session, {tutor.id})[tutor.id]
    others = _overlapping(periods, start, end or date.max)
    return TutorFacts(tutor.experience_years, tutor.is_employer_in_person, others + 1)


@dataclass(frozen=True, slots=True)
class ContractContext:
    """What the visit and rupture dialogs show about the contract they record for."""

    contract_id: str
    participant_id: str
    participant: str
    employer: str
    terms: ContractTerms
    trial_end: date
    interval_weeks: int


def contract_context(session: Session, contract_id: str) -> ContractContext:
    row = session.execute(
        select(Contract, Participant.first_name, Participant.last_name, Employer.name,
               Cohort.visit_interval_weeks)
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Cohort, Cohort.id == Participant.cohort_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .where(Contract.id == contract_id)
    ).one_or_none()
    if row is None:
        raise UserError("Contrat introuvable : il a peut-être été supprimé.")
    contract, first, last, employer, interval = row
    terms = contract_terms_of(contract)
    return ContractContext(contract.id, contract.participant_id, person_name(last, first), employer,
                           terms, trial_period_end(terms), interval)


@dataclass(frozen=True, slots=True)
class ContractForm:
    """A recorded contract as the contract dialog shows it for editing (money in cents)."""

    id: str
    participant_id: str
    participant: str
    employer_id: str
    tutor_id: str | None
    workplace_siret: str | None
    contract_type: str
    signed_on: date | None
    start_date: date
    end_date: date | None
    trial_period_end_override: date | None
    weekly_hours: float | None
    training_hours: int | None
    job_title: str
    rome_code: str
    qualification: str
    gross_monthly_pay_cents: int | None
    branch_minimum_cents: int | None
    opco: str
    sent_to_opco_on: date | None
    opco_decision: str | None
    opco_decision_on: date | None


def contract_form(session: Session, contract_id: str) -> ContractForm:
    row = session.execute(
        select(
            Contract.id, Contract.participant_id, Participant.first_name, Participant.last_name,
            Contract.employer_id, Contract.tutor_id, Contract.workplace_siret,
            Contract.contract_type, Contract.signed_on, Contract.start_date, Contract.end_date,
            Contract.trial_period_end_override, Contract.weekly_hours, Contract.training_hours,
            Contract.job_title, Contract.rome_code, Contract.qualification,
            Contract.gross_monthly_pay_cents, Contract.branch_minimum_cents, Contract.opco,
            Contract.sent_to_opco_on, Contract.opco_decision, Contract.opco_decision_on,
        )
        .join(Participant, Participant.id == Contract.participant_id)
        .where(Contract.id == contract_id)
    ).one_or_none()
    if row is None:
        raise UserError("Contrat introuvable : il a peut-être été supprimé.")
    cid, pid, first, last, *terms = row
    return ContractForm(cid, pid, person_name(last, first), *terms)


def save_contract_changes(
    database: Database, contract_id: str, employer_id: str, start_date: date, **terms: Any
) -> str:
    """Save the edited terms of a contract in one transaction (``recording.update_contract``)."""
    with database.write() as session:
        recording.update_contract(session, contract_id, employer_id, start_date, **terms)
    return contract_id


def add_reminder(
    database: Database, participant_id: str | None, due_on: date, text: str, author: str = ""
) -> str:
    """A coach's own dated reminder, in one transaction; it shows in the week's agenda."""
    text = (text or "").strip()
    if not text:
        raise UserError("Le texte du rappel est obligatoire.", hint="Écrivez ce qu'il faut faire.")
    with database.write() as session:
        reminder = Reminder(participant_id=participant_id, due_on=due_on, text=text,
                            author=author)
        session.add(reminder)
        session.flush()
        return reminder.id


def euros_to_cents(amount: Decimal | None) -> int | None:
    return None if amount is None else int((amount * 100).to_integral_value())
