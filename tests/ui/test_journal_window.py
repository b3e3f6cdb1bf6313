"""Journal and reminders in the window, on the demo's day (31/12/2010), driven as a coach:
the agenda's « Fait » and « Reporter… », the person's « Journal et rappels », a reminder from
an employer and from a contract."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import open_database
from coachdesk.services import journal, reminders
from coachdesk.services.agenda import compute_agenda
from coachdesk.services.contract_board import contract_board
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.cohort.journal_panel import REMINDER_COLUMNS, ReminderModel
from coachdesk.ui.cohort.participant_file import ParticipantFileDialog
from coachdesk.ui.contracts.contract_dialog import ContractDialog
from coachdesk.ui.dashboard.agenda_panel import OVERDUE
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.fields import set_date

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.attach_database(open_database(demo_path))
    main.show_tab(4)
    yield main
    main.close()
    for translator in translators:
        app.removeTranslator(translator)


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def row_of(panel, test) -> int:  # type: ignore[no-untyped-def]
    return next(number for number, item in enumerate(panel.items()) if test(item))


def test_the_agenda_ticks_done_and_postpones(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.dashboard_tab.agenda
    actions = panel.agenda_actions
    late = row_of(panel, lambda item: item.kind == "reminder_overdue")
    assert panel.model.index(late, 1).data() == "Rappel en retard"
    assert "en retard de 3 jours (prévu le 28/12/2010)" in panel.model.index(late, 3).data()
    assert panel.model.index(late, 3).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE
    # A visit is no reminder: nothing to tick.
    panel.view.selectRow(row_of(panel, lambda item: item.kind == "visit_due"))
    assert not actions.done_button.isEnabled() and not actions.postpone_button.isEnabled()
    panel.view.selectRow(late)
    assert actions.done_button.isEnabled()
    click(qtbot, actions.done_button)
    done = next(item for item in panel.items()
                if item.detail.startswith("Demander ses bulletins"))
    assert (done.kind, done.done) == ("reminder", True)
    assert done.detail.endswith("Fait le 31/12/2010.")
    row = panel.items().index(done)
    assert panel.model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole).color() != OVERDUE
    panel.view.selectRow(row)
    assert not actions.done_button.isEnabled()
    assert actions.done_button.toolTip() == "Ce rappel est déjà fait."

    # An exit's 3-month follow-up, computed, ticked done: it leaves the week.
    follow_ups = sum(item.kind == "followup_overdue" for item in panel.items())
    panel.view.selectRow(row_of(panel, lambda item: item.kind == "followup_overdue"))
    click(qtbot, actions.done_button)
    assert sum(item.kind == "followup_overdue" for item in panel.items()) == follow_ups - 1

    # Postponed to next week: it leaves this one and shows there.
    panel.view.selectRow(row_of(panel, lambda item: item.detail.startswith("Appeler le jeune")))
    click(qtbot, actions.postpone_button)
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible()
    set_date(dialog.new_day, date(2010, 12, 20))
    click(qtbot, dialog.ok_button)
    assert "La nouvelle date du rappel (20/12/2010) est déjà passée." in dialog.error.text()
    set_date(dialog.new_day, date(2011, 1, 4))
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert not any(item.detail.startswith("Appeler le jeune") for item in panel.items())
    panel.show_week(date(2011, 1, 4))
    assert [(item.day, item.kind) for item in panel.items()
            if item.detail.startswith("Appeler le jeune")] == [(date(2011, 1, 4), "reminder")]


def test_the_persons_journal_and_reminders(window: MainWindow, qtbot: QtBot) -> None:
    database = window.database
    assert database is not None
    (line,) = journal.search_journal(database, "bts")
    window.show_tab(0)
    window.cohort_tab.open_file(line.participant_id)
    dialog = window.cohort_tab.dialog
    assert isinstance(dialog, ParticipantFileDialog) and dialog.journal is not None
    panel = dialog.journal
    assert dialog.pages.tabText(1) == "Journal et rappels"
    dialog.pages.setCurrentWidget(panel)
    reminders = panel.reminder_model
    assert [reminders.index(0, column).data() for column in range(3)] == [
        "28/12/2010", "en retard de 3 jours",
        "Demander ses bulletins de notes pour le dossier de BTS."]
    assert reminders.index(0, 1).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    # The note, found without its accents, shown whole under the list.
    assert panel.note_model.index(0, 1).data() == "Entretien"
    assert "veut préparer un BTS" in panel.note_detail.text()
    panel.search.setText("PREPARER alternance")
    assert panel.note_model.rowCount() == 1
    panel.search.setText("tutrice")
    assert panel.note_model.rowCount() == 0
    panel.search.clear()

    # A new note: empty text refused in French, then written; it joins the timeline.
    click(qtbot, panel.new_note_button)
    note = panel.dialog
    assert note is not None
    click(qtbot, note.ok_button)
    assert "Le texte de la note est obligatoire." in note.error.text()
    note.kind.setCurrentIndex(note.kind.findData("appel"))
    note.text.setPlainText("Appelé la tutrice : elle confirme les bulletins.")
    click(qtbot, note.ok_button)
    assert not note.isVisible()
    assert panel.note_model.rowCount() == 2
    assert panel.note_model.index(0, 1).data() == "Appel"
    titles = [dialog.timeline.index(row, 1).data() for row in range(dialog.timeline.rowCount())]
    assert "Journal : Appel" in titles and "Journal : Entretien" in titles

    # The late reminder ticked done, a new one written.
    panel.reminder_view.selectRow(0)
    click(qtbot, panel.done_button)
    states = {reminders.index(row, 2).data(): reminders.index(row, 1).data()
              for row in range(reminders.rowCount())}
    assert states["Demander ses bulletins de notes pour le dossier de BTS."] == (
        "fait le 31/12/2010")
    click(qtbot, panel.new_reminder_button)
    reminder = panel.dialog
    assert reminder is not None and reminder.windowTitle().startswith("Nouveau rappel — ")
    reminder.text.setPlainText("Envoyer le dossier de BTS.")
    click(qtbot, reminder.ok_button)
    assert ("07/01/2011", "à faire", "Envoyer le dossier de BTS.") in [
        tuple(reminders.index(row, column).data() for column in range(3))
        for row in range(reminders.rowCount())]
    dialog.done(0)


def test_a_reminder_from_an_employer_and_from_a_contract(
    window: MainWindow, qtbot: QtBot
) -> None:
    database = window.database
    assert database is not None
    window.show_tab(2)
    tab = window.employers_tab
    tab.employer_view.selectRow(0)
    employer = tab.selected_employer()
    assert employer is not None
    tab.employer_detail.setCurrentIndex(1)
    click(qtbot, tab.reminder_button)
    dialog = tab.dialog
    # About no one in particular: the employer is in the title, and the agenda names it (it
    # knows which it is) beside the text.
    assert employer.name in dialog.windowTitle() and dialog.text.toPlainText() == ""
    dialog.text.setPlainText("Relancer pour l'offre de janvier.")
    click(qtbot, dialog.ok_button)
    week = compute_agenda(database, date(2011, 1, 3))
    assert (date(2011, 1, 7), "reminder", employer.name, "Relancer pour l'offre de janvier.",
            employer.id) in [(i.day, i.kind, i.participant, i.detail, i.employer_id)
                             for i in week]

    window.show_tab(3)
    contracts = window.contracts_tab
    assert contracts.cohort_id is not None
    line = contract_board(database, contracts.cohort_id, date(2010, 12, 31),
                          contracts.smic).contracts[0]
    contract = ContractDialog(database, contracts.cohort_id, contracts.smic,
                              date(2010, 12, 31), window, contract_id=line.id)
    qtbot.addWidget(contract)
    contract.open()
    click(qtbot, contract.reminder_button)
    reminder = contract.reminder
    assert reminder.text.toPlainText().startswith("Contrat chez ")
    reminder.text.setPlainText(reminder.text.toPlainText() + "rappeler la tutrice.")
    click(qtbot, reminder.ok_button)
    assert any(item.participant_id == line.participant_id and item.contract_id == line.id
               and item.detail.endswith("rappeler la tutrice.")
               for item in compute_agenda(database, date(2011, 1, 3)))
    contract.done(0)


def test_reminder_model_passes_qt_model_tester(
    qtmodeltester: ModelTester, demo_path: Path
) -> None:
    database = open_database(demo_path)
    try:
        (line,) = journal.search_journal(database, "bts")
        model = ReminderModel(REMINDER_COLUMNS)
        model.set_rows(reminders.person_reminders(database, line.participant_id))
        qtmodeltester.check(model)
        assert model.rowCount() == 3
        assert model.index(0, 1).data() == "en retard de 3 jours"
        assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    finally:
        database.dispose()
