"""Alembic migrations of the team server's schema (their own chain and version table).

Each laptop schema revision that changes a shared table gets a server revision here doing
the same change (expand first, contract a release later: the server accepts the current and
the previous laptop revision). Generate one from a server database at the previous head with
``alembic_config(url=…)`` and autogenerate, then review it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent
VERSION_TABLE = "coachdesk_server_version"


def alembic_config(connection: Any | None = None, url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        config.attributes["connection"] = connection
    return config
