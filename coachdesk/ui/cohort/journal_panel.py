"""« Journal et rappels » in the participant file: the person's reminders and follow-ups (to
tick done or postpone, the late ones in red with how late), and the journal of dated notes
(appel, entretien, visite, courriel), searchable without accents.

Every button is one service call (``services.journal``, ``services.reminders``); ``changed``
tells the file to show its timeline again.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services import journal, reminders
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.coach_picker import CoachPicker
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.fields import date_edit, date_of
from coachdesk.ui.widgets.forms import FormDialog
from coachdesk.ui.widgets.list_tab import make_table_view
from coachdesk.ui.widgets.reminder_dialog import PostponeDialog, ReminderDialog
from coachdesk.ui.widgets.table_model import AnyIndex, Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database

LATE = QColor("#b3261e")
DONE = QColor("#6b6b6b")

REMINDER_COLUMNS: list[Column[reminders.ReminderLine]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Due on"), lambda r: r.due_on),
    Column(QT_TRANSLATE_NOOP("Columns", "State"), lambda r: r.state),
    Column(QT_TRANSLATE_NOOP("Columns", "To do"), lambda r: r.text),
]
NOTE_COLUMNS: list[Column[journal.JournalLine]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda n: n.written_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda n: n.kind_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Coach"), lambda n: n.coach),
    Column(QT_TRANSLATE_NOOP("Columns", "Note"),
           lambda n: f"{n.employer} — {n.text}" if n.employer else n.text),
]


class ReminderModel(RowTableModel[reminders.ReminderLine]):
    """What is late in red, what is done in grey."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            line = self.row_at(index.row())
            if line.overdue_days:
                return QBrush(LATE)
            if line.done:
                return QBrush(DONE)
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            return self.row_at(index.row()).text
        return super().data(index, role)


class JournalEntryDialog(FormDialog):
    """A new note (``entry`` None) or one edited: day, kind, coach, contract, text."""

    def __init__(
        self, database: Database, participant_id: str, today: date,
        entry: journal.JournalLine | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Journal note") if entry is None else self.tr("Edit a note"),
                         parent, save_button=QDialogButtonBox.StandardButton.Save)
        self.setObjectName("journalEntryDialog")
        self.database = database
        self.participant_id = participant_id
        self.entry = entry
        draft = entry.draft if entry is not None else None
        self.written_on = date_edit(draft.written_on if draft else today, name="noteDate")
        self.kind = QComboBox()
        self.kind.setObjectName("noteKind")
        for code, label in codes.JOURNAL_KINDS.items():
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(max(self.kind.findData(draft.kind if draft else "appel"), 0))
        # The laptop's coach for a new note, the note's own author when edited.
        self.coach = CoachPicker(database, draft.coach_id if draft else None,
                                 laptop_default=draft is None, name="noteCoach")
        self.contract = QComboBox()
        self.contract.setObjectName("noteContract")
        self.contract.addItem(self.tr("(no contract)"), None)
        for contract_id, label in journal.contract_choices(database, participant_id):
            self.contract.addItem(label, contract_id)
        if draft and draft.contract_id:
            self.contract.setCurrentIndex(max(self.contract.findData(draft.contract_id), 0))
        self.text = QPlainTextEdit()
        self.text.setObjectName("noteText")
        self.text.setMinimumHeight(110)
        self.text.setPlaceholderText(self.tr("e.g. Called the tutor: settling in well; call "
                                             "back on Thursday"))
        if draft:
            self.text.setPlainText(draft.text)
        self.form.addRow(self.tr("Date"), self.written_on)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Written by"), self.coach)
        self.form.addRow(self.tr("About"), self.contract)
        self.form.addRow(self.tr("Note"), self.text)
        self.setMinimumWidth(540)
        self.text.setFocus()

    def draft(self) -> journal.JournalDraft:
        written_on = date_of(self.written_on)
        assert written_on is not None  # a required date field
        kept_employer = self.entry.draft.employer_id if self.entry else None
        return journal.JournalDraft(written_on, str(self.kind.currentData()),
                                    self.text.toPlainText(), self.coach.coach_id(),
                                    self.contract.currentData(), kept_employer)

    def save(self) -> str:
        if self.entry is None:
            return journal.add_journal_entry(self.database, self.participant_id, self.draft())
        journal.update_journal_entry(self.database, self.entry.id, self.draft())
        return self.entry.id


def _selected(view: QTableView, model: RowTableModel[Any]) -> Any:
    rows = view.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


class JournalPanel(QWidget):
    """The reminders and the journal of one person."""

    changed = Signal()

    def __init__(
        self, database: Database, participant_id: str, today: date, who: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("journalPanel")
        self.database = database
        self.participant_id = participant_id
        self.today = today
        self.who = who
        self.dialog: FormDialog | None = None  # the dialog open over the panel, if any

        self.reminder_model = ReminderModel(REMINDER_COLUMNS, self)
        self.reminder_view = make_table_view(self.reminder_model, "reminderTable",
                                             sortable=False)
        self.new_reminder_button = QPushButton(self.tr("New reminder…"))
        self.new_reminder_button.setObjectName("newReminder")
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("reminderDone")
        self.postpone_button = QPushButton(self.tr("Postpone…"))
        self.postpone_button.setObjectName("reminderPostpone")
        reminder_box = QGroupBox(self.tr("Reminders and follow-ups"))
        box = QVBoxLayout(reminder_box)
        box.addWidget(self.reminder_view, 1)
        buttons = QHBoxLayout()
        for button in (self.new_reminder_button, self.done_button, self.postpone_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)

        self.note_model: RowTableModel[journal.JournalLine] = RowTableModel(NOTE_COLUMNS, self)
        self.note_view = make_table_view(self.note_model, "journalTable", sortable=False)
        self.search = QLineEdit()
        self.search.setObjectName("journalSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search the notes (accents ignored)"))
        self.new_note_button = QPushButton(self.tr("New note…"))
        self.new_note_button.setObjectName("newNote")
        self.edit_note_button = QPushButton(self.tr("Edit…"))
        self.edit_note_button.setObjectName("editNote")
        self.delete_note_button = QPushButton(self.tr("Delete"))
        self.delete_note_button.setObjectName("deleteNote")
        # The selected note (else the newest) in full: the list has room for its start only.
        self.note_detail = QLabel()
        self.note_detail.setObjectName("noteDetail")
        self.note_detail.setWordWrap(True)
        self.note_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note_box = QGroupBox(self.tr("Journal"))
        box = QVBoxLayout(note_box)
        box.addWidget(self.search)
        box.addWidget(self.note_view, 1)
        box.addWidget(self.note_detail)
        buttons = QHBoxLayout()
        for button in (self.new_note_button, self.edit_note_button, self.delete_note_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)

        # The last column takes what is left, elided, with its whole text as tooltip: the
        # panel shares the file's width with the form.
        for view in (self.reminder_view, self.note_view):
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.horizontalHeader().setMinimumSectionSize(40)
            view.setMinimumHeight(120)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(reminder_box, 1)
        layout.addWidget(note_box, 1)

        self.new_reminder_button.clicked.connect(self.new_reminder)
        self.done_button.clicked.connect(self.tick_done)
        self.postpone_button.clicked.connect(self.postpone)
        self.new_note_button.clicked.connect(self.new_note)
        self.edit_note_button.clicked.connect(self.edit_note)
        self.note_view.doubleClicked.connect(lambda _index: self.edit_note())
        self.delete_note_button.clicked.connect(self.delete_note)
        self.search.textChanged.connect(lambda _text: self._show_notes())
        self.reminder_view.selectionModel().selectionChanged.connect(self._enable)
        self.note_view.selectionModel().selectionChanged.connect(self._enable)
        self.reload()

    # Reading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.reminder_model.set_rows(reminders.person_reminders(
            self.database, self.participant_id, self.today))
        self._show_notes()
        # The day and the state as wide as they need, the text in what is left (its tooltip
        # says it whole).
        for column in (0, 1):
            self.reminder_view.resizeColumnToContents(column)

    def _show_notes(self) -> None:
        self.note_model.set_rows(journal.search_journal(
            self.database, self.search.text(), participant_id=self.participant_id))
        for column in (0, 1, 2):
            self.note_view.resizeColumnToContents(column)
        self.note_view.horizontalHeader().resizeSection(
            2, min(self.note_view.horizontalHeader().sectionSize(2), 110))
        self._enable()

    def _enable(self) -> None:
        line = self.selected_reminder()
        explain_enabled(self.done_button, line is not None and not line.done,
                        self.tr("Select a reminder still to do."))
        explain_enabled(self.postpone_button, line is not None,
                        self.tr("Select a reminder to postpone."))
        note = _selected(self.note_view, self.note_model)
        for button in (self.edit_note_button, self.delete_note_button):
            explain_enabled(button, note is not None, self.tr("Select a note."))
        shown = note or (self.note_model.row_at(0) if self.note_model.rowCount() else None)
        self.note_detail.setText(
            "" if shown is None else f"{shown.written_on:%d/%m/%Y} — {shown.kind_label}"
            + (f" ({shown.coach})" if shown.coach else "")
            + (f" — {shown.employer}" if shown.employer else "") + f" : {shown.text}")

    def selected_reminder(self) -> reminders.ReminderLine | None:
        line: reminders.ReminderLine | None = _selected(self.reminder_view, self.reminder_model)
        return line

    # Writing ----------------------------------------------------------------------------------
    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _id: self._written())
        dialog.open()

    def _written(self) -> None:
        self.reload()
        self.changed.emit()

    def new_reminder(self) -> None:
        self._open(ReminderDialog(self.database, self.participant_id, self.today, who=self.who,
                                  parent=self))

    def tick_done(self) -> None:
        line = self.selected_reminder()
        if line is None:
            return
        try:
            reminders.mark_done(self.database, line.key)
        except UserError as error:
            messages.user_error(self, error)
            return
        self._written()

    def postpone(self) -> None:
        line = self.selected_reminder()
        if line is not None:
            self._open(PostponeDialog(self.database, line.key, line.text, line.due_on,
                                      self.today, self))

    def new_note(self) -> None:
        self._open(JournalEntryDialog(self.database, self.participant_id, self.today,
                                      parent=self))

    def edit_note(self) -> None:
        note = _selected(self.note_view, self.note_model)
        if note is not None:
            self._open(JournalEntryDialog(self.database, self.participant_id, self.today, note,
                                          self))

    def delete_note(self) -> None:
        note = _selected(self.note_view, self.note_model)
        if note is None or not messages.confirm(
            self, self.tr("Delete a note"),
            self.tr("Delete the note of %1? This cannot be undone.").replace(
                "%1", f"{note.written_on:%d/%m/%Y}")):
            return
        try:
            journal.delete_journal_entry(self.database, note.id)
        except UserError as error:
            messages.user_error(self, error)
            return
        self._written()
