"""The window's first look: the list read straight through SQLite's driver is the list.

``services.first_look`` reads the promotions and the most recent one's people before
SQLAlchemy is loaded, with the same SQL texts and row building as ``participant_rows``. It
must give exactly what the window shows once the database is open, and step aside (None) for
anything the full opening has to handle.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

from coachdesk.db import Database, open_database
from coachdesk.db_snapshot import read_only_snapshot
from coachdesk.models.ids import canonical_id, canonical_ids
from coachdesk.services import first_look
from coachdesk.services.clock import set_clock
from coachdesk.services.cohorts import archive_cohort, cohort_choices
from coachdesk.services.first_look import FIRST_ROWS, read_first_look, read_rows
from coachdesk.services.lists import listed_people, participant_rows
from coachdesk.services.participant_list import listed, name_order
from coachdesk.services.recruitment import schedule_selection_interview
from tests import builders as b

DATA = Path(__file__).resolve().parent.parent / "data"
D = date


def _choices(database: Database) -> list[tuple[str, str, bool]]:
    return [(c.id, c.name, c.archived) for c in cohort_choices(database)]


def test_the_demo_first_look_is_the_list_the_window_reads(demo_path: Path) -> None:
    look = read_first_look(demo_path)
    assert look is not None
    database = open_database(demo_path, read_only=True)
    try:
        assert [(c.id, c.name, c.archived) for c in look.cohorts] == _choices(database)
        assert look.cohort_id == look.cohorts[0].id
        rows = participant_rows(database, look.cohort_id)
        people = listed_people(database, look.cohort_id)
    finally:
        database.dispose()
    assert len(rows) == 275
    # Everyone listed, in the list's order; the whole rows of the first FIRST_ROWS of them,
    # and anyone's read again from the file until the database is open.
    assert look.people == people == [listed(row) for row in rows]
    assert sorted(look.rows, key=name_order) == rows[:FIRST_ROWS]
    assert sorted(read_rows(look, [p.id for p in people]), key=name_order) == rows
    assert read_rows(look, [people[-1].id]) == [rows[-1]]
    # Every stage and column, not only the people: on the demo's day (31/12/2010).
    stages = {person.stage for person in look.people}
    assert {"contact", "information", "selection", "bilan", "contrat", "sortie"} <= stages
    assert any(row.coach for row in look.rows) and any(row.is_adult for row in look.rows)


def test_stages_follow_the_database_day_as_the_list_does(db: Database) -> None:
    cohort = b.cohort(db, "Promotion 2010", D(2010, 2, 1))
    lea = b.person(db, cohort, "Roux", "Léa", listed_on=D(2010, 2, 1))
    theo = b.person(db, cohort, "Dubois", "Théo", listed_on=D(2010, 2, 1))
    schedule_selection_interview(db, theo, D(2010, 3, 1))
    employer = b.employer(db, "Boulangerie Pons")
    contract = b.contract(db, lea, employer, D(2010, 7, 12), end_date=D(2011, 6, 30))
    b.rupture(db, contract, D(2010, 11, 15), "jeune", "personnel")
    b.outcome(db, lea, "promesse_cdi", D(2011, 1, 3))
    assert db.path is not None
    for day, expected in (
        (D(2010, 2, 28), {lea: "contact", theo: "contact"}),
        (D(2010, 3, 1), {lea: "contact", theo: "selection"}),
        (D(2010, 7, 12), {lea: "contrat", theo: "selection"}),
        (D(2010, 12, 1), {lea: "contrat", theo: "selection"}),  # broken: a solution awaited
        (D(2011, 1, 3), {lea: "sortie", theo: "selection"}),
    ):
        set_clock(db, day)
        look = read_first_look(db.path)
        assert look is not None
        assert {row.id: row.stage for row in look.rows} == expected
        assert {person.id: person.stage for person in look.people} == expected
        assert sorted(look.rows, key=name_order) == participant_rows(db, cohort)
        assert look.people == listed_people(db, cohort)


def test_archived_promotions_only_when_asked(db: Database) -> None:
    old = b.cohort(db, "Promotion 2009", D(2009, 5, 1))
    new = b.cohort(db, "Promotion 2010", D(2010, 5, 1))
    b.person(db, new, "Roux", "Léa")
    archive_cohort(db, old)
    assert db.path is not None
    look = read_first_look(db.path)
    assert look is not None
    assert [c.name for c in look.cohorts] == ["Promotion 2010"]
    look = read_first_look(db.path, include_archived=True)
    assert look is not None
    assert [(c.name, c.archived) for c in look.cohorts] == [
        ("Promotion 2010", False), ("Promotion 2009", True)]
    assert [row.last_name for row in look.rows] == ["Roux"]


def test_anything_unusual_is_left_to_the_full_opening(db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    # No promotion yet: the first-run welcome is the window's.
    assert read_first_look(db.path) is None
    # No such file, a file that is no database, a database of an older schema to upgrade.
    assert read_first_look(tmp_path / "absent.sqlite3") is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    assert read_first_look(garbage) is None
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "schema-0001.sqlite3", old)
    before = old.read_bytes()
    assert read_first_look(old) is None
    assert old.read_bytes() == before  # never written
    assert not (tmp_path / "absent.sqlite3").exists()


def test_the_first_look_loads_no_sqlalchemy(demo_path: Path) -> None:
    """The point of it: the list is read before SQLAlchemy and the models are imported."""
    script = (
        "import sys; from pathlib import Path\n"
        "from coachdesk.services.first_look import read_first_look, read_rows\n"
        f"look = read_first_look(Path({str(demo_path)!r}))\n"
        "assert look is not None and len(look.people) == 275\n"
        "assert len(read_rows(look, [p.id for p in look.people])) == 275\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_everyone_is_read_in_one_row_or_row_by_row_with_the_same_list(db: Database) -> None:
    """The list is read in one row (a thread reading row by row waits for Python's lock at
    every row while the window is built); a text holding that row's separator is read row by
    row instead, with the same result."""
    cohort = b.cohort(db, "Promotion 2010", D(2010, 2, 1))
    for last, first in (("Roux", "Léa"), ("AZÉMA", "Nour"), ("Le Gall", "Théo"), ("Le", "Ana")):
        b.person(db, cohort, last, first)
    assert db.path is not None
    with read_only_snapshot(db.path) as connection:
        params = {"cohort": cohort.replace("-", "")}
        one_row = first_look._listed_in_one_row(connection, params, {})
    assert one_row is not None
    assert one_row == listed_people(db, cohort)
    assert [person.search_text.split(" | ")[0] for person in one_row] == [
        "azema", "le", "le gall", "roux"]
    with sqlite3.connect(db.path) as writer:  # as another program could have left it
        writer.execute("UPDATE participant SET search_text = search_text || char(30) || 'x' "
                       "WHERE last_name = 'Roux'")
    writer.close()
    with read_only_snapshot(db.path) as connection:
        assert first_look._listed_in_one_row(connection, params, {}) is None
    look = read_first_look(db.path)
    assert look is not None
    assert look.people == listed_people(db, cohort)
    assert look.people[-1].search_text.endswith("\x1ex")


def test_ids_read_joined_are_made_canonical_as_one_by_one() -> None:
    stored = [uuid.uuid4().hex for _ in range(5)]
    assert canonical_ids(",".join(stored), 5) == [canonical_id(raw) for raw in stored]
    assert canonical_ids(stored[0], 1) == [str(uuid.UUID(stored[0]))]
    # Ids of another form (already dashed, shorter, not ASCII) each as canonical_id gives it.
    odd = [str(uuid.uuid4()), "42", "é" * 32, stored[1]]
    assert canonical_ids(",".join(odd), 4) == [canonical_id(raw) for raw in odd]
    # A comma where a digit should be: not taken for 32-digit ids.
    assert canonical_ids("a" * 16 + "," + "b" * 15 + "," + stored[2], 2) == [
        "a" * 16, "b" * 15, canonical_id(stored[2])]
