"""At 1366×768 every tab shows its columns without horizontal scrolling; a text cut short ends
with « … » and shows whole in its tooltip; names are written NOM Prénom in every list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from coachdesk.app import install_translators, open_in_window
from coachdesk.db import open_database
from coachdesk.ui.app_window.main_window import MainWindow
from coachdesk.ui.widgets.list_tab import elided_tip, fit_columns, fit_widths, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_the_widest_columns_are_narrowed_first_and_none_below_the_floor() -> None:
    assert fit_widths([100, 200, 300], 1000) == [100, 200, 300]
    assert fit_widths([100, 200, 300], 500) == [100, 200, 200]
    assert fit_widths([100, 200, 300], 400) == [100, 150, 150]
    # Nothing narrower than the floor (70), even if the table must then scroll.
    assert fit_widths([50, 300, 300], 150, floor=70) == [50, 70, 70]
    assert sum(fit_widths([90, 320, 320, 120, 80], 700)) <= 700


@pytest.fixture(params=["attach", "first look"])
def window(qtbot: QtBot, demo_path: Path, home: Path, qapp: QApplication,
           request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp)
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    if request.param == "first look":
        # As CoachDesk starts: the list painted from the file, then the database behind it.
        qtbot.waitUntil(lambda: main.first_paint_time is not None)
        open_in_window(main, demo_path, demo=False)
        assert main.database is not None
    else:
        main.attach_database(open_database(demo_path))
    yield main
    main.close()
    for translator in translators:
        qapp.removeTranslator(translator)


def _scrolling_sideways(window: MainWindow) -> list[str]:
    """Every table, of every tab and inner tab, that the coach would scroll sideways."""
    found = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        inner_tabs = window.tabs.widget(index).findChildren(QTabWidget)
        pages = [(None, 0)] + [(tabs, page) for tabs in inner_tabs for page in range(tabs.count())]
        for tabs, page in pages:
            if tabs is not None:
                tabs.setCurrentIndex(page)
            QApplication.processEvents()
            for area in window.tabs.widget(index).findChildren(QAbstractScrollArea):
                if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
                    found.append(f"{window.tabs.tabText(index)}: {area.objectName()}")
    return sorted(set(found))


def test_every_tab_fits_1366_by_768_without_sideways_scrolling(window: MainWindow) -> None:
    assert window.width() == 1366
    assert _scrolling_sideways(window) == []


def test_the_cohort_list_writes_last_names_in_capitals_as_nom_prenom(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    model = window.findChild(QAbstractScrollArea, "participantTable").model()  # type: ignore[union-attr]
    last_names = [model.index(row, 0).data() for row in range(model.rowCount())]
    # The demo types some names « Alary », others « ALARY »: one way to show them.
    assert "ALARY" in last_names
    assert all(name == name.upper() for name in last_names)


@dataclass(frozen=True)
class Line:
    text: str


def test_a_text_cut_short_shows_whole_in_its_tooltip(qtbot: QtBot) -> None:
    long = "Secrétaire comptable (M1608) à Montpellier"
    model: RowTableModel[Line] = RowTableModel(
        [Column(QT_TRANSLATE_NOOP("Columns", "Job"), lambda r: r.text),
         Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.text[:5])])
    model.set_rows([Line(long)])
    view = make_table_view(model, "lines")
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    fit_columns(view)
    QApplication.processEvents()
    assert view.horizontalScrollBar().maximum() == 0
    assert elided_tip(view, model.index(0, 0)) == long
    assert elided_tip(view, model.index(0, 1)) is None  # « Agent » fits: no tooltip
    # Wider, the columns are fitted again: the whole text shows and its tooltip goes.
    view.resize(1200, 200)
    QApplication.processEvents()
    assert elided_tip(view, model.index(0, 0)) is None
