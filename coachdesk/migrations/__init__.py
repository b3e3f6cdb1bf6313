"""Alembic migrations of the CoachDesk schema.

Developers create a revision with ``alembic revision --autogenerate -m "..."`` from the project
root (see alembic.ini), then append its id to ``coachdesk.db.SCHEMA_REVISIONS`` and commit a
database file of the previous schema under ``tests/data/`` so the upgrade is tested.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config(connection: Any | None = None, url: str | None = None) -> Config:
    """An Alembic configuration pointing at our scripts, bound to a live connection or a URL."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        config.attributes["connection"] = connection
    return config
