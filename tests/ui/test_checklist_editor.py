"""The checklist template editor, opened from the Employeurs tab and driven as a coach would;
each step is checked in the database, and interviews keep their own copy."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import Database, open_database
from coachdesk.services import interviews
from coachdesk.services.cohorts import list_cohorts
from coachdesk.ui.employers.checklist_editor import ChecklistEditor
from coachdesk.ui.employers.tab import EmployersTab
from coachdesk.ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def database(demo_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(demo_path)
    yield db
    db.dispose()


@pytest.fixture
def tab(qtbot: QtBot, qapp: QApplication, database: Database,
        monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    widget = EmployersTab(database)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with database.read() as session:
        widget.set_cohort(list_cohorts(session)[0].id)
    widget.show()
    yield widget
    for translator in translators:
        qapp.removeTranslator(translator)


def click(qtbot: QtBot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def templates(database: Database) -> dict[str, interviews.TemplateRow]:
    return {row.name: row for row in interviews.list_templates(database)}


def open_editor(tab: EmployersTab, qtbot: QtBot) -> ChecklistEditor:
    tab.pages.setCurrentIndex(2)
    click(qtbot, tab.templates_button)
    editor = tab.dialog
    assert isinstance(editor, ChecklistEditor) and editor.isVisible()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_coach_makes_a_new_default_list_that_new_interviews_copy(
    tab: EmployersTab, qtbot: QtBot, database: Database
) -> None:
    default_name, default_labels = interviews.default_checklist_file()
    planned = interviews.list_interviews(database)[0]
    planned_items = [item.label for item in interviews.checklist(database, planned.id)]

    editor = open_editor(tab, qtbot)
    assert editor.windowTitle() == "Listes de préparation"
    assert editor.templates.currentItem().text() == f"{default_name} (par défaut)"
    assert editor.labels() == default_labels
    assert not editor.delete_button.isEnabled()  # the default list cannot be deleted

    # A copy of the default list, renamed.
    click(qtbot, editor.new_button)
    copy = templates(database)[f"Copie de {default_name}"]
    assert not copy.is_default and copy.items == len(default_labels)
    assert editor.template_id() == copy.id
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Grande entreprise")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    assert "Grande entreprise" in templates(database)
    assert editor.templates.currentItem().text() == "Grande entreprise"

    # A new point, typed then Enter: saved at once, at the end; the dialog stays open.
    editor.new_item.setFocus()
    qtbot.keyClicks(editor.new_item, "Demander le nom du service RH")
    qtbot.keyClick(editor.new_item, Qt.Key.Key_Return)
    assert editor.isVisible() and editor.new_item.text() == ""
    labels = interviews.template_labels(database, copy.id)
    assert labels == [*default_labels, "Demander le nom du service RH"]

    # It moves up twice (button, then Ctrl+Up), and the first point goes away.
    assert editor.items.currentRow() == len(labels) - 1
    click(qtbot, editor.up_button)
    editor.items.setFocus()
    qtbot.keyClick(editor.items, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    labels = interviews.template_labels(database, copy.id)
    assert labels[-3:] == ["Demander le nom du service RH", *default_labels[-2:]]
    editor.items.setCurrentRow(0)
    click(qtbot, editor.remove_button)
    labels = interviews.template_labels(database, copy.id)
    assert labels[0] == default_labels[1] and len(labels) == len(default_labels)

    # A point renamed in place (F2).
    editor.items.setFocus()
    editor.items.setCurrentRow(0)
    qtbot.keyClick(editor.items, Qt.Key.Key_F2)
    (line,) = editor.items.viewport().findChildren(QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "Relire l'offre avec le coach")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: interviews.template_labels(database, copy.id)[0]
                    == "Relire l'offre avec le coach")

    # It becomes the default list; the shipped one no longer is, and can now be deleted.
    qtbot.mouseClick(editor.is_default, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, editor.is_default.height() // 2))
    rows = templates(database)
    assert rows["Grande entreprise"].is_default and not rows[default_name].is_default
    assert not editor.is_default.isEnabled() and not editor.delete_button.isEnabled()
    assert editor.templates.item(0).text() == "Grande entreprise (par défaut)"
    expected = interviews.template_labels(database, copy.id)
    editor.reject()

    # A new interview copies the new default list; the interview planned before keeps its own.
    # (A second interview with an employer who already said yes: the demo's referrals are all
    # decided, and only a refusal closes one.)
    referral = next(r for r in tab.referral_model.rows() if r.status == "retenu")
    tab.referral_view.setCurrentIndex(tab.referral_model.index(
        tab.referral_model.rows().index(referral), 0))
    click(qtbot, tab.plan_interview_button)
    dialog = tab.dialog
    assert dialog.template.currentText().startswith("Grande entreprise")
    dialog.starts_at.setDateTime(QDateTime(QDate(2010, 7, 5), datetime(2010, 7, 5, 14).time()))
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    (new,) = interviews.list_interviews(database, participant_id=referral.participant_id,
                                        start=date(2010, 7, 5), end=date(2010, 7, 6))
    assert [item.label for item in interviews.checklist(database, new.id)] == expected
    assert [item.label for item in interviews.checklist(database, planned.id)] == planned_items

    # The shipped list is deleted (after a question); interviews keep their copy.
    editor = open_editor(tab, qtbot)
    editor.templates.setCurrentRow(
        next(n for n in range(editor.templates.count())
             if editor.templates.item(n).text() == default_name))
    assert editor.delete_button.isEnabled()
    click(qtbot, editor.delete_button)
    assert messages.last_messages[-1].kind == "question"
    assert default_name in messages.last_messages[-1].text
    assert set(templates(database)) == {"Grande entreprise"}
    assert editor.templates.count() == 1
    assert [item.label for item in interviews.checklist(database, planned.id)] == planned_items


def test_refused_changes_are_explained_and_nothing_is_lost(
    tab: EmployersTab, qtbot: QtBot, database: Database
) -> None:
    default_name, default_labels = interviews.default_checklist_file()
    editor = open_editor(tab, qtbot)
    click(qtbot, editor.new_button)
    copy_id = editor.template_id()
    # A name already taken: said in red, the list keeps its name.
    # (keyClicks cannot type accents: the name is set, then Return pressed.)
    editor.name.setText(default_name)
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    assert editor.error.isVisible()
    assert f"Une liste de préparation s'appelle déjà « {default_name} »" in editor.error.text()
    assert templates(database)[f"Copie de {default_name}"].id == copy_id
    # A blank point is not added; removing down to one point is the limit.
    qtbot.keyClicks(editor.new_item, "   ")
    qtbot.keyClick(editor.new_item, Qt.Key.Key_Return)
    assert interviews.template_labels(database, copy_id) == default_labels
    editor.items.setFocus()
    while editor.remove_button.isEnabled():
        editor.items.setCurrentRow(0)
        qtbot.keyClick(editor.items, Qt.Key.Key_Delete)
    assert interviews.template_labels(database, copy_id) == default_labels[-1:]
    assert editor.items.count() == 1
    # Renaming the last point to nothing keeps it as it was.
    editor.items.setCurrentRow(0)
    editor.items.item(0).setText("  ")
    assert interviews.template_labels(database, copy_id) == default_labels[-1:]
    assert editor.items.item(0).text() == default_labels[-1]
    assert "au moins un point" in editor.error.text()
