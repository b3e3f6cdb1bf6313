"""Information sessions: create them, invite the interested contacts, mark presence, and print
the attendance sheet to sign."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.services.recruitment import (
    AttendanceRow,
    InfoSessionRow,
    PersonRow,
    attendance_sheet,
    create_info_session,
    info_session_attendance,
    interested_contacts,
    invite,
    list_info_sessions,
    set_presence,
)
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.fields import date_time_edit, from_qdatetime
from coachdesk.ui.widgets.forms import refuse_wrong_dates
from coachdesk.ui.widgets.list_tab import fit_columns, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database

SESSION_COLUMNS: list[Column[InfoSessionRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date and time"), lambda r: r.starts_at),
    Column(QT_TRANSLATE_NOOP("Columns", "Place"), lambda r: r.place),
    Column(QT_TRANSLATE_NOOP("Columns", "Places"), lambda r: r.capacity, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Invited"), lambda r: r.invited, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Present"), lambda r: r.present, align_right=True),
]
ATTENDANCE_COLUMNS: list[Column[AttendanceRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: r.phone),
    Column(QT_TRANSLATE_NOOP("Columns", "Presence"), lambda r: r.status_label),
]
PERSON_COLUMNS: list[Column[PersonRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: r.phone),
    Column(QT_TRANSLATE_NOOP("Columns", "E-mail"), lambda r: r.email),
]


def _select_rows(view: QAbstractItemView, rows: list[int]) -> None:
    selection = view.selectionModel()
    selection.clearSelection()
    flags = (QItemSelectionModel.SelectionFlag.Select
             | QItemSelectionModel.SelectionFlag.Rows)
    for row in rows:
        selection.select(view.model().index(row, 0), flags)


class InviteDialog(QDialog):
    """Choose among the interested contacts who to invite."""

    def __init__(self, people: list[PersonRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inviteDialog")
        self.setWindowTitle(self.tr("Invite interested contacts"))
        self.resize(560, 420)
        self.model: RowTableModel[PersonRow] = RowTableModel(PERSON_COLUMNS, self)
        self.model.set_rows(people)
        self.view = make_table_view(self.model, "interestedContacts")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.selectAll()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "%n interested contact(s) not invited yet; all are selected.", "", len(people))))
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.row_at(row).participant_id for row in rows]


class InfoSessionsDialog(QDialog):
    """The cohort's information sessions and, for the one selected, who is invited and came."""

    changed = Signal()

    def __init__(
        self, database: Database, cohort_id: str, parent: QWidget | None = None,
        *, today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("infoSessions")
        self.setWindowTitle(self.tr("Information sessions"))
        self.resize(1080, 620)
        self.database = database
        self.cohort_id = cohort_id
        self.invite_dialog: InviteDialog | None = None

        self.sessions: RowTableModel[InfoSessionRow] = RowTableModel(SESSION_COLUMNS, self)
        self.sessions_view = make_table_view(self.sessions, "sessionTable", sortable=False)
        self.sessions_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        start = datetime.combine((today or database_day(database)) + timedelta(days=7), time(14, 0))
        self.starts_at = date_time_edit(start, name="sessionStartsAt")
        self.place = QLineEdit()
        self.place.setObjectName("sessionPlace")
        self.place.setPlaceholderText(self.tr("Room and address"))
        self.capacity = QSpinBox()
        self.capacity.setObjectName("sessionCapacity")
        self.capacity.setRange(0, 500)
        self.capacity.setSpecialValueText(self.tr("unlimited"))
        self.capacity.setValue(15)
        create = QPushButton(self.tr("Create the session"))
        create.setObjectName("createSession")
        create.clicked.connect(self.create_session)
        new = QGroupBox(self.tr("New session"))
        form = QFormLayout(new)
        form.addRow(self.tr("Date and time"), self.starts_at)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Capacity"), self.capacity)
        form.addRow("", create)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sessions_view, 1)
        left_layout.addWidget(new)

        self.attendance: RowTableModel[AttendanceRow] = RowTableModel(ATTENDANCE_COLUMNS, self)
        self.attendance_view = make_table_view(self.attendance, "attendanceTable")
        self.attendance_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.attendance_title = QLabel()
        self.attendance_title.setObjectName("attendanceTitle")
        self.invite_button = QPushButton(self.tr("Invite interested contacts…"))
        self.invite_button.setObjectName("inviteButton")
        self.invite_button.clicked.connect(self.open_invitations)
        self.print_button = QPushButton(self.tr("Print the attendance sheet…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self._ask_sheet_path)
        marks = QHBoxLayout()
        marks.addWidget(QLabel(self.tr("Selected people:")))
        self.mark_buttons: dict[str, QPushButton] = {}
        for status, label in (("present", self.tr("Present")), ("absent", self.tr("Absent")),
                              ("excuse", self.tr("Excused")), ("invite", self.tr("Invited"))):
            button = QPushButton(label)
            button.setObjectName(f"mark_{status}")
            button.clicked.connect(lambda _=False, code=status: self.mark_selected(code))
            marks.addWidget(button)
            self.mark_buttons[status] = button
        marks.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.attendance_title)
        actions = QHBoxLayout()
        actions.addWidget(self.invite_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.attendance_view, 1)
        right_layout.addLayout(marks)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([480, 600])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.sessions_view.selectionModel().currentRowChanged.connect(self._show_attendance)
        self.reload()

    # Reading ----------------------------------------------------------------------------------
    def current_session(self) -> InfoSessionRow | None:
        index = self.sessions_view.currentIndex()
        return self.sessions.row_at(index.row()) if index.isValid() else None

    def reload(self, select_id: str | None = None) -> None:
        current = self.current_session()
        wanted = select_id or (current.id if current else None)
        self.sessions.set_rows(list_info_sessions(self.database, self.cohort_id))
        fit_columns(self.sessions_view)
        rows = [r for r in range(self.sessions.rowCount())
                if self.sessions.row_at(r).id == wanted]
        if rows or self.sessions.rowCount():
            row = rows[0] if rows else self.sessions.rowCount() - 1
            self.sessions_view.setCurrentIndex(self.sessions.index(row, 0))
        self._show_attendance()

    def select_session(self, session_id: str) -> None:
        self.reload(select_id=session_id)

    def _show_attendance(self, *_args: object) -> None:
        info = self.current_session()
        for widget in (self.invite_button, self.print_button, *self.mark_buttons.values()):
            widget.setEnabled(info is not None)
        if info is None:
            self.attendance_title.setText(self.tr("Create a first session on the left."))
            self.attendance.set_rows([])
            return
        self.attendance.set_rows(info_session_attendance(self.database, info.id))
        places = (self.tr("%n place(s)", "", info.capacity) if info.capacity
                  else self.tr("no limit"))
        self.attendance_title.setText(
            self.tr("Session of %1, %2 — %3 invited, %4 present (%5)")
            .replace("%1", f"{info.starts_at:%d/%m/%Y %H:%M}").replace("%2", info.place)
            .replace("%3", str(info.invited)).replace("%4", str(info.present))
            .replace("%5", places)
        )
        self.attendance_view.resizeColumnsToContents()

    # Writing ----------------------------------------------------------------------------------
    def create_session(self) -> None:
        capacity = self.capacity.value() or None
        if refuse_wrong_dates(self.starts_at):
            return
        try:
            new_id = create_info_session(
                self.database, self.cohort_id, from_qdatetime(self.starts_at.dateTime()),
                self.place.text(), capacity,
            )
        except UserError as error:
            messages.user_error(self, error)
            return
        self.place.clear()
        self.changed.emit()
        self.select_session(new_id)

    def open_invitations(self) -> None:
        info = self.current_session()
        if info is None:
            return
        people = interested_contacts(self.database, self.cohort_id, info.id)
        if not people:
            messages.info(self, self.tr("Invitations"), self.tr(
                "No interested contact is waiting for an invitation. Record calls in the call "
                "sheet first."))
            return
        self.invite_dialog = InviteDialog(people, self)
        self.invite_dialog.accepted.connect(self._invite_chosen)
        self.invite_dialog.open()

    def _invite_chosen(self) -> None:
        info = self.current_session()
        if info is None or self.invite_dialog is None:
            return
        try:
            invite(self.database, info.id, self.invite_dialog.chosen())
        except UserError as error:
            messages.user_error(self, error)
            return
        self.changed.emit()
        self.reload()

    def mark_selected(self, status: str) -> None:
        info = self.current_session()
        rows = sorted({index.row() for index in self.attendance_view.selectionModel()
                       .selectedRows()})
        if info is None or not rows:
            messages.info(self, self.tr("Presence"),
                          self.tr("Select the people in the list first."))
            return
        people = {self.attendance.row_at(row).participant_id: status for row in rows}
        try:
            set_presence(self.database, info.id, people)
        except UserError as error:
            messages.user_error(self, error)
            return
        self.changed.emit()
        self.reload()
        _select_rows(self.attendance_view, [
            row for row in range(self.attendance.rowCount())
            if self.attendance.row_at(row).participant_id in people
        ])

    def _ask_sheet_path(self) -> None:
        info = self.current_session()
        if info is None:
            return
        suggested = f"Émargement {info.starts_at:%Y-%m-%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the attendance sheet"), suggested, self.tr("PDF (*.pdf)"))
        if path:
            self.print_sheet(Path(path))

    def print_sheet(self, path: Path) -> bool:
        """Write the PDF sheet of the selected session; True when written."""
        from coachdesk.exports.attendance_sheet import write_attendance_sheet

        info = self.current_session()
        if info is None:
            return False
        try:
            sheet = attendance_sheet(self.database, info.id)
            write_attendance_sheet(path, sheet)
        except UserError as error:
            messages.user_error(self, error)
            return False
        messages.info(self, self.tr("Attendance sheet"),
                      self.tr("The attendance sheet was saved to %1.").replace("%1", str(path)))
        return True
