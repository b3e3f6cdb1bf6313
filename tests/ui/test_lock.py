"""One database, one CoachDesk (two processes), and the window locked when left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.database_lock import DatabaseLock, lock_path
from coachdesk.db import open_database
from coachdesk.errors import UserError
from coachdesk.security import sqlcipher
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.widgets import messages
from tests.security_support import FAST_SCRYPT, PASSPHRASE, SECRET_LAST_NAME, make_plain_db

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys, time
    from coachdesk.database_lock import DatabaseLock
    lock = DatabaseLock(sys.argv[1])
    lock.acquire()
    print("held", flush=True)
    time.sleep(60)
    """
)

# How the list writes the person's name (NOM Prénom): what must hide while locked.
SHOWN_NAME = SECRET_LAST_NAME.upper()


def _holder(database: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def _cli(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(database), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_second_coachdesk_refused_and_stale_lock_recovered(demo_path: Path) -> None:
    holder = _holder(demo_path)
    try:
        before = demo_path.read_bytes()
        # A writing command beside the holder: refused in French, nothing written.
        result = _cli(demo_path, "gdpr", "erase", "00000000-0000-0000-0000-000000000000",
                      "--confirm")
        assert result.returncode == 1
        assert "déjà ouverte dans un autre CoachDesk" in result.stderr
        assert f"processus {holder.pid}" in result.stderr
        assert "Traceback" not in result.stderr
        assert demo_path.read_bytes() == before
        # In this process too (the window's path): the lock is refused.
        with pytest.raises(UserError, match="déjà ouverte"):
            DatabaseLock(demo_path).acquire()
        # A read-only command may run beside it.
        report = _cli(demo_path, "report", "funnel")
        assert report.returncode == 0, report.stderr
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    # The holder crashed and left its lock file: the next CoachDesk takes over.
    assert lock_path(demo_path).exists()
    result = _cli(demo_path, "gdpr", "erase", "00000000-0000-0000-0000-000000000000", "--confirm")
    assert "déjà ouverte" not in result.stderr
    assert "Aucune personne" in result.stderr
    lock = DatabaseLock(demo_path)
    lock.acquire()
    assert lock.held
    lock.release()
    assert not lock_path(demo_path).exists()


@pytest.fixture
def translated() -> object:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    yield app
    for translator in translators:
        app.removeTranslator(translator)


@pytest.fixture
def quiet_messages(monkeypatch: pytest.MonkeyPatch) -> list[messages.Shown]:
    monkeypatch.setattr(messages, "quiet", True)
    messages.last_messages.clear()
    return messages.last_messages


def _window(qtbot: QtBot, path: Path, key: bytes | None = None) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    lock = DatabaseLock(path)
    lock.acquire()
    window.attach_database(open_database(path, create=False, key=key), key, lock)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _shown_text(window: MainWindow) -> str:
    """Every cell of every list and the title: what someone walking by could read."""
    parts = [window.windowTitle()]
    for tab in window.built_tabs():
        for view in {*tab.views, *tab.findChildren(QAbstractItemView)}:
            model = view.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    parts.append(str(model.index(row, column).data()))
        parts.append(tab.count_label.text())
    return "\n".join(parts)


def test_ctrl_l_locks_a_protected_database_until_the_passphrase(
    qtbot: QtBot, tmp_path: Path, home: Path, translated: object, quiet_messages: list
) -> None:
    path = tmp_path / "suivi.sqlite3"
    make_plain_db(path)
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
    window = _window(qtbot, path, key)
    qtbot.waitUntil(lambda: window.cohort_tab.model.rowCount() == 3)
    assert SHOWN_NAME in _shown_text(window)
    shown_person = window.cohort_tab.model.row_at(0).id
    assert window.cohort_tab.model.whole_row_by_id(shown_person) is not None

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    overlay = window.locker.overlay
    assert overlay is not None and overlay.isVisible()
    # Nobody's row is kept behind the lock, not even those the list had read to show.
    assert window.cohort_tab.model.whole_row_by_id(shown_person) is None
    assert overlay.geometry() == window.centralWidget().geometry()
    assert SHOWN_NAME not in _shown_text(window)
    assert "suivi" not in window.windowTitle()
    assert window.windowTitle() == "CoachDesk — verrouillé"
    assert not window.tabs.isEnabled()
    assert not any(action.isEnabled() for action in window.data_actions)
    assert overlay.explanation.text().startswith("Saisissez la phrase de passe")

    overlay.secret.setText("pas la bonne phrase du tout")
    qtbot.mouseClick(overlay.button, Qt.MouseButton.LeftButton)
    assert window.locker.locked
    assert "Phrase de passe incorrecte" in overlay.error.text()
    assert SHOWN_NAME not in _shown_text(window)

    overlay.secret.setText(PASSPHRASE)
    qtbot.mouseClick(overlay.button, Qt.MouseButton.LeftButton)
    assert not window.locker.locked
    qtbot.waitUntil(lambda: window.cohort_tab.model.rowCount() == 3)
    assert window.windowTitle() == "CoachDesk — suivi.sqlite3"
    assert window.tabs.isEnabled()
    window.close()


def test_idle_time_locks_a_plain_database_with_a_simple_confirmation(
    qtbot: QtBot, tmp_path: Path, home: Path, translated: object, quiet_messages: list
) -> None:
    path = tmp_path / "clair.sqlite3"
    make_plain_db(path)
    window = _window(qtbot, path)
    assert window.idle.minutes == 10  # the default
    window.set_idle_minutes(5)
    assert window.idle.minutes == 5
    window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.locker.locked, timeout=3000)
    overlay = window.locker.overlay
    assert not overlay.secret.isVisible()
    assert "n'a pas de phrase de passe" in overlay.explanation.text()
    assert overlay.button.text() == "Déverrouiller"
    assert SHOWN_NAME not in _shown_text(window)
    path_png = tmp_path / "verrou.png"
    window.grab().save(str(path_png))
    qtbot.mouseClick(overlay.button, Qt.MouseButton.LeftButton)
    assert not window.locker.locked
    qtbot.waitUntil(lambda: SHOWN_NAME in _shown_text(window))
    window.close()
    # Closing releases the lock and makes the last backup.
    assert not lock_path(path).exists()
    assert list((home / "data" / "sauvegardes").glob("*/coachdesk-*.sqlite3"))


# The offscreen platform cannot pass a shown dialog's size hints to a window manager.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_lock_closes_dialogs_that_show_people(
    qtbot: QtBot, tmp_path: Path, home: Path, translated: object, quiet_messages: list
) -> None:
    from coachdesk.ui.app_window.gdpr_dialogs import MissingConsentDialog

    path = tmp_path / "clair.sqlite3"
    make_plain_db(path)
    window = _window(qtbot, path)
    dialog = MissingConsentDialog(window.database, window)
    dialog.show()
    assert dialog.model.rowCount() == 3
    window.lock()
    assert not dialog.isVisible()
    window.close()


def test_lock_empties_the_inner_lists_too(
    qtbot: QtBot, demo_path: Path, home: Path, translated: object, quiet_messages: list
) -> None:
    """An employer's contacts, shown on an inner page, disappear with the rest."""
    window = _window(qtbot, demo_path)
    employers = window.show_tab(2)
    view = employers.employer_view
    view.selectRow(0)
    qtbot.waitUntil(lambda: employers.contact_model.rowCount() > 0)
    contact = employers.contact_model.index(0, 0).data()
    assert contact and contact in _shown_text(window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locker.locked
    assert contact not in _shown_text(window)
    window.close()
