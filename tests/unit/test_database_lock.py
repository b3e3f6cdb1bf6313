"""The database lock without Qt: one lock per database file, whatever the name it is given."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.database_lock import DatabaseLock, lock_path
from coachdesk.errors import UserError

ROOT = Path(__file__).resolve().parents[2]
NOBODY = "00000000-0000-0000-0000-000000000000"


def test_a_second_lock_on_the_same_file_is_refused_until_the_first_is_released(
    tmp_path: Path,
) -> None:
    database = tmp_path / "base.sqlite3"
    first = DatabaseLock(database)
    first.acquire()
    assert first.held and lock_path(database).exists()
    with pytest.raises(UserError) as refused:
        DatabaseLock(database).acquire()
    assert refused.value.message == (
        f"La base « base.sqlite3 » est déjà ouverte dans un autre CoachDesk "
        f"(processus {os.getpid()} sur cet ordinateur)."
    )
    first.release()
    assert not lock_path(database).exists()
    with DatabaseLock(database) as second:
        assert second.held


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_a_symlink_or_a_relative_path_cannot_give_a_second_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "données" / "base.sqlite3"
    real.parent.mkdir()
    real.write_bytes(b"")
    elsewhere = tmp_path / "raccourcis"
    elsewhere.mkdir()
    (elsewhere / "ma base.sqlite3").symlink_to(real)
    assert lock_path(elsewhere / "ma base.sqlite3") == lock_path(real) == real.with_name(
        "base.sqlite3.lock"
    )
    with DatabaseLock(real):
        with pytest.raises(UserError, match="déjà ouverte"):
            DatabaseLock(elsewhere / "ma base.sqlite3").acquire()
        monkeypatch.chdir(real.parent)
        with pytest.raises(UserError, match="déjà ouverte"):
            DatabaseLock(Path("base.sqlite3")).acquire()
        monkeypatch.chdir(elsewhere)
        with pytest.raises(UserError, match="déjà ouverte"):
            DatabaseLock(Path("../données/./base.sqlite3")).acquire()
    assert not (elsewhere / "ma base.sqlite3.lock").exists()


def test_a_lock_left_by_another_computer_is_not_taken_over(tmp_path: Path) -> None:
    database = tmp_path / "partagée.sqlite3"
    lock_path(database).write_text("4321\nCoachDesk\nposte-du-secrétariat\n")
    with pytest.raises(UserError) as refused:
        DatabaseLock(database).acquire()
    assert "processus 4321 sur l'ordinateur « poste-du-secrétariat »" in refused.value.message
    assert "supprimez le fichier « partagée.sqlite3.lock »" in (refused.value.hint or "")
    # Left by this computer (a CoachDesk that crashed): taken over.
    lock_path(database).write_text(f"4321\nCoachDesk\n{socket.gethostname()}\n")
    with DatabaseLock(database):
        held_by = lock_path(database).read_text().splitlines()
        assert held_by == [str(os.getpid()), "CoachDesk", socket.gethostname()]


def test_a_writing_command_takes_the_lock_without_loading_qt(demo_path: Path) -> None:
    database = demo_path
    code = (
        "import json, sys\n"
        "from coachdesk.cli import main\n"
        "from coachdesk import database_lock\n"
        "taken = []\n"
        "acquire = database_lock.DatabaseLock.acquire\n"
        "def spy(self):\n"
        "    taken.append(str(self.path))\n"
        "    acquire(self)\n"
        "database_lock.DatabaseLock.acquire = spy\n"
        f"status = main(['--db', {str(database)!r}, 'gdpr', 'erase', {NOBODY!r}, '--confirm'])\n"
        "print(json.dumps([status, taken, sorted(m for m in sys.modules if 'PySide6' in m)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    status, taken, qt_modules = json.loads(result.stdout.splitlines()[-1])
    assert status == 1 and "Aucune personne" in result.stderr
    assert taken == [str(lock_path(database))]
    assert qt_modules == []
    assert not lock_path(database).exists()
