"""Recruitment interviews: planning one for a referral, then its preparation checklist to tick,
its notes and its outcome."""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services import interviews
from coachdesk.services.text import person_name
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.fields import date_time_edit, from_qdatetime
from coachdesk.ui.widgets.forms import FormDialog
from coachdesk.ui.widgets.rome_picker import on_return

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.matching import ReferralRow


def interview_sheet(
    database: Database, interview: interviews.InterviewRow
) -> interviews.InterviewSheet:
    """Everything the printed sheet of one interview shows (its notes included)."""
    day = interview.starts_at.date()
    sheets = interviews.interview_sheets(database, day, day + timedelta(days=1))
    found = [sheet for sheet in sheets if sheet.interview_id == interview.id]
    if not found:
        raise UserError("Cet entretien n'existe plus (supprimé entre-temps ?).")
    return found[0]


class InterviewDialog(FormDialog):
    """Plan a recruitment interview for a referral, with a copy of a preparation checklist."""

    def __init__(
        self, database: Database, referral: ReferralRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Plan a recruitment interview"), parent)
        self.database = database
        self.referral = referral
        start = datetime.combine(max(database_day(database), referral.status_on), time(9, 0))
        self.starts_at = date_time_edit(start, name="interviewStartsAt")
        self.place = QLineEdit(referral.employer_name)
        self.address = QLineEdit()
        self.route_note = QPlainTextEdit()
        self.route_note.setMaximumHeight(60)
        self.route_note.setPlaceholderText(self.tr("Bus or tram line, travel time…"))
        self.contact_person = QLineEdit()
        self.contact_person.setObjectName("interviewContact")
        self.template = QComboBox()
        self.template.setObjectName("interviewTemplate")
        interviews.ensure_default_template(database)
        for template in interviews.list_templates(database):
            self.template.addItem(
                self.tr("%1 (%2 points)").replace("%1", template.name)
                .replace("%2", str(template.items)), template.id)
        self.form.addRow(QLabel(f"<b>{person_name(referral.last_name, referral.first_name)}</b> — "
                                f"{referral.offer_title}, {referral.employer_name}"))
        self.form.addRow(self.tr("Date and time"), self.starts_at)
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("Address"), self.address)
        self.form.addRow(self.tr("Route"), self.route_note)
        self.form.addRow(self.tr("Received by"), self.contact_person)
        self.form.addRow(self.tr("Preparation checklist"), self.template)

    def save(self) -> str | None:
        return interviews.schedule_interview(
            self.database, self.referral.id,
            interviews.InterviewDraft(
                starts_at=from_qdatetime(self.starts_at.dateTime()), place=self.place.text(),
                address=self.address.text(), route_note=self.route_note.toPlainText(),
                contact_person=self.contact_person.text(),
                template_id=self.template.currentData(),
            ),
        )


class ChecklistModel(QAbstractTableModel):
    """An interview's own checklist: tick a point, write a note; each change is saved at once."""

    DONE, LABEL, DONE_ON, NOTE = range(4)

    def __init__(self, database: Database, interview_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.database = database
        self.interview_id = interview_id
        self.items = interviews.checklist(database, interview_id)

    def reload(self) -> None:
        self.beginResetModel()
        self.items = interviews.checklist(self.database, self.interview_id)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():  # the table itself, not a cell
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.DONE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.NOTE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DONE:
            return Qt.CheckState.Checked if item.checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.LABEL:
                return item.label
            if column == self.DONE_ON:
                return f"{item.checked_on:%d/%m/%Y}" if item.checked_on else ""
            if column == self.NOTE:
                return item.note
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid():
            return False
        item = self.items[index.row()]
        if index.column() == self.DONE and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            interviews.tick_item(self.database, item.id, checked)
            self.items[index.row()] = dataclasses.replace(
                item, checked=checked, checked_on=database_day(self.database) if checked else None)
        elif index.column() == self.NOTE and role == Qt.ItemDataRole.EditRole:
            interviews.tick_item(self.database, item.id, item.checked, on=item.checked_on,
                                 note=str(value))
            self.items[index.row()] = dataclasses.replace(item, note=str(value).strip())
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ChecklistDialog.translated_header(section)
        return None


class ChecklistDialog(FormDialog):
    """Prepare an interview (tick the checklist, note), then record how it went."""

    def __init__(
        self, database: Database, interview: interviews.InterviewRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Interview preparation"), parent)
        self.setMinimumSize(760, 560)
        self.database = database
        self.interview = interview
        self.model = ChecklistModel(database, interview.id, self)
        self.view = QTableView()
        self.view.setObjectName("checklistTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ChecklistModel.LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ChecklistModel.NOTE, QHeaderView.ResizeMode.Stretch)
        self.view.resizeColumnToContents(ChecklistModel.DONE)
        self.view.resizeColumnToContents(ChecklistModel.DONE_ON)
        self.progress = QLabel()
        self.progress.setObjectName("checklistProgress")
        self.new_item = QLineEdit()
        self.new_item.setObjectName("newChecklistItem")
        self.new_item.setPlaceholderText(self.tr("Add a point for this interview only, then "
                                                 "press Enter"))
        self.outcome = QComboBox()
        self.outcome.setObjectName("interviewOutcome")
        for code, label in codes.INTERVIEW_OUTCOMES.items():
            self.outcome.addItem(label, code)
        self.outcome.setCurrentIndex(self.outcome.findData(interview.outcome))
        self.notes = QPlainTextEdit(self._notes())
        self.notes.setObjectName("interviewNotes")
        self.notes.setMaximumHeight(80)
        self.form.addRow(QLabel(
            f"<b>{person_name(interview.last_name, interview.first_name)}</b> — "
            f"{interview.offer_title}, "
            f"{interview.employer_name} — {interview.starts_at:%d/%m/%Y %H:%M}"))
        self.form.addRow(self.view)
        self.form.addRow(self.progress)
        self.form.addRow(self.new_item)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.model.dataChanged.connect(self._show_progress)
        self.model.modelReset.connect(self._show_progress)
        on_return(self.new_item, self.add_item)
        # Return ends the editing of a note in the table: it must not close the dialog too.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self._show_progress()

    @staticmethod
    def translated_header(section: int) -> str:
        return [
            QCoreApplication.translate("ChecklistDialog", "Done"),
            QCoreApplication.translate("ChecklistDialog", "Point to prepare"),
            QCoreApplication.translate("ChecklistDialog", "Done on"),
            QCoreApplication.translate("ChecklistDialog", "Note"),
        ][section]

    def _notes(self) -> str:
        return interview_sheet(self.database, self.interview).notes

    def _show_progress(self, *_args: Any) -> None:
        done = sum(item.checked for item in self.model.items)
        self.progress.setText(self.tr("%1 of %2 points done").replace("%1", str(done))
                              .replace("%2", str(len(self.model.items))))

    def add_item(self) -> None:
        try:
            interviews.add_checklist_item(self.database, self.interview.id, self.new_item.text())
        except UserError as error:
            self.show_error(error)
            return
        self.new_item.clear()
        self.error.hide()
        self.model.reload()

    def save(self) -> str | None:
        interviews.set_interview_outcome(self.database, self.interview.id,
                                         str(self.outcome.currentData()),
                                         self.notes.toPlainText().strip())
        return self.interview.id
