"""Team mode tests: a real PostgreSQL (its own schema per test module), a real HTTP server.

``COACHDESK_TEST_POSTGRES_URL`` names the database (``.ci/run`` starts one). Without it the
tests skip, except in CI (``CI`` set), where an unreachable server fails them.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

POSTGRES_URL = os.environ.get("COACHDESK_TEST_POSTGRES_URL")


def require_postgres() -> str:
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("COACHDESK_TEST_POSTGRES_URL must be set in CI (.ci/run sets it)")
        pytest.skip("COACHDESK_TEST_POSTGRES_URL is not set (CI sets it)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    engine = create_engine(POSTGRES_URL)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL unreachable in CI: {error}")
        pytest.skip(f"PostgreSQL unreachable: {error}")
    finally:
        engine.dispose()
    return POSTGRES_URL


def schema_url(base: str, schema: str) -> str:
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


@dataclass
class FakeClock:
    """The server's clock in tests: real time plus a shift the test moves."""

    shift_ms: int = 0

    def __call__(self) -> int:
        return time.time_ns() // 1_000_000 + self.shift_ms


@dataclass
class TeamServer:
    url: str
    database_url: str
    engine: Any
    app: Any
    clock: FakeClock
    server: Any = None
    thread: threading.Thread | None = None
    schema: str = ""
    laptops: list[Any] = field(default_factory=list)

    def add_coach(self, name: str, structure: str = "Mission Locale Nord",
                  promotions: list[str] | None = None) -> str:
        from coachdesk.server.admin import add_coach

        return str(add_coach(self.engine, name, structure, promotions or [])["code"])

    @property
    def service(self) -> Any:
        return self.app.state.service


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(app: Any) -> tuple[Any, threading.Thread, str]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    return server, thread, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def team_server() -> Iterator[TeamServer]:
    """A fresh team schema and a live server on loopback, for one test module."""
    base = require_postgres()
    from sqlalchemy import create_engine, text

    from coachdesk.server.admin import engine_for, init_schema
    from coachdesk.server.app import create_app

    schema = f"team_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    database_url = schema_url(base, schema)
    engine = engine_for(database_url)
    init_schema(engine, "Équipe de test")
    clock = FakeClock()
    app = create_app(engine, clock_ms=clock)
    server, thread, url = start_server(app)
    team = TeamServer(url, database_url, engine, app, clock, server, thread, schema)
    try:
        yield team
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def laptop_factory(tmp_path: Path, team_server: TeamServer,
                   request: pytest.FixtureRequest) -> Iterator[Any]:
    """Makes laptops (databases) that joined the team as a new coach each.

    Each test works in structures and promotions of its own (the server is per module).
    """
    from coachdesk.db import open_database
    from coachdesk.sync import engine
    from tests.sync import support

    tag = request.node.name[:40]
    support.COHORT_PREFIX[0] = f"Promo {tag}"
    made: list[Any] = []

    def make(name: str, structure: str = "Mission Locale Nord", join: bool = True,
             promotions: list[str] | None = None) -> Any:
        database = open_database(tmp_path / f"{name}.sqlite3")
        made.append(database)
        if join:
            code = team_server.add_coach(name, f"{structure} {tag}", promotions)
            engine.join(database, team_server.url, code)
        return database

    yield make
    for database in made:
        database.dispose()
