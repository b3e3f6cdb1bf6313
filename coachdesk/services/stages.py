"""How far along the programme each person is on a day (``codes.STAGES``), computed once.

The Cohorte list, the call sheet and the partners' weekly workbook all ask :func:`stage_of`,
from what was recorded up to the day:

* a contract running or about to start (its status on the day) → « Contrat »;
* otherwise a solution recorded (a sortie) → « Sortie »;
* otherwise a contract that ended or was broken → still « Contrat » (a solution is awaited);
* then a validated project, a place in a bilan group, a selection interview held (decided or
  not), presence at an information session; else « Contact ».

Only events dated on or before the day count: an interview planned next week does not move
anyone yet, and a contract that ended last month is no longer running.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from coachdesk.models import (
    Attendance,
    BilanMember,
    Contract,
    InfoSession,
    Outcome,
    Participant,
    ProfessionalProject,
    SelectionInterview,
)
from coachdesk.services.contract_terms import RUNNING_STATUSES, contract_status


def stage_of(
    *,
    contract_status: str | None,
    exited: bool,
    validated: bool,
    in_bilan: bool,
    interviewed: bool,
    attended: bool,
) -> str:
    """The stage code of a person, from what was recorded by the day.

    Args:
        contract_status: the status of their latest contract on the day, None without one.
        exited: a solution (outcome) was recorded.
    """
    if contract_status in RUNNING_STATUSES:
        return "contrat"
    if exited:
        return "sortie"
    if contract_status is not None:
        return "contrat"
    if validated:
        return "projet"
    if in_bilan:
        return "bilan"
    if interviewed:
        return "selection"
    if attended:
        return "information"
    return "contact"


def participant_stages(
    session: Session, cohort_id: str, day: date | None = None
) -> dict[str, str]:
    """The stage code each participant of the cohort has reached on ``day`` (default: the
    database's day)."""
    if day is None:
        from coachdesk.services.clock import clock_day

        day = clock_day(session)
    end_of_day = datetime.combine(day + timedelta(days=1), time())
    in_cohort = select(Participant.id).where(Participant.cohort_id == cohort_id)

    def ids(statement: Select[Any]) -> set[str]:
        return set(session.scalars(statement))

    attended = ids(
        select(Attendance.participant_id)
        .join(InfoSession, InfoSession.id == Attendance.session_id)
        .where(Attendance.cohort_id == cohort_id, Attendance.status == "present",
               InfoSession.starts_at < end_of_day)
    )
    interviewed = ids(
        select(SelectionInterview.participant_id).where(
            SelectionInterview.participant_id.in_(in_cohort), SelectionInterview.held_on <= day
        )
    )
    in_bilan = ids(
        select(BilanMember.participant_id).where(
            BilanMember.cohort_id == cohort_id, BilanMember.started_on <= day
        )
    )
    validated = ids(
        select(ProfessionalProject.participant_id).where(
            ProfessionalProject.participant_id.in_(in_cohort),
            ProfessionalProject.decision == "valide",
            ProfessionalProject.decided_on <= day,
        )
    )
    exited = ids(
        select(Outcome.participant_id).where(
            Outcome.participant_id.in_(in_cohort), Outcome.recorded_on <= day
        )
    )
    # Each person's latest contract signed (or started) by the day decides.
    latest_contract: dict[str, str] = {}
    for person, start, end, rupture_on in session.execute(
        select(Contract.participant_id, Contract.start_date, Contract.end_date,
               Contract.rupture_on)
        .where(Contract.participant_id.in_(in_cohort),
               func.coalesce(Contract.signed_on, Contract.start_date) <= day)
        .order_by(Contract.participant_id, Contract.start_date)
    ):
        latest_contract[person] = contract_status(start, end, rupture_on, day)
    return {
        person: stage_of(
            contract_status=latest_contract.get(person),
            exited=person in exited,
            validated=person in validated,
            in_bilan=person in in_bilan,
            interviewed=person in interviewed,
            attended=person in attended,
        )
        for person in session.scalars(in_cohort)
    }
