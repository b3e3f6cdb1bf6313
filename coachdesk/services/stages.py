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

import functools
from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Date,
    DateTime,
    Select,
    String,
    bindparam,
    func,
    literal_column,
    null,
    select,
    type_coerce,
    union_all,
)
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
    canonical_id,
)
from coachdesk.models.base import IdType
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


# The tables a stage is computed from: a write elsewhere moves nobody.
STAGE_TABLES = frozenset({
    "participant", "attendance", "info_session", "selection_interview", "bilan_member",
    "professional_project", "outcome", "contract",
})


def participant_stages(
    session: Session,
    cohort_id: str,
    day: date | None = None,
    *,
    people: Collection[str] | None = None,
) -> dict[str, str]:
    """The stage code each participant of the cohort has reached on ``day`` (default: the
    database's day); with ``people``, of those participants only (the few a write just
    changed)."""
    if day is None:
        from coachdesk.services.clock import clock_day

        day = clock_day(session)
    restricted = people is not None
    facts, listed = _statements(restricted)
    params: dict[str, Any] = {
        "cohort": cohort_id, "day": day,
        "end_of_day": datetime.combine(day + timedelta(days=1), time()),
    }
    if restricted:
        params["people"] = list(people or ())
    found: dict[str, set[str]] = {kind: set() for kind in (
        "attended", "interviewed", "in_bilan", "validated", "exited")}
    # Each person's latest contract signed (or started) by the day decides.
    latest: dict[str, tuple[date, str]] = {}
    for kind, person, start, end, rupture_on in session.execute(facts, params):
        person = canonical_id(person)
        if kind != "contract":
            found[kind].add(person)
        elif person not in latest or start >= latest[person][0]:
            latest[person] = (start, contract_status(start, end, rupture_on, day))
    attended, interviewed, in_bilan = found["attended"], found["interviewed"], found["in_bilan"]
    validated, exited = found["validated"], found["exited"]
    latest_contract = {person: status for person, (_start, status) in latest.items()}
    return {
        person: stage_of(
            contract_status=latest_contract.get(person),
            exited=person in exited,
            validated=person in validated,
            in_bilan=person in in_bilan,
            interviewed=person in interviewed,
            attended=person in attended,
        )
        for person in map(canonical_id, session.scalars(listed, params))
    }


@functools.cache
def _statements(restricted: bool) -> tuple[CompoundSelect[Any], Select[Any]]:
    """(what was recorded by the day, the people) as statements built once: a list refreshing
    one person pays two round trips, and no statement building.

    Ids are read as stored and made canonical by ``canonical_id``: at 80,000 people,
    SQLAlchemy's UUID conversion of every id cost more than the queries.

    Parameters: ``cohort``, ``day``, ``end_of_day`` and, ``restricted``, ``people``.
    """
    cohort, day = bindparam("cohort", type_=IdType), bindparam("day", type_=Date)

    restriction = (
        (Participant.id.in_(bindparam("people", expanding=True, type_=IdType)),)
        if restricted else ())
    listed = select(type_coerce(Participant.id, String)).where(
        Participant.cohort_id == cohort, *restriction)
    no_date = null().cast(Date)

    def of_the_cohort(query: Select[Any], person: Any, *conditions: Any) -> Select[Any]:
        # Joined to the cohort's people rather than "IN (their ids)": SQLite then walks the
        # cohort's index and probes each fact table, without first listing every id (at
        # 80,000 people the IN form took five times longer for the same rows).
        return query.join(Participant, Participant.id == person).where(
            Participant.cohort_id == cohort, *restriction, *conditions)

    def fact(kind: str, person: Any, *conditions: Any) -> Select[Any]:
        return of_the_cohort(
            select(_kind(kind), type_coerce(person, String), no_date, no_date, no_date),
            person, *conditions)

    # Contracts come first: their dates give the union's columns their type.
    facts = union_all(
        of_the_cohort(
            select(_kind("contract"), type_coerce(Contract.participant_id, String),
                   Contract.start_date, Contract.end_date, Contract.rupture_on),
            Contract.participant_id,
            func.coalesce(Contract.signed_on, Contract.start_date) <= day),
        fact("attended", Attendance.participant_id, Attendance.cohort_id == cohort,
             Attendance.status == "present",
             Attendance.session_id.in_(select(InfoSession.id).where(
                 InfoSession.starts_at < bindparam("end_of_day", type_=DateTime())))),
        fact("interviewed", SelectionInterview.participant_id,
             SelectionInterview.held_on <= day),
        fact("in_bilan", BilanMember.participant_id, BilanMember.cohort_id == cohort,
             BilanMember.started_on <= day),
        fact("validated", ProfessionalProject.participant_id,
             ProfessionalProject.decision == "valide", ProfessionalProject.decided_on <= day),
        fact("exited", Outcome.participant_id, Outcome.recorded_on <= day),
    )
    return facts, listed


def _kind(name: str) -> Any:
    """A constant column naming the fact (SQL text: PostgreSQL types it as text in a union)."""
    return literal_column(f"'{name}'", String())
