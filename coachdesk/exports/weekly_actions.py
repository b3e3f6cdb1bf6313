"""The « Actions de la semaine » sheet of the weekly workbook: every dated event of the week,
in date order, merged from one streamed query per kind of event.

An event about a person the workbook does not list (``weekly_scope``) is left out; events about
no one in particular (a meeting, an offer, prospecting) are all kept.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Container, Iterator
from datetime import date, datetime, time, timedelta
from itertools import groupby
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from coachdesk.exports._common import STREAM_BATCH, end_of_day
from coachdesk.exports.xlsx import Column
from coachdesk.models import (
    Attendance,
    BilanGroup,
    BilanMember,
    BilanSession,
    Coach,
    Cohort,
    Contract,
    Employer,
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
    SelectionInterview,
    codes,
)
from coachdesk.services import enrolment as enrolments
from coachdesk.services.text import person_name
from coachdesk.services.weeks import IsoWeek

ACTION_COLUMNS = [
    Column("on", "Date", "date", 12),
    Column("action", "Action", width=28),
    Column("person", "Jeune", width=26),
    Column("employer", "Employeur", width=24),
    Column("detail", "Détail", width=40),
    Column("author", "Par", width=16),
]


Event = tuple[Any, str, str | None, str | None, str | None, str | None]

# The person an event is about, selected beside their name so that the listing can keep or
# leave out the event.
_PERSON = Participant.id.label("person_id")


def _event(on: Any, action: str, person: str | None, employer: str | None,
           detail: str | None, author: str | None) -> Event:
    return (on, action, person or None, employer or None, detail or None, author or None)


def _dated_events(
    session: Session, statement: Any, on_column: Any, make: Callable[[Any], Event | None],
    listed: Container[str] | None,
) -> Iterator[Event]:
    """The events made from ``statement``'s rows, streamed in the order of ``on_column``;
    those about a person not in ``listed`` are left out."""
    result = session.execute(
        statement.order_by(on_column), execution_options={"yield_per": STREAM_BATCH}
    )
    if listed is not None and "person_id" in list(result.keys()):
        for r in result:
            if r.person_id in listed:
                event = make(r)
                if event is not None:
                    yield event
        return
    for r in result:
        event = make(r)
        if event is not None:
            yield event


def _enrolment_events(session: Session, cohort_id: str, first: date, last: date,
                      listed: Container[str] | None) -> Iterator[Event]:
    """Provisional enrolments, places made final and places lapsed during the week (of the
    people in ``listed``, when given).

    Final and lapsed are computed by the enrolment's rule (nothing stored says so): the places
    enrolled, given a first contract, or reaching their deadline's next day this week are read,
    a handful, and sorted here.
    """
    deadline = enrolments.deadline_column()
    first_contract = enrolments.first_contract_column()
    rows = session.execute(
        select(Enrolment.enrolled_on, deadline.label("deadline"),
               first_contract.label("first_contract_on"), Participant.last_name,
               Participant.first_name, _PERSON)
        .join(Participant, Participant.id == Enrolment.participant_id)
        .join(Cohort, Cohort.id == Enrolment.cohort_id)
        .where(Enrolment.cohort_id == cohort_id, Enrolment.enrolled_on <= last,
               or_(Enrolment.enrolled_on >= first, first_contract.between(first, last),
                   deadline.between(first - timedelta(days=1), last - timedelta(days=1))))
    )
    events: list[Event] = []
    for r in rows:
        if listed is not None and r.person_id not in listed:
            continue
        who = person_name(r.last_name, r.first_name)
        if first <= r.enrolled_on:
            events.append(_event(r.enrolled_on, "Inscription provisoire", who, None, None, None))
        final = enrolments.confirmation_day(r.enrolled_on, r.deadline, r.first_contract_on)
        if final is not None and first <= final <= last:
            events.append(_event(final, "Inscription confirmée", who, None, None, None))
        if final is None and r.deadline is not None and (
            first <= enrolments.lapse_day(r.deadline) <= last
        ):
            events.append(_event(enrolments.lapse_day(r.deadline), "Inscription caduque", who,
                                 None, None, None))
    events.sort(key=lambda event: event[0])
    return iter(events)


def week_actions(
    session: Session, cohort_id: str, week: IsoWeek, listed: Container[str] | None = None
) -> Iterator[Event]:
    """Every dated event of the week for the cohort, in date order, streamed.

    ``listed``: the ids of the people the workbook lists (None: everyone).

    An 80,000-person cohort has ~15,000 events a week, so they are never gathered: each kind of
    event comes from its own query ordered by date (one query per date column when a row holds
    several dated events), the streams are merged on the day, and only the events of one moment
    are held at a time, to sort them by action and person.
    """
    first, last = week.monday, week.sunday
    start, end = end_of_day(first - timedelta(days=1)), end_of_day(last)
    in_cohort = Participant.cohort_id == cohort_id
    streams: list[Iterator[Event]] = []

    def source(statement: Any, on_column: Any, make: Callable[[Any], Event | None]) -> None:
        streams.append(_dated_events(session, statement, on_column, make, listed))

    def who(r: Any) -> str:
        return person_name(r.last_name, r.first_name)

    source(
        select(Outreach.done_on, Outreach.channel, Outreach.outcome,
               Coach.name.label("author"), Participant.last_name, Participant.first_name,
               _PERSON)
        .join(Participant, Participant.id == Outreach.participant_id)
        .outerjoin(Coach, Coach.id == Outreach.coach_id)
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
               SelectionInterview.interviewer, Participant.last_name, Participant.first_name,
               _PERSON)
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
               BilanGroup.name, Participant.last_name, Participant.first_name, _PERSON)
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
               Participant.last_name, Participant.first_name, _PERSON)
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
               Employer.name, Participant.last_name, Participant.first_name, _PERSON)
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
               Participant.first_name, _PERSON)
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

    streams.append(_enrolment_events(session, cohort_id, first, last, listed))

    contracts = (
        select(Contract.rupture_by, Contract.job_title, Employer.name, Participant.last_name,
               Participant.first_name, _PERSON)
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
               Coach.name.label("author"), Employer.name, Participant.last_name,
               Participant.first_name, _PERSON)
        .join(Contract, Contract.id == FollowUpVisit.contract_id)
        .join(Employer, Employer.id == Contract.employer_id)
        .join(Participant, Participant.id == Contract.participant_id)
        .outerjoin(Coach, Coach.id == FollowUpVisit.coach_id)
        .where(in_cohort, or_(FollowUpVisit.done_on.between(first, last),
                              and_(FollowUpVisit.done_on.is_(None),
                                   FollowUpVisit.planned_on.between(first, last)))),
        func.coalesce(FollowUpVisit.done_on, FollowUpVisit.planned_on),
        visit,
    )

    source(
        select(Outcome.recorded_on, Outcome.kind, Participant.last_name, Participant.first_name,
               _PERSON)
        .join(Participant, Participant.id == Outcome.participant_id)
        .where(in_cohort, Outcome.recorded_on.between(first, last)),
        Outcome.recorded_on,
        lambda r: _event(r.recorded_on, "Sortie, solution", who(r), None,
                         codes.OUTCOME_KINDS.get(r.kind, r.kind), None),
    )

    merged = heapq.merge(*streams, key=_event_moment)
    for _, same_moment in groupby(merged, key=_event_moment):
        yield from sorted(same_moment, key=_action_and_person)


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
