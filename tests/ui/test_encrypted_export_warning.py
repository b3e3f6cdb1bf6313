"""Exporting from an encrypted database: every export dialog protects the workbook by a
password by default, and says plainly, before anything is written, that the workbook will not be
encrypted when the coach unticks that; a plain database gets no such warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.exports.jobs import PLAIN_WORKBOOK_NOTICE
from coachdesk.security import sqlcipher
from coachdesk.ui.exports.dialogs import (
    ContractListDialog,
    EvaluatorExportDialog,
    ExportDialog,
    ProgressNoteDialog,
    WeeklyExportDialog,
)
from coachdesk.ui.widgets import background, messages
from tests.security_support import FAST_SCRYPT, INFORMED_ON, PASSPHRASE, make_plain_db

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DIALOGS = [WeeklyExportDialog, EvaluatorExportDialog, ContractListDialog, ProgressNoteDialog]


class Window(QWidget):
    """Stands for the main window: it holds the unlocked database's key."""

    def __init__(self, key: bytes | None) -> None:
        super().__init__()
        self.database_key = key


@pytest.fixture
def french(qtbot: QtBot):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    messages.quiet = True
    messages.last_messages.clear()
    yield
    messages.quiet = False
    for translator in translators:
        app.removeTranslator(translator)


@pytest.fixture(scope="module")
def plain_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plain") / "modele.sqlite3"
    # Consent recorded: the weekly workbook lists only such people.
    make_plain_db(path, count=5, consent_on=INFORMED_ON)
    return path


@pytest.fixture
def plain(tmp_path: Path, plain_template: Path, home: Path, french: None):  # type: ignore[no-untyped-def]
    path = tmp_path / "suivi.sqlite3"
    shutil.copyfile(plain_template, path)
    database = open_database(path, create=False)
    yield database
    database.dispose()


@pytest.fixture
def protected(tmp_path: Path, plain_template: Path, home: Path, french: None):  # type: ignore[no-untyped-def]
    path = tmp_path / "suivi protégé.sqlite3"
    shutil.copyfile(plain_template, path)
    sqlcipher.protect_database(path, PASSPHRASE, params=FAST_SCRYPT)
    key = sqlcipher.unlock(path, passphrase=PASSPHRASE)
    database = open_database(path, create=False, key=key)
    yield database, key
    database.dispose()


_windows: list[Window] = []  # qtbot keeps weak references only: the windows live here


def _dialog(qtbot: QtBot, kind: type[ExportDialog], database: Database,
            key: bytes | None) -> ExportDialog:
    window = Window(key)
    qtbot.addWidget(window)
    _windows.append(window)
    dialog = kind(database, None, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture(autouse=True)
def _forget_windows():  # type: ignore[no-untyped-def]
    yield
    _windows.clear()


@pytest.mark.parametrize("kind", DIALOGS, ids=lambda kind: kind.__name__)
def test_each_dialog_warns_before_writing_from_a_protected_database(
    qtbot: QtBot, protected: tuple[Database, bytes], kind: type[ExportDialog]
) -> None:
    database, key = protected
    dialog = _dialog(qtbot, kind, database, key)
    # Protected by default: nothing to warn of until the coach asks for a plain workbook.
    assert dialog.password_box.isChecked()
    assert not dialog.plain_warning.isVisible()
    dialog.password_box.setChecked(False)
    assert dialog.plain_warning.isVisible()
    # The same French sentence the command line prints.
    assert dialog.plain_warning.text() == PLAIN_WORKBOOK_NOTICE
    assert dialog.plain_warning.text().startswith(
        "Attention : la base est chiffrée, mais ce classeur Excel ne le sera pas."
    )
    assert "canal sécurisé" in dialog.plain_warning.text()


def test_warning_shown_even_without_the_key_and_the_export_still_works(
    qtbot: QtBot, protected: tuple[Database, bytes], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, key = protected
    # Told by the file itself, not only by the window's key.
    bare = WeeklyExportDialog(database)
    qtbot.addWidget(bare)
    bare.show()
    assert bare.password_box.isChecked()
    bare.password_box.setChecked(False)
    assert bare.plain_warning.isVisible()

    monkeypatch.setattr(background, "run_in_process", False)
    dialog = _dialog(qtbot, WeeklyExportDialog, database, key)
    dialog.password_box.setChecked(False)  # the coach asks for a plain workbook
    out = tmp_path / "Hebdo chiffrée"
    dialog.file_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "Hebdo chiffrée.xlsx"
    # The workbook is plain xlsx (what the warning said), with every person of the cohort.
    book = openpyxl.load_workbook(written, read_only=True)
    people = list(book["Jeunes"].iter_rows(values_only=True))
    book.close()
    assert len(people) == 1 + 5
    assert messages.last_messages[-1].title == "Export terminé"


@pytest.mark.parametrize("kind", DIALOGS, ids=lambda kind: kind.__name__)
def test_no_warning_for_a_plain_database(
    qtbot: QtBot, plain: Database, kind: type[ExportDialog]
) -> None:
    dialog = _dialog(qtbot, kind, plain, None)
    assert not dialog.plain_warning.isVisible()
    assert not dialog.password_box.isChecked()  # offered, not imposed


def test_render_the_warning(qtbot: QtBot, protected: tuple[Database, bytes],
                            tmp_path: Path) -> None:
    database, key = protected
    dialog = _dialog(qtbot, WeeklyExportDialog, database, key)
    dialog.password_box.setChecked(False)
    # The whole sentence fits: the label is as tall as its wrapped text needs.
    label = dialog.plain_warning
    assert label.height() >= label.heightForWidth(label.width())
    assert dialog.grab().save(str(tmp_path / "avertissement.png"))
