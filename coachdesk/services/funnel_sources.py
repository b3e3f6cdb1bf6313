"""Which recruitment works: the funnel's first steps per source of contacts and per campaign.

The 2010 note drew one lesson from its recruitment — « efficacité de la procédure de
recrutement via le réseau MLJAM » — without a figure to show it. Here, for one promotion at one
date and counting young participants only (as ``services.funnel``): for each source (the
university's file, the Mission Locale, any other) and each campaign, how many people were
contacted, answered, came to an information session and enrolled in the training. Nothing is
stored: every figure is counted from the dated events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.models import Attendance, Cohort, Enrolment, InfoSession, Outreach, Participant
from coachdesk.services.campaigns import ANSWER_OUTCOMES
from coachdesk.services.clock import clock_day
from coachdesk.services.funnel import default_as_of

# The sources the funnel tells apart; every other provenance counts as « Autre ».
SOURCES: dict[str, str] = {
    "universite": "Fichier de l'université",
    "mission_locale": "Mission Locale",
    "autre": "Autre",
}
# The columns, with their French labels (window, CLI).
REACH_LABELS: dict[str, str] = {
    "contacted": "Contactés",
    "answered": "Ont répondu",
    "came": "Venus à une réunion d'information",
    "enrolled": "Inscrits en formation",
}


@dataclass(frozen=True, slots=True)
class ReachRow:
    """One source or one campaign: people in it and how far they went."""

    label: str
    people: int
    contacted: int
    answered: int
    came: int
    enrolled: int

    def figures(self) -> dict[str, int]:
        return {"people": self.people, "contacted": self.contacted,
                "answered": self.answered, "came": self.came, "enrolled": self.enrolled}


@dataclass(frozen=True, slots=True)
class Reach:
    as_of: date
    by_source: tuple[ReachRow, ...]
    by_campaign: tuple[ReachRow, ...]


def source_of(provenance: str) -> str:
    return provenance if provenance in SOURCES else "autre"


def cohort_reach(database: Database, cohort_id: str, as_of: date | None = None) -> Reach:
    """The counts per source and per campaign of the promotion, as of ``as_of`` (today, or
    the promotion's last day once it is over)."""
    with database.read() as session:
        return _compute_reach(session, cohort_id, as_of)


def _compute_reach(session: Session, cohort_id: str, as_of: date | None = None) -> Reach:
    """The counts per source and per campaign of the promotion, as of ``as_of``."""
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise LookupError(cohort_id)
    day = as_of or default_as_of(cohort.end_date, clock_day(session))
    end_of_day = datetime.combine(day + timedelta(days=1), time())
    young = (Participant.cohort_id == cohort_id, Participant.is_adult.is_(False))

    source: dict[str, str] = {
        str(person): source_of(provenance) for person, provenance in session.execute(
            select(Participant.id, Participant.provenance)
            .where(*young, Participant.listed_on <= day))
    }
    contacted: set[str] = set()
    answered: set[str] = set()
    sent_to: dict[str, set[str]] = defaultdict(set)
    answered_to: dict[str, set[str]] = defaultdict(set)
    first_sent: dict[str, date] = {}
    for person, campaign, outcome, done_on in session.execute(
        select(Outreach.participant_id, Outreach.campaign, Outreach.outcome, Outreach.done_on)
        .join(Participant, Participant.id == Outreach.participant_id)
        .where(*young, Outreach.done_on <= day)
    ):
        person = str(person)
        contacted.add(person)
        if outcome in ANSWER_OUTCOMES:
            answered.add(person)
            if campaign:
                answered_to[campaign].add(person)
        if campaign and outcome == "envoye":
            sent_to[campaign].add(person)
            first_sent[campaign] = min(done_on, first_sent.get(campaign, done_on))
    came = {str(person) for person in session.scalars(
        select(Attendance.participant_id)
        .join(Participant, Participant.id == Attendance.participant_id)
        .join(InfoSession, InfoSession.id == Attendance.session_id)
        .where(*young, Attendance.status == "present", InfoSession.starts_at < end_of_day))}
    enrolled = {str(person) for person in session.scalars(
        select(Enrolment.participant_id)
        .join(Participant, Participant.id == Enrolment.participant_id)
        .where(*young, Enrolment.enrolled_on <= day))}

    def row(label: str, people: set[str], reached: set[str], responders: set[str]) -> ReachRow:
        return ReachRow(label, len(people), len(people & reached), len(people & responders),
                        len(people & came), len(people & enrolled))

    by_source = [
        row(label, {person for person, where in source.items() if where == code}, contacted,
            answered)
        for code, label in SOURCES.items()
    ]
    # A campaign's answers are those recorded under its name; its people are its recipients.
    by_campaign = [
        row(campaign, sent_to[campaign], sent_to[campaign], answered_to[campaign])
        for campaign in sorted(sent_to, key=lambda name: (first_sent[name], name))
    ]
    return Reach(day, tuple(by_source), tuple(by_campaign))
