"""The window on the demo database, driven as a coach would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators
from coachdesk.db import open_database
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.widgets.table_model import Column, RowTableModel

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, home: Path):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.attach_database(open_database(demo_path))
    yield main
    main.close()
    for translator in translators:
        app.removeTranslator(translator)


def cell(view, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return str(view.model().index(row, column).data())


def test_title_tabs_and_cohort_in_french(window: MainWindow) -> None:
    assert window.windowTitle() == "CoachDesk — Démo CoachDesk.sqlite3"
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Cohorte", "Bilan", "Employeurs", "Suivi des contrats", "Tableau de bord"]
    assert window.cohort_selector.currentText().startswith("Promotion 2010")


def test_ctrl_number_switches_tabs(window: MainWindow, qtbot: QtBot) -> None:
    for number in (5, 2, 4, 3, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == number - 1


def test_cohort_list_search_ignores_accents_and_case(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.cohort_tab
    assert tab.model.rowCount() == 275  # 273 contacts and the 2 adults
    assert "275 participants affichés sur 275" in tab.count_label.text()
    headers = [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)]
    assert headers == ["Nom", "Prénom", "Étape"]
    first = tab.model.whole_row(0)
    assert first is not None
    tab.search.setText(first.first_name.upper().replace("É", "E") + " " + first.last_name.lower())
    qtbot.waitUntil(lambda: tab.model.rowCount() < 275)
    shown = [cell(tab.view, r, 1) for r in range(tab.model.rowCount())]
    assert shown and all(name == first.first_name for name in shown)
    tab.search.clear()
    tab.stage_filter.setCurrentIndex(tab.stage_filter.findText("Contrat"))
    qtbot.waitUntil(lambda: tab.model.rowCount() < 275)
    assert {cell(tab.view, r, 2) for r in range(tab.model.rowCount())} == {"Contrat"}


def test_lists_are_sortable_with_french_dates(window: MainWindow, qtbot: QtBot) -> None:
    window.show_tab(3)
    view = window.contracts_tab.view
    assert window.contracts_tab.model.rowCount() == 13
    assert "13 contrats — 3 rompus" in window.contracts_tab.count_label.text()
    view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    starts = [window.contracts_tab.model.row_at(r).start_date for r in range(13)]
    assert starts == sorted(starts)
    assert cell(view, 0, 3) == starts[0].strftime("%d/%m/%Y")
    window.show_tab(2)
    assert window.employers_tab.offer_model.rowCount() == 40
    window.show_tab(1)
    assert window.bilan_tab.model.rowCount() == 41


def test_dashboard_shows_the_same_figures_as_the_report(window: MainWindow) -> None:
    window.show_tab(4)
    tab = window.dashboard_tab
    shown = {tab.model.row_at(r).label: tab.model.row_at(r).count for r in range(17)}
    assert shown["Personnes retenues"] == 46
    assert shown["Contrats en cours"] == 8
    # The demo's own day, the note's: 8 contracts running, 3 broken.
    assert tab.as_of.date() == QDate(2010, 12, 31)
    assert tab.ruptures.text().splitlines() == [
        "Ruptures : 3 — 2 pendant la période d'essai, 1 après.",
        "Par motif : Fin de période d'essai 2, Raisons personnelles 1.",
        "À l'initiative de : Le jeune 2, L'employeur 1.",
        tab.ruptures.text().splitlines()[3],
    ]
    assert tab.ruptures.text().splitlines()[3].startswith("Par employeur : ")
    tab.as_of.setDate(QDate(2010, 3, 5))
    shown = {tab.model.row_at(r).label: tab.model.row_at(r).count for r in range(17)}
    assert shown["Contrats de professionnalisation signés"] == 0
    assert tab.ruptures.text() == "Ruptures : aucune à cette date."
    assert len(tab.chart.lines) == 8


def test_geometry_is_remembered(qtbot: QtBot, demo_path: Path, home: Path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 560)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (780, 560)
    second.close()


def test_table_model_passes_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model: RowTableModel[tuple[str, int]] = RowTableModel(
        [Column("Name", lambda r: r[0]), Column("Count", lambda r: r[1])]
    )
    model.set_rows([("Léa", 3), ("Élodie", 1), ("hugo", 2)])
    qtmodeltester.check(model)
    model.sort(0)
    assert [model.row_at(i)[0] for i in range(3)] == ["Élodie", "hugo", "Léa"]


def test_french_translation_is_complete() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_hidden_tab_reads_nothing_until_shown_then_lists_its_rows(
    qtbot: QtBot, demo_path: Path, home: Path
) -> None:
    """Start-up reads only what the visible tab shows: the Suivi des contrats tab is neither
    built nor read until the coach opens it, then lists the promotion's contracts; a write
    made while it is hidden is read when it is shown again, not before."""
    from sqlalchemy import event

    from coachdesk.services.contract_alerts import acknowledge_alert

    database = open_database(demo_path)
    statements: list[str] = []

    def heard(_conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", heard)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app)
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.attach_database(database)
    try:
        qtbot.waitUntil(lambda: main.tab_list[0].built is not None
                        and main.cohort_tab.model.rowCount() == 275)
        qtbot.wait(50)  # whatever the window does right after showing the list
        assert [type(tab).__name__ for tab in main.built_tabs()] == ["CohortTab"]
        assert statements and not [s for s in statements if "contract_alert_ack" in s]

        qtbot.keyClick(main, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: main.tab_list[3].built is not None
                        and main.contracts_tab.model.rowCount() == 13)
        contracts = main.contracts_tab
        assert [s for s in statements if "contract_alert_ack" in s]
        names = {contracts.model.row_at(r).participant for r in range(13)}
        assert {"URBAIN Dylan", "VINCENT Gaëlle", "BARRAL Léa"} <= names
        assert contracts.count_label.text().startswith("13 contrats — 3 rompus")
        vincent = next(contracts.model.row_at(r) for r in range(13)
                       if contracts.model.row_at(r).participant == "VINCENT Gaëlle")
        assert vincent.flagged

        # Back to the Cohorte tab: a contract's alert set aside meanwhile (elsewhere) is not
        # read by the hidden tab…
        qtbot.keyClick(main, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not contracts.isVisible())
        acknowledge_alert(database, vincent.id, "training_share_high", "accord de branche")
        statements.clear()
        qtbot.wait(50)
        assert not [s for s in statements if "contract_alert_ack" in s]
        # …until the coach opens it again, and sees it.
        qtbot.keyClick(main, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: contracts.count_label.text().endswith("— 1 avec alerte"))
        assert [s for s in statements if "contract_alert_ack" in s]
    finally:
        main.close()
        for translator in translators:
            app.removeTranslator(translator)
