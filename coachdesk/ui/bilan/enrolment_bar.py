"""The Bilan list's provisional enrolment: its columns, and the bar above the list.

The coach selects people in the list (Ctrl+click, Shift+click) and chooses « Inscrire
provisoirement… » (a button, or the list's context menu): a date, the deadline, OK. The list
shows each one's place, deadline and days left on the day chosen (today by default), in orange
within 15 days of the deadline and in red once lapsed without a solution; « Date limite… »
moves the deadline of the selected people, « Solution… » records what a person whose place
lapsed went on to.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from coachdesk.ui.widgets import enrolment, messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.fields import date_edit, from_qdate, to_qdate
from coachdesk.ui.widgets.table_model import AnyIndex, Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.lists import BilanRow

ENROLMENT_COLUMNS: list[Column[BilanRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Enrolment"),
           lambda r: enrolment.status_text(r.enrolment)),
    Column(QT_TRANSLATE_NOOP("Columns", "Deadline"),
           lambda r: enrolment.deadline_of(r.enrolment)),
    Column(QT_TRANSLATE_NOOP("Columns", "Days left"),
           lambda r: enrolment.days_left_of(r.enrolment), align_right=True),
]


class BilanTableModel(RowTableModel["BilanRow"]):
    """Where each participant stands, the enrolment's columns coloured by its deadline."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self._columns[index.column()] in ENROLMENT_COLUMNS:
            line = self.row_at(index.row()).enrolment
            if role == Qt.ItemDataRole.BackgroundRole:
                return enrolment.background(line)
            if role == Qt.ItemDataRole.ToolTipRole and line is not None:
                return enrolment.describe(line)
        return super().data(index, role)


class BilanList(Protocol):
    """What the bar needs of the Bilan tab."""

    database: Database | None
    cohort_id: str | None

    def selected_rows(self) -> list[BilanRow]: ...

    def reload(self) -> None: ...

    def open_dialog(self, dialog: QDialog) -> None: ...


class EnrolmentBar(QWidget):
    """Above the Bilan list: enrol the selection, move deadlines, record a solution."""

    def __init__(self, tab: BilanList, parent: QWidget) -> None:
        super().__init__(parent)
        self.tab = tab
        # The day the enrolments are read on (their status and days left): the database's day
        # (the demo's is 31/12/2010), read at the first load; the date field changes it.
        self.today = date.today()
        self.day_from_clock = True
        self.enrol_action = QAction(self.tr("Enrol provisionally…"), self)
        self.enrol_action.setObjectName("enrolAction")
        self.enrol_action.setToolTip(self.tr(
            "Enrol the selected people in the training until their contract is signed"))
        self.deadline_action = QAction(self.tr("Deadline…"), self)
        self.deadline_action.setObjectName("deadlineAction")
        self.deadline_action.setToolTip(self.tr(
            "Give the selected enrolled people a deadline of their own, or the promotion's"))
        self.solution_action = QAction(self.tr("Solution…"), self)
        self.solution_action.setObjectName("solutionAction")
        self.solution_action.setToolTip(self.tr(
            "Record the solution found for a person whose place lapsed"))
        self.actions_ = (self.enrol_action, self.deadline_action, self.solution_action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        for action in self.actions_:
            button = QPushButton(action.text())
            button.setObjectName(action.objectName().replace("Action", "Button"))
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            layout.addWidget(button)
            self.buttons.append(button)
        self.summary = QLabel()
        self.summary.setObjectName("enrolmentSummary")
        layout.addWidget(self.summary, 1)
        layout.addWidget(QLabel(self.tr("Situation on")))
        self.as_of = date_edit(self.today, name="bilanAsOf")
        layout.addWidget(self.as_of)
        self.enrol_action.triggered.connect(self.enrol_selected)
        self.deadline_action.triggered.connect(self.change_deadline)
        self.solution_action.triggered.connect(self.record_solution)
        self.as_of.dateChanged.connect(self._date_chosen)

    def set_today(self, day: date) -> None:
        """Show the enrolments as they stand on ``day`` (the date field does the same)."""
        self.as_of.setDate(to_qdate(day))

    def follow_database_day(self, database: Database) -> None:
        """Before a load: the database's day, until the coach chooses another."""
        if not self.day_from_clock:
            return
        self.day_from_clock = False
        self.today = database_day(database)
        self.as_of.blockSignals(True)
        self.as_of.setDate(to_qdate(self.today))
        self.as_of.blockSignals(False)

    def _date_chosen(self, qdate: QDate) -> None:
        self.today = from_qdate(qdate)
        self.day_from_clock = False
        self.tab.reload()

    def show_rows(self, rows: list[BilanRow]) -> None:
        places = [row.enrolment for row in rows if row.enrolment is not None]
        provisional = [p for p in places if p.state.status == "provisoire"]
        self.summary.setText(
            self.tr("Enrolled: %1 provisional (%2 near the deadline), %3 final, %4 lapsed "
                    "without a solution")
            .replace("%1", str(len(provisional)))
            .replace("%2", str(sum(1 for p in provisional if p.state.warning is not None)))
            .replace("%3", str(sum(1 for p in places if p.state.status == "confirmee")))
            .replace("%4", str(sum(1 for p in places if p.needs_outcome)))
        )

    def update_actions(self) -> None:
        """Enrol when someone selected is not enrolled; a deadline for the enrolled ones; a
        solution for one person whose place is not final."""
        rows = self.tab.selected_rows()
        enrolled = [row.enrolment for row in rows if row.enrolment is not None]
        nobody = self.tr("Select people in the list first (Ctrl+click or Shift+click for "
                         "several).")
        explain_enabled(
            self.enrol_action, any(row.enrolment is None for row in rows),
            nobody if not rows else self.tr("Everyone selected is already enrolled: change "
                                            "their deadline instead."))
        explain_enabled(
            self.deadline_action, bool(enrolled),
            nobody if not rows else self.tr("Nobody selected is enrolled yet: enrol them "
                                            "first."))
        explain_enabled(
            self.solution_action,
            len(rows) == 1 and bool(enrolled) and enrolled[0].state.status != "confirmee",
            self.tr("Select one enrolled person whose place is not final (lapsed, or still "
                    "provisional)."))
        for button, action in zip(self.buttons, self.actions_, strict=True):
            explain_enabled(button, action.isEnabled(), action.toolTip())

    # Actions ----------------------------------------------------------------------------------
    def enrol_selected(self) -> None:
        """« Inscrire provisoirement » the selected people: a date, their deadline, OK."""
        database = self.tab.database
        if database is None:
            return
        people = [row.participant_id for row in self.tab.selected_rows()]
        if not people:
            messages.info(self, self.tr("Provisional enrolment"),
                          self.tr("Select the people to enrol in the list (Ctrl+click or "
                                  "Shift+click for several)."))
            return
        self.tab.open_dialog(enrolment.EnrolDialog(database, people, self.today, self))

    def change_deadline(self) -> None:
        from coachdesk.services.cohorts import cohort_choices

        database = self.tab.database
        lines = [row.enrolment for row in self.tab.selected_rows() if row.enrolment is not None]
        if database is None or not lines:
            return
        promotion = next((c.enrolment_deadline for c in cohort_choices(database)
                          if c.id == self.tab.cohort_id), None)
        self.tab.open_dialog(enrolment.DeadlineDialog(database, lines, promotion, self))

    def record_solution(self) -> None:
        database = self.tab.database
        rows = self.tab.selected_rows()
        if database is None or len(rows) != 1 or rows[0].enrolment is None:
            return
        self.tab.open_dialog(enrolment.SolutionDialog(database, rows[0].enrolment, self.today,
                                                      self))
