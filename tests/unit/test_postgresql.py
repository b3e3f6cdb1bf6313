"""The same models and services run on PostgreSQL, the future team server.

Runs when COACHDESK_TEST_POSTGRES_URL names a database the test may empty (CI starts a local
PostgreSQL for it); skipped otherwise.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.unit.test_funnel import PROGRESS_NOTE

POSTGRES_URL = os.environ.get("COACHDESK_TEST_POSTGRES_URL")

pytestmark = pytest.mark.skipif(
    not POSTGRES_URL, reason="COACHDESK_TEST_POSTGRES_URL is not set (CI sets it)"
)


def test_demo_funnel_and_lists_on_postgresql(tmp_path: Path) -> None:
    from coachdesk.db import Database
    from coachdesk.models import Base
    from coachdesk.services import lists
    from coachdesk.services.cohorts import find_cohort
    from coachdesk.services.contact_import import import_contacts
    from coachdesk.services.contract_board import contract_board
    from coachdesk.services.demo import build_demo
    from coachdesk.services.funnel import compute_funnel
    from coachdesk.services.smic import load_smic_table

    assert POSTGRES_URL is not None
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        Base.metadata.create_all(connection)
    database = Database(engine, None)
    try:
        build_demo(database)
        with database.read() as session:
            assert session.execute(text("SELECT version()")).scalar().startswith("PostgreSQL")
            cohort = find_cohort(session, None)
            assert compute_funnel(session, cohort.id).figures() == PROGRESS_NOTE
            rows = lists.participant_rows(database, cohort.id)
            assert len(rows) == 275
            # The Cohorte list: everyone listed, and the whole rows of some read by id.
            people = lists.listed_people(database, cohort.id)
            assert [person.id for person in people] == [row.id for row in rows]
            some = [person.id for person in people[100:110]]
            assert lists.participant_rows(database, cohort.id, people=some) == rows[100:110]
        board = contract_board(database, cohort.id, date(2010, 12, 31), load_smic_table())
        assert len(board.contracts) == 13
        # A contact file into a new promotion (written with it), then again: all duplicates.
        path = tmp_path / "contacts.csv"
        path.write_text("Nom;Prénom;Date de naissance\nDurand;Léa;12/03/1991\n"
                        "Martin;Paul;01/01/1990\n", encoding="utf-8")
        report = import_contacts(database, path, cohort="Promo 2011", today=date(2011, 2, 1))
        assert (report.imported, report.cohort_created) == (2, True)
        again = import_contacts(database, path, cohort="Promo 2011", today=date(2011, 2, 1))
        assert (again.imported, len(again.duplicates)) == (0, 2)
    finally:
        with engine.begin() as connection:
            Base.metadata.drop_all(connection)
        engine.dispose()
