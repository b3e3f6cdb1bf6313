"""The window's Exports menu: each export dialog opened on the database and cohort shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow

if TYPE_CHECKING:
    from coachdesk.db import Database


class ExportWindow(Protocol):
    """What the Exports menu needs of the main window (which is one)."""

    database: Database | None

    def current_cohort_id(self) -> str | None: ...


class ExportMenu(QObject):
    """Exports ▸ the four exports, the profiles and the history."""

    def __init__(self, main_window: QMainWindow, window: ExportWindow) -> None:
        # The main window twice: the dialogs' parent, and what holds the open database.
        super().__init__(main_window)
        self.parent_window = main_window
        self.window = window
        # Dialog classes named, not imported: nothing of the exports loads before first use.
        menu = main_window.menuBar().addMenu(self.tr("E&xports"))
        menu.setObjectName("exportsMenu")
        for text, dialog_name in (
            (self.tr("Mission Locale &weekly workbook…"), "WeeklyExportDialog"),
            (self.tr("&Evaluator export (pseudonymised)…"), "EvaluatorExportDialog"),
            (self.tr("&Contract list for the OPCO or France Travail (ex-Pôle emploi)…"),
             "ContractListDialog"),
            (self.tr("&Progress note (Note d'étape)…"), "ProgressNoteDialog"),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, name=dialog_name: self.open_export(name))
        menu.addSeparator()
        menu.addAction(self.tr("Export p&rofiles…")).triggered.connect(self.open_profiles)
        menu.addAction(self.tr("Export &history…")).triggered.connect(self.open_export_history)
        # They show data: the window disables them while it is locked.
        self.actions: list[QAction] = [
            action for action in menu.actions() if not action.isSeparator()]

    def open_export(self, dialog_name: str) -> QDialog | None:
        """Open an export dialog (a class of ui/exports/dialogs.py) on the selected cohort."""
        from coachdesk.ui.exports import dialogs as export_dialogs
        from coachdesk.ui.widgets import messages

        window = self.window
        if window.database is None:
            messages.warn(self.parent_window, "CoachDesk", self.tr("No database open."))
            return None
        dialog_class = getattr(export_dialogs, dialog_name)
        return _open(dialog_class(window.database, window.current_cohort_id(), self.parent_window))

    def open_profiles(self) -> QDialog:
        from coachdesk.ui.exports.profile_editor import ProfileEditor

        return _open(ProfileEditor(None, self.parent_window))

    def open_export_history(self) -> QDialog | None:
        from coachdesk.ui.exports.history import ExportHistoryDialog
        from coachdesk.ui.widgets import messages

        if self.window.database is None:
            messages.warn(self.parent_window, "CoachDesk", self.tr("No database open."))
            return None
        return _open(ExportHistoryDialog(self.window.database, self.parent_window))


def _open(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
