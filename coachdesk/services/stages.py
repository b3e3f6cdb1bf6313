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

The facts are read with one SQL text (:func:`stage_facts_sql`), run through SQLAlchemy by
:func:`participant_stages` and, at start-up, straight through SQLite's driver by
``services.first_look`` (the window shows its list before SQLAlchemy is even imported): both
hand the rows to :func:`stages_by_person`. This module imports no SQLAlchemy at load.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from coachdesk.models.ids import canonical_id
from coachdesk.services.contract_terms import RUNNING_STATUSES, contract_status

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from sqlalchemy.sql.selectable import TextualSelect


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

# What was recorded by the day, one row per fact: (kind, person, start, end, rupture_on), the
# dates only for contracts (they come first, so the union's columns take their type).
# Parameters: :cohort, :day, :end_of_day (the next midnight). Each fact table is read first
# and its rows joined to their person (CROSS JOIN keeps that order in SQLite; PostgreSQL plans
# it itself): there are far fewer facts than people early in a year, and probing every fact
# table for each of a cohort's people cost 0.1–0.2 s at 80,000 people for no fact at all.
# Joining rather than "IN (their ids)" spares listing every id first. ``{only}`` takes the
# restriction to some people.
_FACTS = """
SELECT 'contract' AS kind, contract.participant_id AS person, contract.start_date AS start,
       contract.end_date AS "end", contract.rupture_on AS rupture_on
FROM contract CROSS JOIN participant
WHERE participant.id = contract.participant_id AND participant.cohort_id = :cohort
  AND coalesce(contract.signed_on, contract.start_date) <= :day{only_contract}
UNION ALL
SELECT 'attended', attendance.participant_id, CAST(NULL AS DATE), CAST(NULL AS DATE),
       CAST(NULL AS DATE)
FROM attendance CROSS JOIN participant
WHERE participant.id = attendance.participant_id AND participant.cohort_id = :cohort
  AND attendance.cohort_id = :cohort AND attendance.status = 'present'
  AND attendance.session_id IN (
      SELECT info_session.id FROM info_session WHERE info_session.starts_at < :end_of_day)
  {only_attendance}
UNION ALL
SELECT 'interviewed', selection_interview.participant_id, CAST(NULL AS DATE),
       CAST(NULL AS DATE), CAST(NULL AS DATE)
FROM selection_interview CROSS JOIN participant
WHERE participant.id = selection_interview.participant_id AND participant.cohort_id = :cohort
  AND selection_interview.held_on <= :day{only_selection_interview}
UNION ALL
SELECT 'in_bilan', bilan_member.participant_id, CAST(NULL AS DATE), CAST(NULL AS DATE),
       CAST(NULL AS DATE)
FROM bilan_member CROSS JOIN participant
WHERE participant.id = bilan_member.participant_id AND participant.cohort_id = :cohort
  AND bilan_member.cohort_id = :cohort AND bilan_member.started_on <= :day{only_bilan_member}
UNION ALL
SELECT 'validated', professional_project.participant_id, CAST(NULL AS DATE), CAST(NULL AS DATE),
       CAST(NULL AS DATE)
FROM professional_project CROSS JOIN participant
WHERE participant.id = professional_project.participant_id AND participant.cohort_id = :cohort
  AND professional_project.decision = 'valide'
  AND professional_project.decided_on <= :day{only_professional_project}
UNION ALL
SELECT 'exited', outcome.participant_id, CAST(NULL AS DATE), CAST(NULL AS DATE),
       CAST(NULL AS DATE)
FROM outcome CROSS JOIN participant
WHERE participant.id = outcome.participant_id AND participant.cohort_id = :cohort
  AND outcome.recorded_on <= :day{only_outcome}
"""
_FACT_TABLES = ("contract", "attendance", "selection_interview", "bilan_member",
                "professional_project", "outcome")

# The cohort's people (parameter :cohort).
_PEOPLE = "SELECT participant.id FROM participant WHERE participant.cohort_id = :cohort{only}"


def stage_facts_sql(restricted: bool = False) -> tuple[str, str]:
    """(the facts, the people) as SQL text; ``restricted`` adds the :people parameter (which
    SQLAlchemy expands into the list of their ids), tested on each fact table's own column so
    that refreshing a few people reads their facts by index."""
    only = {f"only_{table}": f" AND {table}.participant_id IN :people" if restricted else ""
            for table in _FACT_TABLES}
    people_only = " AND participant.id IN :people" if restricted else ""
    return _FACTS.format(**only), _PEOPLE.format(only=people_only)


def stage_parameters(day: date) -> dict[str, Any]:
    """The parameters other than the cohort: the day and the midnight ending it."""
    return {"day": day, "end_of_day": datetime.combine(day + timedelta(days=1), time())}


def _day(value: date | str) -> date:
    # Dates come typed through SQLAlchemy, as stored text through SQLite's own driver.
    return value if isinstance(value, date) else date.fromisoformat(value)


# Where a person no fact names stands: ``stage_of`` with nothing recorded.
FIRST_STAGE = "contact"


def stages_by_person(facts: Iterable[tuple[str, Any, Any, Any, Any]], day: date) -> dict[Any, str]:
    """The stage of each person the rows of the facts query name, keyed by their id as read;
    everyone else is at :data:`FIRST_STAGE`. (At 80,000 people most have no fact yet: they
    cost nothing here.)"""
    found: dict[str, set[Any]] = {kind: set() for kind in (
        "attended", "interviewed", "in_bilan", "validated", "exited")}
    # Each person's latest contract signed (or started) by the day decides.
    latest: dict[Any, tuple[date, str]] = {}
    for kind, person, start, end, rupture_on in facts:
        if kind != "contract":
            found[kind].add(person)
            continue
        start = _day(start)
        if person not in latest or start >= latest[person][0]:
            latest[person] = (start, contract_status(
                start, None if end is None else _day(end),
                None if rupture_on is None else _day(rupture_on), day))
    attended, interviewed, in_bilan = found["attended"], found["interviewed"], found["in_bilan"]
    validated, exited = found["validated"], found["exited"]
    named = set(latest).union(*found.values())
    return {
        person: stage_of(
            contract_status=latest[person][1] if person in latest else None,
            exited=person in exited,
            validated=person in validated,
            in_bilan=person in in_bilan,
            interviewed=person in interviewed,
            attended=person in attended,
        )
        for person in named
    }


def person_stages(
    session: Session,
    cohort_id: str,
    day: date | None = None,
    *,
    people: Collection[str] | None = None,
) -> dict[Any, str]:
    """:func:`stages_by_person` for the cohort (``people``: only those) on ``day`` (default:
    the database's day), keyed by id as read."""
    if day is None:
        from coachdesk.services.clock import clock_day

        day = clock_day(session)
    params: dict[str, Any] = {"cohort": cohort_id, **stage_parameters(day)}
    if people is not None:
        params["people"] = list(people)
    rows: Iterable[Any] = session.execute(_statements(people is not None)[0], params)
    return stages_by_person(rows, day)


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
    by_id = person_stages(session, cohort_id, day, people=people)
    params: dict[str, Any] = {"cohort": cohort_id}
    if people is not None:
        params["people"] = list(people)
    return {canonical_id(person): by_id.get(person, FIRST_STAGE)
            for person in session.scalars(_statements(people is not None)[1], params)}


@functools.cache
def _statements(restricted: bool) -> tuple[TextualSelect, TextualSelect]:
    """The SQL texts with their parameters typed for SQLAlchemy, built once: a list refreshing
    one person pays two round trips, and no statement building.

    Ids are read as stored and made canonical by ``canonical_id``: at 80,000 people,
    SQLAlchemy's UUID conversion of every id cost more than the queries.
    """
    from sqlalchemy import Date, DateTime, String, bindparam, column, text

    from coachdesk.models.base import IdType

    facts_sql, people_sql = stage_facts_sql(restricted)
    ids = [bindparam("cohort", type_=IdType)]
    if restricted:
        ids.append(bindparam("people", expanding=True, type_=IdType))
    facts = text(facts_sql).bindparams(
        *ids, bindparam("day", type_=Date), bindparam("end_of_day", type_=DateTime())
    ).columns(column("kind", String), column("person", String), column("start", Date),
              column("end", Date), column("rupture_on", Date))
    people = text(people_sql).bindparams(*ids).columns(column("id", String))
    return facts, people
