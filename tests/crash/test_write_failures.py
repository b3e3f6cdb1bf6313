"""Write failures: a really full disk, and a file-size limit that makes every write past it fail.

The full disk is a small tmpfs mounted for the test and filled up (root, as in CI; without root
the tests say why they skip, and fail when ``CI`` is set, see ``tests/mounts.py``). The write
errors come from ``RLIMIT_FSIZE`` with SIGXFSZ ignored: the system then refuses to grow a file
past the limit (``EFBIG``), which SQLite reports as a disk I/O error.

Each time, during an import, an export, a backup, an erasure and a protection, run as a coach
runs them (the command line, in its own process), afterwards:

* the coach read a French sentence (exit code 1, no traceback, no "Erreur inattendue");
* the database passes ``PRAGMA integrity_check`` and holds exactly what was committed before;
* no partial file is left (no ``.partiel``, no half copy, no encrypted copy in the making);
* a protection that failed leaves the untouched plain original, without a keys file.
"""

from __future__ import annotations

import csv
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from coachdesk.db import open_database
from coachdesk.security import crypto, sqlcipher
from tests import canary, mounts
from tests.security_support import (
    FAST_KDF_PATH,
    FAST_SCRYPT,
    INFORMED_ON,
    PASSPHRASE,
    add_people,
    make_plain_db,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="tmpfs and RLIMIT_FSIZE are POSIX")

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 2000
COHORT = f"Promotion Quatremarelle {PEOPLE}"
FULL_DISK = "Le disque est plein"
WRITE_ERROR = "Erreur d'écriture sur le disque"


def coachdesk(
    db: Path, *args: str, home: Path, file_size_limit: int | None = None
) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if file_size_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    base = {k: v for k, v in os.environ.items() if not k.startswith("COACHDESK_")}
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300, cwd=ROOT,
        preexec_fn=limit,
        env={**base, "COACHDESK_HOME": str(home),
             "PYTHONPATH": os.pathsep.join([FAST_KDF_PATH, str(ROOT)]),
             "PYTHONDONTWRITEBYTECODE": "1", "COACHDESK_PASSPHRASE": PASSPHRASE,
             "COACHDESK_NEW_PASSPHRASE": PASSPHRASE},
    )


def assert_french(result: subprocess.CompletedProcess[str], said: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("Erreur : "), result.stderr
    assert said in result.stderr, result.stderr
    assert "Rien n'a été enregistré à moitié" in result.stderr, result.stderr
    for word in ("Traceback", "inattendue", "Errno", "(sqlite3", "Error:", "sqlalche.me"):
        assert word not in result.stderr, result.stderr


def counts(db: Path, key: bytes | None = None) -> dict[str, int]:
    """Every table's row count, after ``PRAGMA integrity_check`` (raises when damaged)."""
    if key is not None:
        return sqlcipher.verify(db, key)
    with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return sqlcipher.verify(db, None)


def leftovers(folder: Path, *expected: Path) -> list[str]:
    """Files in ``folder`` that are neither expected nor the database's own journal."""
    allowed = {p.name for p in expected}
    allowed |= {n + s for n in list(allowed) for s in ("-wal", "-shm", crypto.SIDECAR_SUFFIX)}
    return sorted(p.name for p in folder.iterdir() if p.name not in allowed)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain database of 2,000 people (about 2 MB)."""
    path = tmp_path_factory.mktemp("modele") / "base.sqlite3"
    make_plain_db(path, count=PEOPLE, consent_on=INFORMED_ON)
    return path


@pytest.fixture(scope="module")
def contacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A contact file of 3,000 rows, the canary among them."""
    path = tmp_path_factory.mktemp("contacts") / "contacts.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Nom", "Prénom", "Téléphone", "Courriel"])
        writer.writerow([canary.LAST_NAME, canary.FIRST_NAME, canary.PHONE, canary.EMAIL])
        for row in range(3000):
            writer.writerow([f"Durand{row}", "Élodie", f"06 12 {row % 100:02d} 34 56",
                             f"elodie{row}@fichier.example.org"])
    return path


@pytest.fixture(scope="module")
def canary_contacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20,000 rows of the canary (one e-mail each, so none is a duplicate): more than SQLite's
    page cache holds, so the disk fills while rows are being inserted, not only at commit."""
    path = tmp_path_factory.mktemp("canari") / "canari.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Nom", "Prénom", "Téléphone", "Courriel"])
        for row in range(20_000):
            writer.writerow([canary.LAST_NAME, canary.FIRST_NAME, canary.PHONE,
                             f"zoe{row}.canariwski@example.org"])
    return path


def _copy(template: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    return target


def _person(db: Path) -> str:
    with closing(sqlite3.connect(db)) as connection:
        return str(connection.execute("SELECT id FROM participant LIMIT 1").fetchone()[0])


# A really full disk ------------------------------------------------------------------------------
def test_full_disk_during_import_into_a_protected_database(
    tmp_path: Path, template: Path, contacts: Path
) -> None:
    home = tmp_path / "home"
    # Room for the database and its encrypted copy while it is protected; filled just after.
    with mounts.small_disk(tmp_path / "disque", 8192) as disk:
        db = _copy(template, disk / "base.sqlite3")
        sqlcipher.protect_database(db, PASSPHRASE, params=FAST_SCRYPT)
        key = sqlcipher.unlock(db, passphrase=PASSPHRASE)
        before = counts(db, key)
        filler = mounts.fill(disk, leave_kb=64)
        result = coachdesk(db, "import", "contacts", str(contacts), home=home)
        filler.unlink()
        assert_french(result, FULL_DISK)
        assert counts(db, key) == before  # all or nothing: nothing
        assert leftovers(disk, db) == []


@pytest.mark.parametrize("kind", ["export", "backup"])
def test_full_disk_where_an_export_or_a_backup_is_written(
    tmp_path: Path, template: Path, kind: str
) -> None:
    home = tmp_path / "home"
    db = _copy(template, tmp_path / "donnees" / "base.sqlite3")
    before = counts(db)
    with mounts.small_disk(tmp_path / "cle", 1024) as disk:
        filler = mounts.fill(disk, leave_kb=24)
        out = disk / ("hebdo.xlsx" if kind == "export" else "copie.sqlite3")
        args = (["export", "weekly", "--week", "2010-W06", "--cohort", COHORT, "--out", str(out)]
                if kind == "export" else ["backup", "--out", str(out)])
        result = coachdesk(db, *args, home=home)
        assert_french(result, FULL_DISK)
        assert f"« {out} »" in result.stderr  # the file that could not be written is named
        assert leftovers(disk, filler) == []
    assert counts(db) == before


# Free space left: enough to open the database (its shared-memory index takes 32 KB), too
# little for the work.
@pytest.mark.parametrize(("kind", "free_kb"), [("erase", 40), ("protect", 48)])
def test_full_disk_under_the_database_during_erase_or_protect(
    tmp_path: Path, template: Path, kind: str, free_kb: int
) -> None:
    home = tmp_path / "home"
    with mounts.small_disk(tmp_path / "disque", 4096) as disk:
        db = _copy(template, disk / "base.sqlite3")
        person = _person(db)
        before = counts(db)
        filler = mounts.fill(disk, leave_kb=free_kb)
        args = ["gdpr", "erase", person, "--confirm"] if kind == "erase" else ["protect"]
        result = coachdesk(db, *args, home=home)
        filler.unlink()
        assert_french(result, FULL_DISK)
        assert counts(db) == before  # the person is still whole; the original still plain
        assert sqlcipher.is_plain_sqlite(db)
        assert leftovers(disk, db) == [] and not crypto.sidecar_path(db).exists()


# Write errors (RLIMIT_FSIZE) ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "limit"),
    [("import", 100_000), ("export", 60_000), ("backup", 200_000), ("erase", 36_000),
     ("protect", 150_000)],
)
def test_write_error_leaves_the_database_whole_and_no_partial_file(
    tmp_path: Path, template: Path, contacts: Path, kind: str, limit: int
) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "donnees"
    db = _copy(template, folder / "base.sqlite3")
    # Something committed just before, which must survive.
    opened = open_database(db, create=False)
    add_people(opened, 1, last_name="Dernier")
    opened.dispose()
    before = counts(db)
    out = folder / ("hebdo.xlsx" if kind == "export" else "copie.sqlite3")
    args = {
        "import": ["import", "contacts", str(contacts)],
        "export": ["export", "weekly", "--week", "2010-W06", "--cohort", COHORT, "--out",
                   str(out)],
        "backup": ["backup", "--out", str(out)],
        "erase": ["gdpr", "erase", _person(db), "--confirm"],
        "protect": ["protect"],
    }[kind]
    result = coachdesk(db, *args, home=home, file_size_limit=limit)
    assert_french(result, WRITE_ERROR)
    assert counts(db) == before
    assert sqlcipher.is_plain_sqlite(db) and not crypto.sidecar_path(db).exists()
    assert leftovers(folder, db) == []
    # Once the limit is gone, the same work succeeds on the same database.
    again = coachdesk(db, *args, home=home)
    assert again.returncode == 0, again.stderr


# Canary ------------------------------------------------------------------------------------------
def test_canary_nothing_in_clear_after_a_failed_write_into_a_protected_database(
    tmp_path: Path, template: Path, canary_contacts: Path
) -> None:
    """The coach's protected database fills its disk during an import of the canary: nowhere
    in CoachDesk's home, outside the encrypted files, is there a trace of her."""
    home = tmp_path / "home"
    paths_data = home / "data"
    # Room for the database and its encrypted copy while it is protected; filled just after.
    with mounts.small_disk(paths_data, 8192) as data:
        db = _copy(template, data / "coachdesk.sqlite3")
        sqlcipher.protect_database(db, PASSPHRASE, params=FAST_SCRYPT)
        filler = mounts.fill(data, leave_kb=64)
        result = coachdesk(db, "import", "contacts", str(canary_contacts), home=home)
        filler.unlink()
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert canary.LAST_NAME not in result.stderr
        found = canary.leaks(home, except_files=canary.encrypted_files([db]))
        assert found == {}, found
