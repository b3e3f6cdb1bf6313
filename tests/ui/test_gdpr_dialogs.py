"""GDPR duties from the window, on the demo cohort: what the coach sees, what lands on disk."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import msoffcrypto
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.models import AuditEvent, Participant
from coachdesk.services import gdpr
from coachdesk.services.cohorts import list_cohorts
from coachdesk.ui.app_window.gdpr_dialogs import (
    AccessExportDialog,
    ErasureDialog,
    MissingConsentDialog,
    RetentionDialog,
)
from coachdesk.ui.widgets import messages

# The offscreen platform cannot pass a shown dialog's size hints to a window manager.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PURGE_DAY = date(2012, 12, 31)


@pytest.fixture(autouse=True)
def french() -> object:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    yield app
    for translator in translators:
        app.removeTranslator(translator)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[messages.Shown]:
    monkeypatch.setattr(messages, "quiet", True)
    messages.last_messages.clear()
    return messages.last_messages


@pytest.fixture
def demo(demo_path: Path) -> Database:
    database = open_database(demo_path, create=False)
    yield database
    database.dispose()


def _people(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(Participant)) or 0


def _cohort(database: Database) -> str:
    with database.read() as session:
        return list_cohorts(session)[0].id


def test_retention_preview_then_confirmed_purge(
    qtbot: QtBot, demo: Database, shown: list[messages.Shown]
) -> None:
    expected = gdpr.purge_candidates(demo, PURGE_DAY, 2)
    assert 0 < len(expected) < _people(demo)  # some people are still followed at the end of 2012
    dialog = RetentionDialog(demo, today=PURGE_DAY)
    qtbot.addWidget(dialog)
    assert dialog.years.value() == 2 and dialog.years.suffix() == " ans"
    assert dialog.model.rowCount() == len(expected)
    assert dialog.count.text() == (
        f"{len(expected)} personnes ont dépassé la durée de conservation au 31/12/2012."
    )
    horizontal = Qt.Orientation.Horizontal
    headers = [dialog.model.headerData(i, horizontal) for i in range(dialog.model.columnCount())]
    assert headers == ["Nom", "Prénom", "Promotion", "Dernier contact", "Conservable jusqu'au"]
    dialog.years.setValue(20)
    assert dialog.model.rowCount() == 0 and not dialog.purge_button.isEnabled()
    dialog.years.setValue(2)
    before = _people(demo)
    dialog.purge_button.click()
    assert shown[0].kind == "question"
    assert f"les {len(expected)} personnes listées" in shown[0].text
    assert f"{len(expected)} personnes supprimées" in shown[-1].text
    assert _people(demo) == before - len(expected)
    assert dialog.model.rowCount() == 0
    with demo.read() as session:
        event = session.execute(
            select(AuditEvent.action, AuditEvent.count, AuditEvent.detail)
        ).one()
    assert event.action == "purge" and event.count == len(expected)
    assert expected[0].last_name not in event.detail


def test_access_export_of_the_selected_person(
    qtbot: QtBot, demo: Database, tmp_path: Path, shown: list[messages.Shown]
) -> None:
    cohort = _cohort(demo)
    dialog = AccessExportDialog(demo, cohort, encrypted=True)
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert shown[-1].text == "Choisissez d'abord une personne dans la liste."
    person = dialog.picker.model.row_at(0)
    dialog.picker.search.setText(person.first_name.upper() + " " + person.last_name.lower())
    assert all(r.last_name == person.last_name for r in dialog.picker.model.rows())
    assert dialog.picker.select(person.id)
    out = tmp_path / "acces.xlsx"
    dialog.out.setText(str(out))
    # From an encrypted database the workbook is protected unless the coach unticks it.
    assert dialog.password_box.isChecked()
    dialog.password_box.setChecked(False)
    dialog.export_button.click()
    assert "Classeur écrit" in shown[-1].text and "PAS chiffré" in shown[-1].text
    sheet = load_workbook(out)["Personne"]
    values = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Nom"] == person.last_name and values["Identifiant"] == person.id

    protected = tmp_path / "acces-protege.xlsx"
    dialog.password_box.setChecked(True)
    password = dialog.password_box.password_edit.text()
    dialog.out.setText(str(protected))
    dialog.export_button.click()
    assert f"protégé par le mot de passe {password}" in shown[-1].text
    assert "PAS chiffré" not in shown[-1].text
    assert person.last_name.encode() not in protected.read_bytes()
    plain = io.BytesIO()
    with protected.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password=password, verify_password=True)
        office.decrypt(plain)
    values = {row[0]: row[1] for row in load_workbook(plain)["Personne"].iter_rows(
        min_row=2, values_only=True)}
    assert values["Nom"] == person.last_name


def test_erasure_is_confirmed_and_complete(
    qtbot: QtBot, demo: Database, shown: list[messages.Shown]
) -> None:
    cohort = _cohort(demo)
    someone = gdpr.purge_candidates(demo, date(2030, 1, 1), 2)[0]
    dialog = ErasureDialog(demo, cohort, selected_id=someone.participant_id)
    qtbot.addWidget(dialog)
    person = dialog.picker.selected()
    assert person is not None and person.id == someone.participant_id
    before = _people(demo)
    dialog.erase_button.click()
    assert shown[0].kind == "question"
    assert f"{person.last_name.upper()} {person.first_name}" in shown[0].text
    assert "irréversible" in shown[0].text
    assert _people(demo) == before - 1
    with demo.read() as session:
        assert gdpr.remaining_rows(session, [person.id]) == {}


def test_missing_consent_list(qtbot: QtBot, demo: Database) -> None:
    missing = gdpr.missing_consent(demo)
    dialog = MissingConsentDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == len(missing)
    assert dialog.count.text().startswith(f"{len(missing)} personne")
    if missing:
        assert dialog.model.index(0, 3).data() == missing[0].listed_on.strftime("%d/%m/%Y")


def test_gdpr_menu_of_the_window(qtbot: QtBot, demo_path: Path, home: Path) -> None:
    from coachdesk.ui.app_window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach_database(open_database(demo_path, create=False))
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fichier", "&Promotion", "&Sécurité", "&RGPD", "E&xports", "&Aide"]
    opened: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close_it)
            return
        opened.append(dialog.windowTitle())
        dialog.reject()

    for action in window.data_actions:
        if action.text().startswith("Dates d'information"):
            QTimer.singleShot(20, close_it)
            action.trigger()
    assert opened == ["Dates d'information / de consentement manquantes"]
    window.close()
