"""The weekly workbook for the Mission Locale: the cohort's people, the week's actions, the
contracts, and the funnel with what changed since the previous weekly export.

Every query selects columns (SQLAlchemy Core rows, never ORM objects) and the participant list
is streamed to the writer, so an 80,000-person cohort is written in flat memory.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import groupby
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from coachdesk.db import Database
from coachdesk.exports._common import (
    IsoWeek,
    alphabetical,
    as_day,
    full_name,
    latest_per_participant,
    log_export,
    previous_export,
    recording,
)
from coachdesk.exports.xlsx import (
    CancelCheck,
    Column,
    ExportResult,
    ProgressCallback,
    Sheet,
    write_workbook,
)
from coachdesk.models import (
    Attendance,
    BilanGroup,
    BilanMember,
    BilanSession,
    Cohort,
    Contract,
    Employer,
    EmployerContact,
    Enrolment,
    FollowUpVisit,
    InfoSession,
    JobOffer,
    Outcome,
    Outreach,
    Participant,
    ProfessionalProject,
    ProspectingEvent,
    RecruitmentInterview,
    Referral,
    Reminder,
    SelectionInterview,
    codes,
)
from coachdesk.services.cohorts import find_cohort
from coachdesk.services.contract_terms import trial_period_end
from coachdesk.services.funnel import FUNNEL_LABELS, FUNNEL_STAGES, Funnel, compute_funnel

KIND = "hebdomadaire"
RECIPIENT = "Mission Locale"
STREAM_BATCH = 2000

PEOPLE_COLUMNS = [
    Column("last_name", "Nom", width=18),
    Column("first_name", "Prénom", width=16),
    Column("birth_date", "Date de naissance", "date", 12),
    Column("is_adult", "Adulte", "bool", 8),
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

ACTION_COLUMNS = [
    Column("on", "Date", "date", 12),
    Column("action", "Action", width=28),
    Column("person", "Jeune", width=26),
    Column("employer", "Employeur", width=24),
    Column("detail", "Détail", width=40),
    Column("author", "Par", width=16),
]

CONTRACT_COLUMNS = [
    Column("last_name", "Nom", width=18),
    Column("first_name", "Prénom", width=16),
    Column("employer", "Employeur", width=24),
    Column("siret", "SIRET", width=16),
    Column("tutor", "Tuteur", width=20),
    Column("contract_type", "Type de contrat", width=10),
    Column("job_title", "Poste", width=22),
    Column("signed_on", "Signé le", "date", 12),
    Column("start_date", "Début", "date", 12),
    Column("end_date", "Fin prévue", "date", 12),
    Column("trial_end", "Fin de la période d'essai", "date", 12),
    Column("status", "Statut", width=16),
    Column("rupture_on", "Rompu le", "date", 12),
    Column("rupture_in_trial", "Rupture pendant l'essai", "bool", 10),
    Column("rupture_by", "Rupture à l'initiative de", width=18),
    Column("rupture_reason", "Motif de la rupture", width=22),
    Column("opco", "OPCO", width=14),
    Column("opco_decision", "Décision de l'OPCO", width=12),
    Column("next_visit_on", "Prochaine visite", "date", 12),
]

SUMMARY_COLUMNS = [
    Column("indicator", "Indicateur", width=52),
    Column("count", "Nombre", "int", 10),
    Column("rate", "Taux de conversion", "percent", 12),
    Column("previous", "Export précédent", "int", 12),
    Column("change", "Évolution", "int", 10),
]


@dataclass(frozen=True)
class WeeklyExport:
    """What was exported: the file, the week, the cohort, the funnel and the log entry."""

    result: ExportResult
    week: IsoWeek
    cohort_id: str
    cohort_name: str
    funnel: Funnel
    log_id: str


def _end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time())


def _contract_status(
    start: date, end: date | None, rupture_on: date | None, day: date
) -> str:
    if rupture_on is not None and rupture_on <= day:
        return "Rompu"
    if start > day:
        return "À venir"
    if end is not None and end < day:
        return "Terminé"
    return "En cours"


# --- "Jeunes" ---------------------------------------------------------------------------------

def _people_statement(cohort_id: str, day: date) -> Any:
    """One row per participant: identity, latest state of each stage, last and next event.

    Each table is read once per participant: the latest row of a stage by a ranked subquery,
    the dates of past and planned events by conditional aggregates (``max(CASE …)``) of one
    grouped subquery per table. At 80,000 participants every subquery costs a lookup per
    person, so there are as few as the tables involved.
    """
    end = _end_of(day)
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
        _earliest_when(and_(Enrolment.status == "provisoire", Cohort.enrolment_deadline > day),
                       Cohort.enrolment_deadline, "deadline_on"),
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
            Participant.coach,
            outreach.c.outreach_outcome,
            meetings.c.met_at.is_not(None).label("attended"),
            func.coalesce(meetings.c.invited, 0).label("invited"),
            selection.c.selection_decision,
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


def _stage_and_status(row: Any, day: date) -> tuple[str, str]:
    if row.contract_start is not None:
        status = _contract_status(row.contract_start, row.contract_end, row.contract_rupture, day)
        if status in ("En cours", "À venir") or row.outcome_kind is None:
            return codes.STAGES["contrat"], f"Contrat {status.lower()}"
    if row.outcome_kind is not None:
        return codes.STAGES["sortie"], codes.OUTCOME_KINDS.get(row.outcome_kind, row.outcome_kind)
    if row.validated:
        return codes.STAGES["projet"], "Projet validé"
    if row.bilan_status is not None:
        return codes.STAGES["bilan"], codes.BILAN_STATUSES.get(row.bilan_status, row.bilan_status)
    if row.selection_decision is not None:
        label = codes.SELECTION_DECISIONS.get(row.selection_decision, row.selection_decision)
        return codes.STAGES["selection"], label
    if row.attended:
        return codes.STAGES["information"], "Présent·e à une réunion"
    if row.invited:
        return codes.STAGES["contact"], "Invité·e à une réunion"
    if row.outreach_outcome is not None:
        label = codes.OUTREACH_OUTCOMES.get(row.outreach_outcome, row.outreach_outcome)
        return codes.STAGES["contact"], label
    return codes.STAGES["contact"], "À contacter"


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
    session: Session, cohort_id: str, day: date
) -> Iterator[tuple[Any, ...]]:
    """Rows of the "Jeunes" sheet, streamed from the database."""
    statement, (past_labels, next_labels) = _people_statement(cohort_id, day)
    n_past = len(past_labels)
    first_date = -(n_past + len(next_labels))
    result = session.execute(statement, execution_options={"yield_per": STREAM_BATCH})
    for row in result:
        stage, status = _stage_and_status(row, day)
        dates = row[first_date:]
        last_action, last_on = _pick(dates[:n_past], past_labels, latest=True)
        next_step, next_on = _pick(dates[n_past:], next_labels, latest=False)
        outcome = (
            codes.OUTCOME_KINDS.get(row.outcome_kind, row.outcome_kind)
            if row.outcome_kind else None
        )
        yield (
            row.last_name, row.first_name, row.birth_date, row.is_adult, row.phone, row.email,
            row.address, row.postcode, row.city,
            codes.PROVENANCES.get(row.provenance, row.provenance),
            stage, status, outcome, row.coach, last_action, last_on, next_step, next_on,
        )


# --- "Actions de la semaine" -------------------------------------------------------------------

Event = tuple[Any, str, str | None, str | None, str | None, str | None]


def _event(on: Any, action: str, person: str | None, employer: str | None,
           detail: str | None, author: str | None) -> Event:
    return (on, action, person or None, employer or None, detail or None, author or None)


def _dated_events(
    session: Session, statement: Any, on_column: Any, make: Callable[[Any], Event | None]
) -> Iterator[Event]:
    """The events made from ``statement``'s rows, streamed in the order of ``on_column``."""
    result = session.execute(
        statement.order_by(on_column), execution_options={"yield_per": STREAM_BATCH}
    )
    for r in result:
        event = make(r)
        if event is not None:
            yield event


def week_actions(session: Session, cohort_id: str, week: IsoWeek) -> Iterator[Event]:
    """Every dated event of the week for the cohort, in date order, streamed.

    An 80,000-person cohort has ~15,000 events a week, so they are never gathered: each kind of
    event comes from its own query ordered by date (one query per date column when a row holds
    several dated events), the streams are merged on the day, and only the events of one moment
    are held at a time, to sort them by action and person.
    """
    first, last = week.monday, week.sunday
    start, end = _end_of(first - timedelta(days=1)), _end_of(last)
    in_cohort = Participant.cohort_id == cohort_id
    streams: list[Iterator[Event]] = []

    def source(statement: Any, on_column: Any, make: Callable[[Any], Event | None]) -> None:
        streams.append(_dated_events(session, statement, on_column, make))

    def who(r: Any) -> str:
        return full_name(r.last_name, r.first_name)

    source(
        select(Outreach.done_on, Outreach.channel, Outreach.outcome, Outreach.author,
               Participant.last_name, Participant.first_name)
        .join(Participant, Participant.id == Outreach.participant_id)
        .where(in_cohort, Outreach.done_on.between(first, last)),
        Outreach.done_on,
        lambda r: _event(
            r.done_on, "Prise de contact", who(r), None,
            f"{codes.OUTREACH_CHANNELS.get(r.channel, r.channel)} : "
            f"{codes.OUTREACH_OUTCOMES.get(r.outcome, r.outcome)}", r.author),
    )

    present = func.count(Attendance.id).filter(Attendance.status == "present")
    source(
        select(InfoSession.starts_at, InfoSession.place, present.label("present"),
               func.count(Attendance.id).label("invited"))
        .outerjoin(Attendance, Attendance.session_id == InfoSession.id)
        .where(InfoSession.cohort_id == cohort_id, InfoSession.starts_at >= start,
               InfoSession.starts_at < end)
        .group_by(InfoSession.id, InfoSession.starts_at, InfoSession.place),
        InfoSession.starts_at,
        lambda r: _event(
            r.starts_at, "Réunion d'information collective", None, None,
            f"{r.present} présent·e·s sur {r.invited} invité·e·s"
            + (f", {r.place}" if r.place else ""), None),
    )

    source(
        select(SelectionInterview.held_on, SelectionInterview.decision,
               SelectionInterview.interviewer, Participant.last_name, Participant.first_name)
        .join(Participant, Participant.id == SelectionInterview.participant_id)
        .where(in_cohort, SelectionInterview.held_on.between(first, last)),
        SelectionInterview.held_on,
        lambda r: _event(
            r.held_on, "Entretien de sélection", who(r), None,
            (codes.SELECTION_DECISIONS.get(r.decision, r.decision) if r.decision else None)
            or "Décision à prendre", r.interviewer),
    )

    bilan_members = (
        select(BilanMember.started_on, BilanMember.left_on, BilanMember.status,
               BilanGroup.name, Participant.last_name, Participant.first_name)
        .join(Participant, Participant.id == BilanMember.participant_id)
        .join(BilanGroup, BilanGroup.id == BilanMember.group_id)
        .where(BilanMember.cohort_id == cohort_id)
    )
    source(
        bilan_members.where(BilanMember.started_on.between(first, last)),
        BilanMember.started_on,
        lambda r: _event(r.started_on, "Entrée en bilan", who(r), None, r.name, None),
    )
    source(
        bilan_members.where(BilanMember.left_on.between(first, last)),
        BilanMember.left_on,
        lambda r: _event(r.left_on, "Sortie du bilan", who(r), None,
                         codes.BILAN_STATUSES.get(r.status, r.status), None),
    )

    source(
        select(BilanSession.held_on, BilanSession.part, BilanSession.title, BilanSession.trainer,
               BilanGroup.name)
        .join(BilanGroup, BilanGroup.id == BilanSession.group_id)
        .where(BilanGroup.cohort_id == cohort_id, BilanSession.held_on.between(first, last)),
        BilanSession.held_on,
        lambda r: _event(
            r.held_on, f"Séance : {codes.BILAN_PARTS.get(r.part, r.part)}", None, None,
            " — ".join(part for part in (r.name, r.title) if part), r.trainer),
    )

    source(
        select(ProfessionalProject.decided_on, ProfessionalProject.job_title,
               ProfessionalProject.rome_code, ProfessionalProject.decision,
               Participant.last_name, Participant.first_name)
        .join(Participant, Participant.id == ProfessionalProject.participant_id)
        .where(in_cohort, ProfessionalProject.decided_on.between(first, last)),
        ProfessionalProject.decided_on,
        lambda r: _event(
            r.decided_on, "Projet professionnel", who(r), None,
            f"{r.job_title} ({r.rome_code}) : "
            f"{codes.PROJECT_DECISIONS.get(r.decision, r.decision)}", None),
    )

    def prospecting(r: Any) -> Event:
        detail = codes.PROSPECTING_CHANNELS.get(r.channel, r.channel)
        if r.next_step:
            detail += f" ; suite : {r.next_step}"
        return _event(r.done_on, "Prospection", None, r.name, detail, r.author)

    source(
        select(ProspectingEvent.done_on, ProspectingEvent.channel, ProspectingEvent.next_step,
               ProspectingEvent.author, Employer.name)
        .join(Employer, Employer.id == ProspectingEvent.employer_id)
        .where(ProspectingEvent.done_on.between(first, last)),
        ProspectingEvent.done_on,
        prospecting,
    )

    source(
        select(JobOffer.received_on, JobOffer.title, JobOffer.city, Employer.name)
        .join(Employer, Employer.id == JobOffer.employer_id)
        .where(JobOffer.cohort_id == cohort_id, JobOffer.received_on.between(first, last)),
        JobOffer.received_on,
        lambda r: _event(r.received_on, "Offre d'emploi reçue", None, r.name,
                         r.title + (f", {r.city}" if r.city else ""), None),
    )

    referrals = (
        select(Referral.proposed_on, Referral.status, Referral.status_on, JobOffer.title,
               Employer.name, Participant.last_name, Participant.first_name)
        .join(Participant, Participant.id == Referral.participant_id)
        .join(JobOffer, JobOffer.id == Referral.offer_id)
        .join(Employer, Employer.id == JobOffer.employer_id)
        .where(in_cohort)
    )
    source(
        referrals.where(Referral.proposed_on.between(first, last)),
        Referral.proposed_on,
        lambda r: _event(r.proposed_on, "Mise en relation", who(r), r.name, r.title, None),
    )
    source(
        referrals.where(Referral.status_on.between(first, last),
                        Referral.status_on != Referral.proposed_on),
        Referral.status_on,
        lambda r: _event(r.status_on, "Mise en relation : suite", who(r), r.name,
                         codes.REFERRAL_STATUSES.get(r.status, r.status), None),
    )

    source(
        select(RecruitmentInterview.starts_at, RecruitmentInterview.outcome,
               RecruitmentInterview.place, Employer.name, Participant.last_name,
               Participant.first_name)
        .join(Referral, Referral.id == RecruitmentInterview.referral_id)
        .join(Participant, Participant.id == Referral.participant_id)
        .join(JobOffer, JobOffer.id == Referral.offer_id)
        .join(Employer, Employer.id == JobOffer.employer_id)
        .where(in_cohort, RecruitmentInterview.starts_at >= start,
               RecruitmentInterview.starts_at < end),
        RecruitmentInterview.starts_at,
        lambda r: _event(r.starts_at, "Entretien de recrutement", who(r), r.name,
                         codes.INTERVIEW_OUTCOMES.get(r.outcome, r.outcome), None),
    )

    enrolments = (
        select(Participant.last_name, Participant.first_name)
        .select_from(Enrolment)
        .join(Participant, Participant.id == Enrolment.participant_id)
        .where(Enrolment.cohort_id == cohort_id)
    )
    for column, label in ((Enrolment.enrolled_on, "Inscription provisoire"),
                          (Enrolment.confirmed_on, "Inscription confirmée"),
                          (Enrolment.lapsed_on, "Inscription caduque")):
        source(
            enrolments.add_columns(column.label("on")).where(column.between(first, last)),
            column,
            _person_event(label, who),
        )

    contracts = (
        select(Contract.rupture_by, Contract.job_title, Employer.name, Participant.last_name,
               Participant.first_name)
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .where(in_cohort)
    )

    def rupture_detail(r: Any) -> str | None:
        by = codes.RUPTURE_BY.get(r.rupture_by, r.rupture_by) if r.rupture_by else None
        return f"À l'initiative de : {by}" if by else None

    for column, label, detail in (
        (Contract.signed_on, "Signature du contrat", lambda r: r.job_title),
        (Contract.start_date, "Début du contrat", lambda r: r.job_title),
        (Contract.end_date, "Fin du contrat", lambda r: r.job_title),
        (Contract.rupture_on, "Rupture du contrat", rupture_detail),
    ):
        source(
            contracts.add_columns(column.label("on")).where(column.between(first, last)),
            column,
            _contract_event(label, who, detail),
        )

    def visit(r: Any) -> Event:
        kind = codes.VISIT_KINDS.get(r.kind, r.kind)
        return _event(r.done_on or r.planned_on, kind if r.done_on else f"{kind} (prévue)",
                      who(r), r.name, None, r.author)

    source(
        select(FollowUpVisit.kind, FollowUpVisit.planned_on, FollowUpVisit.done_on,
               FollowUpVisit.author, Employer.name, Participant.last_name,
               Participant.first_name)
        .join(Contract, Contract.id == FollowUpVisit.contract_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .join(Participant, Participant.id == Contract.participant_id)
        .where(in_cohort, or_(FollowUpVisit.done_on.between(first, last),
                              and_(FollowUpVisit.done_on.is_(None),
                                   FollowUpVisit.planned_on.between(first, last)))),
        func.coalesce(FollowUpVisit.done_on, FollowUpVisit.planned_on),
        visit,
    )

    source(
        select(Outcome.recorded_on, Outcome.kind, Participant.last_name, Participant.first_name)
        .join(Participant, Participant.id == Outcome.participant_id)
        .where(in_cohort, Outcome.recorded_on.between(first, last)),
        Outcome.recorded_on,
        lambda r: _event(r.recorded_on, "Sortie, solution", who(r), None,
                         codes.OUTCOME_KINDS.get(r.kind, r.kind), None),
    )

    merged = heapq.merge(*streams, key=_event_moment)
    for _, same_moment in groupby(merged, key=_event_moment):
        yield from sorted(same_moment, key=_action_and_person)


def _person_event(label: str, who: Callable[[Any], str]) -> Callable[[Any], Event]:
    """An event of a participant on the row's ``on`` day, with nothing more to say."""
    return lambda r: _event(r.on, label, who(r), None, None, None)


def _contract_event(
    label: str, who: Callable[[Any], str], detail: Callable[[Any], str | None]
) -> Callable[[Any], Event]:
    """An event of a contract on the row's ``on`` day, with its employer and ``detail``."""
    return lambda r: _event(r.on, label, who(r), r.name, detail(r), None)


def _event_moment(event: Event) -> datetime:
    value = event[0]
    return value if isinstance(value, datetime) else datetime.combine(value, time())


def _action_and_person(event: Event) -> tuple[str, str]:
    return event[1], event[2] or ""



# --- "Contrats" -------------------------------------------------------------------------------

def contract_rows(session: Session, cohort_id: str, day: date) -> Iterator[tuple[Any, ...]]:
    """Every contract of the cohort's participants, with trial period end and next visit."""
    tutor = aliased(EmployerContact)
    planned = (
        select(FollowUpVisit.contract_id.label("contract_id"),
               func.min(FollowUpVisit.planned_on).label("planned"))
        .where(FollowUpVisit.done_on.is_(None), FollowUpVisit.planned_on > day)
        .group_by(FollowUpVisit.contract_id)
        .subquery()
    )
    announced = (
        select(FollowUpVisit.contract_id.label("contract_id"),
               func.min(FollowUpVisit.next_visit_on).label("announced"))
        .where(FollowUpVisit.next_visit_on > day)
        .group_by(FollowUpVisit.contract_id)
        .subquery()
    )
    statement = (
        select(
            Participant.last_name, Participant.first_name, Employer.name.label("employer"),
            func.coalesce(Contract.workplace_siret, Employer.siret).label("siret"),
            tutor.last_name.label("tutor_last"), tutor.first_name.label("tutor_first"),
            Contract.contract_type, Contract.job_title, Contract.signed_on, Contract.start_date,
            Contract.end_date, Contract.trial_period_end_override, Contract.rupture_on,
            Contract.rupture_by, Contract.rupture_reason_category, Contract.opco,
            Employer.opco.label("employer_opco"), Contract.opco_decision,
            planned.c.planned, announced.c.announced,
        )
        .join(Participant, Participant.id == Contract.participant_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .outerjoin(tutor, tutor.id == Contract.tutor_id)
        .outerjoin(planned, planned.c.contract_id == Contract.id)
        .outerjoin(announced, announced.c.contract_id == Contract.id)
        .where(
            Participant.cohort_id == cohort_id,
            func.coalesce(Contract.signed_on, Contract.start_date) <= day,
        )
        .order_by(*alphabetical(), Contract.start_date)
    )
    for r in session.execute(statement, execution_options={"yield_per": STREAM_BATCH}):
        trial_end = trial_period_end(
            r.contract_type, r.start_date, r.end_date, r.trial_period_end_override
        )
        status = _contract_status(r.start_date, r.end_date, r.rupture_on, day)
        in_trial = r.rupture_on <= trial_end if r.rupture_on is not None else None
        next_visit = None
        if status in ("En cours", "À venir"):
            candidates = [d for d in (r.planned, r.announced) if d is not None]
            next_visit = min(candidates) if candidates else None
        yield (
            r.last_name, r.first_name, r.employer, r.siret,
            full_name(r.tutor_last, r.tutor_first) or None,
            codes.CONTRACT_TYPES.get(r.contract_type, r.contract_type), r.job_title,
            r.signed_on, r.start_date, r.end_date, trial_end, status, r.rupture_on, in_trial,
            codes.RUPTURE_BY.get(r.rupture_by, r.rupture_by) if r.rupture_by else None,
            codes.RUPTURE_REASONS.get(r.rupture_reason_category, r.rupture_reason_category)
            if r.rupture_reason_category else None,
            r.opco or r.employer_opco,
            codes.OPCO_DECISIONS.get(r.opco_decision, r.opco_decision)
            if r.opco_decision else None,
            next_visit,
        )


# --- "Synthèse" -------------------------------------------------------------------------------

def summary_rows(
    funnel: Funnel, previous: dict[str, int] | None
) -> list[tuple[Any, ...]]:
    """The funnel, each figure with its conversion rate and its change since the last export."""
    figures = funnel.figures()
    stages = dict(FUNNEL_STAGES)
    rows = []
    for key, label in FUNNEL_LABELS.items():
        count = figures[key]
        rate = funnel.conversion(key) if stages.get(key) else None
        before = previous.get(key) if previous else None
        change = count - before if isinstance(before, int) else None
        rows.append((label, count, rate, before, change))
    return rows


def _week_reference_day(week: IsoWeek, today: date) -> date:
    """The day the sheets describe: the week's Sunday, or today for the current week."""
    return min(week.sunday, max(today, week.monday))


def export_weekly(
    database: Database,
    out: Path | str,
    *,
    week: IsoWeek | None = None,
    cohort_name: str | None = None,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> WeeklyExport:
    """Write the Mission Locale's weekly workbook and log it.

    Args:
        week: the ISO week (default: the current week).
        cohort_name: the cohort (default: the latest one).
        today: the current day (tests pin it).

    Raises:
        UserError: no such cohort, or the file cannot be written.
    """
    today = today or date.today()
    week = week or IsoWeek.of(today)
    day = _week_reference_day(week, today)
    target = Path(out)
    with database.read() as session:
        cohort = find_cohort(session, cohort_name)
        funnel = compute_funnel(session, cohort.id, day)
        previous = previous_export(session, KIND, cohort.id)
        previous_figures = previous.summary.get("funnel") if previous else None
        expected = session.scalar(
            select(func.count(Participant.id)).where(
                Participant.cohort_id == cohort.id, Participant.listed_on <= day
            )
        )
        period = (
            f"Semaine {week.code}, du {week.monday:%d/%m/%Y} au {week.sunday:%d/%m/%Y}"
        )
        if previous is not None:
            previously = (
                f"Évolution depuis l'export du {previous.exported_at:%d/%m/%Y} "
                f"({previous.file_name})"
            )
        else:
            previously = "Premier export hebdomadaire de cette promotion"
        sheets = [
            Sheet("Jeunes", PEOPLE_COLUMNS, people_rows(session, cohort.id, day),
                  expected_rows=expected),
            Sheet("Actions de la semaine", ACTION_COLUMNS, week_actions(session, cohort.id, week)),
            Sheet("Contrats", CONTRACT_COLUMNS, contract_rows(session, cohort.id, day)),
            Sheet(
                "Synthèse", SUMMARY_COLUMNS,
                summary_rows(funnel, previous_figures if isinstance(previous_figures, dict)
                             else None),
                title_lines=[
                    f"{cohort.name} — situation au {day:%d/%m/%Y}", period, previously,
                ],
            ),
        ]
        result = write_workbook(target, sheets, progress=progress, is_cancelled=is_cancelled)
    with recording(database, result) as session:
        log_id = log_export(
            session, kind=KIND, recipient=RECIPIENT, result=result, cohort_id=cohort.id,
            summary={"week": week.code, "as_of": day.isoformat(), "funnel": funnel.figures()},
        )
    return WeeklyExport(result, week, cohort.id, cohort.name, funnel, log_id)

