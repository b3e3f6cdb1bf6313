"""Where a new database stands: what the first-run welcome needs to know (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Cohort, Participant


@dataclass(frozen=True, slots=True)
class FirstSteps:
    """The cohorts made so far (names, the most recent first) and whether anyone is listed."""

    cohorts: tuple[str, ...]
    has_people: bool


def first_steps(database: Database) -> FirstSteps:
    """Read cheaply, whatever the size of the database (one row at most for the people)."""
    with database.read() as session:
        cohorts = tuple(session.scalars(
            select(Cohort.name).order_by(Cohort.start_date.desc(), Cohort.name)))
        anyone = session.scalar(select(Participant.id).limit(1)) is not None
    return FirstSteps(cohorts, anyone)
