"""Crash proof: CoachDesk killed with SIGKILL at random moments loses nothing committed.

At least 100 kills per run, spread over an import-like bulk write, a backup, a migration and an
atomic file write. After each kill: the database passes ``PRAGMA integrity_check``, every batch
the child reported as committed is there in full (and no batch is half there), and each output
file is the old complete one or a new complete one. ``COACHDESK_CRASH_KILLS`` raises the count.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.db import open_database
from tests.security_support import add_people

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL are POSIX")

TOTAL_KILLS = max(100, int(os.environ.get("COACHDESK_CRASH_KILLS", "100")))
SHARE = {"bulk": 0.35, "backup": 0.25, "migration": 0.2, "atomic": 0.2}
WORKER = Path(__file__).with_name("worker.py")


class Worker:
    def __init__(self) -> None:
        root = Path(__file__).resolve().parents[2]
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def kill_during(self, job: dict, delay: float) -> None:
        """Start ``job`` in a child, kill it with SIGKILL after ``delay`` seconds."""
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        pid = int(self._line())
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        status = int(self._line().split()[1])
        # Killed by our signal, not ended by an error of its own.
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    w = Worker()
    yield w
    w.close()


def _kills(kind: str) -> int:
    return max(1, round(TOTAL_KILLS * SHARE[kind]))


def _integrity(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


def test_kill_during_bulk_write_loses_no_committed_row(worker: Worker, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    db = open_database(path)
    add_people(db, 1)
    db.dispose()
    log = tmp_path / "committed.log"
    rng = random.Random(1)
    next_batch = 0
    for _ in range(_kills("bulk")):
        worker.kill_during(
            {"kind": "bulk", "db": str(path), "log": str(log), "first_batch": next_batch},
            rng.uniform(0.0, 0.12),
        )
        _integrity(path)
        connection = sqlite3.connect(path)
        counts = dict(
            connection.execute(
                "SELECT notes, count(*) FROM participant WHERE notes LIKE 'batch-%' GROUP BY notes"
            ).fetchall()
        )
        connection.close()
        committed = {f"batch-{n}" for n in log.read_text().split()} if log.exists() else set()
        assert committed <= set(counts), "a committed batch is missing"
        assert set(counts.values()) <= {25}, "a batch is half written"
        next_batch = max((int(k.split("-")[1]) for k in counts), default=-1) + 1
    assert next_batch > 0, "no batch was ever committed: kills came too early"


def test_kill_during_backup_leaves_old_or_new_complete(worker: Worker, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    db = open_database(path)
    add_people(db, 200)
    db.dispose()
    target = tmp_path / "sauvegarde.sqlite3"
    rng = random.Random(2)
    completed = 0
    for _ in range(_kills("backup")):
        worker.kill_during(
            {"kind": "backup", "db": str(path), "target": str(target)}, rng.uniform(0.0, 0.08)
        )
        _integrity(path)
        if target.exists():
            completed += 1
            _integrity(target)
            connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
            assert connection.execute("SELECT count(*) FROM participant").fetchone() == (200,)
            connection.close()
    assert completed > 0


def test_kill_during_migration_leaves_before_or_after(worker: Worker, tmp_path: Path) -> None:
    template = tmp_path / "modele.sqlite3"
    db = open_database(template)
    add_people(db, 300)
    db.dispose()
    rng = random.Random(3)
    outcomes = set()
    for index in range(_kills("migration")):
        path = tmp_path / f"migration-{index}.sqlite3"
        shutil.copyfile(template, path)
        worker.kill_during({"kind": "migration", "db": str(path)}, rng.uniform(0.0, 0.25))
        _integrity(path)
        connection = sqlite3.connect(path)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(participant)")}
        if "migrated" in columns:
            state = connection.execute(
                "SELECT count(*), sum(migrated), sum(notes LIKE '% migré') FROM participant"
            ).fetchone()
            assert state == (300, 300, 300), state
            outcomes.add("after")
        else:
            assert connection.execute(
                "SELECT count(*) FROM participant WHERE notes LIKE '% migré'"
            ).fetchone() == (0,)
            outcomes.add("before")
        assert connection.execute("SELECT count(*) FROM participant").fetchone() == (300,)
        connection.close()
        for leftover in tmp_path.glob(f"migration-{index}.avant-migration-*"):
            if leftover.suffix == ".sqlite3":  # the copy made before migrating, if complete
                _integrity(leftover)
    assert outcomes, "no kill was checked"


def test_kill_during_atomic_write_leaves_a_whole_file(worker: Worker, tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    size = 400_000
    target.write_text(json.dumps({"version": 0, "payload": "x" * size}))
    rng = random.Random(4)
    versions = set()
    for _ in range(_kills("atomic")):
        worker.kill_during(
            {"kind": "atomic", "target": str(target), "size": size}, rng.uniform(0.0, 0.05)
        )
        document = json.loads(target.read_text())  # never half a file
        assert document["payload"] == "x" * size
        versions.add(document["version"])
    assert len(versions) > 1, "the file was never replaced before a kill"
