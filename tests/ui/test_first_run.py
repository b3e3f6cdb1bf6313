"""The first run: an empty database opens on a welcome that leads to « Nouvelle promotion »
then « Importer des contacts »; nothing is greyed out without saying why; no date of 2000."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coachdesk.app import install_translators
from coachdesk.db import open_database
from coachdesk.models import Cohort
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.cohort.promotion_dialogs import CohortDialog
from coachdesk.ui.widgets import background, messages

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows


@pytest.fixture
def window(qtbot: QtBot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 760)
    main.show()
    main.attach_database(open_database(tmp_path / "premiere.sqlite3"))
    yield main
    main.close()
    for translator in translators:
        app.removeTranslator(translator)


def test_an_empty_database_opens_on_the_welcome(window: MainWindow) -> None:
    welcome = window.first_run.page
    assert welcome is not None and window.pages.currentWidget() is welcome
    texts = [label.text() for label in welcome.findChildren(QLabel)]
    assert "Bienvenue dans CoachDesk" in texts
    assert "Créer la promotion" in texts and "Importer ses contacts" in texts
    assert welcome.new_cohort_button.text() == "Nouvelle promotion…"
    assert welcome.import_button.text() == "Importer des contacts…"
    assert welcome.new_cohort_button.isEnabled() and welcome.import_button.isEnabled()
    # The empty selector says so.
    assert window.cohort_selector.placeholderText() == "Aucune promotion pour l'instant"


def test_the_welcome_leads_to_a_new_cohort_then_to_the_import(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    welcome = window.first_run.page
    assert welcome is not None
    action = window.findChild(QAction, "newCohortAction")
    assert action is not None and action.text() == "&Nouvelle promotion…"
    welcome.new_cohort_button.click()
    dialog = window.findChild(CohortDialog, "cohortDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Nouvelle promotion"
    # Nothing named: said, nothing created.
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error.text().startswith("Le champ « Nom de la promotion » est obligatoire")
    assert dialog.isVisible() and window.cohort_selector.count() == 0
    dialog.name.setText("Promotion 2026")
    dialog.training_title.setText("BTS MCO")
    dialog.start.setDate(QDate(2026, 9, 1))
    dialog.deadline.setDate(QDate(2026, 7, 15))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.cohort_selector.count() == 1)
    assert welcome.cohort_step.mark.text() == "✓"
    assert welcome.cohort_step.detail.text() == "Promotion « Promotion 2026 » créée."
    assert "dans « Promotion 2026 »" in welcome.import_step.detail.text()
    with window.database.read() as session:
        saved = session.execute(select(Cohort.name, Cohort.training_title, Cohort.start_date,
                                       Cohort.enrolment_deadline)).one()
    assert tuple(saved) == ("Promotion 2026", "BTS MCO", date(2026, 9, 1), date(2026, 7, 15))
    assert window.pages.currentWidget() is welcome  # nobody listed yet
    # Step 2: the import wizard, into the new cohort.
    contacts = tmp_path / "universite.csv"
    contacts.write_text("Nom;Prénom\nDUPONT;Marie\nGARCIA;Inès\n", encoding="utf-8")
    monkeypatch.setattr(background, "run_in_process", False)
    welcome.import_button.click()
    wizard = window.cohort_tab.dialog
    assert wizard is not None and wizard.isVisible()
    assert wizard.file_page.cohort.text() == "Promotion 2026"
    wizard.file_page.path.setText(str(contacts))
    wizard.next()
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.finished_)
    wizard.accept()
    # People are listed: the tabs take the welcome's place, on the Cohorte list.
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.tabs)
    assert window.tabs.currentIndex() == 0
    assert window.cohort_tab.count_label.text().startswith("2 participants affichés sur 2")


def test_the_coach_may_leave_the_welcome_for_the_tabs(window: MainWindow, qtbot: QtBot) -> None:
    welcome = window.first_run.page
    assert welcome is not None
    tabs_button = next(b for b in welcome.findChildren(QAbstractButton)
                       if b.text() == "Aller aux onglets")
    tabs_button.click()
    assert window.pages.currentWidget() is window.tabs


def visible_texts(window: MainWindow) -> list[str]:
    texts = [window.windowTitle(), window.statusBar().currentMessage()]
    for widget in window.findChildren(QLabel):
        if widget.isVisible():
            texts.append(widget.text())
    for edit in window.findChildren(QDateEdit):
        if edit.isVisible():
            texts.append(edit.text())
    return texts


def test_nothing_greyed_out_without_saying_why_and_no_date_of_2000(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert not any("2000" in text for text in visible_texts(window))
    for index in range(window.tabs.count()):
        window.show_tab(index)
        qtbot.waitUntil(lambda: window.tabs.currentWidget().built is not None)
        QApplication.processEvents()
        title = window.tabs.tabText(index)
        greyed = [button for button in window.tabs.currentWidget().findChildren(QAbstractButton)
                  if button.isVisible() and not button.isEnabled()]
        silent = [button.text() for button in greyed if not button.toolTip()]
        assert silent == [], f"{title}: greyed without a reason"
        assert not any("2000" in text for text in visible_texts(window)), title
    # The Cohorte buttons say what is missing: a cohort.
    new_participant = window.cohort_tab.buttons["new"]
    assert not new_participant.isEnabled()
    assert new_participant.toolTip() == (
        "Il n'y a pas encore de promotion : créez-en une, ou importez un fichier de contacts.")
    # So do the menus' greyed actions.
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else []:
            if action.isSeparator() or action.menu() is not None or action.isEnabled():
                continue
            assert action.statusTip(), action.text()
    assert window.change_action.statusTip() == (
        "La base n'a pas encore de phrase de passe : protégez-la d'abord.")
