"""The Bilan tab on the demo database, driven as a coach would; each test checks the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.services import bilan
from coachdesk.services.cohorts import list_cohorts
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.bilan.tab import BilanTab
from coachdesk.ui.widgets import messages

# The offscreen platform cannot pass a window's size hints on; harmless, logged on every dialog.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def french(qapp: QApplication):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def database(demo_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(demo_path)
    yield db
    db.dispose()


@pytest.fixture
def cohort_id(database: Database) -> str:
    with database.read() as session:
        return list_cohorts(session)[0].id


@pytest.fixture
def tab(qtbot: QtBot, database: Database, cohort_id: str, french: None,
        monkeypatch: pytest.MonkeyPatch) -> BilanTab:
    monkeypatch.setattr(messages, "quiet", True)
    widget = BilanTab(database)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_cohort(cohort_id)
    widget.show()
    return widget


def click_ok(qtbot: QtBot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def pick_person(tab: BilanTab, name_start: str) -> str:
    """Click the first participant whose name starts with ``name_start``; returns their id."""
    for number, row in enumerate(tab.model.rows()):
        if row.name.startswith(name_start):
            tab.view.setCurrentIndex(tab.model.index(number, 0))
            return row.participant_id
    raise AssertionError(name_start)


def test_group_view_shows_where_each_participant_stands(tab: BilanTab) -> None:
    assert tab.model.rowCount() == 41
    assert tab.count_label.text() == "41 participants en bilan — 22 projets validés"
    assert tab.group_selector.currentText() == "Groupe bilan printemps 2010 (41 participants)"
    calendar = tab.calendar_label.text()
    assert "Du 22/03/2010 au 05/05/2010" in calendar
    assert "Remise à niveau : 07/04 – 21/04" in calendar
    assert "9 séances" in calendar
    assert tab.session_model.rowCount() == 9
    assert tab.attendance_model.rowCount() == 41
    assert tab.attendance_model.columnCount() == 9


def test_ctrl_n_creates_a_group_with_its_three_parts(
    qtbot: QtBot, demo_path: Path, home: Path, french: None, cohort_id: str
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    # Shortcuts only reach the active window.
    with qtbot.waitActive(window):
        window.show()
    window.attach_database(open_database(demo_path))
    window.tabs.setCurrentIndex(1)  # Bilan
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.bilan_tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Nouveau groupe de bilan"
    qtbot.keyClicks(dialog.name, "Groupe automne 2010")
    dialog.start.setDate(QDate(2010, 10, 4))
    dialog.end.setDate(QDate(2010, 12, 31))
    # The thirds follow the dates typed; the coach moves the start of the TRE by a week.
    assert dialog.parts["tre"][0].date() == QDate(2010, 12, 2)
    dialog.parts["remise_a_niveau"][1].setDate(QDate(2010, 12, 7))
    dialog.parts["tre"][0].setDate(QDate(2010, 12, 8))
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    database = window.database
    assert database is not None
    groups = {g.name: g for g in bilan.list_groups(database, cohort_id)}
    group = groups["Groupe automne 2010"]
    assert (group.start_date, group.end_date) == (date(2010, 10, 4), date(2010, 12, 31))
    parts, _sessions = bilan.group_calendar(database, group.id)
    assert [(p.kind, p.start_date, p.end_date) for p in parts] == [
        ("bilan", date(2010, 10, 4), date(2010, 11, 1)),
        ("remise_a_niveau", date(2010, 11, 2), date(2010, 12, 7)),
        ("tre", date(2010, 12, 8), date(2010, 12, 31)),
    ]
    # The new group is offered in the selector with its calendar.
    tab = window.bilan_tab
    tab.group_selector.setCurrentIndex(tab.group_selector.findData(group.id))
    assert "Remise à niveau : 02/11 – 07/12" in tab.calendar_label.text()
    window.close()


def test_group_dialog_keeps_what_was_typed_on_error(tab: BilanTab, qtbot: QtBot,
                                                    database: Database, cohort_id: str) -> None:
    tab.create_new()
    dialog = tab.dialog
    dialog.start.setDate(QDate(2010, 10, 4))
    dialog.end.setDate(QDate(2010, 12, 31))
    click_ok(qtbot, dialog)  # no name
    assert dialog.isVisible()
    assert dialog.error.text() == "Le champ « Nom du groupe » est obligatoire."
    qtbot.keyClicks(dialog.name, "Groupe hiver")
    dialog.parts["tre"][1].setDate(QDate(2011, 1, 15))  # past the end of the group
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "hors des dates du groupe « Groupe hiver »" in dialog.error.text()
    assert len(bilan.list_groups(database, cohort_id)) == 1
    dialog.parts["tre"][1].setDate(QDate(2010, 12, 31))
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert len(bilan.list_groups(database, cohort_id)) == 2


def test_session_member_and_attendance_grid(tab: BilanTab, qtbot: QtBot,
                                            database: Database) -> None:
    group_id = tab.group_id()
    assert group_id is not None
    # A new session of the remise à niveau.
    qtbot.mouseClick(tab.new_session_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.part.setCurrentIndex(dialog.part.findData("remise_a_niveau"))
    dialog.held_on.setDate(QDate(2010, 4, 20))
    qtbot.keyClicks(dialog.title, "Redaction professionnelle")
    qtbot.keyClicks(dialog.trainer, "Claire Vidal")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    _parts, sessions = bilan.group_calendar(database, group_id)
    new = next(s for s in sessions if s.title == "Redaction professionnelle")
    assert (new.part, new.held_on, new.trainer) == ("remise_a_niveau", date(2010, 4, 20),
                                                    "Claire Vidal")
    # A session outside its part is refused inside the dialog.
    qtbot.mouseClick(tab.new_session_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.part.setCurrentIndex(dialog.part.findData("tre"))
    dialog.held_on.setDate(QDate(2010, 4, 1))
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "hors de la partie « Techniques de recherche d'emploi »" in dialog.error.text()
    dialog.reject()

    # A participant of the cohort who was not in the bilan joins the group.
    members_before = tab.attendance_model.rowCount()
    qtbot.mouseClick(tab.add_member_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    newcomer = dialog.person.currentText()
    newcomer_id = dialog.person.currentData()
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert tab.attendance_model.rowCount() == members_before + 1
    assert any(row.participant_id == newcomer_id for row in tab.model.rows())
    assert newcomer in [name for _id, name in tab.attendance_model.members]

    # Tick them present at the new session with the keyboard, then untick an absent mark.
    column = next(i for i, s in enumerate(tab.attendance_model.sessions)
                  if s.title == "Redaction professionnelle")
    row = next(i for i, m in enumerate(tab.attendance_model.members) if m[0] == newcomer_id)
    tab.pages.setCurrentIndex(1)
    index = tab.attendance_model.index(row, column)
    tab.attendance_view.setCurrentIndex(index)
    tab.attendance_view.setFocus()
    qtbot.keyClick(tab.attendance_view, Qt.Key.Key_Space)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert bilan.session_attendance(database, new.id) == {newcomer_id: True}
    qtbot.keyClick(tab.attendance_view, Qt.Key.Key_Space)
    assert bilan.session_attendance(database, new.id) == {newcomer_id: False}


def test_skill_assessment_with_gain(tab: BilanTab, qtbot: QtBot, database: Database) -> None:
    person = pick_person(tab, "ALARY")
    assert tab.skill_model.rowCount() == 3
    assert [tab.skill_model.index(r, 0).data() for r in range(3)] == [
        "Français", "Mathématiques", "Bureautique"]
    qtbot.mouseClick(tab.skill_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    # A domain of the coach's own.
    dialog.domain.setCurrentText("")
    qtbot.keyClicks(dialog.domain, "Anglais")
    dialog.before.setValue(8)
    dialog.before_on.setDate(QDate(2010, 4, 21))
    dialog.after.setValue(13)
    dialog.after_on.setDate(QDate(2010, 4, 7))  # before the first assessment: refused
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "Anglais : l'évaluation finale précède l'évaluation initiale."
    dialog.before_on.setDate(QDate(2010, 4, 7))
    dialog.after_on.setDate(QDate(2010, 4, 21))
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    skills = {s.domain: s for s in bilan.list_skill_assessments(database, person)}
    assert (skills["Anglais"].score_before, skills["Anglais"].score_after) == (8, 13)
    assert skills["Anglais"].gain == 5
    shown = {tab.skill_model.index(r, 0).data(): tab.skill_model.index(r, 4).data()
             for r in range(tab.skill_model.rowCount())}
    assert shown["Anglais"] == "+5"

    # Correct the maths score after the remise à niveau.
    tab.skill_view.setCurrentIndex(tab.skill_model.index(1, 0))
    qtbot.mouseClick(tab.edit_skill_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog.domain.currentText() == "Mathématiques"
    dialog.after.setValue(19)
    click_ok(qtbot, dialog)
    maths = next(s for s in bilan.list_skill_assessments(database, person)
                 if s.domain == "mathematiques")
    assert maths.score_after == 19
    assert tab.skill_model.index(1, 3).data() == "19"


def test_second_project_picked_from_the_rome_list(tab: BilanTab, qtbot: QtBot,
                                                  database: Database) -> None:
    person = pick_person(tab, "ALARY")
    assert tab.project_model.rowCount() == 1
    qtbot.mouseClick(tab.project_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    # Typed without accents, found with them: « Secrétaire médical ».
    qtbot.keyClicks(dialog.rome.search, "secretaire medic")
    qtbot.waitUntil(lambda: dialog.rome.model.rowCount() == 1)
    assert dialog.rome.model.row_at(0).code == "M1609"
    first = dialog.rome.model.index(0)
    qtbot.mouseClick(dialog.rome.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.rome.results.visualRect(first).center())
    assert dialog.rome.code() == "M1609"
    assert "M1609 – Secrétaire médical" in dialog.rome.chosen.text()
    dialog.decision.setCurrentIndex(dialog.decision.findData("valide"))
    dialog.decided_on.setDate(QDate(2010, 5, 4))
    qtbot.mouseClick(dialog.employable, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.employable.height() // 2))
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    projects = bilan.list_projects(database, person)
    assert len(projects) == 2
    new = projects[-1]
    assert (new.rome_code, new.decision, new.decided_on, new.directly_employable) == (
        "M1609", "valide", date(2010, 5, 4), True)
    assert new.job_title.startswith("Secrétaire médical")
    assert tab.project_model.rowCount() == 2
    # The group view now shows the validated project for this person.
    row = next(r for r in tab.model.rows() if r.participant_id == person)
    assert row.project_decision == "Validé"

    # The coach takes the decision back: to be reworked, on a given day.
    tab.project_view.setCurrentIndex(tab.project_model.index(1, 0))
    qtbot.mouseClick(tab.decide_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.decision.setCurrentIndex(dialog.decision.findData("a_retravailler"))
    dialog.decided_on.setDate(QDate(2010, 5, 10))
    click_ok(qtbot, dialog)
    new = bilan.list_projects(database, person)[-1]
    assert (new.decision, new.decided_on) == ("a_retravailler", date(2010, 5, 10))
    assert tab.project_model.index(1, 2).data() == "À retravailler"


def test_project_needs_a_rome_job(tab: BilanTab, qtbot: QtBot, database: Database) -> None:
    person = pick_person(tab, "ALARY")
    qtbot.mouseClick(tab.project_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.job_title, "Hotesse")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "choisissez le métier visé dans la liste ROME" in dialog.error.text()
    assert dialog.job_title.text() == "Hotesse"
    assert len(bilan.list_projects(database, person)) == 1


def test_attendance_model_passes_qt_model_tester(tab: BilanTab, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(tab.attendance_model)
    assert tab.attendance_model.headerData(0, Qt.Orientation.Horizontal) == "22/03\nBilan"
    assert not tab.attendance_model.index(0, 0, QModelIndex()).parent().isValid()
