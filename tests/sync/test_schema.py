"""The shapes team mode relies on: table groups, the server's schema, no Qt."""

from __future__ import annotations

import subprocess
import sys
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


def test_server_migrations_build_exactly_the_server_schema(team_server: Any) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from coachdesk.server.migrations import VERSION_TABLE
    from coachdesk.server.schema import metadata

    with team_server.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        assert compare_metadata(context, metadata) == []
        assert context.get_current_revision() == "s0012"


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
