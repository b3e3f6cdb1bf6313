"""The export dialogs driven as a coach would; the written workbooks read back with openpyxl."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.models import Contract, Participant
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.dashboard.tab import DashboardTab
from coachdesk.ui.exports.dialogs import (
    ContractListDialog,
    EvaluatorExportDialog,
    ProgressNoteDialog,
    WeeklyExportDialog,
)
from coachdesk.ui.exports.history import ExportHistoryDialog
from coachdesk.ui.widgets import background, messages

# Showing a top-level dialog on the offscreen platform logs this harmless plugin limitation.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


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


@pytest.fixture
def database(demo_path: Path, home: Path, french: None):  # type: ignore[no-untyped-def]
    opened = open_database(demo_path)
    yield opened
    opened.dispose()


@pytest.fixture
def inline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Jobs run synchronously in the test process (the worker process has its own tests)."""
    monkeypatch.setattr(background, "run_in_process", False)


def french_number(count: int) -> str:
    """A count as the French messages write it: « 1 266 », a narrow no-break space."""
    return f"{count:,}".replace(",", "\u202f")


def cohort_id(database: Database) -> str:
    from coachdesk.services.cohorts import find_cohort

    with database.read() as session:
        return find_cohort(session, None).id


def click_export(qtbot: QtBot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def rows_of(path: Path, sheet: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    return list(book[sheet].iter_rows(values_only=True))


def test_weekly_defaults_then_export_with_confirmation(
    qtbot: QtBot, database: Database, tmp_path: Path, inline: None
) -> None:
    dialog = WeeklyExportDialog(database, cohort_id(database))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Classeur hebdomadaire Mission Locale"
    # Default: the week of the database's day (the demo lives on 31/12/2010) and the cohort.
    assert dialog.week_code() == "2010-W52"
    assert dialog.cohort.currentText().startswith("Promotion 2010")
    # The Mission Locale's profile by default, said in plain words.
    assert dialog.profile.currentText() == "Mission Locale"
    assert dialog.profile_summary.text() == (
        "Les personnes encore dans le dispositif dont le consentement est enregistré. "
        "Ni date de naissance, ni téléphone, ni courriel, ni adresse.")
    # The coach picks a day of June 2010: the week is shown with its Monday and Sunday.
    dialog.week_day.setDate(QDate(2010, 6, 23))
    assert dialog.week_label.text() == "semaine 25 (du 21 au 27 juin 2010)"
    assert dialog.file_edit.text().endswith("2010-W25.xlsx")
    out = tmp_path / "Hebdo MLJAM"
    dialog.file_edit.setText(str(out))
    click_export(qtbot, dialog)

    written = tmp_path / "Hebdo MLJAM.xlsx"
    people = rows_of(written, "Jeunes")
    assert people[0][:4] == ("Nom", "Prénom", "Public", "Provenance")
    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["Synthèse", "Jeunes", "Actions de la semaine", "Contrats"]
    total = sum(sheet.max_row - 1 for sheet in book.worksheets if sheet.title != "Synthèse")
    synthesis = list(book["Synthèse"].iter_rows(values_only=True))
    assert synthesis[1][0] == ("Situation au 27/06/2010, semaine 25 (du 21 au 27 juin "
                               "2010)")
    assert any(str(row[0]).startswith(f"Personnes listées : {len(people) - 1} sur 275")
               for row in synthesis)
    shown = messages.last_messages[-1]
    assert shown.kind == "info" and shown.title == "Export terminé"
    assert dialog.last_result is not None
    row_count = dialog.last_result.row_count
    assert row_count >= total + 1  # + the funnel lines of the Synthèse sheet
    assert shown.text.startswith(
        f"« Hebdo MLJAM.xlsx » a été écrit : {french_number(row_count)} lignes.")
    assert f"Dossier : {tmp_path}" in shown.text
    assert dialog.result() == dialog.DialogCode.Accepted


def test_file_open_in_excel_keeps_the_old_file_and_the_choices(
    qtbot: QtBot, database: Database, tmp_path: Path, inline: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "hebdo.xlsx"
    target.write_bytes(b"last week's workbook")
    real_replace = os.replace

    def excel_holds_it(source: object, destination: object) -> None:
        # What Windows answers while Excel has the file open.
        if Path(str(destination)) == target:
            raise PermissionError(13, "Permission denied", str(destination))
        real_replace(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", excel_holds_it)
    dialog = WeeklyExportDialog(database, cohort_id(database))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.week_day.setDate(QDate(2010, 6, 23))
    dialog.file_edit.setText(str(target))
    click_export(qtbot, dialog)

    shown = messages.last_messages[-1]
    assert shown.kind == "warning"
    assert "ouvert dans un autre programme" in shown.text
    assert "Fermez le fichier dans Excel" in shown.text
    # Nothing lost: the old file, the coach's choices, no half-written file, nothing logged.
    assert target.read_bytes() == b"last week's workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["hebdo.xlsx", "Démo CoachDesk.sqlite3", "home"]
        + [p.name for p in tmp_path.iterdir() if p.name.startswith("Démo CoachDesk.sqlite3-")]
    )
    assert dialog.isVisible() and dialog.file_edit.text() == str(target)
    assert dialog.week_code() == "2010-W25" and dialog.export_button.isEnabled()
    # Excel closed: the same click now works.
    monkeypatch.setattr(os, "replace", real_replace)
    click_export(qtbot, dialog)
    assert messages.last_messages[-1].title == "Export terminé"
    assert rows_of(target, "Jeunes")[0][0] == "Nom"


def test_missing_folder_gets_the_exporters_message(
    qtbot: QtBot, database: Database, tmp_path: Path, inline: None
) -> None:
    dialog = EvaluatorExportDialog(database, cohort_id(database))
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(tmp_path / "clé USB retirée" / "cereq.xlsx"))
    click_export(qtbot, dialog)
    shown = messages.last_messages[-1]
    assert shown.kind == "warning"
    assert "le dossier" in shown.text and "n'existe pas" in shown.text
    assert dialog.result() != dialog.DialogCode.Accepted


def test_evaluator_export_has_no_names(
    qtbot: QtBot, database: Database, tmp_path: Path, inline: None
) -> None:
    dialog = EvaluatorExportDialog(database, None)
    qtbot.addWidget(dialog)
    assert dialog.cohort.currentText() == "Toutes les promotions"
    out = tmp_path / "cereq.xlsx"
    dialog.file_edit.setText(str(out))
    click_export(qtbot, dialog)
    participants = rows_of(out, "Participants")
    assert "Nom" not in participants[0] and "Prénom" not in participants[0]
    assert len(participants) - 1 == 275
    assert dialog.last_result is not None
    assert messages.last_messages[-1].text.startswith(
        f"« cereq.xlsx » a été écrit : {french_number(dialog.last_result.row_count)} lignes."
    )


def test_contract_list_for_pole_emploi(
    qtbot: QtBot, database: Database, tmp_path: Path, inline: None
) -> None:
    dialog = ContractListDialog(database, cohort_id(database))
    qtbot.addWidget(dialog)
    labels = [dialog.profile.itemText(i) for i in range(dialog.profile.count())]
    # Pôle emploi is France Travail since 2024: named so to the coach, its code kept.
    assert labels == ["OPCO", "France Travail (ex-Pôle emploi)"]
    assert dialog.profile.itemData(1) == "pole_emploi"
    dialog.profile.setCurrentIndex(1)
    assert "Contrats France Travail (ex-Pôle emploi)" in dialog.file_edit.text()
    out = tmp_path / "contrats pe.xlsx"
    dialog.file_edit.setText(str(out))
    click_export(qtbot, dialog)
    rows = rows_of(out, "Contrats")
    assert rows[0][:4] == ("Nom", "Prénom", "Date de naissance", "Identifiant (INE)")
    with database.read() as session:
        contracts = session.scalar(
            select(func.count(Contract.id))
            .join(Participant, Participant.id == Contract.participant_id)
            .where(Participant.cohort_id == cohort_id(database))
        )
    assert len(rows) - 1 == contracts >= 11  # at least the 11 contracts of the 2010 note
    assert isinstance(rows[1][2], datetime)  # a real Excel date


def test_progress_note_from_the_dashboard_then_history(
    qtbot: QtBot, demo_path: Path, home: Path, french: None, tmp_path: Path, inline: None
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach_database(open_database(demo_path))
    dashboard = window.show_tab(4)
    assert isinstance(dashboard, DashboardTab)
    button = dashboard.findChild(QPushButton, "exportProgressNote")
    assert button is not None and button.text() == "Exporter la note d'étape…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ProgressNoteDialog)
    assert dialog is not None and dialog.isVisible()
    assert dashboard.funnel is not None
    assert dialog.as_of.date().toPython() == dashboard.funnel.as_of
    dialog.as_of.setDate(QDate(2010, 12, 31))
    out = tmp_path / "note.xlsx"
    dialog.file_edit.setText(str(out))
    click_export(qtbot, dialog)
    rows = rows_of(out, "Note d'étape")
    assert rows[0][0] == "Note d'étape sur l'expérimentation au 31/12/2010"
    by_indicator = {row[1]: row[2] for row in rows[4:]}
    assert by_indicator["Contrats de professionnalisation signés"] == 11
    assert by_indicator["… dont durant la période d'essai"] == 2

    # The Exports menu lists every export, and the history shows the file just written.
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "E&xports")
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == [
        "Classeur &hebdomadaire Mission Locale…",
        "Export pour l'é&valuateur (pseudonymisé)…",
        "Liste des &contrats pour l'OPCO ou France Travail (ex-Pôle emploi)…",
        "&Note d'étape…",
        "P&rofils d'export…",
        "Histori&que des exports…",
    ]
    menu.actions()[-1].trigger()
    history = window.findChild(ExportHistoryDialog)
    assert history is not None and history.windowTitle() == "Historique des exports"
    model = history.export_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Date", "Export", "Destinataire", "Promotion", "Fichier", "Lignes",
                       "SHA-256"]
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[1:] == ["Note d'étape", "Note d'étape", window.cohort_selector.currentText(),
                         "note.xlsx", "18", hashlib.sha256(out.read_bytes()).hexdigest()]
    assert history.count_label.text() == "1 fichier exporté depuis cette base."
    audit = history.audit_model
    assert audit.index(0, 2).data() == "Export"
    assert audit.index(0, 3).data() == "Note d'étape pour Note d'étape : note.xlsx"
    window.close()


def test_weekly_export_runs_in_the_worker_process(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    dialog = WeeklyExportDialog(database, cohort_id(database))
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "hebdo.xlsx"
    dialog.file_edit.setText(str(out))
    job = dialog.start_export()
    assert job is not None and not dialog.export_button.isEnabled()
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert messages.last_messages[-1].title == "Export terminé"
    assert rows_of(out, "Jeunes")[0][0] == "Nom"


def test_cancel_in_the_progress_dialog_leaves_no_file(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The progress dialog shows at once, so the coach's click lands while the worker process
    # is still starting: the demo's export is too quick to be caught half-way otherwise.
    monkeypatch.setattr(background, "PROGRESS_DELAY_MS", 0)
    dialog = WeeklyExportDialog(database, cohort_id(database))
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "hebdo.xlsx"
    dialog.file_edit.setText(str(out))
    job = dialog.start_export()
    assert job is not None
    # The coach clicks "Annuler" in the progress dialog.
    qtbot.waitUntil(job.dialog.isVisible, timeout=10_000)
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Annuler"
    with qtbot.waitSignal(job.ended, timeout=60_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert messages.last_messages[-1].text == "Export annulé : aucun fichier n'a été écrit."
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partiel")]
    assert dialog.isVisible() and dialog.export_button.isEnabled()
