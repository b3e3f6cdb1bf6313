"""The window's tabs, each built the first time it is shown (start-up pays for one tab only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from coachdesk.db import Database
    from coachdesk.ui.dashboard.tab import DashboardTab
    from coachdesk.ui.widgets.list_tab import ListTab


def make_cohort_tab() -> ListTab:
    from coachdesk.ui.cohort.tab import CohortTab

    return CohortTab(None)


def make_bilan_tab() -> ListTab:
    from coachdesk.ui.bilan.tab import BilanTab

    return BilanTab(None)


def make_employers_tab() -> ListTab:
    from coachdesk.ui.employers.tab import EmployersTab

    return EmployersTab(None)


def make_contracts_tab() -> ListTab:
    from coachdesk.ui.contracts.tab import ContractsTab

    return ContractsTab(None)


def make_dashboard_tab() -> DashboardTab:
    from coachdesk.ui.dashboard.tab import DashboardTab

    return DashboardTab(None)


class TabSlot(QWidget):
    """A tab's place in the window, built the first time it is shown.

    Start-up then pays only for the visible tab (its module, its widgets); the slot keeps the
    database and cohort choices and hands them to the tab when it exists.
    """

    def __init__(self, factory: Callable[[], ListTab]) -> None:
        super().__init__()
        self._factory = factory
        self._tab: ListTab | None = None
        self._database: Database | None = None
        self._cohort_id: str | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> ListTab | None:
        """The tab if it was built already, without building it."""
        return self._tab

    def tab(self) -> ListTab:
        if self._tab is None:
            self._tab = self._factory()
            self._tab.set_database(self._database)
            self._tab.set_cohort(self._cohort_id)
            self._layout.addWidget(self._tab)
            if self.isVisible():
                # Shown now rather than at the next event loop turn, so it loads its data at once.
                self._tab.show()
        return self._tab

    def set_database(self, database: Database | None) -> None:
        self._database = database
        if self._tab is not None:
            self._tab.set_database(database)

    def set_cohort(self, cohort_id: str | None) -> None:
        self._cohort_id = cohort_id
        if self._tab is not None:
            self._tab.set_cohort(cohort_id)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        window = self.window()
        if self._tab is None and getattr(window, "first_paint_time", 0) is not None:
            # Shown by the coach: build it right after this paint. (At start-up the window
            # builds its first tab once it has painted, so the frame appears at once.)
            QTimer.singleShot(0, self.tab)
