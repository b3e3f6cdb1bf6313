"""A large import's commit does not wait for SQLite's log to be folded into the database file:
the log is folded just after, on a second thread, and left empty for the next write."""

from __future__ import annotations

import multiprocessing
import sqlite3
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from coachdesk.db import Database, open_database
from coachdesk.models import Participant
from coachdesk.services.contact_import import ImportCancelled, import_contacts, new_rows

TODAY = date(2010, 2, 20)
PEOPLE = 6_000  # above the size from which an import is a large write


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "coachdesk.sqlite3")
    yield db
    db.wait_for_log()
    db.dispose()


@pytest.fixture
def contacts(tmp_path: Path) -> Path:
    path = tmp_path / "inscrits.csv"
    lines = ["Nom;Prénom;Courriel"] + [
        f"Nom{index};Léa;lea{index}@exemple.fr" for index in range(PEOPLE)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def count_people(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(Participant)) or 0


def autocheckpoints(database: Database) -> set[int]:
    """The folding threshold of every connection the database's pool hands out."""
    with ExitStack() as stack:
        connections = [stack.enter_context(database.engine.connect()) for _ in range(4)]
        return {c.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() for c in connections}


def test_the_log_is_folded_after_the_commit_not_during_it(
    database: Database, contacts: Path, monkeypatch: pytest.MonkeyPatch
):
    assert database.path is not None
    folds: list[Database] = []
    monkeypatch.setattr(Database, "fold_log_later", lambda self: folds.append(self))
    report = import_contacts(database, contacts, today=TODAY)
    assert report.imported == PEOPLE and folds == [database]
    # Committed, readable by anyone, still in the log: the file itself has not grown yet.
    other = sqlite3.connect(database.path)
    assert other.execute("SELECT count(*) FROM participant").fetchone() == (PEOPLE,)
    small = database.path.stat().st_size
    assert small < 200_000 < Path(f"{database.path}-wal").stat().st_size
    assert autocheckpoints(database) == {1000}
    monkeypatch.undo()
    database.fold_log_later()
    database.wait_for_log()
    assert database.path.stat().st_size > small + 500_000
    # Nothing left in the log for the next write to fold.
    busy, frames, folded = other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and frames == folded
    other.close()


def test_a_cancelled_large_import_leaves_the_folding_as_it_was(
    database: Database, contacts: Path, monkeypatch: pytest.MonkeyPatch
):
    folds: list[Database] = []
    monkeypatch.setattr(Database, "fold_log_later", lambda self: folds.append(self))
    inserted: list[int] = []
    insert = new_rows.NewRows.insert

    def counted(self: new_rows.NewRows, connection: Any, cohort_id: str, rows: list) -> None:
        insert(self, connection, cohort_id, rows)
        inserted.append(len(rows))

    monkeypatch.setattr(new_rows.NewRows, "insert", counted)
    with pytest.raises(ImportCancelled):
        # Cancelled once the people are inserted, before the commit.
        import_contacts(database, contacts, today=TODAY, cancel=lambda: bool(inserted))
    assert inserted == [PEOPLE] and folds == []
    assert count_people(database) == 0
    assert autocheckpoints(database) == {1000}


def test_a_small_import_leaves_the_folding_to_sqlite(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folds: list[Database] = []
    monkeypatch.setattr(Database, "fold_log_later", lambda self: folds.append(self))
    path = tmp_path / "deux.csv"
    path.write_text("Nom;Prénom;Courriel\nDurand;Léa;lea@exemple.fr\nPetit;Théo;\n",
                    encoding="utf-8")
    assert import_contacts(database, path, today=TODAY).imported == 2
    assert folds == []


def test_the_windows_worker_folds_the_log_after_sending_its_report(
    database: Database, contacts: Path
):
    from coachdesk.ui.widgets import background

    assert database.path is not None
    # A connection of the window's, open all along: the worker's is never the last one to
    # close (SQLite folds the log when the last one closes).
    window = sqlite3.connect(database.path)
    window.execute("SELECT count(*) FROM sqlite_master").fetchone()
    small = database.path.stat().st_size
    context = multiprocessing.get_context("spawn")
    messages, cancel = context.Queue(), context.Event()
    worker = context.Process(target=background._worker_main, daemon=True, args=(
        "coachdesk.services.import_job.run_import",
        (str(database.path), str(contacts), "2010", "universite", None, None),
        messages, cancel))
    worker.start()
    outcome = messages.get(timeout=60)
    while outcome[0] in ("progress", "changes"):
        outcome = messages.get(timeout=60)
    worker.join(timeout=30)
    assert worker.exitcode == 0
    assert outcome[0] == "done" and outcome[1].imported == PEOPLE
    # The report was sent, then the worker folded the log before it ended.
    assert database.path.stat().st_size > small + 500_000
    busy, frames, folded = window.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and frames == folded
    window.close()


def test_a_protected_databases_log_is_folded_too(tmp_path: Path, contacts: Path):
    from coachdesk.security import sqlcipher
    from tests.security_support import FAST_SCRYPT, PASSPHRASE, make_plain_db

    path = tmp_path / "suivi.sqlite3"
    make_plain_db(path)
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    database = open_database(path, create=False, key=sqlcipher.unlock(path, passphrase=PASSPHRASE))
    try:
        # Held open so that closing the import's connections does not fold the log instead.
        with database.engine.connect() as reader:
            reader.exec_driver_sql("SELECT count(*) FROM participant").scalar()
            reader.rollback()  # (a reader still in its transaction would hold the log back)
            small = path.stat().st_size
            assert import_contacts(database, contacts, today=TODAY).imported == PEOPLE
            database.wait_for_log()
            assert path.stat().st_size > small + 500_000
            assert autocheckpoints(database) == {1000}
            assert count_people(database) == PEOPLE + 3
    finally:
        database.dispose()
