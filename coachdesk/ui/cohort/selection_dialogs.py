"""Selection interviews: schedule them, record the decision with the motivation notes, and offer
a selected person a place in a bilan group."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services import bilan
from coachdesk.services.recruitment import (
    InterviewRow,
    interview_candidates,
    list_selection_interviews,
    record_decision,
    schedule_selection_interview,
)
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.fields import date_edit, from_qdate
from coachdesk.ui.widgets.forms import refuse_wrong_dates
from coachdesk.ui.widgets.list_tab import make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database

INTERVIEW_COLUMNS: list[Column[InterviewRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: r.held_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Interviewer"), lambda r: r.interviewer),
    Column(QT_TRANSLATE_NOOP("Columns", "Decision"), lambda r: r.decision_label),
    Column(QT_TRANSLATE_NOOP("Columns", "In the bilan"), lambda r: r.in_bilan),
    Column(QT_TRANSLATE_NOOP("Columns", "Motivation notes"), lambda r: r.motivation_notes),
]


class SelectionDialog(QDialog):
    """The cohort's selection interviews, with the three actions on the one selected."""

    changed = Signal()

    def __init__(
        self, database: Database, cohort_id: str, parent: QWidget | None = None,
        *, today: date | None = None, interviewer: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("selectionInterviews")
        self.setWindowTitle(self.tr("Selection interviews"))
        self.resize(1080, 640)
        self.database = database
        self.cohort_id = cohort_id
        today = today or database_day(database)

        self.model: RowTableModel[InterviewRow] = RowTableModel(INTERVIEW_COLUMNS, self)
        self.view = make_table_view(self.model, "interviewTable", sortable=False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.candidate = QComboBox()
        self.candidate.setObjectName("candidate")
        self.candidate.setMinimumContentsLength(24)
        self.held_on = date_edit(today, name="heldOn")
        self.interviewer = QLineEdit(interviewer)
        self.interviewer.setObjectName("interviewer")
        schedule = QPushButton(self.tr("Schedule"))
        schedule.setObjectName("scheduleButton")
        schedule.clicked.connect(self.schedule)
        plan = QGroupBox(self.tr("Schedule an interview (people present at a session)"))
        form = QFormLayout(plan)
        form.addRow(self.tr("Person"), self.candidate)
        form.addRow(self.tr("Date"), self.held_on)
        form.addRow(self.tr("Interviewer"), self.interviewer)
        form.addRow("", schedule)

        self.decision = QComboBox()
        self.decision.setObjectName("decision")
        for code, label in codes.SELECTION_DECISIONS.items():
            self.decision.addItem(label, code)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("motivationNotes")
        self.notes.setPlaceholderText(self.tr("Motivation, project, constraints…"))
        self.notes.setMaximumHeight(90)
        self.decide_button = QPushButton(self.tr("Record the decision"))
        self.decide_button.setObjectName("decideButton")
        self.decide_button.clicked.connect(self.decide)
        decide = QGroupBox(self.tr("Decision on the selected interview"))
        form = QFormLayout(decide)
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Motivation notes"), self.notes)
        form.addRow("", self.decide_button)

        self.group = QComboBox()
        self.group.setObjectName("bilanGroup")
        self.started_on = date_edit(today, name="bilanStart")
        self.offer_button = QPushButton(self.tr("Add to the bilan group"))
        self.offer_button.setObjectName("offerButton")
        self.offer_button.clicked.connect(self.offer_bilan)
        self.offer_hint = QLabel()
        self.offer_hint.setObjectName("offerHint")
        self.offer_hint.setWordWrap(True)
        offer = QGroupBox(self.tr("Place in the bilan"))
        form = QFormLayout(offer)
        form.addRow(self.offer_hint)
        form.addRow(self.tr("Bilan group"), self.group)
        form.addRow(self.tr("Starts on"), self.started_on)
        form.addRow("", self.offer_button)

        actions = QHBoxLayout()
        actions.addWidget(plan, 1)
        actions.addWidget(decide, 1)
        actions.addWidget(offer, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.count = QLabel()
        self.count.setObjectName("interviewCount")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        self.reload()

    def current(self) -> InterviewRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def reload(self, select_id: str | None = None) -> None:
        current = self.current()
        wanted = select_id or (current.id if current else None)
        rows = list_selection_interviews(self.database, self.cohort_id)
        candidates = interview_candidates(self.database, self.cohort_id)
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.candidate.clear()
        for person in candidates:
            self.candidate.addItem(person.name, person.participant_id)
        self.group.clear()
        for group in bilan.list_groups(self.database, self.cohort_id):
            self.group.addItem(f"{group.name} ({group.start_date:%d/%m/%Y})", group.id)
        decided = [row for row in rows if row.decision]
        selected = sum(1 for row in rows if row.decision == "retenu")
        self.count.setText(
            self.tr("%n interview(s)", "", len(rows))
            + " — " + self.tr("%1 decided, %2 selected, %3 to schedule")
            .replace("%1", str(len(decided))).replace("%2", str(selected))
            .replace("%3", str(len(candidates)))
        )
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == wanted:
                self.view.setCurrentIndex(self.model.index(row, 0))
                break
        self._selected()

    def select_interview(self, interview_id: str) -> None:
        self.reload(select_id=interview_id)

    def _selected(self, *_args: object) -> None:
        row = self.current()
        self.decide_button.setEnabled(row is not None)
        if row is not None:
            self.decision.setCurrentIndex(max(self.decision.findData(row.decision), 0))
            self.notes.setPlainText(row.motivation_notes)
        can_offer = row is not None and row.decision == "retenu" and not row.in_bilan
        self.offer_button.setEnabled(can_offer and self.group.count() > 0)
        if row is None:
            hint = self.tr("Select an interview.")
        elif row.in_bilan:
            hint = self.tr("%1 already has a place in the bilan.").replace("%1", row.name)
        elif row.decision != "retenu":
            hint = self.tr("Only a selected person is offered a place.")
        elif self.group.count() == 0:
            hint = self.tr("Create a bilan group in the Bilan tab first.")
        else:
            hint = self.tr("%1 was selected: offer them a place.").replace("%1", row.name)
        self.offer_hint.setText(hint)

    def schedule(self) -> None:
        person = self.candidate.currentData()
        if person is None:
            messages.info(self, self.tr("Selection interviews"), self.tr(
                "Nobody to schedule: people come here once marked present at an information "
                "session."))
            return
        if refuse_wrong_dates(self.held_on):
            return
        try:
            new_id = schedule_selection_interview(
                self.database, person, from_qdate(self.held_on.date()), self.interviewer.text()
            )
        except UserError as error:
            messages.user_error(self, error)
            return
        self.changed.emit()
        self.select_interview(new_id)

    def decide(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            record_decision(self.database, row.id, self.decision.currentData(),
                            self.notes.toPlainText())
        except UserError as error:
            messages.user_error(self, error)
            return
        self.changed.emit()
        self.reload()

    def offer_bilan(self) -> None:
        row = self.current()
        group_id = self.group.currentData()
        if row is None or group_id is None or refuse_wrong_dates(self.started_on):
            return
        try:
            bilan.add_member(self.database, group_id, row.participant_id,
                             from_qdate(self.started_on.date()))
        except UserError as error:
            messages.user_error(self, error)
            return
        self.changed.emit()
        self.reload()
