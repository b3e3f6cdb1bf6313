"""Shared helpers of the employers/bilan/matching tests: a fresh database and small factories."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coachdesk.db import Database, open_database
from coachdesk.models import Cohort, Contract, Participant
from coachdesk.services.text import participant_search_text


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "coachdesk.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def cohort_id(db: Database) -> str:
    return make_cohort(db)


def make_cohort(db: Database, name: str = "Promotion 2010") -> str:
    with db.write() as session:
        cohort = Cohort(name=name, training_title="Assistant de gestion de PME",
                        start_date=date(2010, 2, 1), enrolment_deadline=date(2010, 7, 15))
        session.add(cohort)
        session.flush()
        return cohort.id


def make_participant(db: Database, cohort_id: str, last_name: str, first_name: str) -> str:
    with db.write() as session:
        person = Participant(
            cohort_id=cohort_id, last_name=last_name, first_name=first_name,
            listed_on=date(2010, 2, 1),
            search_text=participant_search_text(last_name, first_name),
        )
        session.add(person)
        session.flush()
        return person.id


def make_contract(
    db: Database, participant_id: str, employer_id: str, *, start: date,
    tutor_id: str | None = None, end: date | None = None, rupture_on: date | None = None,
) -> str:
    with db.write() as session:
        contract = Contract(
            participant_id=participant_id, employer_id=employer_id, tutor_id=tutor_id,
            start_date=start, end_date=end or date(start.year + 1, start.month, 28),
            rupture_on=rupture_on, rupture_by="employeur" if rupture_on else None,
        )
        session.add(contract)
        session.flush()
        return contract.id
