"""What a coach does from the week's agenda: tick a reminder or a follow-up done, postpone it,
or write a new reminder. One service call each (``services.reminders``, ``agenda``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QTableView, QWidget

from coachdesk.errors import UserError
from coachdesk.services.reminders import key_of, mark_done
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.forms import FormDialog
from coachdesk.ui.widgets.reminder_dialog import PostponeDialog, ReminderDialog

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.agenda_items import AgendaItem
    from coachdesk.ui.widgets.table_model import RowTableModel


class AgendaView(Protocol):
    """What the actions use of the agenda panel (``agenda_panel.AgendaPanel``)."""

    @property
    def database(self) -> Database | None: ...
    @property
    def view(self) -> QTableView: ...
    @property
    def model(self) -> RowTableModel[AgendaItem]: ...

    def reload(self) -> None: ...


class AgendaActions(QObject):
    """The agenda's « Fait », « Reporter… » and « Nouveau rappel… » buttons (``buttons``)."""

    def __init__(self, panel: AgendaView, parent: QWidget) -> None:
        super().__init__(parent)
        self.panel = panel
        self.parent_widget = parent
        self.dialog: FormDialog | None = None
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("agendaDone")
        self.postpone_button = QPushButton(self.tr("Postpone…"))
        self.postpone_button.setObjectName("agendaPostpone")
        self.new_button = QPushButton(self.tr("New reminder…"))
        self.new_button.setObjectName("agendaNewReminder")
        self.buttons = QHBoxLayout()
        for button in (self.done_button, self.postpone_button, self.new_button):
            self.buttons.addWidget(button)
        self.done_button.clicked.connect(self.tick_done)
        self.postpone_button.clicked.connect(self.postpone)
        self.new_button.clicked.connect(self.new_reminder)
        # One line at a time: the buttons act on the line selected.
        panel.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        panel.view.selectionModel().selectionChanged.connect(lambda *_: self.enable())
        self.enable()

    def selected(self) -> AgendaItem | None:
        rows = self.panel.view.selectionModel().selectedRows()
        return self.panel.model.row_at(rows[0].row()) if rows else None

    def enable(self) -> None:
        item = self.selected()
        settles = item is not None and key_of(item) is not None
        why = self.tr("Select a reminder or a follow-up after an exit.")
        explain_enabled(self.done_button, settles and item is not None and not item.done,
                        why if not settles else self.tr("This reminder is already done."))
        explain_enabled(self.postpone_button, settles, why)
        explain_enabled(self.new_button, self.panel.database is not None,
                        self.tr("Open a database first."))

    def tick_done(self) -> None:
        item = self.selected()
        key = key_of(item) if item is not None else None
        if key is None or self.panel.database is None:
            return
        try:
            mark_done(self.panel.database, key)
        except UserError as error:
            messages.user_error(self.parent_widget, error)
            return
        self.panel.reload()

    def postpone(self) -> None:
        item = self.selected()
        key = key_of(item) if item is not None else None
        if item is None or key is None or self.panel.database is None:
            return
        what = f"{item.participant} — {item.detail}" if item.participant else item.detail
        self._open(PostponeDialog(self.panel.database, key, what, item.due_on or item.day,
                                  database_day(self.panel.database), self.parent_widget))

    def new_reminder(self) -> None:
        """A reminder about the selected line's person, or about no one."""
        if self.panel.database is None:
            return
        item = self.selected()
        self._open(ReminderDialog(
            self.panel.database, item.participant_id if item else None,
            database_day(self.panel.database), who=item.participant if item else "",
            parent=self.parent_widget))

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _id: self.panel.reload())
        dialog.open()
