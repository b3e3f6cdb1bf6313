"""Revision 0020: no index on the participants' (promotion, search text), on new databases and
on those upgraded; the lists and exports that used it still order people the same way."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from coachdesk.db import HEAD_REVISION, open_database
from coachdesk.models.ids import canonical_id
from coachdesk.services.lists import participant_rows

TESTS_DATA = Path(__file__).resolve().parent.parent / "data"


def participant_indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        names = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'participant'"
            " AND name NOT LIKE 'sqlite_autoindex%'")}
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert version == (HEAD_REVISION,)
    return names


KEPT = {"ix_participant_cohort_id", "ix_participant_coach_id", "ix_participant_follows_from_id",
        "ix_participant_structure_id"}


def test_a_first_release_database_loses_the_search_index_and_keeps_its_people(
        tmp_path: Path) -> None:
    copy = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(TESTS_DATA / "schema-0001.sqlite3", copy)
    with sqlite3.connect(copy) as connection:
        assert connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'ix_participant_cohort_search'"
        ).fetchone() == (1,)
        people = connection.execute("SELECT count(*) FROM participant").fetchone()[0]
        (cohort_id,) = connection.execute("SELECT DISTINCT cohort_id FROM participant").fetchone()
    connection.close()
    database = open_database(copy)
    try:
        rows = participant_rows(database, canonical_id(cohort_id))
    finally:
        database.dispose()
    assert participant_indexes(copy) == KEPT
    assert people and len(rows) == people


def test_a_new_database_has_no_search_index(tmp_path: Path) -> None:
    path = tmp_path / "nouvelle.sqlite3"
    open_database(path).dispose()
    assert participant_indexes(path) == KEPT
