"""The window's first look: the Cohorte list shown before the database is opened.

``services.first_look`` reads the promotions and the most recent one's people straight through
SQLite's driver; this shows them in the promotion selector and the Cohorte tab, painted at once.
The database, opened right after, finds the list already shown and does not read it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from pathlib import Path

    from coachdesk.ui.app_window.main_window import MainWindow
    from coachdesk.ui.cohort.tab import CohortTab


def show_first_look(window: MainWindow, path: Path) -> bool:
    """Show the first look at ``path`` in ``window`` and paint it; False when there is none to
    show (the Cohorte tab is not the one in front, or the file needs its full opening)."""
    from coachdesk.services.first_look import read_first_look

    if window.tabs.currentIndex() != 0 or window.database is not None:
        return False
    look = read_first_look(
        path, include_archived=window.promotion_actions.show_archived.isChecked())
    if look is None:
        return False
    window.finish_setup()
    selector = window.cohort_selector
    selector.blockSignals(True)
    selector.clear()
    for label, cohort_id in window.promotion_actions.labelled(look.cohorts):
        selector.addItem(label, cohort_id)
    selector.setCurrentIndex(selector.findData(look.cohort_id))
    selector.blockSignals(False)
    window.setWindowTitle(f"CoachDesk — {path.name}")
    cast("CohortTab", window.tab_list[0].tab()).show_first_look(look)
    window.repaint()
    return True


def forget_first_look(window: MainWindow) -> None:
    """The database could not be opened after all: its first look is no longer shown."""
    tab = window.tab_list[0].built
    if window.database is None and tab is not None:
        window.cohort_selector.clear()
        cast("CohortTab", tab).forget_first_look()
