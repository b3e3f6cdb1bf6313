"""Cohorts (promotions): creating one, listing, finding by name, choosing the one a command
works on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.errors import UserError
from coachdesk.models import Cohort
from coachdesk.services.checks import check_order, required_text


@dataclass(frozen=True, slots=True)
class CohortRow:
    id: str
    name: str
    training_title: str
    start_date: date
    end_date: date | None
    enrolment_deadline: date | None


def list_cohorts(session: Session) -> list[CohortRow]:
    """Every cohort, the most recent first."""
    rows = session.execute(
        select(
            Cohort.id,
            Cohort.name,
            Cohort.training_title,
            Cohort.start_date,
            Cohort.end_date,
            Cohort.enrolment_deadline,
        ).order_by(Cohort.start_date.desc(), Cohort.name)
    )
    return [CohortRow(*row) for row in rows]


def cohort_choices(database: Database) -> list[CohortRow]:
    """Every cohort, the most recent first, read in its own transaction (the window's
    selectors; :func:`list_cohorts` reads within a larger one)."""
    with database.read() as session:
        return list_cohorts(session)


def find_cohort(session: Session, name: str | None) -> CohortRow:
    """The cohort called ``name``, or the most recent one when no name is given.

    Raises:
        UserError: there is no such cohort, or no cohort at all.
    """
    cohorts = list_cohorts(session)
    if not cohorts:
        raise UserError(
            "La base ne contient encore aucune promotion.",
            hint="Importez un fichier de contacts ou créez une promotion dans l'onglet Cohorte.",
        )
    if name is None:
        return cohorts[0]
    for cohort in cohorts:
        if cohort.name == name:
            return cohort
    wanted = name.strip().casefold()
    for cohort in cohorts:
        if cohort.name.strip().casefold() == wanted:
            return cohort
    known = ", ".join(f"« {c.name} »" for c in cohorts)
    raise UserError(
        f"Aucune promotion ne s'appelle « {name} ».",
        hint=f"Promotions de cette base : {known}.",
    )


@dataclass(frozen=True, slots=True)
class CohortDraft:
    """A promotion as the coach sets it up: its name, training and dates."""

    name: str
    start_date: date
    training_title: str = ""
    end_date: date | None = None
    enrolment_deadline: date | None = None
    visit_interval_weeks: int = 6


def create_cohort(db: Database, draft: CohortDraft) -> str:
    """Create a promotion; returns its id.

    Raises:
        UserError: no name, a name already used, an end before the start, an interval of
            visits under one week.
    """
    name = required_text(draft.name, "Nom de la promotion")
    check_order(draft.start_date, draft.end_date,
                "La promotion ne peut pas finir avant d'avoir commencé.")
    if draft.visit_interval_weeks < 1:
        raise UserError("L'intervalle entre deux visites est d'au moins une semaine.")
    with db.write() as session:
        if session.scalar(select(Cohort.id).where(Cohort.name == name)):
            raise UserError(
                f"Une promotion s'appelle déjà « {name} ».", hint="Choisissez un autre nom."
            )
        cohort = Cohort(
            name=name,
            training_title=draft.training_title.strip(),
            start_date=draft.start_date,
            end_date=draft.end_date,
            enrolment_deadline=draft.enrolment_deadline,
            visit_interval_weeks=draft.visit_interval_weeks,
        )
        session.add(cohort)
        session.flush()
        return cohort.id
