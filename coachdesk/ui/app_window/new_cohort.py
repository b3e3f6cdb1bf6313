"""Fichier ▸ Nouvelle promotion… (and Promotion ▸ Nouvelle promotion…): the promotion's whole
set-up (``ui.cohort.promotion_dialogs.CohortDialog``, through ``services.cohorts.create_cohort``).

The first-run welcome's first step opens it too (it triggers the same action).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
)

if TYPE_CHECKING:
    from coachdesk.db import Database


class CohortWindow(Protocol):
    """What the action needs of the main window (which is one)."""

    database: Database | None

    def refresh_cohorts(self, select: str | None = None) -> None: ...


def new_cohort_action(main_window: QMainWindow, window: CohortWindow, menu: QMenu) -> QAction:
    """Add « Nouvelle promotion… » to ``menu``; the new cohort is then the one shown."""
    action = QAction(QCoreApplication.translate("NewCohortDialog", "&New cohort…"), main_window)
    action.setObjectName("newCohortAction")

    def open_dialog() -> None:
        if window.database is None:
            return
        from coachdesk.ui.cohort.promotion_dialogs import CohortDialog

        dialog = CohortDialog(window.database, parent=main_window)
        dialog.saved.connect(lambda cohort_id: window.refresh_cohorts(select=cohort_id))
        dialog.open()

    action.triggered.connect(open_dialog)
    menu.addAction(action)
    return action
