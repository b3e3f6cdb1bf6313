"""Opening a protected database from the window and from the command line; protecting one
from the window, with its recovery key shown once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import open_database
from coachdesk.security import crypto, sqlcipher
from coachdesk.ui.app_window import passphrase_dialog
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.app_window.passphrase_dialog import (
    RecoveryKeyDialog,
    UnlockDialog,
    open_interactively,
)
from coachdesk.ui.widgets import messages
from tests.security_support import FAST_SCRYPT, PASSPHRASE, SECRET_LAST_NAME, make_plain_db

ROOT = Path(__file__).resolve().parents[2]

# The offscreen platform cannot pass a shown dialog's size hints to a window manager.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def french() -> object:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    yield app
    for translator in translators:
        app.removeTranslator(translator)


@pytest.fixture(scope="module")
def plain_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plain") / "modele.sqlite3"
    make_plain_db(path)
    return path


@pytest.fixture
def protected(tmp_path: Path, plain_template: Path) -> tuple[Path, str]:
    path = tmp_path / "suivi.sqlite3"
    shutil.copyfile(plain_template, path)
    recovery = sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    return path, recovery


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.is_file()}


def test_wrong_passphrase_retries_and_leaves_the_file_untouched(
    qtbot: QtBot, protected: tuple[Path, str]
) -> None:
    path, _recovery = protected
    before = _files(path)
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.intro.text() == "La base « suivi.sqlite3 » est protégée par une phrase de passe."
    dialog.secret.setText("une phrase qui ne va pas")
    dialog.open_button.click()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isVisible()
    assert "Phrase de passe incorrecte." in dialog.error.text()
    assert dialog.key is None
    assert _files(path) == before
    dialog.secret.setText(PASSPHRASE)
    dialog.open_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.key is not None and not dialog.used_recovery_key
    assert _files(path) == before


def test_recovery_key_opens_and_sets_a_new_passphrase(
    qtbot: QtBot, protected: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, recovery = protected
    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", FAST_SCRYPT)
    new_passphrase = "une toute nouvelle phrase"
    steps: list[str] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, UnlockDialog):
            steps.append("unlock")
            dialog.recovery.setChecked(True)
            assert dialog.field_label.text().startswith("Clé de secours")
            dialog.secret.setText(recovery.lower().replace("-", " "))
            dialog.open_button.click()
        elif isinstance(dialog, passphrase_dialog.NewPassphraseDialog):
            steps.append("new")
            dialog.first.setText(new_passphrase)
            dialog.second.setText("pas la même phrase du tout")
            dialog.accept()
            assert "pas identiques" in dialog.error.text()
            dialog.second.setText(new_passphrase)
            dialog.accept()
            return
        QTimer.singleShot(20, drive)

    QTimer.singleShot(20, drive)
    opened = open_interactively(None, path)
    assert steps == ["unlock", "new"]
    assert opened is not None and opened.key is not None
    try:
        with opened.database.read() as session:
            from coachdesk.models import Participant

            names = {p.last_name for p in session.query(Participant)}
        assert SECRET_LAST_NAME in names
    finally:
        opened.database.dispose()
    assert sqlcipher.unlock(path, passphrase=new_passphrase) == opened.key
    with pytest.raises(Exception, match="incorrecte"):
        crypto.unlock_with_passphrase(path, PASSPHRASE)


def test_cancel_opens_nothing_and_writes_nothing(
    qtbot: QtBot, protected: tuple[Path, str]
) -> None:
    path, _recovery = protected
    before = _files(path)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, UnlockDialog):
            dialog.reject()
        else:
            QTimer.singleShot(20, cancel)

    QTimer.singleShot(20, cancel)
    assert open_interactively(None, path) is None
    assert _files(path) == before


def _cli(path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(path), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        timeout=60,
    )


def test_every_command_opens_a_protected_database(protected: tuple[Path, str]) -> None:
    path, _recovery = protected
    # ctx.open_db (report) with the passphrase from the environment.
    result = _cli(path, "report", "funnel", COACHDESK_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "Contacts (fichiers reçus)" in result.stdout
    before = _files(path)
    # A wrong passphrase: French message, exit 1, the file untouched.
    wrong = _cli(path, "report", "funnel", COACHDESK_PASSPHRASE="ce n'est pas la bonne")
    assert wrong.returncode == 1
    assert "Phrase de passe incorrecte" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    # No terminal and no variable: it says how to give the passphrase.
    env = {k: v for k, v in os.environ.items() if k != "COACHDESK_PASSPHRASE"}
    none = subprocess.run(
        [sys.executable, "-m", "coachdesk", "--db", str(path), "report", "funnel"],
        capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL,
        env={**env, "PYTHONPATH": str(ROOT)}, timeout=60,
    )
    assert none.returncode == 1
    assert "COACHDESK_PASSPHRASE" in none.stderr
    assert _files(path) == before


def test_protect_from_the_window_shows_the_recovery_key_once(
    qtbot: QtBot, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", FAST_SCRYPT)
    monkeypatch.setattr(messages, "quiet", True)
    path = tmp_path / "clair.sqlite3"
    make_plain_db(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach_database(open_database(path, create=False))
    assert window.protect_action.isEnabled() and not window.change_action.isEnabled()
    shown: list[str] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, passphrase_dialog.NewPassphraseDialog):
            dialog.first.setText("court")
            dialog.second.setText("court")
            dialog.accept()
            assert "au moins 12 caractères" in dialog.error.text()
            dialog.first.setText(PASSPHRASE)
            dialog.second.setText(PASSPHRASE)
            dialog.accept()
        elif isinstance(dialog, RecoveryKeyDialog):
            shown.append(dialog.key_label.text())
            assert "ne l'affichera plus" in " ".join(
                label.text() for label in dialog.findChildren(type(dialog.key_label))
            )
            assert not dialog.close_button.isEnabled()
            dialog.reject()  # refused until the coach says the key is kept
            assert dialog.isVisible()
            dialog.done_box.setChecked(True)
            dialog.close_button.click()
            return
        QTimer.singleShot(20, drive)

    QTimer.singleShot(20, drive)
    window.protect_action.trigger()
    assert len(shown) == 1
    assert sqlcipher.is_protected(path)
    assert SECRET_LAST_NAME.encode() not in path.read_bytes()
    # The recovery key shown is the one that opens the database.
    assert sqlcipher.unlock(path, recovery_key=shown[0]) == window.database_key
    qtbot.waitUntil(lambda: window.cohort_tab.model.rowCount() == 3)
    assert not window.protect_action.isEnabled() and window.change_action.isEnabled()
    # Backups of the protected database are encrypted: the name is nowhere in clear.
    window.close()
    backups = list((home / "data" / "sauvegardes").glob("*/coachdesk-*.sqlite3"))
    assert backups
    for backup in backups:
        assert SECRET_LAST_NAME.encode() not in backup.read_bytes()
        assert crypto.sidecar_path(backup).exists()


def test_recovery_sheet_prints(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    dialog = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", "suivi.sqlite3")
    qtbot.addWidget(dialog)
    assert "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" in dialog.sheet_text()
    assert "Base : suivi.sqlite3" in dialog.sheet_text()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cle.pdf"))
    dialog.print_to(printer)
    assert (tmp_path / "cle.pdf").read_bytes().startswith(b"%PDF")
