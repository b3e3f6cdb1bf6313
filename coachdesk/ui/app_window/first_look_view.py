"""The window's first look: the Cohorte list shown before the database is opened.

``services.first_look`` reads the promotions and the most recent one's people straight through
SQLite's driver; this shows them in the promotion selector and the Cohorte tab, painted at once.
The database, opened right after, finds the list already shown and does not read it again.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from coachdesk.services.first_look import FirstLook
    from coachdesk.ui.app_window.main_window import MainWindow
    from coachdesk.ui.cohort.tab import CohortTab


class FirstLookReader:
    """The database's path and its first look, worked out on a thread of their own from the
    moment CoachDesk starts: SQLite reads and sorts the list in its own code, outside Python's
    lock, while Qt builds and paints the window (at 80,000 people, a few tenths of a second).

    ``locate`` gives the database's path (the demo's fresh copy is made there too); whatever
    it raises is raised again by :meth:`path`, in the window's thread.
    """

    def __init__(self, locate: Callable[[], Path]) -> None:
        self._locate = locate
        self._path: Path | None = None
        self._look: FirstLook | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._read, name="first-look", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._path = self._locate()
            from coachdesk.services.first_look import read_first_look

            self._look = read_first_look(self._path)
        except BaseException as exc:  # handed to the window's thread by path()
            self._error = exc

    def path(self) -> Path:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._path is not None
        return self._path

    def look(self) -> FirstLook | None:
        """The first look (promotions not archived), None when there is none to show."""
        self._thread.join()
        return self._look


def show_first_look(window: MainWindow, path: Path, read: FirstLookReader | None = None) -> bool:
    """Show the first look at ``path`` in ``window`` and paint it; False when there is none to
    show (the Cohorte tab is not the one in front, or the file needs its full opening).
    ``read``: the look already read at start-up."""
    from coachdesk.services.first_look import read_first_look

    if window.tabs.currentIndex() != 0 or window.database is not None:
        return False
    archived = window.promotion_actions.show_archived.isChecked()
    look = (read.look() if read is not None and not archived
            else read_first_look(path, include_archived=archived))
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
    # Laid out before painting: the promotion selector at its width from the first frame.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    window.repaint()
    return True


def forget_first_look(window: MainWindow) -> None:
    """The database could not be opened after all: its first look is no longer shown."""
    tab = window.tab_list[0].built
    if window.database is None and tab is not None:
        window.cohort_selector.clear()
        cast("CohortTab", tab).forget_first_look()
