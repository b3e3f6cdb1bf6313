"""Crash proof: CoachDesk killed with SIGKILL at random moments loses nothing committed.

At least 100 kills per run, each in a child running CoachDesk's real code: the contact import
job (csv and xlsx files), the weekly export job, a backup, a migration of a schema-0001
database, and the keys file rewrite. Kill moments are spread from the very start of the work
(opening the database) to deep into it. After each kill:

* the database passes ``PRAGMA integrity_check``;
* nothing committed is lost, and an import is all or nothing: every row of a file or none;
* the export file is the previous complete workbook or the new complete one (openpyxl opens
  it, every sheet is there with all its rows), and no temporary file is left beside it where a
  coach would see it;
* a backup file, when there is one, is a complete copy.

``COACHDESK_CRASH_KILLS`` raises the count (the default, 100, keeps the run to a few seconds).
"""

from __future__ import annotations

import csv
import hashlib
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

import openpyxl
import pytest

from coachdesk.db import open_database
from coachdesk.exports import jobs
from tests.security_support import INFORMED_ON, add_people

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL are POSIX")

TOTAL_KILLS = max(100, int(os.environ.get("COACHDESK_CRASH_KILLS", "100")))
SHARE = {"import": 0.3, "export": 0.3, "backup": 0.15, "migration": 0.15, "keys": 0.1}
WORKER = Path(__file__).with_name("worker.py")
DATA = Path(__file__).resolve().parents[1] / "data"

ROWS_PER_FILE = 300
EXPORT_PEOPLE = 300
EXPORT_WEEK = "2010-W10"


class Worker:
    """The forking worker process; its private temporary folder is ``temp``."""

    def __init__(self, temp: Path) -> None:
        root = Path(__file__).resolve().parents[2]
        self.temp = temp
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=root,
            # TMPDIR: what a killed child leaves in the system's temporary folder stays here.
            env={**os.environ, "PYTHONPATH": str(root), "TMPDIR": str(temp)},
        )
        assert self._line() == "ready"
        self.kills = 0

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
        self.kills += 1

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    w = Worker(tmp_path_factory.mktemp("worker-tmp"))
    yield w
    w.close()


def _kills(kind: str) -> int:
    return max(1, round(TOTAL_KILLS * SHARE[kind]))


assert sum(_kills(kind) for kind in SHARE) >= TOTAL_KILLS


def _delays(count: int, seed: int, early: float, late: float) -> list[float]:
    """Kill moments: half early (from the very start), half later (deep into the work)."""
    rng = random.Random(seed)
    return [
        rng.uniform(0.0, early) if index % 2 == 0 else rng.uniform(early, late)
        for index in range(count)
    ]


def _integrity(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


def _visible(folder: Path) -> set[str]:
    """What a coach sees in a folder: hidden (dot) files are not shown by file managers."""
    return {child.name for child in folder.iterdir() if not child.name.startswith(".")}


# Import ------------------------------------------------------------------------------------------
def _contact_files(folder: Path, count: int) -> list[str]:
    """``count`` contact files, csv and xlsx in turn; file ``k`` is known by its e-mail domain."""
    header = ["Nom", "Prénom", "Date de naissance", "Téléphone", "Courriel", "Bac"]
    files = []
    for index in range(count):
        rows = [
            [f"Dupré{index}x{row}", f"Élodie{row}", f"{1 + row % 28:02d}/04/1990",
             f"06 12 34 {row % 100:02d} {index % 100:02d}", f"p{row}@fichier{index}.example.org",
             "S"]
            for row in range(ROWS_PER_FILE)
        ]
        if index % 2:
            path = folder / f"contacts-{index}.xlsx"
            workbook = openpyxl.Workbook(write_only=True)
            sheet = workbook.create_sheet("Décrocheurs L1")
            sheet.append(header)
            for row in rows:
                sheet.append(row)
            workbook.save(path)
        else:
            path = folder / f"contacts-{index}.csv"
            with path.open("w", newline="", encoding="utf-8-sig") as handle:
                writer = csv.writer(handle, delimiter=";")
                writer.writerow(header)
                writer.writerows(rows)
        files.append(str(path))
    return files


def _rows_per_file(path: Path) -> dict[int, int]:
    connection = sqlite3.connect(path)
    try:
        found = connection.execute(
            "SELECT substr(email, instr(email, '@fichier') + 8), count(*) FROM participant "
            "WHERE email LIKE '%@fichier%' GROUP BY 1"
        ).fetchall()
    finally:
        connection.close()
    return {int(domain.split(".")[0]): count for domain, count in found}


@pytest.mark.slow
def test_kill_during_contact_import_is_all_or_nothing(worker: Worker, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    db = open_database(path)
    add_people(db, 1)
    db.dispose()
    kills = _kills("import")
    files = _contact_files(tmp_path, kills + 10)
    log = tmp_path / "committed.log"
    next_file = 0
    for delay in _delays(kills, 1, 0.05, 0.4):
        worker.kill_during(
            {"kind": "import", "db": str(path), "files": files, "first": next_file,
             "log": str(log)},
            delay,
        )
        _integrity(path)
        present = _rows_per_file(path)
        committed = {
            int(line.split()[0]) for line in log.read_text().splitlines()
        } if log.exists() else set()
        assert committed <= set(present), "an import reported as done is missing"
        assert set(present.values()) <= {ROWS_PER_FILE}, f"a file is half imported: {present}"
        next_file = max(present, default=-1) + 1
    assert next_file > 1, "no import was ever committed: kills came too early"
    assert next_file < len(files), "every file was imported: no kill landed in an import"


# Export ------------------------------------------------------------------------------------------
def _workbook_shape(path: Path) -> dict[str, int]:
    """Sheet name -> number of rows; fails on a file openpyxl cannot read."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return {sheet.title: sum(1 for _ in sheet.iter_rows(values_only=True))
                for sheet in workbook.worksheets}
    finally:
        workbook.close()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_kill_during_weekly_export_leaves_old_or_new_workbook(
    worker: Worker, tmp_path: Path
) -> None:
    path = tmp_path / "base.sqlite3"
    db = open_database(path)
    add_people(db, EXPORT_PEOPLE, last_name="Hebdo", consent_on=INFORMED_ON)
    db.dispose()
    cohort = f"Promotion Hebdo {EXPORT_PEOPLE}"
    folder = tmp_path / "Exports Mission Locale"
    folder.mkdir()
    out = folder / "Mission Locale semaine 10.xlsx"
    # The previous complete workbook, as the coach sent it last week.
    first = jobs.weekly(str(path), str(out), EXPORT_WEEK, cohort)
    assert first is not None
    shape = _workbook_shape(out)
    assert shape["Jeunes"] == EXPORT_PEOPLE + 1  # header and every person
    log = tmp_path / "exports.log"
    seen = {first.sha256}
    replaced = 0
    for delay in _delays(_kills("export"), 2, 0.1, 0.5):
        worker.kill_during(
            {"kind": "export", "db": str(path), "out": str(out), "week": EXPORT_WEEK,
             "cohort": cohort, "log": str(log)},
            delay,
        )
        _integrity(path)
        assert _visible(folder) == {out.name}, "a temporary file is left beside the export"
        assert _workbook_shape(out) == shape, "the workbook is not complete"
        digest = _sha256(out)
        replaced += digest not in seen
        seen.add(digest)
    assert replaced > 1, "the workbook was never replaced before a kill"
    # The next export after all those crashes sweeps what the killed ones left, even hidden.
    assert jobs.weekly(str(path), str(out), EXPORT_WEEK, cohort) is not None
    assert sorted(child.name for child in folder.iterdir()) == [out.name]
    assert _workbook_shape(out) == shape


# Backup ------------------------------------------------------------------------------------------
def test_kill_during_backup_leaves_old_or_new_complete(worker: Worker, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    db = open_database(path)
    add_people(db, 200)
    db.dispose()
    target = tmp_path / "sauvegardes" / "sauvegarde.sqlite3"
    completed = 0
    for delay in _delays(_kills("backup"), 3, 0.03, 0.15):
        worker.kill_during({"kind": "backup", "db": str(path), "target": str(target)}, delay)
        _integrity(path)
        if target.exists():
            completed += 1
            _integrity(target)
            connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
            assert connection.execute("SELECT count(*) FROM participant").fetchone() == (200,)
            connection.close()
    assert completed > 0


# Migration ---------------------------------------------------------------------------------------
def test_kill_during_migration_leaves_before_or_after(worker: Worker, tmp_path: Path) -> None:
    # The committed database of the released schema 0001, with people in it.
    template = tmp_path / "schema-0001.sqlite3"
    shutil.copyfile(DATA / "schema-0001.sqlite3", template)
    db = open_database(template, create=False)
    add_people(db, 300)
    db.dispose()
    with sqlite3.connect(template) as connection:
        people = connection.execute("SELECT count(*) FROM participant").fetchone()[0]
    outcomes = set()
    for index, delay in enumerate(_delays(_kills("migration"), 4, 0.05, 0.6)):
        path = tmp_path / f"migration-{index}.sqlite3"
        shutil.copyfile(template, path)
        worker.kill_during({"kind": "migration", "db": str(path)}, delay)
        _integrity(path)
        connection = sqlite3.connect(path)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(participant)")}
        if "migrated" in columns:
            state = connection.execute(
                "SELECT count(*), sum(migrated), sum(notes LIKE '% migré') FROM participant"
            ).fetchone()
            assert state == (people, people, people), state
            outcomes.add("after")
        else:
            assert connection.execute(
                "SELECT count(*) FROM participant WHERE notes LIKE '% migré'"
            ).fetchone() == (0,)
            outcomes.add("before")
        assert connection.execute("SELECT count(*) FROM participant").fetchone() == (people,)
        connection.close()
        for leftover in tmp_path.glob(f"migration-{index}.avant-migration-*"):
            if leftover.suffix == ".sqlite3":  # the copy made before migrating, if complete
                _integrity(leftover)
    assert outcomes == {"before", "after"}, outcomes


# Keys file ---------------------------------------------------------------------------------------
def test_kill_during_keys_file_rewrite_leaves_a_whole_file(
    worker: Worker, tmp_path: Path
) -> None:
    target = tmp_path / "base.sqlite3.cles.json"
    size = 400_000
    target.write_text(json.dumps({"version": 0, "payload": "x" * size}))
    versions = set()
    for delay in _delays(_kills("keys"), 5, 0.01, 0.05):
        worker.kill_during({"kind": "keys", "target": str(target), "size": size}, delay)
        document = json.loads(target.read_text())  # never half a file
        assert document["payload"] == "x" * size
        versions.add(document["version"])
    assert len(versions) > 1, "the file was never replaced before a kill"



# Protect, rekey, restore, erase ------------------------------------------------------------------
NEW_KILLS = max(8, TOTAL_KILLS // 10)
PASSPHRASE = "cheval agrafe pile correcte"
NEW_PASSPHRASE = "lampadaire tortue velours orage"


def _count(path: Path, key: bytes | None) -> int:
    from coachdesk.security import sqlcipher

    counts = sqlcipher.verify(path, key)  # integrity_check included
    return counts["participant"]


def test_kill_during_protect_leaves_the_plain_original_or_the_protected_database(
    worker: Worker, tmp_path: Path
) -> None:
    from coachdesk.security import crypto, sqlcipher

    template = tmp_path / "modele.sqlite3"
    db = open_database(template)
    add_people(db, 300)
    db.dispose()
    outcomes = set()
    for index, delay in enumerate(_delays(NEW_KILLS, 6, 0.2, 1.6)):
        path = tmp_path / f"protect-{index}" / "base.sqlite3"
        path.parent.mkdir()
        shutil.copyfile(template, path)
        log = path.with_name("done.log")
        worker.kill_during(
            {"kind": "protect", "db": str(path), "passphrase": PASSPHRASE, "log": str(log)},
            delay,
        )
        if sqlcipher.is_plain_sqlite(path):
            assert _count(path, None) == 300
            assert not log.exists()
            outcomes.add("plain")
        else:
            key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
            assert _count(path, key) == 300
            assert crypto.sidecar_path(path).exists()
            outcomes.add("protected")
    assert outcomes == {"plain", "protected"}, outcomes


def test_kill_during_rekey_opens_with_the_old_or_the_new_passphrase(
    worker: Worker, tmp_path: Path
) -> None:
    from coachdesk.security import crypto, sqlcipher

    template = tmp_path / "modele.sqlite3"
    db = open_database(template)
    add_people(db, 300)
    db.dispose()
    sqlcipher.protect_database(template, PASSPHRASE, params=crypto.ScryptParams(n=2**10))
    outcomes = set()
    for index, delay in enumerate(_delays(NEW_KILLS, 7, 0.1, 1.2)):
        folder = tmp_path / f"rekey-{index}"
        folder.mkdir()
        path = folder / "base.sqlite3"
        shutil.copyfile(template, path)
        shutil.copyfile(crypto.sidecar_path(template), crypto.sidecar_path(path))
        log = folder / "done.log"
        worker.kill_during(
            {"kind": "rekey", "db": str(path), "passphrase": PASSPHRASE,
             "new_passphrase": NEW_PASSPHRASE, "log": str(log)},
            delay,
        )
        try:
            key = sqlcipher.unlock(path, passphrase=NEW_PASSPHRASE)
            outcomes.add("new")
        except Exception:
            assert not log.exists()
            key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
            outcomes.add("old")
        assert _count(path, key) == 300
    assert outcomes == {"old", "new"}, outcomes


def test_kill_during_restore_leaves_the_database_or_the_backup(
    worker: Worker, tmp_path: Path
) -> None:
    from coachdesk.services import backups

    template = tmp_path / "modele.sqlite3"
    db = open_database(template)
    add_people(db, 200)
    backup = tmp_path / "sauvegarde.sqlite3"
    backups.write_backup(db, backup)
    add_people(db, 100, last_name="Apres")
    db.dispose()
    outcomes = set()
    for index, delay in enumerate(_delays(NEW_KILLS, 8, 0.01, 0.15)):
        folder = tmp_path / f"restore-{index}"
        folder.mkdir()
        path = folder / "base.sqlite3"
        shutil.copyfile(template, path)
        log = folder / "done.log"
        worker.kill_during(
            {"kind": "restore", "db": str(path), "backup": str(backup), "log": str(log)}, delay
        )
        count = _count(path, None)
        assert count in (300, 200), count
        outcomes.add("backup" if count == 200 else "database")
        if count == 200:
            # What was replaced is kept aside, whole.
            (kept,) = folder.glob("base.avant-restauration-*.sqlite3")
            assert _count(kept, None) == 300
    assert outcomes == {"backup", "database"}, outcomes


def test_kill_during_erase_loses_no_commit(worker: Worker, tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    db = open_database(path)
    people = add_people(db, 120)
    db.dispose()
    log = tmp_path / "erased.log"
    erased: set[str] = set()
    for delay in _delays(NEW_KILLS, 9, 0.1, 1.2):
        remaining = [person for person in people if person not in erased]
        worker.kill_during(
            {"kind": "erase", "db": str(path), "people": remaining, "log": str(log)}, delay
        )
        _integrity(path)
        erased = set(log.read_text().split()) if log.exists() else set()
        connection = sqlite3.connect(path)
        left = {row[0] for row in connection.execute("SELECT id FROM participant")}
        connection.close()
        from coachdesk.models import canonical_id

        left = {canonical_id(value) for value in left}
        assert not (erased & left), "an erasure reported as done was undone"
        # Erasures are whole: a person is there with every record, or gone.
        erased = set(people) - left
    assert erased, "no erasure was ever committed"
