"""Files CoachDesk writes about people are 0600, its folders 0700, whatever the umask; files
and folders left 0644/0755 by older versions are tightened when opened."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk import logs, paths
from coachdesk.db import open_database
from coachdesk.db_copy import backup_sqlite
from coachdesk.security import crypto
from tests.security_support import FAST_KDF_PATH, PASSPHRASE, add_people, make_plain_db

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The loosest umask: every mode below is CoachDesk's own doing."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_folders_are_private(home: Path, open_umask: None) -> None:
    folders = [paths.data_dir(), paths.config_dir(), paths.cache_dir(), paths.log_dir(),
               paths.backup_dir()]
    assert [mode(f) for f in [home, *folders]] == [0o700] * 6


def test_database_wal_and_backup_are_private_from_creation(home: Path, open_umask: None) -> None:
    database = paths.data_dir() / "coachdesk.sqlite3"
    db = open_database(database, create=True)
    try:
        add_people(db, 2)
        assert mode(database) == 0o600
        assert mode(database.with_name(database.name + "-wal")) == 0o600
        assert mode(database.with_name(database.name + "-shm")) == 0o600
        copy = paths.backup_dir() / "copie.sqlite3"
        backup_sqlite(database, copy)
        assert mode(copy) == 0o600
    finally:
        db.dispose()
    # A database in a folder CoachDesk makes for it: the folder is private too.
    nested = home / "ailleurs" / "bases" / "nouvelle.sqlite3"
    open_database(nested, create=True).dispose()
    assert (mode(nested), mode(nested.parent), mode(nested.parent.parent)) == (0o600, 0o700,
                                                                                0o700)


def test_files_of_older_versions_are_tightened_when_opened(home: Path, tmp_path: Path) -> None:
    database = tmp_path / "ancienne.sqlite3"
    make_plain_db(database)
    keys = crypto.sidecar_path(database)
    keys.write_text("{}")
    for path in (database, keys):
        path.chmod(0o644)
    paths.data_dir().chmod(0o755)
    open_database(database, create=False).dispose()
    assert (mode(database), mode(keys)) == (0o600, 0o600)
    assert mode(paths.data_dir()) == 0o700


@pytest.mark.logs_warning  # the crash report is logged as an error too
def test_log_and_crash_report_are_private(home: Path, open_umask: None) -> None:
    root = logging.getLogger("coachdesk")
    saved = list(root.handlers)
    try:
        log_file = logs.setup_logging()
        logging.getLogger("coachdesk.test").info("une ligne")
        report = logs.write_crash_report(RuntimeError, RuntimeError("panne"), None)
    finally:
        for handler in root.handlers:
            if handler not in saved:
                handler.close()
                root.removeHandler(handler)
    assert report is not None
    assert (mode(log_file), mode(report)) == (0o600, 0o600)


def test_the_lock_file_is_private(tmp_path: Path, open_umask: None) -> None:
    from coachdesk.database_lock import DatabaseLock

    lock = DatabaseLock(tmp_path / "base.sqlite3")
    lock.acquire()
    try:
        assert mode(lock.path) == 0o600
    finally:
        lock.release()


def _cli(db: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("COACHDESK_")}
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(db), *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120, cwd=ROOT,
        env={**base, "COACHDESK_HOME": str(home),
             "PYTHONPATH": os.pathsep.join([FAST_KDF_PATH, str(ROOT)]),
             "COACHDESK_NEW_PASSPHRASE": PASSPHRASE, "COACHDESK_PASSPHRASE": PASSPHRASE},
        preexec_fn=lambda: os.umask(0),
    )


def test_command_line_writes_private_files_under_any_umask(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = tmp_path / "base.sqlite3"
    assert _cli(db, "demo", home=home).returncode == 0
    assert mode(db) == 0o600
    plain_copy = tmp_path / "copie.sqlite3"
    assert _cli(db, "backup", "--out", str(plain_copy), home=home).returncode == 0
    assert mode(plain_copy) == 0o600
    protected = _cli(db, "protect", home=home)
    assert protected.returncode == 0, protected.stderr
    assert (mode(db), mode(crypto.sidecar_path(db))) == (0o600, 0o600)
    encrypted_copy = tmp_path / "chiffree.sqlite3"
    saved = _cli(db, "backup", "--out", str(encrypted_copy), home=home)
    assert saved.returncode == 0, saved.stderr
    assert (mode(encrypted_copy), mode(crypto.sidecar_path(encrypted_copy))) == (0o600, 0o600)
    out = tmp_path / "hebdo.xlsx"
    exported = _cli(db, "export", "weekly", "--week", "2010-W25", "--out", str(out),
                    "--no-password", home=home)
    assert exported.returncode == 0, exported.stderr
    assert mode(out) == 0o600
    remembered = home / "config" / "bases-protegees.json"
    assert mode(remembered) == 0o600 and mode(remembered.parent) == 0o700
    # Nothing group- or world-readable anywhere in CoachDesk's home.
    loose = [str(p) for p in [home, *home.rglob("*")] if p.stat().st_mode & 0o077]
    assert loose == []
