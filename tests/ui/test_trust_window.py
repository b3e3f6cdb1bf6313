"""The window and the trust issue: restoring from the menu, saying the database is not
protected, closing whatever fails, and canary names that never land in clear on disk."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from coachdesk import paths
from coachdesk.app import install_translators
from coachdesk.database_lock import DatabaseLock, lock_path
from coachdesk.db import open_database
from coachdesk.models import Participant
from coachdesk.security import crypto, sqlcipher
from coachdesk.services import backups, protection
from coachdesk.ui.app_window import passphrase_dialog
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.app_window.restore_dialog import RestoreDialog
from coachdesk.ui.widgets import messages
from tests.security_support import FAST_SCRYPT, PASSPHRASE, add_people, make_plain_db

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CANARY_NAME = b"Canarisette"
CANARY_PHONE = b"06 11 22 33 44"


@pytest.fixture(autouse=True)
def french(monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", FAST_SCRYPT)
    monkeypatch.setattr(messages, "quiet", True)
    messages.last_messages.clear()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    yield app
    for translator in translators:
        app.removeTranslator(translator)


def _canary(path: Path) -> None:
    database = open_database(path)
    (person,) = add_people(database, 1, last_name="Temporaire")
    with database.write() as session:
        row = session.get(Participant, person)
        row.last_name, row.phone = CANARY_NAME.decode(), CANARY_PHONE.decode()
    database.dispose()


def _window(qtbot: QtBot, path: Path, key: bytes | None = None, **options: object) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    lock = DatabaseLock(path)
    lock.acquire()
    window.attach_database(open_database(path, create=False, key=key), key, lock, **options)
    return window


def _leaks(root: Path) -> list[str]:
    """Files under ``root`` holding the canary name or phone, except encrypted databases."""
    found = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        encrypted = (
            not data.startswith(b"SQLite format 3\x00") and crypto.sidecar_path(path).exists()
        )
        if encrypted:
            continue
        if CANARY_NAME in data or CANARY_PHONE in data:
            found.append(str(path.relative_to(root)))
    return found


# Restore from the window ---------------------------------------------------------------
def test_restore_from_the_menu_reloads_the_window(qtbot: QtBot, home: Path) -> None:
    path = paths.data_dir() / "suivi.sqlite3"
    make_plain_db(path, count=3)
    window = _window(qtbot, path)
    assert window.restore_action.isEnabled()
    made = backups.backup_now(window.database, now=datetime(2026, 3, 30, 9, 0))[0]
    add_people(window.database, 2, last_name="Ajout")
    window._cohort_changed()
    dialog = RestoreDialog(path, window.database_identity, [], window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "30/03/2026 09:00" in dialog.list.item(0).text()
    dialog.accept()
    assert dialog.chosen == made
    assert window.database_actions.restore_backup(made)
    qtbot.waitUntil(lambda: window.cohort_tab.model.rowCount() == 3)
    assert "Base restaurée" in messages.last_messages[-1].text
    assert "avant-restauration" in messages.last_messages[-1].text
    window.close()
    assert not lock_path(path).exists()


def test_restore_from_the_window_keeps_a_protected_database_protected(
    qtbot: QtBot, home: Path
) -> None:
    path = paths.data_dir() / "suivi.sqlite3"
    make_plain_db(path, count=2)
    plain = paths.data_dir() / "ancienne.sqlite3"
    database = open_database(path, create=False)
    backups.write_backup(database, plain)
    database.dispose()
    result = protection.protect(path, PASSPHRASE)
    keys = crypto.sidecar_path(path).read_bytes()
    window = _window(qtbot, path, result.key)
    assert window.database_actions.restore_backup(plain)
    assert window.database_key == result.key
    assert crypto.sidecar_path(path).read_bytes() == keys
    assert not sqlcipher.is_plain_sqlite(path)
    qtbot.waitUntil(lambda: window.cohort_tab.model.rowCount() == 2)
    window.close()


# First run and the status bar ------------------------------------------------------------------
def test_first_run_proposes_protection_then_says_it_is_not_protected(
    qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def decline(_parent: object, name: str) -> None:
        asked.append(name)
        return None

    monkeypatch.setattr(passphrase_dialog, "ask_protection", decline)
    path = paths.data_dir() / "coachdesk.sqlite3"
    open_database(path).dispose()  # what the first run creates
    window = _window(qtbot, path, first_run=True)
    qtbot.waitUntil(lambda: asked == ["coachdesk.sqlite3"])
    assert messages.last_messages[-1].kind == "question"
    label = window.protection_status
    assert label.isVisible() and label.text() == "Base non protégée par une phrase de passe"
    monkeypatch.setattr(passphrase_dialog, "ask_protection", lambda *_: PASSPHRASE)
    monkeypatch.setattr(passphrase_dialog, "show_recovery_key", lambda *_: None)
    window.protect_action.trigger()
    assert window.database_key is not None and not label.isVisible()
    window.close()


def test_the_demo_is_not_said_unprotected(qtbot: QtBot, home: Path, demo_path: Path) -> None:
    window = _window(qtbot, demo_path)
    assert not window.protection_status.isVisible()
    window.close()


# Closing ------------------------------------------------------------------------------------------
@pytest.mark.logs_warning
def test_closing_disposes_and_unlocks_whatever_fails(
    qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = paths.data_dir() / "suivi.sqlite3"
    make_plain_db(path, count=2)
    window = _window(qtbot, path)
    disposed: list[bool] = []
    database = window.database
    assert database is not None
    real_dispose = database.dispose

    def dispose() -> None:
        disposed.append(True)
        real_dispose()

    def broken_backup() -> str:
        raise OperationalError("PRAGMA", {}, Exception("disk I/O error"))

    monkeypatch.setattr(database, "dispose", dispose)
    monkeypatch.setattr(window.auto_backup, "on_close", broken_backup)
    window.close()  # pytest-qt fails the test if anything escapes closeEvent
    assert disposed == [True]
    assert not lock_path(path).exists()
    assert not [p for p in home.rglob("*.partiel*")]


def test_closing_says_it_makes_the_last_backup_while_it_writes_it(
    qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = home / "coachdesk.sqlite3"
    make_plain_db(path, 2)
    window = _window(qtbot, path)
    database = window.database
    assert database is not None
    seen: list[tuple[str, bool]] = []
    real_backup_now = backups.backup_now

    def backup_now(*args: object, **kwargs: object) -> list[Path]:
        # What the coach sees while the copy is written.
        busy = QApplication.overrideCursor() is not None
        seen.append((window.statusBar().currentMessage(), busy))
        return real_backup_now(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backups, "backup_now", backup_now)
    add_people(database, 1, last_name="Dernier")
    window.close()
    assert seen == [("Dernière sauvegarde avant la fermeture…", True)]
    assert QApplication.overrideCursor() is None
    assert len(backups.list_backups(backups.backup_folder(backups.identity_of(database)))) == 1

    # No backup due (nothing written since the last one): the window closes without a word.
    window = _window(qtbot, path)
    monkeypatch.setattr(backups, "last_change", lambda _path: datetime(2000, 1, 1))
    window.close()
    assert len(seen) == 1
    assert window.statusBar().currentMessage() != "Dernière sauvegarde avant la fermeture…"


@pytest.mark.logs_warning
def test_a_damaged_database_is_reported_once_and_not_backed_up(
    qtbot: QtBot, home: Path
) -> None:
    from tests.damage_support import damage_data_pages

    path = paths.data_dir() / "suivi.sqlite3"
    make_plain_db(path, count=400)
    window = _window(qtbot, path)
    # The file is damaged while the window has it open (the tabs' own reading would fail on
    # the damaged pages too; this is about the backups).
    window.detach_database()
    damage_data_pages(path)
    damaged = open_database(path, create=False)
    window.database = damaged
    window.auto_backup.set_database(damaged)
    window.database_actions.backup_now()
    window.database_actions.backup_now()
    warnings = [m for m in messages.last_messages if m.kind == "warning"]
    assert len(warnings) == 1 and "endommagée" in warnings[0].text
    assert "endommagée" in window.statusBar().currentMessage()
    folder = backups.backup_folder(window.database_identity)
    assert list(folder.iterdir()) == []
    window.close()


# Canaries -----------------------------------------------------------------------------------------
def test_canary_protected_window_session_with_automatic_backups(
    qtbot: QtBot, home: Path
) -> None:
    path = paths.default_db_path()
    _canary(path)
    result = protection.protect(path, PASSPHRASE)
    window = _window(qtbot, path, result.key)
    qtbot.waitUntil(lambda: window.cohort_tab.model.rowCount() == 1)
    window.database_actions.backup_now()
    add_people(window.database, 1, last_name="Encore")
    window.lock()
    window.locker.unlock()
    window.close()
    assert list(paths.backup_dir().rglob("coachdesk-*.sqlite3"))
    assert _leaks(home) == []


def test_canary_backups_made_before_protect(qtbot: QtBot, home: Path) -> None:
    path = paths.default_db_path()
    _canary(path)
    window = _window(qtbot, path)
    window.database_actions.backup_now()
    window.close()
    assert _leaks(home)  # the plain backups hold the canary until the database is protected
    window = _window(qtbot, path)
    window.protect_action.setEnabled(True)
    from unittest import mock

    with mock.patch.object(passphrase_dialog, "ask_protection", lambda *_: PASSPHRASE), \
            mock.patch.object(passphrase_dialog, "show_recovery_key", lambda *_: None):
        window.protect_action.trigger()
    assert window.database_key is not None
    window.close()
    assert _leaks(home) == []


def test_canary_demo_beside_the_coach(qtbot: QtBot, home: Path, demo_template: Path) -> None:
    from coachdesk import __version__
    from coachdesk.db import HEAD_REVISION
    from coachdesk.services.demo_sessions import fresh_demo_copy

    # The demo as ``fresh_demo_copy`` builds it once per version into the cache, already there.
    cached = paths.cache_dir() / f"demo-{__version__}-{HEAD_REVISION}.sqlite3"
    shutil.copyfile(demo_template, cached)
    cached.chmod(0o600)
    coach = paths.default_db_path()
    _canary(coach)
    result = protection.protect(coach, PASSPHRASE)
    window = _window(qtbot, coach, result.key)
    window.database_actions.backup_now()
    window.close()
    coach_files = {p: p.read_bytes() for p in paths.backup_dir().rglob("*") if p.is_file()}
    demo = fresh_demo_copy()
    window = _window(qtbot, demo)
    window.database_actions.backup_now()
    window.close()
    assert {p: p.read_bytes() for p in paths.backup_dir().rglob("*") if p.is_file()} == (
        coach_files
    )
    assert list(paths.cache_dir().rglob("coachdesk-*.sqlite3"))
    assert _leaks(home) == []
