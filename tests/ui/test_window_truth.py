"""The window always shows the truth: a write made anywhere — a dialog of one tab, the import
wizard's worker process — shows in every other tab, count and selector without a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import open_database
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows

COHORTE, CONTRACTS, DASHBOARD = 0, 3, 4


@pytest.fixture
def open_window(qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    monkeypatch.setattr(messages, "quiet", True)
    monkeypatch.setattr(messages, "last_messages", [])
    windows: list[MainWindow] = []

    def opened(path: Path) -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        window.attach_database(open_database(path))
        windows.append(window)
        return window

    yield opened
    for window in windows:
        window.close()
    for translator in translators:
        app.removeTranslator(translator)


def funnel_figure(window: MainWindow, label: str) -> int:
    model = window.dashboard_tab.model
    for row in range(model.rowCount()):
        if model.row_at(row).label == label:
            return int(model.index(row, 1).data())
    raise AssertionError(f"{label} not in the funnel")


def test_a_rupture_in_suivi_des_contrats_shows_in_the_tableau_de_bord(
    open_window: Any, demo_path: Path, qtbot: QtBot
) -> None:
    window = open_window(demo_path)
    window.show_tab(DASHBOARD)
    assert funnel_figure(window, "Contrats rompus") == 3
    assert funnel_figure(window, "Contrats en cours") == 8
    contracts = window.show_tab(CONTRACTS)
    row = next(r for r in range(contracts.model.rowCount())
               if contracts.model.row_at(r).participant == "VINCENT Gaëlle")
    contracts.view.selectRow(row)
    contracts.rupture_button.click()
    dialog = contracts.dialog
    dialog.rupture_on.setDate(QDate(2010, 7, 30))
    dialog.by.setCurrentIndex(dialog.by.findData("jeune"))
    dialog.reason_category.setCurrentIndex(dialog.reason_category.findData("autre_emploi"))
    dialog.reason.setPlainText("A trouvé un CDI dans une autre entreprise.")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert messages.last_messages[-1].title == "Rupture enregistrée"
    qtbot.waitUntil(lambda: not window.dashboard_tab.isVisible() and
                    window.dashboard_tab._stale)
    # Back on the Tableau de bord: the count the coach reads is the new one.
    window.show_tab(DASHBOARD)
    assert funnel_figure(window, "Contrats rompus") == 4
    assert funnel_figure(window, "Contrats en cours") == 7


def test_a_person_added_in_cohorte_counts_in_the_tableau_de_bord_and_the_bilan_picker(
    open_window: Any, demo_path: Path, qtbot: QtBot
) -> None:
    window = open_window(demo_path)
    window.show_tab(DASHBOARD)
    contacts = funnel_figure(window, "Contacts (fichiers reçus)")
    cohort = window.show_tab(COHORTE)
    assert cohort.count_label.text().startswith("275 participants affichés sur 275")
    cohort.create_new()
    dialog = cohort.dialog
    dialog.last_name.setText("Zidane")
    dialog.first_name.setText("Inès")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert cohort.count_label.text().startswith("276 participants affichés sur 276")
    window.show_tab(DASHBOARD)
    # Entered by hand today, after the demo's end: counted from the day it is seen.
    window.dashboard_tab.as_of.setDate(QDate.currentDate())
    assert funnel_figure(window, "Contacts (fichiers reçus)") == contacts + 1


CONTACTS = "NOM;Prénom;Né(e) le;Portable\n{rows}\n"


def import_file(qtbot: QtBot, window: MainWindow, path: Path, cohort: str) -> None:
    """Import ``path`` into the cohort named ``cohort`` through the wizard, as a coach does."""
    tab = window.show_tab(COHORTE)
    tab.buttons["import"].click()
    wizard = tab.dialog
    wizard.file_page.path.setText(str(path))
    wizard.file_page.cohort.setText(cohort)
    wizard.next()
    wizard.next()
    wizard.next()  # « Importer »: in a worker process
    qtbot.waitUntil(lambda: wizard.import_page.finished_, timeout=60_000)
    assert "(nouvelle promotion)" in wizard.import_page.summary.toPlainText()
    wizard.accept()


def test_importing_into_new_promotions_shows_them_at_once(
    open_window: Any, tmp_path: Path, qtbot: QtBot
) -> None:
    window = open_window(tmp_path / "nouvelle.sqlite3")
    assert window.cohort_selector.count() == 0
    first = tmp_path / "universite.csv"
    first.write_text(CONTACTS.format(rows="DUPONT;Marie;12/05/1990;0612345678\n"
                                          "GARCIA;Inès;03/04/1989;0633333333"), encoding="utf-8")
    import_file(qtbot, window, first, "Promotion 2026")
    # No restart: the selector lists the new promotion and shows it, with its people.
    qtbot.waitUntil(lambda: window.cohort_selector.count() == 1)
    assert window.cohort_selector.currentText() == "Promotion 2026"
    assert window.cohort_tab.count_label.text().startswith("2 participants affichés sur 2")
    second = tmp_path / "mission-locale.csv"
    second.write_text(CONTACTS.format(rows="MARTIN;Léa;30/01/1990;0622222222"),
                      encoding="utf-8")
    import_file(qtbot, window, second, "Promotion bac+2")
    qtbot.waitUntil(lambda: window.cohort_selector.count() == 2)
    listed = {window.cohort_selector.itemText(i) for i in range(2)}
    assert listed == {"Promotion 2026", "Promotion bac+2"}
    assert window.cohort_selector.currentText() == "Promotion bac+2"
    assert window.cohort_tab.count_label.text().startswith("1 participant affiché sur 1")
    # The first promotion still holds its two people.
    window.cohort_selector.setCurrentIndex(window.cohort_selector.findText("Promotion 2026"))
    assert window.cohort_tab.model.rowCount() == 2


def test_a_write_of_another_part_of_the_window_reaches_a_hidden_tab_when_shown(
    open_window: Any, demo_path: Path, qtbot: QtBot
) -> None:
    """A write made outside any tab (here a service called as a GDPR dialog would) marks the
    built tabs stale; the visible one reloads at once."""
    from coachdesk.services.participants import delete_participant

    window = open_window(demo_path)
    cohort = window.show_tab(COHORTE)
    window.show_tab(DASHBOARD)
    contacts = funnel_figure(window, "Contacts (fichiers reçus)")
    window.show_tab(COHORTE)
    person = next(row for row in cohort.model.whole_rows() if not row.is_adult)
    assert window.database is not None
    delete_participant(window.database, person.id)
    qtbot.waitUntil(lambda: cohort.model.rowCount() == 274)
    assert cohort.model.row_by_id(person.id) is None
    assert window.dashboard_tab._stale
    window.show_tab(DASHBOARD)
    assert funnel_figure(window, "Contacts (fichiers reçus)") == contacts - 1


def test_a_person_erased_from_the_gdpr_menu_leaves_every_view(
    open_window: Any, demo_path: Path, qtbot: QtBot
) -> None:
    from coachdesk.ui.app_window.gdpr_dialogs import ErasureDialog

    window = open_window(demo_path)
    window.show_tab(DASHBOARD)
    contacts = funnel_figure(window, "Contacts (fichiers reçus)")
    cohort = window.show_tab(COHORTE)
    assert cohort.count_label.text().startswith("275 participants affichés sur 275")
    cohort.view.selectRow(0)
    chosen = cohort.model.row_at(0)
    # RGPD ▸ Effacer une personne… opens this dialog on the person selected in Cohorte.
    dialog = ErasureDialog(window.database, window.current_cohort_id(), chosen.id, window)
    qtbot.addWidget(dialog)
    dialog.erase_button.click()
    assert messages.last_messages[-1].title == "Effacer une personne"
    assert dialog.erased == 1
    qtbot.waitUntil(lambda: cohort.count_label.text().startswith(
        "274 participants affichés sur 274"))
    assert cohort.model.row_by_id(chosen.id) is None
    window.show_tab(DASHBOARD)
    assert funnel_figure(window, "Contacts (fichiers reçus)") == contacts - 1
