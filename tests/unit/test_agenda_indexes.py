"""Revision 0019: the agenda's indexes, on new databases and on those upgraded."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from coachdesk.db import HEAD_REVISION, open_database
from coachdesk.services.agenda import compute_agenda

TESTS_DATA = Path(__file__).resolve().parent.parent / "data"
INDEXES = {
    "ix_contract_running": ["start_date", "end_date", "rupture_on", "id"],
    "ix_follow_up_visit_summary": ["contract_id", "done_on", "planned_on", "next_visit_on"],
    "ix_outcome_recorded_on": ["recorded_on"],
}


def indexes_on_disk(path: Path) -> dict[str, list[str]]:
    with sqlite3.connect(path) as connection:
        found = {name: [column for _n, _c, column in connection.execute(
                     f"PRAGMA index_info('{name}')")] for name in INDEXES}
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        # The contracts' index on their start alone is replaced by ix_contract_running.
        assert connection.execute(
            "SELECT name FROM sqlite_master WHERE name = 'ix_contract_start_date'").fetchall() == []
    connection.close()
    assert version == (HEAD_REVISION,)
    return found


def test_a_first_release_database_gets_the_agenda_indexes_and_its_agenda(tmp_path: Path) -> None:
    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    database = open_database(copy)
    try:
        # Its contract (CDD from 01/06/2011 to 30/04/2012, not sent to the OPCO): the first
        # visit is due when the trial period ends, as before the upgrade.
        items = compute_agenda(database, date(2011, 6, 27))
    finally:
        database.dispose()
    assert indexes_on_disk(copy) == INDEXES
    assert [(item.day, item.kind, item.participant) for item in items] == [
        (date(2011, 6, 30), "trial_period_end", "FABRE Élodie"),
        (date(2011, 6, 30), "visit_due", "FABRE Élodie"),
    ]
    assert items[0].detail == (
        "Fin de la période d'essai chez Cabinet Garrigues Expertise (CDD débuté le 01/06/2011).")


def test_a_new_database_has_the_agenda_indexes(tmp_path: Path) -> None:
    path = tmp_path / "nouvelle.sqlite3"
    open_database(path).dispose()
    assert indexes_on_disk(path) == INDEXES
