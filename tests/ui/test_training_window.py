"""The training window of the Suivi des contrats tab, on the demo, driven as a coach would: read
what the training body reported, add an absence and an assessment, record the result, import
the training body's sheet, and record evening classes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.models import Cohort, Training, TrainingAbsence
from coachdesk.ui.contracts.tab import ContractsTab
from coachdesk.ui.contracts.training_panel import TrainingWindow
from coachdesk.ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def database(demo_path: Path, home: Path):  # type: ignore[no-untyped-def]
    database = open_database(demo_path)
    yield database
    database.dispose()


@pytest.fixture
def tab(qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    with database.read() as session:
        cohort_id = session.scalar(select(Cohort.id))
    widget = ContractsTab(database)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    widget.set_cohort(cohort_id)
    yield widget
    for translator in translators:
        app.removeTranslator(translator)


def _open_for_contract(tab: ContractsTab, participant: str) -> TrainingWindow:
    for row in range(tab.model.rowCount()):
        if tab.model.row_at(row).participant == participant:
            tab.view.selectRow(row)
            break
    else:
        raise AssertionError(f"{participant} not listed")
    tab.findChild(object, "followTraining").click()  # type: ignore[union-attr]
    window = tab.dialog
    assert isinstance(window, TrainingWindow)
    return window


def _cells(view, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _save(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_a_coach_reads_the_training_then_adds_an_absence_an_assessment_and_the_result(
    tab: ContractsTab, database: Database,
) -> None:
    window = _open_for_contract(tab, "DELMAS Noémie")
    assert window.windowTitle() == "Formation de DELMAS Noémie"
    assert window.body_label.text() == "Cnam Languedoc-Roussillon"
    assert window.rhythm_label.text() == "1 j centre / 4 j entreprise"
    assert window.dates_label.text() == "du 31/05/2010 au 30/04/2011"
    assert window.result_label.text() == "Pas encore connu"
    assert window.absence_model.headerData(0, Qt.Orientation.Horizontal) == "Jour"
    assert _cells(window.absence_view, 0) == ["04/10/2010"]
    assert window.absence_summary.text() == "1 absence (3,5 h)"

    window.add_absence_button.click()
    absence = window.dialog
    assert absence.windowTitle() == "Absence au centre de formation"
    absence.absent_on.setDate(QDate(2010, 12, 13))
    absence.half_days.setValue(2)
    absence.reason.setText("Sans justificatif")
    _save(absence)
    assert not absence.isVisible()
    assert _cells(window.absence_view, 0) == ["04/10/2010", "13/12/2010"]
    assert _cells(window.absence_view, 1) == ["3,5 h", "2 demi-journées"]
    assert _cells(window.absence_view, 4) == ["Saisie", "Saisie"]
    assert window.absence_summary.text() == (
        "2 absences (3,5 h et 2 demi-journées), dont 1 non justifiée")

    window.add_assessment_button.click()
    assessment = window.dialog
    assessment.assessed_on.setDate(QDate(2010, 12, 17))
    assessment.subject.setText("Gestion commerciale")
    assessment.graded.setChecked(True)
    assessment.grade.setValue(12.5)
    _save(assessment)
    assert "Gestion commerciale" in _cells(window.assessment_view, 1)

    # A result after the database's day (31/12/2010) is refused, the form stays open.
    window.result_button.click()
    result = window.dialog
    result.result_choice.setCurrentIndex(result.result_choice.findData("abandon"))
    result.result_on.setDate(QDate(2011, 1, 15))
    _save(result)
    assert result.isVisible()
    assert "n'est pas encore connu" in result.error.text()
    result.result_on.setDate(QDate(2010, 12, 20))
    _save(result)
    assert not result.isVisible()
    assert window.result_label.text() == "Abandon (20/12/2010)"
    with database.read() as s:
        stored = s.execute(select(Training.result, Training.result_on)
                           .where(Training.contract_id == window.contract_id)).one()
    assert tuple(stored) == ("abandon", date(2010, 12, 20))


def test_the_training_bodys_sheet_imported_from_the_window(
    tab: ContractsTab, database: Database, tmp_path: Path,
) -> None:
    window = _open_for_contract(tab, "MENDES Rémi")
    assert window.absence_summary.text() == "Aucune absence"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nom", "Prénom", "Date", "Nature", "Heures", "Justifiée", "Matière",
                  "Note sur 20"])
    sheet.append(["Mendes", "Rémi", date(2010, 11, 22), "absence", 4, "non", None, None])
    sheet.append(["Mendes", "Rémi", "32/11/2010", "absence", 4, "non", None, None])
    book.save(tmp_path / "cnam.xlsx")
    window.import_sheet(tmp_path / "cnam.xlsx")
    shown = messages.last_messages[-1]
    assert shown.title == "Feuille de l'organisme de formation"
    assert shown.text.startswith("1 absence(s) et 0 évaluation(s) importée(s), 0 déjà "
                                 "enregistrée(s).")
    assert "« cnam.xlsx », ligne 3, colonne « Date » : « 32/11/2010 » n'est pas une date" \
        in shown.text
    assert _cells(window.absence_view, 4) == ["Feuille de l'organisme de formation"]
    with database.read() as s:
        assert s.scalar(select(TrainingAbsence.hours)
                        .where(TrainingAbsence.absent_on == date(2010, 11, 22))) == 4


def test_evening_classes_from_an_enrolment_without_a_contract(
    tab: ContractsTab, database: Database,
) -> None:
    rows = [row for row in range(tab.enrolment_model.rowCount())
            if tab.enrolment_model.row_at(row).participant == "GRAS Ophélie"]
    assert rows
    tab.enrolment_view.selectRow(rows[0])
    tab.findChild(object, "followTraining").click()  # type: ignore[union-attr]
    window = tab.dialog
    assert window.windowTitle() == "Cours du soir de GRAS Ophélie"
    assert window.dates_label.text() == "du 04/10/2010 au 30/06/2011"
    assert window.body_label.text() == "Cnam Languedoc-Roussillon"
    window.edit_button.click()
    form = window.dialog
    assert form.windowTitle() == "Cours du soir de GRAS Ophélie"
    form.at_centre.setValue(0)
    form.at_work.setValue(5)
    _save(form)
    assert window.rhythm_label.text() == "0 j centre / 5 j entreprise"


def test_the_training_tables_pass_qt_model_tester(tab: ContractsTab, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window = _open_for_contract(tab, "GARCIA Margaux")
    assert window.absence_model.rowCount() == 2
    assert window.assessment_model.rowCount() == 2
    for model in (window.absence_model, window.assessment_model):
        qtmodeltester.check(model)


def test_without_a_selection_the_coach_is_told_what_to_select(tab: ContractsTab) -> None:
    tab.view.clearSelection()
    tab.enrolment_view.clearSelection()
    tab.findChild(object, "followTraining").click()  # type: ignore[union-attr]
    assert tab.dialog is None
    assert messages.last_messages[-1].text == (
        "Sélectionnez d'abord un contrat ou une inscription dans les listes.")
