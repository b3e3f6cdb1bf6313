"""Reaching the contacts, day by day: the call sheet, campaigns, information sessions and
selection interviews, as the Cohorte tab's screens use them.

Reads return frozen rows; every write is one transaction, and the window, the command line and
the demo cohort record these events through the same functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import (
    Attendance,
    BilanMember,
    Coach,
    Cohort,
    InfoSession,
    Outreach,
    Participant,
    SelectionInterview,
    codes,
)
from coachdesk.services.checks import check_code, check_order
from coachdesk.services.records import get_record
from coachdesk.services.stages import participant_stages
from coachdesk.services.text import person_name

# After one of these outcomes nobody calls the person again.
FINAL_OUTCOMES = frozenset({"interesse", "pas_interesse", "faux_numero"})
# The one-key outcomes of the call sheet, in the order of their keys 1…6.
CALL_OUTCOMES = ("pas_de_reponse", "message_laisse", "interesse", "pas_interesse",
                 "faux_numero", "a_rappeler")


# --- the rows, inside the caller's transaction ----------------------------------------------------


def _record_outreach(
    session: Session, participant_id: str, done_on: date, channel: str, outcome: str, *,
    coach_id: str | None = None, campaign: str = "", recall_on: date | None = None,
    notes: str = "",
) -> str:
    check_code(channel, codes.OUTREACH_CHANNELS, "Canal")
    check_code(outcome, codes.OUTREACH_OUTCOMES, "Résultat")
    check_order(done_on, recall_on, "La date de rappel doit suivre la date de l'appel.")
    row = Outreach(participant_id=participant_id, done_on=done_on, channel=channel,
                   outcome=outcome, coach_id=coach_id or None, campaign=campaign,
                   recall_on=recall_on, notes=notes)
    session.add(row)
    session.flush()
    return row.id


def _set_attendance(session: Session, session_id: str, participant_id: str, status: str) -> None:
    """Invite a person to an information session, or record whether they came."""
    check_code(status, codes.ATTENDANCE_STATUSES, "Présence")
    info = session.get(InfoSession, session_id)
    person = session.get(Participant, participant_id)
    if info is None or person is None:
        raise UserError("Réunion ou personne introuvable : elle a peut-être été supprimée.")
    if info.cohort_id != person.cohort_id:
        raise UserError(
            "Cette personne appartient à une autre promotion que la réunion.",
            hint="Invitez-la à une réunion de sa propre promotion.",
        )
    row = session.scalar(
        select(Attendance).where(
            Attendance.session_id == session_id, Attendance.participant_id == participant_id
        )
    )
    if row is None:
        session.add(Attendance(session_id=session_id, participant_id=participant_id,
                               cohort_id=info.cohort_id, status=status))
    else:
        row.status = status
    session.flush()


# --- the call sheet ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutreachRow:
    """One earlier attempt to reach a person."""

    done_on: date
    channel: str
    outcome: str
    # Who called or sent it: the coach's name ("" when nobody was named).
    author: str
    campaign: str
    recall_on: date | None
    notes: str

    @property
    def label(self) -> str:
        text = (f"{codes.OUTREACH_CHANNELS.get(self.channel, self.channel)} : "
                f"{codes.OUTREACH_OUTCOMES.get(self.outcome, self.outcome)}")
        if self.recall_on is not None:
            text += f" (à rappeler le {self.recall_on:%d/%m/%Y})"
        return text


@dataclass(frozen=True, slots=True)
class CallRow:
    """A contact waiting for a call."""

    participant_id: str
    last_name: str
    first_name: str
    phone: str
    email: str
    attempts: int
    last_outcome: str | None
    last_on: date | None
    recall_on: date | None

    @property
    def name(self) -> str:
        return person_name(self.last_name, self.first_name)


def call_queue(database: Database, cohort_id: str, today: date) -> list[CallRow]:
    """The contacts to phone, the most urgent first.

    Contacts still at the first stage, with a number, who said neither yes nor no and whose
    number is not known to be wrong. Recalls that are due come first (the oldest first), then
    people never reached, then the others by fewest attempts and oldest last attempt; people
    already tried ``today`` (no answer, a message left) come last, so the sheet moves on to
    the next person instead of proposing the same one again. A recall set for a later day
    keeps the person out of today's list.
    """
    with database.read() as session:
        stages = participant_stages(session, cohort_id)
        history: dict[str, list[Any]] = {}
        for row in session.execute(
            select(Outreach.participant_id, Outreach.done_on, Outreach.outcome, Outreach.recall_on,
                   Outreach.created_at)
            .join(Participant, Participant.id == Outreach.participant_id)
            .where(Participant.cohort_id == cohort_id)
            .order_by(Outreach.done_on, Outreach.created_at)
        ):
            history.setdefault(row.participant_id, []).append(row)
        queue: list[CallRow] = []
        for person in session.execute(
            select(Participant.id, Participant.last_name, Participant.first_name, Participant.phone,
                   Participant.email)
            .where(Participant.cohort_id == cohort_id, Participant.phone != "")
        ):
            if stages.get(person.id, "contact") != "contact":
                continue
            attempts = history.get(person.id, [])
            if any(attempt.outcome in FINAL_OUTCOMES for attempt in attempts):
                continue
            last = attempts[-1] if attempts else None
            recall_on = last.recall_on if last is not None else None
            if recall_on is not None and recall_on > today:
                continue
            queue.append(CallRow(
                person.id, person.last_name, person.first_name, person.phone, person.email,
                len(attempts),
                last.outcome if last else None, last.done_on if last else None, recall_on,
            ))

        def urgency(call: CallRow) -> tuple[Any, ...]:
            if call.recall_on is not None:
                return (0, call.recall_on, call.name.casefold())
            if call.attempts == 0:
                return (1, date.min, call.name.casefold())
            if call.last_on is not None and call.last_on >= today:
                return (3, call.attempts, call.name.casefold())
            return (2, call.attempts, call.last_on or date.min, call.name.casefold())

        queue.sort(key=urgency)
        return queue


def outreach_history(database: Database, participant_id: str) -> list[OutreachRow]:
    """Every attempt to reach a person, the latest first."""
    with database.read() as session:
        return [
            OutreachRow(*row)
            for row in session.execute(
                select(Outreach.done_on, Outreach.channel, Outreach.outcome,
                       func.coalesce(Coach.name, ""), Outreach.campaign, Outreach.recall_on,
                       Outreach.notes)
                .outerjoin(Coach, Coach.id == Outreach.coach_id)
                .where(Outreach.participant_id == participant_id)
                .order_by(Outreach.done_on.desc(), Outreach.created_at.desc())
            )
        ]


def record_call(
    database: Database,
    participant_id: str,
    outcome: str,
    on: date,
    *,
    coach_id: str | None = None,
    recall_on: date | None = None,
    notes: str = "",
) -> str:
    """One phone call and its outcome (one transaction), made by the coach ``coach_id``.
    « À rappeler » needs its date."""
    if outcome == "a_rappeler" and recall_on is None:
        raise UserError("Indiquez le jour où rappeler cette personne.",
                        hint="Choisissez une date de rappel puis validez à nouveau.")
    if outcome != "a_rappeler":
        recall_on = None
    with database.write() as session:
        get_record(session, Participant, participant_id, "Personne")
        return _record_outreach(
            session, participant_id, on, "telephone", outcome,
            coach_id=coach_id or None, recall_on=recall_on, notes=notes,
        )


def record_campaign(
    database: Database,
    participant_ids: Iterable[str],
    on: date,
    channel: str,
    *,
    campaign: str = "",
    coach_id: str | None = None,
) -> int:
    """A mailing, an SMS campaign or the Mission Locale's invitations, sent by the coach
    ``coach_id`` to each person chosen (one transaction); returns how many were recorded."""
    people = list(dict.fromkeys(participant_ids))
    if not people:
        raise UserError("Aucun contact n'est sélectionné.",
                        hint="Sélectionnez dans la liste les personnes concernées.")
    if channel == "telephone":
        raise UserError("Les appels se notent un par un, dans la fiche d'appels.")
    if channel == "mission_locale" and not coach_id:
        raise UserError("Indiquez qui, à la Mission Locale, a envoyé les invitations.",
                        hint="Choisissez-le ou la dans le champ « Envoyé par » ; s'il ou elle "
                        "n'est pas dans la liste, ajoutez-le ou la d'abord par Promotion ▸ "
                        "Chargé·es… (ou « coachdesk coach add »).")
    with database.write() as session:
        known = set(session.scalars(select(Participant.id).where(Participant.id.in_(people))))
        if len(known) < len(people):
            raise UserError("Une des personnes choisies n'existe plus : elle a peut-être été "
                            "supprimée.", hint="Rechargez la liste.")
        for person in people:
            _record_outreach(session, person, on, channel, "envoye",
                             coach_id=coach_id, campaign=campaign.strip())
    return len(people)


# --- information sessions ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InfoSessionRow:
    id: str
    starts_at: datetime
    place: str
    capacity: int | None
    invited: int
    present: int
    absent: int


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    participant_id: str
    last_name: str
    first_name: str
    phone: str
    status: str

    @property
    def name(self) -> str:
        return person_name(self.last_name, self.first_name)

    @property
    def status_label(self) -> str:
        return codes.ATTENDANCE_STATUSES.get(self.status, self.status)


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person proposed for an invitation or an interview."""

    participant_id: str
    last_name: str
    first_name: str
    phone: str
    email: str

    @property
    def name(self) -> str:
        return person_name(self.last_name, self.first_name)


def list_info_sessions(database: Database, cohort_id: str) -> list[InfoSessionRow]:
    with database.read() as session:
        counts: dict[str, dict[str, int]] = {}
        for session_id, status, count in session.execute(
            select(Attendance.session_id, Attendance.status, func.count())
            .where(Attendance.cohort_id == cohort_id)
            .group_by(Attendance.session_id, Attendance.status)
        ):
            counts.setdefault(session_id, {})[status] = count
        rows = []
        for row in session.execute(
            select(InfoSession.id, InfoSession.starts_at, InfoSession.place, InfoSession.capacity)
            .where(InfoSession.cohort_id == cohort_id).order_by(InfoSession.starts_at)
        ):
            per_status = counts.get(row.id, {})
            rows.append(InfoSessionRow(
                row.id, row.starts_at, row.place, row.capacity, sum(per_status.values()),
                per_status.get("present", 0),
                per_status.get("absent", 0) + per_status.get("excuse", 0),
            ))
        return rows


def create_info_session(
    database: Database, cohort_id: str, starts_at: datetime, place: str,
    capacity: int | None = None,
) -> str:
    if not place.strip():
        raise UserError("Le lieu de la réunion est obligatoire.",
                        hint="Indiquez la salle et l'adresse, puis enregistrez.")
    if capacity is not None and capacity <= 0:
        raise UserError("La capacité d'une réunion doit être d'au moins une place.")
    with database.write() as session:
        get_record(session, Cohort, cohort_id, "Promotion")
        info = InfoSession(cohort_id=cohort_id, starts_at=starts_at, place=place.strip(),
                           capacity=capacity)
        session.add(info)
        session.flush()
        return info.id


def info_session_attendance(database: Database, session_id: str) -> list[AttendanceRow]:
    """Who is invited to an information session, present or absent, by name."""
    with database.read() as session:
        return _attendance_rows(session, session_id)


def _attendance_rows(session: Session, session_id: str) -> list[AttendanceRow]:
    return [
        AttendanceRow(*row)
        for row in session.execute(
            select(Participant.id, Participant.last_name, Participant.first_name,
                   Participant.phone, Attendance.status)
            .join(Attendance, Attendance.participant_id == Participant.id)
            .where(Attendance.session_id == session_id)
            .order_by(Participant.last_name, Participant.first_name)
        )
    ]


def interested_contacts(database: Database, cohort_id: str, session_id: str) -> list[PersonRow]:
    """People who said they were interested and are invited to no session yet (nor this one)."""
    with database.read() as session:
        interested = select(Outreach.participant_id).where(Outreach.outcome == "interesse")
        invited = select(Attendance.participant_id).where(Attendance.cohort_id == cohort_id)
        return [
            PersonRow(*row)
            for row in session.execute(
                select(Participant.id, Participant.last_name, Participant.first_name,
                       Participant.phone, Participant.email)
                .where(Participant.cohort_id == cohort_id, Participant.id.in_(interested),
                       Participant.id.not_in(invited))
                .order_by(Participant.last_name, Participant.first_name)
            )
        ]


def invite(database: Database, session_id: str, participant_ids: Iterable[str]) -> int:
    """Invite people to a session (one transaction), within its capacity."""
    people = list(dict.fromkeys(participant_ids))
    if not people:
        raise UserError("Aucune personne n'est sélectionnée.",
                        hint="Sélectionnez les personnes à inviter.")
    with database.write() as session:
        info = session.get(InfoSession, session_id)
        if info is None:
            raise UserError("Cette réunion n'existe plus.", hint="Rechargez la liste.")
        already = set(session.scalars(
            select(Attendance.participant_id).where(Attendance.session_id == session_id)
        ))
        new = [person for person in people if person not in already]
        if info.capacity is not None and len(already) + len(new) > info.capacity:
            free = max(info.capacity - len(already), 0)
            raise UserError(
                f"La réunion du {info.starts_at:%d/%m/%Y} a {info.capacity} places : "
                f"il en reste {free}, vous invitez {len(new)} personnes.",
                hint="Invitez moins de personnes, ou créez une autre réunion.",
            )
        for person in new:
            _set_attendance(session, session_id, person, "invite")
    return len(new)


def set_presence(database: Database, session_id: str, statuses: Mapping[str, str]) -> None:
    """Record who came (présent·e, absent·e, excusé·e), all in one transaction."""
    with database.write() as session:
        for person, status in statuses.items():
            _set_attendance(session, session_id, person, status)


@dataclass(frozen=True)
class AttendanceSheet:
    """What the printed sheet shows."""

    cohort_name: str
    training_title: str
    starts_at: datetime
    place: str
    names: tuple[str, ...]


def attendance_sheet(database: Database, session_id: str) -> AttendanceSheet:
    with database.read() as session:
        row = session.execute(
            select(InfoSession.starts_at, InfoSession.place, Cohort.name, Cohort.training_title)
            .join(Cohort, Cohort.id == InfoSession.cohort_id).where(InfoSession.id == session_id)
        ).first()
        if row is None:
            raise UserError("Cette réunion n'existe plus.", hint="Rechargez la liste.")
        names = tuple(person.name for person in _attendance_rows(session, session_id))
        return AttendanceSheet(row.name, row.training_title, row.starts_at, row.place, names)


# --- selection interviews ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InterviewRow:
    id: str
    participant_id: str
    last_name: str
    first_name: str
    held_on: date
    interviewer: str
    decision: str | None
    motivation_notes: str
    in_bilan: bool

    @property
    def name(self) -> str:
        return person_name(self.last_name, self.first_name)

    @property
    def decision_label(self) -> str:
        return codes.SELECTION_DECISIONS.get(self.decision or "", "")


def list_selection_interviews(database: Database, cohort_id: str) -> list[InterviewRow]:
    with database.read() as session:
        in_bilan = set(session.scalars(
            select(BilanMember.participant_id).where(BilanMember.cohort_id == cohort_id)
        ))
        return [
            InterviewRow(*row, in_bilan=row[1] in in_bilan)
            for row in session.execute(
                select(SelectionInterview.id, Participant.id, Participant.last_name,
                       Participant.first_name, SelectionInterview.held_on,
                       SelectionInterview.interviewer, SelectionInterview.decision,
                       SelectionInterview.motivation_notes)
                .join(Participant, Participant.id == SelectionInterview.participant_id)
                .where(Participant.cohort_id == cohort_id)
                .order_by(SelectionInterview.held_on, Participant.last_name)
            )
        ]


def interview_candidates(database: Database, cohort_id: str) -> list[PersonRow]:
    """People present at an information session who have no selection interview yet."""
    with database.read() as session:
        present = select(Attendance.participant_id).where(
            Attendance.cohort_id == cohort_id, Attendance.status == "present"
        )
        interviewed = select(SelectionInterview.participant_id)
        return [
            PersonRow(*row)
            for row in session.execute(
                select(Participant.id, Participant.last_name, Participant.first_name,
                       Participant.phone, Participant.email)
                .where(Participant.cohort_id == cohort_id, Participant.id.in_(present),
                       Participant.id.not_in(interviewed))
                .order_by(Participant.last_name, Participant.first_name)
            )
        ]


def schedule_selection_interview(
    database: Database, participant_id: str, held_on: date, interviewer: str = ""
) -> str:
    """A selection interview for a person, its decision to come (``record_decision``)."""
    with database.write() as session:
        get_record(session, Participant, participant_id, "Personne")
        interview = SelectionInterview(participant_id=participant_id, held_on=held_on,
                                       interviewer=interviewer.strip())
        session.add(interview)
        session.flush()
        return interview.id


def record_decision(
    database: Database, interview_id: str, decision: str, motivation_notes: str = ""
) -> None:
    """The interview's decision and the motivation notes (one transaction)."""
    if decision not in codes.SELECTION_DECISIONS:
        raise UserError(f"Décision inconnue : « {decision} ».")
    with database.write() as session:
        interview = session.get(SelectionInterview, interview_id)
        if interview is None:
            raise UserError("Cet entretien n'existe plus.", hint="Rechargez la liste.")
        interview.decision = decision
        interview.motivation_notes = motivation_notes.strip()
