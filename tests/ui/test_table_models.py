"""Every item model of the window passes Qt's model tester, on the demo's data, while used."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt
from pytestqt.modeltest import ModelTester

import coachdesk.ui
from coachdesk.db import Database, open_database
from coachdesk.services import employers, interviews
from coachdesk.services.agenda import compute_agenda
from coachdesk.services.cohorts import cohort_choices
from coachdesk.ui.cohort.import_wizard import _PlainHeaders
from coachdesk.ui.dashboard.agenda_panel import COLUMNS as AGENDA_COLUMNS
from coachdesk.ui.dashboard.agenda_panel import AgendaModel
from coachdesk.ui.employers.directory_page import EMPLOYER_COLUMNS, DirectoryModel
from coachdesk.ui.employers.interview_dialogs import ChecklistModel
from coachdesk.ui.widgets.choice_list import ChoiceListModel
from coachdesk.ui.widgets.table_model import Column, FilteredTableModel

# Each model of coachdesk.ui, and the test that runs the model tester on it.
CHECKED_BY = {
    "RowTableModel": "test_main_window.py::test_table_model_passes_qt_model_tester",
    "ContractTableModel": "test_contracts_tab.py::test_contract_model_passes_qt_model_tester",
    "EnrolmentTableModel": "test_contracts_tab.py::test_contract_model_passes_qt_model_tester",
    "AttendanceModel": "test_bilan_tab.py::test_attendance_model_passes_qt_model_tester",
    "BilanTableModel": "test_enrolment_window.py::test_bilan_model_passes_qt_model_tester",
    "DirectoryModel": "test_directory_model",
    "AgendaModel": "test_agenda_model",
    "ChecklistModel": "test_checklist_model",
    "_PlainHeaders": "test_import_preview_model",
    "ChoiceListModel": "test_choice_list_model",
    "FilteredTableModel": "test_filtered_model_puts_changed_rows_in_place",
    "ReminderModel": "test_journal_window.py::test_reminder_model_passes_qt_model_tester",
    "PeopleModel": "test_people_model.py::test_people_model_passes_qt_model_tester",
}


@pytest.fixture
def database(demo_path: Path) -> Database:
    db = open_database(demo_path)
    yield db
    db.dispose()


@pytest.fixture
def cohort_id(database: Database) -> str:
    return cohort_choices(database)[0].id


def test_every_item_model_of_the_window_is_checked() -> None:
    found = set()
    for module in pkgutil.walk_packages(coachdesk.ui.__path__, "coachdesk.ui."):
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if (inspect.isclass(value) and issubclass(value, QAbstractItemModel)
                    and value.__module__ == loaded.__name__):
                found.add(name)
    assert found == set(CHECKED_BY)


def test_directory_model(qtmodeltester: ModelTester, database: Database) -> None:
    model = DirectoryModel(EMPLOYER_COLUMNS, {0: lambda row: (0, row.name_key)})
    model.set_rows(employers.list_employers(database))
    qtmodeltester.check(model)
    total = model.rowCount()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_search("montpellier")
    assert 0 < model.rowCount() < total
    model.sort(0)
    model.set_search("")
    assert model.rowCount() == total


def test_agenda_model(qtmodeltester: ModelTester, database: Database, cohort_id: str) -> None:
    model = AgendaModel(AGENDA_COLUMNS)
    model.set_rows(compute_agenda(database, date(2010, 7, 12), cohort_id=cohort_id))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.sort(2)
    model.set_rows(compute_agenda(database, date(2010, 7, 19), cohort_id=cohort_id))


def test_checklist_model(qtmodeltester: ModelTester, database: Database, cohort_id: str) -> None:
    interview = interviews.list_interviews(database, cohort_id=cohort_id)[0]
    model = ChecklistModel(database, interview.id)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    assert model.setData(model.index(0, ChecklistModel.DONE), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(0, ChecklistModel.NOTE), "CV imprimé",
                         Qt.ItemDataRole.EditRole)
    model.reload()
    assert model.index(0, ChecklistModel.NOTE).data() == "CV imprimé"


def test_import_preview_model(qtmodeltester: ModelTester) -> None:
    columns: list[Column[tuple[int, dict[str, str]]]] = [
        Column("Ligne", lambda r: r[0], align_right=True),
        Column("Nom", lambda r: r[1].get("last_name")),
        Column("Prénom", lambda r: r[1].get("first_name")),
    ]
    model = _PlainHeaders(columns)
    model.set_rows([(3, {"last_name": "Lefèvre", "first_name": "Élodie"}),
                    (4, {"last_name": "Martin"})])
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Nom"


def test_choice_list_model(qtmodeltester: ModelTester, database: Database) -> None:
    model: ChoiceListModel[employers.EmployerChoice] = ChoiceListModel(lambda row: row.id)
    model.set_rows(employers.search_employers(database, "a"))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == model.row_at(0).id
    model.set_rows([])
    assert model.rowCount(QModelIndex()) == 0


def test_filtered_model_puts_changed_rows_in_place(qtmodeltester: ModelTester) -> None:
    """The Cohorte list's model: searched without sorting again, a changed row put in place."""
    people = [("1", "Martin", "Lucas"), ("2", "Dubois", "Théo"), ("3", "Lefèvre", "Élodie"),
              ("4", "Martin", "Léa")]
    columns: list[Column[tuple[str, str, str]]] = [
        Column("Nom", lambda r: r[1]), Column("Prénom", lambda r: r[2])]
    model = FilteredTableModel(columns, lambda row: row[0])
    model.set_rows(people)
    qtmodeltester.check(model)

    def shown() -> list[str]:
        return [model.row_at(row)[0] for row in range(model.rowCount())]

    assert shown() == ["2", "3", "1", "4"]  # by last name, ties as given
    model.set_filter(lambda rows: [row for row in rows if row[1] == "Martin"])
    assert shown() == ["1", "4"]
    selection = QItemSelectionModel(model)
    selection.select(model.index(1, 0), QItemSelectionModel.SelectionFlag.Select)
    # Lucas Martin becomes Lucas Aubert; a new Martin arrives; Théo Dubois is gone; Léa
    # Martin's first name is corrected.
    model.put_rows([("1", "Aubert", "Lucas"), ("5", "Martin", "Zoé"), ("4", "Martin", "Léna")],
                   removed=["2"])
    assert shown() == ["4", "5"]
    # Told row by row: the selection stayed on Léa (Léna) Martin.
    assert [index.row() for index in selection.selectedIndexes()] == [0]
    assert model.index(0, 1).data() == "Léna"
    model.set_filter(None)
    assert shown() == ["1", "3", "4", "5"]
    assert model.row_by_id("2") is None and model.row_by_id("1") == ("1", "Aubert", "Lucas")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown() == ["5", "4", "3", "1"]  # backwards, ties too
    model.put_rows([("6", "Zola", "Émile")])
    assert shown()[0] == "6"
    model.sort(1)
    assert shown() == ["3", "6", "4", "1", "5"]  # accents ignored: élodie, emile
    assert sorted(row[0] for row in model.everyone()) == ["1", "3", "4", "5", "6"]


def test_a_column_sorted_by_its_own_key_places_changed_rows_by_it(
        qtmodeltester: ModelTester) -> None:
    """The Cohorte list's names sort by a key read from the row (its folded text), shown as
    typed: the same key orders the list, places a changed row and sorts it backwards."""
    columns: list[Column[tuple[str, str, str]]] = [
        Column("Nom", lambda r: r[1].upper(), sort_by=lambda r: r[2]),
        Column("Prénom", lambda r: r[2])]
    model = FilteredTableModel(columns, lambda row: row[0])
    model.set_rows([("1", "barral", "barral\0zoe"), ("2", "Azéma", "azema\0nour"),
                    ("3", "BARRAL", "barral\0bastien")])
    qtmodeltester.check(model)

    def shown() -> list[str]:
        return [model.row_at(row)[0] for row in range(model.rowCount())]

    assert shown() == ["2", "3", "1"]
    assert model.index(0, 0).data() == "AZÉMA"
    model.put_rows([("4", "Barral", "barral\0elodie"), ("2", "Azéma", "zz")])
    assert shown() == ["3", "4", "1", "2"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown() == ["2", "1", "4", "3"]
    model.put_rows([("5", "Abadie", "abadie\0anne")])
    assert shown()[-1] == "5"
