"""The rows each tab lists: plain frozen dataclasses read with column selects, never ORM objects.

The Cohorte list's rows are built in ``services.participant_list`` (re-exported here).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Executable, bindparam, func, select, text

from coachdesk.db import Database
from coachdesk.models import (
    BilanAttendance,
    BilanGroup,
    BilanMember,
    Participant,
    ProfessionalProject,
    SkillAssessment,
    codes,
)
from coachdesk.models.base import IdType
from coachdesk.services.enrolment import EnrolmentLine, enrolment_board
from coachdesk.services.participant_list import (
    COACHES_SQL,
    LISTED_SQL,
    ListedPerson,
    ParticipantRow,
    listed_from_records,
    name_order,
    rows_from_records,
    rows_sql,
)
from coachdesk.services.stages import person_stages
from coachdesk.services.text import person_name


def participant_rows(
    database: Database, cohort_id: str, *, people: Collection[str] | None = None
) -> list[ParticipantRow]:
    """The people of the cohort, by name (``participant_list.name_order``), each with the
    stage they have reached today; with ``people``, only those of them (a list refreshing the
    rows a write changed)."""
    params: dict[str, Any] = {"cohort": cohort_id}
    if people is not None:
        params["people"] = list(people)
    with database.read() as session:
        stages = person_stages(session, cohort_id, people=people)
        coaches: Iterable[Any] = session.execute(_coaches_statement())
        records: Iterable[Any] = session.execute(_rows_statement(people is not None), params)
        rows = rows_from_records(records, stages, coaches)
    rows.sort(key=name_order)
    return rows


def listed_people(database: Database, cohort_id: str) -> list[ListedPerson]:
    """Everyone in the cohort as the Cohorte list holds them (``ListedPerson``: what finds,
    orders and counts them), by name, each at the stage reached today; their whole rows come
    from :func:`participant_rows` for the people shown."""
    with database.read() as session:
        stages = person_stages(session, cohort_id)
        records: Any = session.execute(_listed_statement(), {"cohort": cohort_id})
        return listed_from_records(records, stages)


@functools.cache
def _listed_statement() -> Executable:
    return text(LISTED_SQL).bindparams(bindparam("cohort", type_=IdType))


@functools.cache
def _rows_statement(restricted: bool) -> Executable:
    """The list's query, its parameters typed, built once (``cohort``, and ``people`` when
    ``restricted``). Ids are read as stored (``rows_from_records`` makes them canonical)."""
    ids = [bindparam("cohort", type_=IdType)]
    if restricted:
        ids.append(bindparam("people", expanding=True, type_=IdType))
    return text(rows_sql(restricted)).bindparams(*ids)


@functools.cache
def _coaches_statement() -> Executable:
    return text(COACHES_SQL)


def people_furthest_first(database: Database, cohort_id: str) -> list[tuple[str, str]]:
    """(id, NOM Prénom) of the cohort's people for a choice list, those furthest along the
    programme first (a validated project before a bilan, before a contact), then by name."""
    people = participant_rows(database, cohort_id)
    order = list(codes.STAGES)
    people.sort(key=lambda p: (-order.index(p.stage), p.last_name, p.first_name))
    return [(p.id, person_name(p.last_name, p.first_name)) for p in people]


@dataclass(frozen=True, slots=True)
class BilanRow:
    participant_id: str
    name: str
    group: str
    started_on: date
    status: str
    attendance_rate: float | None
    average_gain: float | None
    project: str
    project_decision: str
    # The person's place in the training as it stands on the day asked (None: not enrolled).
    enrolment: EnrolmentLine | None = None


def bilan_rows(database: Database, cohort_id: str, on: date | None = None) -> list[BilanRow]:
    """Everyone in a bilan group of the cohort; with ``on``, each one's enrolment that day."""
    places = {}
    if on is not None:
        places = {line.participant_id: line
                  for line in enrolment_board(database, cohort_id, on)}
    with database.read() as session:
        members = session.execute(
            select(
                BilanMember.participant_id,
                Participant.last_name,
                Participant.first_name,
                BilanGroup.name,
                BilanMember.started_on,
                BilanMember.status,
            )
            .join(Participant, Participant.id == BilanMember.participant_id)
            .join(BilanGroup, BilanGroup.id == BilanMember.group_id)
            .where(BilanMember.cohort_id == cohort_id)
        ).all()
        people = [row.participant_id for row in members]
        attendance: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for person, was_present, count in session.execute(
            select(BilanAttendance.participant_id, BilanAttendance.present, func.count())
            .where(BilanAttendance.participant_id.in_(people))
            .group_by(BilanAttendance.participant_id, BilanAttendance.present)
        ):
            attendance[person][1] += count
            if was_present:
                attendance[person][0] += count
        gains: dict[str, list[float]] = defaultdict(list)
        for person, before, after, maximum in session.execute(
            select(
                SkillAssessment.participant_id,
                SkillAssessment.score_before,
                SkillAssessment.score_after,
                SkillAssessment.max_score,
            ).where(SkillAssessment.participant_id.in_(people))
        ):
            if before is not None and after is not None:
                gains[person].append((after - before) * 20 / maximum)
        projects: dict[str, tuple[str, str]] = {}
        ranking = {"valide": 3, "a_retravailler": 2, "en_cours": 1, "abandonne": 0}
        for person, title, rome, decision in session.execute(
            select(
                ProfessionalProject.participant_id,
                ProfessionalProject.job_title,
                ProfessionalProject.rome_code,
                ProfessionalProject.decision,
            ).where(ProfessionalProject.participant_id.in_(people))
        ):
            current = projects.get(person)
            if current is None or ranking[decision] > ranking[current[1]]:
                projects[person] = (f"{title} ({rome})", decision)
        result = []
        for row in members:
            present, total = attendance[row.participant_id]
            person_gains = gains.get(row.participant_id)
            project, decision = projects.get(row.participant_id, ("", ""))
            result.append(
                BilanRow(
                    participant_id=row.participant_id,
                    name=person_name(row.last_name, row.first_name),
                    group=row.name,
                    started_on=row.started_on,
                    status=codes.BILAN_STATUSES[row.status],
                    attendance_rate=present / total if total else None,
                    average_gain=sum(person_gains) / len(person_gains) if person_gains else None,
                    project=project,
                    project_decision=codes.PROJECT_DECISIONS.get(decision, ""),
                    enrolment=places.get(row.participant_id),
                )
            )
        return result
