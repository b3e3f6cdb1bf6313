"""The « Promotion » menu: a new promotion, the current one's set-up, archiving it, the coaches
and which of them uses this laptop. After a change the selector is read again and shows the
promotion just saved."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow

if TYPE_CHECKING:
    from coachdesk.db import Database


class PromotionWindow(Protocol):
    """What these actions need of the main window (which is one)."""

    database: Database | None

    def current_cohort_id(self) -> str | None: ...

    new_cohort_action: QAction

    def refresh_cohorts(self, select: str | None = None) -> None: ...


class PromotionActions(QObject):
    """Promotion ▸ New promotion… / Promotion's set-up… / Archive… / Coaches…"""

    def __init__(self, window: QMainWindow, promotion_window: PromotionWindow) -> None:
        super().__init__(window)
        self.parent_window = window
        self.window = promotion_window
        self.dialog: QDialog | None = None
        menu = window.menuBar().addMenu(self.tr("&Promotion"))
        self.actions: dict[str, QAction] = {}
        # « Nouvelle promotion… » is the window's action (the File menu and the first-run
        # welcome open the same form).
        menu.addAction(promotion_window.new_cohort_action)
        for name, text, slot in (
            ("editCohort", self.tr("Promotion's &set-up…"), self.edit_cohort),
            ("archiveCohort", self.tr("&Archive this promotion (or bring it back)…"),
             self.archive_cohort),
            ("coaches", self.tr("&Coaches…"), self.open_coaches),
        ):
            action = QAction(text, window)
            action.setObjectName(f"{name}Action")
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            menu.addAction(action)
            self.actions[name] = action
        menu.addSeparator()
        # Archived promotions in the selector, to read them or bring one back.
        self.show_archived = QAction(self.tr("Show archived promotions"), window)
        self.show_archived.setObjectName("showArchivedAction")
        self.show_archived.setCheckable(True)
        self.show_archived.toggled.connect(lambda _on: self.window.refresh_cohorts())
        menu.addAction(self.show_archived)

    def selector_items(self, database: Database) -> list[tuple[str, str]]:
        """The promotion selector's labels and ids, the most recent first; the archived ones
        too, marked, when Promotion ▸ Show archived promotions is ticked."""
        from coachdesk.services.cohorts import cohort_choices

        return self.labelled(
            cohort_choices(database, include_archived=self.show_archived.isChecked()))

    def labelled(self, cohorts: Iterable[Any]) -> list[tuple[str, str]]:
        """(label, id) of each promotion (``name``, ``archived``, ``id``): its name, marked
        when archived."""
        return [(cohort.name + (self.tr(" (archived)") if cohort.archived else ""), cohort.id)
                for cohort in cohorts]

    def _database(self) -> Database | None:
        from coachdesk.ui.widgets import messages

        if self.window.database is None:
            messages.warn(self.parent_window, "CoachDesk", self.tr("No database open."))
        return self.window.database

    def _current(self) -> str | None:
        from coachdesk.ui.widgets import messages

        cohort_id = self.window.current_cohort_id()
        if cohort_id is None:
            messages.warn(self.parent_window, "CoachDesk", self.tr(
                "There is no promotion yet: create one with Promotion ▸ New promotion…"))
        return cohort_id

    def _saved(self, cohort_id: str) -> None:
        self.window.refresh_cohorts(select=cohort_id or None)

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_cohort(self) -> QDialog | None:
        from coachdesk.ui.cohort.promotion_dialogs import CohortDialog

        database = self._database()
        cohort_id = self._current() if database is not None else None
        if database is None or cohort_id is None:
            return None
        dialog = CohortDialog(database, cohort_id, parent=self.parent_window)
        dialog.saved.connect(self._saved)
        return self._open(dialog)

    def archive_cohort(self) -> None:
        from coachdesk.errors import UserError
        from coachdesk.services.cohorts import archive_cohort, get_cohort
        from coachdesk.ui.widgets import messages

        database = self._database()
        cohort_id = self._current() if database is not None else None
        if database is None or cohort_id is None:
            return
        try:
            details = get_cohort(database, cohort_id)
            name = details.draft.name
            if details.archived:
                # Shown with the archived ones: brought back.
                archive_cohort(database, cohort_id, archived=False)
                self.window.refresh_cohorts(select=cohort_id)
                return
            if not messages.confirm(self.parent_window, self.tr("Archive the promotion"), self.tr(
                "Archive « %1 »? It leaves the promotion selector; nothing of it is deleted, "
                "and its people, figures and exports stay in the database."
            ).replace("%1", name)):
                return
            archive_cohort(database, cohort_id)
        except UserError as error:
            messages.user_error(self.parent_window, error)
            return
        self.window.refresh_cohorts()

    def open_coaches(self) -> QDialog | None:
        from coachdesk.ui.cohort.promotion_dialogs import CoachesDialog

        database = self._database()
        if database is None:
            return None
        return self._open(CoachesDialog(database, self.parent_window))
