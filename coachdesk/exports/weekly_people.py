"""The « Jeunes » sheet of the weekly workbook: the people of the cohort, where they stand on
the day, their last action and their next step, read in one streamed query.

Who is listed is decided here, person by person, by :class:`~coachdesk.exports.weekly_scope.
Listing` (the people still in the programme whose consent is recorded, by default); the
columns a recipient gets are chosen by the export's profile.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from coachdesk.exports._common import (
    STREAM_BATCH,
    alphabetical,
    as_day,
    end_of_day,
    latest_per_participant,
)
from coachdesk.exports.weekly_scope import Listing, leaving_reason
from coachdesk.exports.xlsx import Column
from coachdesk.models import (
    Attendance,
    BilanMember,
    Coach,
    Cohort,
    Contract,
    Enrolment,
    FollowUpVisit,
    InfoSession,
    Outcome,
    Outreach,
    Participant,
    ProfessionalProject,
    RecruitmentInterview,
    Referral,
    Reminder,
    SelectionInterview,
    codes,
)
from coachdesk.services import enrolment as enrolments
from coachdesk.services.contract_terms import contract_status
from coachdesk.services.stages import stage_of

# Every column the sheet can have; a profile picks among them (the Mission Locale's default
# leaves out the birth date and the contact details: see ``weekly_scope``).
PEOPLE_COLUMNS = [
    Column("last_name", "Nom", width=18),
    Column("first_name", "Prénom", width=16),
    Column("public", "Public", width=8),
    Column("birth_date", "Date de naissance", "date", 12),
    Column("phone", "Téléphone", width=16),
    Column("email", "Courriel", width=28),
    Column("address", "Adresse", width=28),
    Column("postcode", "Code postal", width=9),
    Column("city", "Ville", width=16),
    Column("provenance", "Provenance", width=20),
    Column("stage", "Étape", width=20),
    Column("status", "Statut", width=24),
    Column("outcome", "Sortie, solution", width=28),
    Column("coach", "Chargé·e d'accompagnement", width=18),
    Column("last_action", "Dernière action", width=26),
    Column("last_action_on", "Date de la dernière action", "date", 12),
    Column("next_step", "Prochaine étape", width=26),
    Column("next_step_on", "Date de la prochaine étape", "date", 12),
]


def _people_statement(cohort_id: str, day: date) -> Any:
    """One row per participant: identity, latest state of each stage, last and next event.

    Each table is read once per participant: the latest row of a stage by a ranked subquery,
    the dates of past and planned events by conditional aggregates (``max(CASE …)``) of one
    grouped subquery per table. At 80,000 participants every subquery costs a lookup per
    person, so there are as few as the tables involved.
    """
    end = end_of_day(day)
    pid = Participant.id
    outreach = latest_per_participant(
        Outreach.participant_id, Outreach.done_on, Outreach.outcome.label("outreach_outcome"),
        Outreach.done_on.label("contacted_on"),
        where=(Outreach.done_on <= day,),
    )
    selection = latest_per_participant(
        SelectionInterview.participant_id, SelectionInterview.held_on,
        SelectionInterview.decision.label("selection_decision"),
        SelectionInterview.held_on.label("selected_on"),
        where=(SelectionInterview.held_on <= day,),
    )
    bilan = latest_per_participant(
        BilanMember.participant_id, BilanMember.started_on,
        BilanMember.status.label("bilan_status"), BilanMember.started_on.label("bilan_on"),
        where=(BilanMember.started_on <= day,),
    )
    contract = latest_per_participant(
        Contract.participant_id, Contract.start_date,
        Contract.start_date.label("contract_start"), Contract.end_date.label("contract_end"),
        Contract.rupture_on.label("contract_rupture"),
        where=(func.coalesce(Contract.signed_on, Contract.start_date) <= day,),
    )
    outcome = latest_per_participant(
        Outcome.participant_id, Outcome.recorded_on, Outcome.kind.label("outcome_kind"),
        Outcome.recorded_on.label("outcome_on"),
        where=(Outcome.recorded_on <= day,),
    )
    recall = _per_participant(
        Outreach.participant_id, func.min(Outreach.recall_on).label("recall_on"),
        where=(Outreach.recall_on > day,),
    )
    meetings = _per_participant(
        Attendance.participant_id,
        _latest_when(and_(Attendance.status == "present", InfoSession.starts_at < end),
                     InfoSession.starts_at, "met_at"),
        _earliest_when(and_(Attendance.status == "invite", InfoSession.starts_at >= end),
                       InfoSession.starts_at, "meeting_at"),
        func.max(case((Attendance.status == "invite", 1), else_=0)).label("invited"),
        where=(Attendance.cohort_id == cohort_id,),
        joins=[(InfoSession, InfoSession.id == Attendance.session_id)],
    )
    project = _per_participant(
        ProfessionalProject.participant_id,
        func.max(ProfessionalProject.decided_on).label("decided_on"),
        func.max(case((ProfessionalProject.decision == "valide", 1), else_=0)).label("validated"),
        where=(ProfessionalProject.decided_on <= day,),
    )
    referrals = _per_participant(
        Referral.participant_id,
        _latest_when(Referral.status_on <= day, Referral.status_on, "referred_on"),
        _latest_when(RecruitmentInterview.starts_at < end, RecruitmentInterview.starts_at,
                     "interviewed_at"),
        _earliest_when(and_(RecruitmentInterview.starts_at >= end,
                            RecruitmentInterview.outcome == "a_venir"),
                       RecruitmentInterview.starts_at, "interview_at"),
        outer_joins=[(RecruitmentInterview, RecruitmentInterview.referral_id == Referral.id)],
    )
    enrolment = _per_participant(
        Enrolment.participant_id,
        _latest_when(Enrolment.enrolled_on <= day, Enrolment.enrolled_on, "enrolled_on"),
        # The deadline ahead of a place still provisional on the day (its own, else the
        # promotion's), by the enrolment's rule.
        _earliest_when(and_(enrolments.provisional_on(day), enrolments.deadline_column() > day),
                       enrolments.deadline_column(), "deadline_on"),
        where=(Enrolment.cohort_id == cohort_id,),
        joins=[(Cohort, Cohort.id == Enrolment.cohort_id)],
    )
    # A visit is due on its planned day while it is not done on ``day``, or on the day
    # announced at a visit done by then; none is due once the contract is broken.
    visit_due = case(
        (and_(_not_done_on(day), FollowUpVisit.planned_on > day), FollowUpVisit.planned_on),
        (and_(or_(FollowUpVisit.done_on.is_(None), FollowUpVisit.done_on <= day),
              FollowUpVisit.next_visit_on > day), FollowUpVisit.next_visit_on),
    )
    contracts = _per_participant(
        Contract.participant_id,
        _latest_when(Contract.start_date <= day, Contract.start_date, "began_on"),
        _latest_when(Contract.rupture_on <= day, Contract.rupture_on, "broken_on"),
        _latest_when(FollowUpVisit.done_on <= day, FollowUpVisit.done_on, "visited_on"),
        func.min(case((Contract.rupture_on.is_(None), visit_due))).label("visit_on"),
        outer_joins=[(FollowUpVisit, FollowUpVisit.contract_id == Contract.id)],
    )
    reminders = _per_participant(
        Reminder.participant_id, func.min(Reminder.due_on).label("reminder_on"),
        where=(Reminder.due_on > day, Reminder.done.is_(False)),
    )
    expected = _per_participant(
        Outcome.participant_id, func.min(Outcome.expected_on).label("expected_on"),
        where=(Outcome.expected_on > day,),
    )

    past = [
        ("Prise de contact", outreach.c.contacted_on),
        ("Réunion d'information", meetings.c.met_at),
        ("Entretien de sélection", selection.c.selected_on),
        ("Entrée en bilan", bilan.c.bilan_on),
        ("Décision sur le projet professionnel", project.c.decided_on),
        ("Mise en relation avec un employeur", referrals.c.referred_on),
        ("Entretien de recrutement", referrals.c.interviewed_at),
        ("Inscription en formation", enrolment.c.enrolled_on),
        ("Début du contrat", contracts.c.began_on),
        ("Rupture du contrat", contracts.c.broken_on),
        ("Visite de suivi", contracts.c.visited_on),
        ("Sortie, solution", outcome.c.outcome_on),
    ]
    future = [
        ("Rappeler", recall.c.recall_on),
        ("Réunion d'information", meetings.c.meeting_at),
        ("Entretien de recrutement", referrals.c.interview_at),
        ("Visite de suivi", contracts.c.visit_on),
        ("Échéance de l'inscription provisoire", enrolment.c.deadline_on),
        ("Rappel", reminders.c.reminder_on),
        ("Embauche ou rentrée prévue", expected.c.expected_on),
    ]
    statement = (
        select(
            Participant.id,
            Participant.consent_date,
            Participant.last_name,
            Participant.first_name,
            Participant.birth_date,
            Participant.is_adult,
            Participant.phone,
            Participant.email,
            Participant.address,
            Participant.postcode,
            Participant.city,
            Participant.provenance,
            Coach.name.label("coach"),
            outreach.c.outreach_outcome,
            meetings.c.met_at.is_not(None).label("attended"),
            func.coalesce(meetings.c.invited, 0).label("invited"),
            selection.c.selection_decision,
            selection.c.selected_on.is_not(None).label("interviewed"),
            bilan.c.bilan_status,
            func.coalesce(project.c.validated, 0).label("validated"),
            contract.c.contract_start,
            contract.c.contract_end,
            contract.c.contract_rupture,
            outcome.c.outcome_kind,
            *[column.label(f"past_{index}") for index, (_, column) in enumerate(past)],
            *[column.label(f"next_{index}") for index, (_, column) in enumerate(future)],
        )
        .where(Participant.cohort_id == cohort_id, Participant.listed_on <= day)
        .order_by(*alphabetical())
    )
    for sub in (outreach, selection, bilan, contract, outcome, recall, meetings, project,
                referrals, enrolment, contracts, reminders, expected):
        statement = statement.outerjoin(sub, sub.c.participant_id == pid)
    statement = statement.outerjoin(Coach, Coach.id == Participant.coach_id)
    labels = ([label for label, _ in past], [label for label, _ in future])
    return statement, labels


def _not_done_on(day: date) -> Any:
    """The visit was not done yet on ``day`` (an export may describe a past week)."""
    return or_(FollowUpVisit.done_on.is_(None), FollowUpVisit.done_on > day)


def _latest_when(condition: Any, column: Any, name: str) -> Any:
    return func.max(case((condition, column))).label(name)


def _earliest_when(condition: Any, column: Any, name: str) -> Any:
    return func.min(case((condition, column))).label(name)


def _per_participant(
    participant_column: Any,
    *aggregates: Any,
    where: Sequence[Any] = (),
    joins: Sequence[tuple[Any, Any]] = (),
    outer_joins: Sequence[tuple[Any, Any]] = (),
) -> Any:
    """A subquery of ``aggregates`` per participant, joined on its ``participant_id``."""
    statement = select(participant_column.label("participant_id"), *aggregates)
    for target, condition in joins:
        statement = statement.join(target, condition)
    for target, condition in outer_joins:
        statement = statement.outerjoin(target, condition)
    return statement.where(*where).group_by(participant_column).subquery()


# How the workbook words a contract's status in the « Situation » column.
_CONTRACT_SITUATIONS = {
    "À venir": "Contrat à venir",
    "En cours": "Contrat en cours",
    "Rupture prévue": "Contrat en cours, rupture prévue",
    "Terminé": "Contrat terminé",
    "Rompu": "Contrat rompu",
}


def _stage_and_status(row: Any, day: date, past_week: bool) -> tuple[str, str, str]:
    """The person's stage code (``services.stages.stage_of``), its label and what the
    workbook says of it.

    For a past week a rupture dated after the week was not known yet: the contract was running.
    """
    status = None
    if row.contract_start is not None:
        rupture = row.contract_rupture
        if past_week and rupture is not None and rupture > day:
            rupture = None
        status = contract_status(row.contract_start, row.contract_end, rupture, day)
    stage = stage_of(
        contract_status=status,
        exited=row.outcome_kind is not None,
        validated=bool(row.validated),
        in_bilan=row.bilan_status is not None,
        interviewed=bool(row.interviewed),
        attended=bool(row.attended),
    )
    if stage == "contrat":
        assert status is not None
        situation = _CONTRACT_SITUATIONS[status]
    elif stage == "sortie":
        situation = codes.OUTCOME_KINDS.get(row.outcome_kind, row.outcome_kind)
    elif stage == "projet":
        situation = "Projet validé"
    elif stage == "bilan":
        situation = codes.BILAN_STATUSES.get(row.bilan_status, row.bilan_status)
    elif stage == "selection":
        decision = row.selection_decision
        situation = (codes.SELECTION_DECISIONS.get(decision, decision) if decision
                     else "Décision à venir")
    elif stage == "information":
        situation = "Présent·e à une réunion"
    elif row.invited:
        situation = "Invité·e à une réunion"
    elif row.outreach_outcome is not None:
        situation = codes.OUTREACH_OUTCOMES.get(row.outreach_outcome, row.outreach_outcome)
    else:
        situation = "À contacter"
    return stage, codes.STAGES[stage], situation


def _pick(values: Sequence[Any], labels: Sequence[str], latest: bool) -> tuple[str | None, Any]:
    best: tuple[str | None, date | None] = (None, None)
    for label, value in zip(labels, values, strict=True):
        day = as_day(value)
        if day is None:
            continue
        if best[1] is None or (day > best[1] if latest else day < best[1]):
            best = (label, day)
    return best


def people_rows(
    session: Session, cohort_id: str, day: date, *, listing: Listing | None = None,
    past_week: bool = False,
) -> Iterator[tuple[Any, ...]]:
    """Rows of the "Jeunes" sheet (every column of ``PEOPLE_COLUMNS``), streamed.

    Args:
        listing: decides who is listed and counts who is not (None: everyone).
        past_week: ``day`` is in the past: what is dated after it was not known yet.
    """
    statement, (past_labels, next_labels) = _people_statement(cohort_id, day)
    n_past = len(past_labels)
    first_date = -(n_past + len(next_labels))
    result = session.execute(statement, execution_options={"yield_per": STREAM_BATCH})
    for row in result:
        stage_code, stage, status = _stage_and_status(row, day, past_week)
        if listing is not None and not listing.decide(
            row.id,
            reason=leaving_reason(
                stage=stage_code, outreach_outcome=row.outreach_outcome,
                selection_decision=row.selection_decision, bilan_status=row.bilan_status,
                outcome_kind=row.outcome_kind,
            ),
            consent_on=row.consent_date, day=day, is_adult=row.is_adult,
        ):
            continue
        dates = row[first_date:]
        last_action, last_on = _pick(dates[:n_past], past_labels, latest=True)
        next_step, next_on = _pick(dates[n_past:], next_labels, latest=False)
        outcome = (
            codes.OUTCOME_KINDS.get(row.outcome_kind, row.outcome_kind)
            if row.outcome_kind else None
        )
        yield (
            row.last_name, row.first_name, "Adulte" if row.is_adult else "Jeune",
            row.birth_date, row.phone, row.email, row.address, row.postcode, row.city,
            codes.PROVENANCES.get(row.provenance, row.provenance),
            stage, status, outcome, row.coach, last_action, last_on, next_step, next_on,
        )
