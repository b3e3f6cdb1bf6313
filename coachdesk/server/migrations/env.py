"""Alembic environment of the team server (PostgreSQL only, its own version table)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from coachdesk.server.migrations import VERSION_TABLE
from coachdesk.server.schema import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as new_connection:
        _run(new_connection)
