"""What the Suivi des contrats tab and its dialogs read: each contract with its warnings,
visits and enrolment, and what the contract dialog offers and checks.

Plain rows for the window, each read in one transaction (selected columns, never ORM objects
out), with the same rules as the agenda: ``contract_rules`` for the legal checks,
``visits.next_visit_due`` for the visit plan; the provisional enrolments are the rows of
``enrolment.enrolment_board``. Recording and editing a contract is ``contracts``; no Qt here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

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
    codes,
)
from coachdesk.services.contract_alerts import acknowledgements
from coachdesk.services.contract_draft import ContractDraft, draft_of
from coachdesk.services.contract_rules import (
    ILLEGAL,
    LEVELS,
    TO_CHECK,
    RuleWarning,
    Trainee,
    TutorFacts,
    check_contract,
    trial_period_end,
)
from coachdesk.services.contract_terms import contract_status
from coachdesk.services.enrolment import EnrolmentLine, enrolment_board
from coachdesk.services.smic import SmicTable
from coachdesk.services.text import person_name
from coachdesk.services.visits import follow_up_end, next_visit_due


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
    warnings: tuple[RuleWarning, ...]  # not acknowledged, worst level first
    has_outcome: bool
    # Alerts the coach set aside, with their reasons.
    acknowledged: tuple[tuple[RuleWarning, str], ...] = ()

    @property
    def visit_overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def level(self) -> str | None:
        """The worst level of the alerts still showing (illegal, to check, information)."""
        return self.warnings[0].level if self.warnings else None

    @property
    def flagged(self) -> bool:
        """An alert the coach must act on: against the law, or to check."""
        return self.level in (ILLEGAL, TO_CHECK)


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


@dataclass(frozen=True, slots=True)
class ContractBoard:
    """The tab's two lists: the contracts, and every enrolment with its status."""

    contracts: tuple[ContractLine, ...]
    enrolments: tuple[EnrolmentLine, ...]


def contract_board(db: Database, cohort_id: str, today: date, smic: SmicTable) -> ContractBoard:
    """Every contract and every enrolment of the cohort on ``today``."""
    with db.read() as session:
        lines = tuple(_contract_lines(session, cohort_id, today, smic))
    return ContractBoard(lines, tuple(enrolment_board(db, cohort_id, today)))


def _contract_lines(
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
    acks = acknowledgements(session, [row[0].id for row in rows])
    lines: list[ContractLine] = []
    for (contract, first, last, birth_date, bac_type, employer, interval, last_on, next_on,
         planned_on, experience, is_employer, outcome) in rows:
        terms = draft_of(contract)
        trial_end = trial_period_end(terms)
        last_day = follow_up_end(contract.end_date, contract.rupture_on)
        tutor = None
        if contract.tutor_id is not None:
            load = _overlapping(loads[contract.tutor_id], contract.start_date,
                                last_day or date.max)
            tutor = TutorFacts(experience, bool(is_employer), max(load, 1))
        found = check_contract(terms, Trainee(birth_date, bac_type), tutor, smic, today,
                               rupture_on=contract.rupture_on)
        set_aside = acks.get(contract.id, {})
        warnings = sorted((w for w in found if w.code not in set_aside),
                          key=lambda w: LEVELS.index(w.level))
        acknowledged = tuple((w, set_aside[w.code]) for w in found if w.code in set_aside)
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
            acknowledged=acknowledged,
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


def contract_candidates(db: Database, cohort_id: str) -> list[Choice]:
    """People of the cohort who may sign a contract: enrolled, or with a validated project."""
    enrolled = select(Enrolment.id).where(Enrolment.participant_id == Participant.id).exists()
    validated = (
        select(ProfessionalProject.id)
        .where(ProfessionalProject.participant_id == Participant.id,
               ProfessionalProject.decision == "valide")
        .exists()
    )
    with db.read() as session:
        rows = session.execute(
            select(Participant.id, Participant.first_name, Participant.last_name)
            .where(Participant.cohort_id == cohort_id, enrolled | validated)
            .order_by(Participant.last_name, Participant.first_name)
        ).all()
    return [Choice(pid, person_name(last, first)) for pid, first, last in rows]


def tutor_choices(db: Database, employer_id: str) -> list[TutorChoice]:
    """The employer's contacts, tutors first."""
    with db.read() as session:
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


def _trainee_of(session: Session, participant_id: str) -> Trainee:
    row = session.execute(
        select(Participant.birth_date, Participant.bac_type)
        .where(Participant.id == participant_id)
    ).one_or_none()
    return Trainee(None) if row is None else Trainee(row.birth_date, row.bac_type)


def _tutor_facts(session: Session, draft: ContractDraft,
                 contract_id: str | None) -> TutorFacts | None:
    """The tutor as the rules see them for this contract: the contracts they follow during its
    time, this one included once (``contract_id``: the contract being edited, if any)."""
    if draft.tutor_id is None:
        return None
    tutor = session.execute(
        select(EmployerContact.tutor_experience_years, EmployerContact.is_employer_in_person)
        .where(EmployerContact.id == draft.tutor_id)
    ).one_or_none()
    if tutor is None:
        return None
    query = select(Contract.start_date, Contract.end_date, Contract.rupture_on).where(
        Contract.tutor_id == draft.tutor_id
    )
    if contract_id is not None:
        query = query.where(Contract.id != contract_id)
    periods = session.execute(query).all()
    others = _overlapping(
        [(start, follow_up_end(end, rupture_on) or date.max) for start, end, rupture_on in periods],
        draft.start_date, draft.end_date or date.max,
    )
    return TutorFacts(tutor.tutor_experience_years, bool(tutor.is_employer_in_person), others + 1)


def check_draft(
    db: Database,
    participant_id: str | None,
    draft: ContractDraft,
    smic: SmicTable,
    today: date,
    *,
    contract_id: str | None = None,
) -> list[RuleWarning]:
    """Every legal check of a contract being typed (never blocking), as the dialog shows them
    live: the person's age and diploma, the tutor's experience and load are read here."""
    with db.read() as session:
        trainee = _trainee_of(session, participant_id) if participant_id else Trainee(None)
        tutor = _tutor_facts(session, draft, contract_id)
        # A broken contract being edited is judged only up to its rupture.
        rupture_on = None if contract_id is None else session.scalar(
            select(Contract.rupture_on).where(Contract.id == contract_id))
    return check_contract(draft, trainee, tutor, smic, today, rupture_on=rupture_on)


@dataclass(frozen=True, slots=True)
class ContractContext:
    """What the visit and rupture dialogs show about the contract they record for."""

    contract_id: str
    participant_id: str
    participant: str
    employer: str
    terms: ContractDraft
    trial_end: date
    interval_weeks: int


def contract_context(db: Database, contract_id: str) -> ContractContext:
    with db.read() as session:
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
        terms = draft_of(contract)
    return ContractContext(contract.id, contract.participant_id, person_name(last, first),
                           employer, terms, trial_period_end(terms), interval)


@dataclass(frozen=True, slots=True)
class ContractOnFile:
    """A recorded contract as the contract dialog shows it for editing."""

    id: str
    participant_id: str
    participant: str
    draft: ContractDraft


def contract_on_file(db: Database, contract_id: str) -> ContractOnFile:
    with db.read() as session:
        row = session.execute(
            select(Contract, Participant.first_name, Participant.last_name)
            .join(Participant, Participant.id == Contract.participant_id)
            .where(Contract.id == contract_id)
        ).one_or_none()
        if row is None:
            raise UserError("Contrat introuvable : il a peut-être été supprimé.")
        contract, first, last = row
        on_file = ContractOnFile(contract.id, contract.participant_id,
                                 person_name(last, first), draft_of(contract))
    from coachdesk.services.cerfa import stored_parties

    # With the parties' CERFA facts: the dialog shows and saves them with the contract.
    parties = stored_parties(db, on_file.participant_id, on_file.draft)
    return replace(on_file, draft=replace(on_file.draft, parties=parties))
