"""The window never recreates a protected database that went missing, and creates a new one
only on purpose (the first run on the coach's own database, or a file the coach agrees to)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk import paths
from coachdesk.app import install_translators, open_in_window
from coachdesk.security import crypto, sqlcipher
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.widgets import messages
from tests.security_support import FAST_SCRYPT, PASSPHRASE, make_plain_db


@pytest.fixture
def window(qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    messages.last_messages.clear()
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    for translator in translators:
        app.removeTranslator(translator)


def _protected_default(tmp_path: Path) -> Path:
    """The coach's own database, protected, in the data folder."""
    source = tmp_path / "source.sqlite3"
    make_plain_db(source)
    sqlcipher.protect_database(source, PASSPHRASE, params=FAST_SCRYPT)
    target = paths.default_db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(source, target)
    shutil.move(crypto.sidecar_path(source), crypto.sidecar_path(target))
    return target


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_missing_protected_database_is_refused_without_asking_a_passphrase(
    window: MainWindow, tmp_path: Path, how: str
) -> None:
    database = _protected_default(tmp_path)
    if how == "deleted":
        database.unlink()
    else:
        database.write_bytes(b"")
    before = sorted(p.name for p in database.parent.iterdir())
    open_in_window(window, None, demo=False)
    assert window.database is None
    shown = messages.last_messages[-1]
    assert shown.kind == "warning"
    assert "alors qu'elle est protégée" in shown.text
    assert "CoachDesk ne crée pas de base en clair à sa place." in shown.text
    assert window.statusBar().currentMessage() == "Aucune base de données ouverte."
    # No new plain database, no lock left behind, the keys file untouched.
    assert sorted(p.name for p in database.parent.iterdir()) == before
    if how == "emptied":
        assert database.read_bytes() == b""


def _answer(monkeypatch: pytest.MonkeyPatch, answers: dict[str, bool]) -> list[str]:
    """Answer the window's questions by their title; returns the titles asked, in order."""
    asked: list[str] = []

    def confirm(_parent: object, title: str, text: str) -> bool:
        asked.append(title)
        messages.last_messages.append(messages.Shown("question", title, text))
        return answers[title]

    monkeypatch.setattr(messages, "confirm", confirm)
    return asked


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_first_run_creates_the_coachs_database_private(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer(monkeypatch, {"Protéger la base": False})
    database = paths.default_db_path()
    assert not database.exists()
    open_in_window(window, None, demo=False)
    assert window.database is not None and window.database.path == database.absolute()
    assert database.stat().st_mode & 0o777 == 0o600
    assert database.parent.stat().st_mode & 0o777 == 0o700
    # A database just created is offered a passphrase once; declined, the window says so.
    qtbot.waitUntil(lambda: asked == ["Protéger la base"])
    assert window.database_key is None and window.protection_status.isVisible()


def test_a_missing_file_named_on_the_command_line_is_created_only_if_the_coach_agrees(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    chosen = tmp_path / "nouvelle.sqlite3"
    asked = _answer(monkeypatch, {"Nouvelle base": False})
    open_in_window(window, chosen, demo=False)
    assert [shown.text for shown in messages.last_messages if shown.kind == "question"] == [
        f"La base « {chosen.absolute()} » n'existe pas. Créer à cet endroit une nouvelle base, "
        "vide ?"
    ]
    assert not chosen.exists() and window.database is None
    assert messages.last_messages[-1].text == "La base n'a pas été ouverte."
    asked = _answer(monkeypatch, {"Nouvelle base": True, "Protéger la base": False})
    open_in_window(window, chosen, demo=False)
    assert chosen.exists() and window.database is not None
    # Created on purpose, so offered a passphrase like the first run's database.
    qtbot.waitUntil(lambda: asked == ["Nouvelle base", "Protéger la base"])
    assert window.database_key is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_settings_file_is_private(home: Path) -> None:
    from coachdesk.ui.widgets.settings import settings

    previous = os.umask(0)
    try:
        store = settings()
        store.setValue("main_window/essai", 1)
        store.sync()
    finally:
        os.umask(previous)
    written = paths.config_dir() / "coachdesk.ini"
    assert "essai" in written.read_text()
    assert written.stat().st_mode & 0o777 == 0o600
    written.chmod(0o644)  # as an older version left it
    settings().sync()
    assert written.stat().st_mode & 0o777 == 0o600
