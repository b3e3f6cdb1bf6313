"""Test set-up: headless Qt, every CoachDesk folder in a temporary place, a pinned locale."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import pytest

# Before any QApplication exists: no screen is needed, and none is used.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "fr_FR.UTF-8"
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("COACHDESK_DB", None)
# Every folder (data, config, cache, backups) goes to a throw-away root for the whole run, so a
# test can never touch a coach's real database.
_HOME = Path(tempfile.mkdtemp(prefix="coachdesk-tests-"))
os.environ["COACHDESK_HOME"] = str(_HOME)

# As in the window (coachdesk.ui.widgets.collector): Python's cycles are collected by the main
# thread only, between tests. A collection started by a thread a test runs (a team server, a
# backup) could destroy an earlier test's Qt objects from the wrong thread and crash the run.
_COLLECT_THRESHOLD = gc.get_threshold()
gc.disable()

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark everything under tests/ui as gui, so ``pytest -m "not gui"`` is the quick loop."""
    for item in items:
        if f"{os.sep}tests{os.sep}ui{os.sep}" in str(item.fspath):
            item.add_marker(pytest.mark.gui)


class _LoggedWarnings(logging.Handler):
    """Every record of WARNING or above that reaches the root logger."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class _Marked(Protocol):
    def get_closest_marker(self, name: str) -> object | None: ...


@contextmanager
def _no_logged_warnings(item: _Marked) -> Iterator[None]:
    """Fail the phase if a warning was logged during it, unless the test expects one."""
    collector = _LoggedWarnings()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        yield
    finally:
        root.removeHandler(collector)
    if collector.records and item.get_closest_marker("logs_warning") is None:
        logged = "\n".join(f"  {record.levelname} {record.name}: {record.getMessage()}"
                           for record in collector.records)
        pytest.fail(f"Warning logged through Python's logging:\n{logged}\n(a test that expects "
                    "one says so with @pytest.mark.logs_warning)", pytrace=False)


# A warning or an error sent through Python's logging fails the test, as Qt's warnings
# (qt_log_level_fail) and Python's warnings (filterwarnings = error) already do: set-up,
# the test itself and tear-down alike.
@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    with _no_logged_warnings(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    with _no_logged_warnings(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    with _no_logged_warnings(item):
        result = yield
    from coachdesk.ui.widgets.collector import collect_due

    collect_due(_COLLECT_THRESHOLD)
    return result


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A CoachDesk home of this test's own (data, config, cache, backups)."""
    root = tmp_path / "home"
    monkeypatch.setenv("COACHDESK_HOME", str(root))
    return root


@pytest.fixture(scope="session")
def recorded_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo cohort recorded through the services into an ordinary database (not marked as
    the demo), once per test run: recording it takes seconds; tests copy it, never change it."""
    from coachdesk.db import open_database
    from coachdesk.services.demo import build_demo

    path = tmp_path_factory.mktemp("recorded-demo") / "demo.sqlite3"
    database = open_database(path)
    try:
        build_demo(database)
    finally:
        database.dispose()
    return path


@pytest.fixture(scope="session")
def demo_template(recorded_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database as ``coachdesk demo`` writes it (the recording, marked as the demo),
    once per test run (tests copy it, never change it)."""
    from coachdesk.db import open_database
    from coachdesk.db_copy import backup_sqlite
    from coachdesk.services.backups import mark_as_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    backup_sqlite(recorded_demo, path)
    database = open_database(path, create=False)
    try:
        mark_as_demo(database)
    finally:
        database.dispose()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for one test."""
    target = tmp_path / "Démo CoachDesk.sqlite3"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A new, empty CoachDesk database."""
    from coachdesk.db import open_database

    database = open_database(tmp_path / "coachdesk.sqlite3")
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def qapp(qapp):  # type: ignore[no-untyped-def]
    """pytest-qt's application, with what the window's start puts on every application: the
    mouse wheel never changes a field without the focus."""
    from coachdesk.ui.widgets.wheel_guard import install_field_wheel_guard

    install_field_wheel_guard(qapp)
    return qapp
