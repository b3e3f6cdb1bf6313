"""The export dialogs' password box: a protected workbook written from the window is decrypted
with the password by msoffcrypto-tool, the confirmation gives the password one last time, a weak
password writes nothing, and the password is kept nowhere (settings, history)."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.exports.jobs import export_history
from coachdesk.exports.workbook_password import SEPARATOR, is_encrypted_workbook, password_words
from coachdesk.security import sqlcipher
from coachdesk.ui.exports.dialogs import EvaluatorExportDialog, ExportDialog, WeeklyExportDialog
from coachdesk.ui.widgets import background, messages
from coachdesk.ui.widgets.settings import settings
from tests.security_support import FAST_SCRYPT, PASSPHRASE, SECRET_LAST_NAME, make_plain_db

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TYPED = "girafe-tambour-olive-canal-brioche-31"


class Window(QWidget):
    """Stands for the main window: it holds the unlocked database's key."""

    def __init__(self, key: bytes | None) -> None:
        super().__init__()
        self.database_key = key


def informed(path: Path) -> None:
    """Record every person's consent (a date of information): partner workbooks list only
    people whose consent is recorded."""
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE participant SET consent_date = '2010-02-05'")
    connection.close()


@pytest.fixture
def french(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    messages.quiet = True
    messages.last_messages.clear()
    monkeypatch.setattr(background, "run_in_process", False)
    yield
    messages.quiet = False
    for translator in translators:
        app.removeTranslator(translator)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("modele") / "suivi.sqlite3"
    make_plain_db(path, count=3)
    informed(path)
    return path


@pytest.fixture
def protected(tmp_path: Path, template: Path, home: Path, french: None):  # type: ignore[no-untyped-def]
    path = tmp_path / "suivi.sqlite3"
    shutil.copyfile(template, path)
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
    database = open_database(path, create=False, key=key)
    yield database, key
    database.dispose()


@pytest.fixture
def plain(tmp_path: Path, template: Path, home: Path, french: None):  # type: ignore[no-untyped-def]
    path = tmp_path / "clair.sqlite3"
    shutil.copyfile(template, path)
    database = open_database(path, create=False)
    yield database
    database.dispose()


_windows: list[Window] = []


@pytest.fixture(autouse=True)
def _forget_windows():  # type: ignore[no-untyped-def]
    yield
    _windows.clear()


def _dialog(qtbot: QtBot, kind: type[ExportDialog], database: Database,
            key: bytes | None) -> ExportDialog:
    window = Window(key)
    qtbot.addWidget(window)
    _windows.append(window)
    dialog = kind(database, None, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _decrypted(path: Path, password: str) -> openpyxl.Workbook:
    plain = io.BytesIO()
    with path.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password=password, verify_password=True)
        office.decrypt(plain)
    plain.seek(0)
    return openpyxl.load_workbook(plain)


def test_proposed_password_is_words_and_a_number_and_another_can_be_asked(
    qtbot: QtBot, plain: Database
) -> None:
    dialog = _dialog(qtbot, WeeklyExportDialog, plain, None)
    box = dialog.password_box
    assert box.title() == "Protéger le classeur par un mot de passe"
    first = box.password_edit.text()
    *words, number = first.split(SEPARATOR)
    assert len(words) == 5 and set(words) <= set(password_words())
    assert 10 <= int(number) <= 99
    another = box.findChild(type(dialog.export_button), "proposePassword")
    assert another is not None and another.text() == "Proposer un autre"
    # Unticked (a plain database's default), the password cannot be edited nor changed.
    assert not box.password_edit.isEnabled() and not another.isEnabled()
    assert box.password() is None
    box.setChecked(True)
    qtbot.mouseClick(another, Qt.MouseButton.LeftButton)
    assert box.password_edit.text() != first
    assert box.password() == box.password_edit.text()
    assert "par téléphone" in box.advice.text()


def test_protected_database_exports_a_protected_workbook_by_default(
    qtbot: QtBot, protected: tuple[Database, bytes], tmp_path: Path
) -> None:
    database, key = protected
    dialog = _dialog(qtbot, WeeklyExportDialog, database, key)
    proposed = dialog.password_box.password_edit.text()
    out = tmp_path / "hebdo.xlsx"
    dialog.file_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    data = out.read_bytes()
    assert is_encrypted_workbook(data)
    assert SECRET_LAST_NAME.encode() not in data
    names = [row[0] for row in _decrypted(out, proposed)["Jeunes"].iter_rows(
        min_row=2, values_only=True)]
    assert SECRET_LAST_NAME in names
    shown = messages.last_messages[-1]
    assert shown.title == "Export terminé"
    assert f"protégé par le mot de passe {proposed}" in shown.text
    assert "par téléphone" in shown.text
    assert dialog.last_result is not None and dialog.last_result.protected
    # Kept nowhere: not in the settings nor the export history.
    stored = settings()
    assert all(proposed not in str(stored.value(name)) for name in stored.allKeys())
    history = export_history(database)
    assert history and all(proposed not in repr(row) for row in history)


def test_a_typed_password_from_a_plain_database(
    qtbot: QtBot, plain: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, EvaluatorExportDialog, plain, None)
    dialog.password_box.setChecked(True)
    dialog.password_box.password_edit.setText(TYPED)
    out = tmp_path / "cereq.xlsx"
    dialog.file_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert _decrypted(out, TYPED).sheetnames
    with pytest.raises(msoffcrypto.exceptions.InvalidKeyError):
        _decrypted(out, TYPED + "x")


def test_a_weak_password_writes_nothing_and_keeps_the_dialog(
    qtbot: QtBot, plain: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, WeeklyExportDialog, plain, None)
    dialog.password_box.setChecked(True)
    dialog.password_box.password_edit.setText("soleil")
    out = tmp_path / "hebdo.xlsx"
    dialog.file_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not out.exists()
    shown = messages.last_messages[-1]
    assert shown.kind == "warning"
    assert shown.text.startswith("Ce mot de passe de classeur est trop facile à deviner : ")
    assert dialog.isVisible()


def test_a_plain_workbook_when_the_box_is_unticked(
    qtbot: QtBot, plain: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, WeeklyExportDialog, plain, None)
    assert not dialog.password_box.isChecked()
    out = tmp_path / "hebdo.xlsx"
    dialog.file_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not is_encrypted_workbook(out.read_bytes())
    assert "mot de passe" not in messages.last_messages[-1].text


def test_render_the_password_box(qtbot: QtBot, protected: tuple[Database, bytes],
                                 tmp_path: Path) -> None:
    database, key = protected
    dialog = _dialog(qtbot, WeeklyExportDialog, database, key)
    assert dialog.grab().save(str(tmp_path / "mot-de-passe.png"))
