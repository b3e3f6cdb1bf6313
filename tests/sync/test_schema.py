"""The shapes team mode relies on: table groups, the server's schema, no Qt."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from coachdesk.sync.tables import LOCAL_ONLY, PERSON_SCOPED, TEAM_WIDE


def test_every_table_is_placed_in_one_group() -> None:
    """A new table must say whether it is a person's, the team's, or the laptop's own."""
    from coachdesk.models import Base

    groups = [set(PERSON_SCOPED), set(TEAM_WIDE), set(LOCAL_ONLY)]
    assert sum(len(g) for g in groups) == len(set().union(*groups))
    assert set(Base.metadata.tables) == set().union(*groups)
    # A person-scoped table hangs from the person through person-scoped parents only.
    for table, link in PERSON_SCOPED.items():
        if link is not None:
            column, parent = link
            assert parent in PERSON_SCOPED
            assert column in Base.metadata.tables[table].c


def test_sync_and_server_import_no_qt() -> None:
    code = (
        "import sys, coachdesk.sync.engine, coachdesk.sync.capture, coachdesk.server.store, "
        "coachdesk.server.app; print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_process_that_asks_only_for_people_can_write_them(tmp_path: Path) -> None:
    """A laptop process importing just Cohort and Participant still knows the coach table.

    A person points at their coach and a promotion at its training body: changing a person in
    an existing database must not depend on some other module having loaded the organisation
    records first (the first process creates the database, the second reopens and edits it).
    """
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from sqlalchemy import select\n"
        "from coachdesk.db import open_database\n"
        "from coachdesk.models import Cohort, Participant\n"
        "db = open_database(Path(sys.argv[1]))\n"
        "with db.write() as s:\n"
        "    if sys.argv[2] == 'create':\n"
        "        c = Cohort(name='Promo A', start_date=date(2010, 5, 26))\n"
        "        s.add(c)\n"
        "        s.flush()\n"
        "        s.add(Participant(cohort_id=c.id, last_name='Nom', first_name='Prénom',\n"
        "                          listed_on=date(2010, 1, 1)))\n"
        "    else:\n"
        "        s.execute(select(Participant)).scalar_one().first_name = 'Autre'\n"
        "db.dispose()\n"
    )
    path = tmp_path / "laptop.sqlite3"
    for step in ("create", "edit"):
        out = subprocess.run([sys.executable, "-c", code, str(path), step],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr[-2000:]
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT first_name FROM participant").fetchall() == [
            ("Autre",)]


def test_server_migrations_build_exactly_the_server_schema(team_server: Any) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from coachdesk.server.migrations import VERSION_TABLE
    from coachdesk.server.schema import metadata

    with team_server.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        assert compare_metadata(context, metadata) == []
        assert context.get_current_revision() == "s0021"


def test_server_foreign_keys_are_deferrable(team_server: Any) -> None:
    from sqlalchemy import text

    with team_server.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT conname, condeferrable, condeferred FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = to_regnamespace(current_schema()) "
            "AND conrelid::regclass::text NOT IN ('coach_account', 'join_code', 'device', "
            "'sync_erasure_ack')")).all()
    assert len(rows) > 20
    assert all(deferrable and deferred for _name, deferrable, deferred in rows)
