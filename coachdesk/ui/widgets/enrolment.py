"""Provisional enrolment in the window: enrol a selection, move a deadline, record a solution.

The three dialogs are opened from the Bilan list (a selection of people), the participant file
and the contract follow-up; each saves through ``coachdesk.services.enrolment`` in one
transaction. What each enrolment shows (status, deadline, days left, its colour) is said here
once for every list.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from coachdesk.models import codes
from coachdesk.services import enrolment as service
from coachdesk.ui.widgets.fields import ERROR_COLOUR, OptionalDate, date_edit, from_qdate
from coachdesk.ui.widgets.forms import FormDialog

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.enrolment import EnrolmentChecks, EnrolmentLine

# The colours of the contract follow-up: close to the deadline, lapsed without a solution.
NEAR_BACKGROUND = QColor("#fff3d6")
LAPSED_BACKGROUND = QColor("#fde3e1")


def status_text(line: EnrolmentLine | None) -> str:
    """« Provisoire », « Confirmée », « Caduque » — « » when not enrolled."""
    return line.status_label if line is not None else ""


def deadline_of(line: EnrolmentLine | None) -> date | None:
    return line.state.deadline if line is not None else None


def days_left_of(line: EnrolmentLine | None) -> int | None:
    return line.state.days_left if line is not None else None


def background(line: EnrolmentLine | None) -> QBrush | None:
    """Orange within 15 days of the deadline, red when lapsed and nothing done about it."""
    if line is None:
        return None
    if line.state.status == "caduque" and not line.has_outcome:
        return QBrush(LAPSED_BACKGROUND)
    if line.state.status == "provisoire" and line.state.warning is not None:
        return QBrush(NEAR_BACKGROUND)
    return None


def _day(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else "—"


def describe(line: EnrolmentLine | None) -> str:
    """One French sentence on a person's place in the training, for their file."""
    translate = QCoreApplication.translate
    if line is None:
        return translate("Enrolment", "Not enrolled in the training.")
    state = line.state
    if state.status == "confirmee":
        text = translate("Enrolment", "Final since %1: contract signed by the deadline.")
        return text.replace("%1", _day(state.since))
    if state.status == "caduque":
        if line.own_deadline:
            text = translate("Enrolment", "Lapsed since %1 (deadline of this person: %2).")
        else:
            text = translate("Enrolment", "Lapsed since %1 (deadline of the promotion: %2).")
        text = text.replace("%1", _day(state.since)).replace("%2", _day(state.deadline))
        if line.solutions:
            solution = translate("Enrolment", "Solution: %1.")
            text += " " + solution.replace("%1", ", ".join(line.solutions))
        elif state.warning is not None:
            text += " " + state.warning.message_fr
        return text
    text = translate("Enrolment", "Provisional since %1.").replace("%1", _day(line.enrolled_on))
    if state.days_left is not None:
        if line.own_deadline:
            left = translate("Enrolment", "%1 day(s) left to sign a contract: deadline %2, "
                                          "set for this person.")
        else:
            left = translate("Enrolment", "%1 day(s) left to sign a contract: deadline %2, "
                                          "the promotion's.")
        text += " " + left.replace("%1", str(state.days_left)).replace("%2", _day(state.deadline))
    return text


class _DeadlineChoice(QWidget):
    """The promotion's deadline, or a date of the person's own."""

    def __init__(self, promotion_deadline: date | None, own: date | None, default: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.promotion_deadline = promotion_deadline
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if promotion_deadline is not None:
            label = QCoreApplication.translate("Enrolment", "The promotion's: %1")
            label = label.replace("%1", _day(promotion_deadline))
        else:
            label = QCoreApplication.translate("Enrolment", "The promotion's: none set")
        self.promotion = QRadioButton(label)
        self.promotion.setObjectName("promotionDeadline")
        self.own = QRadioButton(QCoreApplication.translate("Enrolment", "Another date:"))
        self.own.setObjectName("ownDeadline")
        self.date = date_edit(own or promotion_deadline or default, name="deadlineDate")
        group = QButtonGroup(self)
        group.addButton(self.promotion)
        group.addButton(self.own)
        layout.addWidget(self.promotion, 0, 0, 1, 2)
        layout.addWidget(self.own, 1, 0)
        layout.addWidget(self.date, 1, 1)
        (self.own if own is not None or promotion_deadline is None else self.promotion).setChecked(
            True)
        self.date.setEnabled(self.own.isChecked())
        self.own.toggled.connect(self.date.setEnabled)

    def value(self) -> date | None:
        """The date chosen; None for the promotion's."""
        return from_qdate(self.date.date()) if self.own.isChecked() else None


class EnrolDialog(FormDialog):
    """« Inscrire provisoirement » the people selected, on a day, with their deadline.

    Each person is listed with whether they can be enrolled and, if not, why (in French);
    OK enrols those who can, in one transaction.
    """

    def __init__(self, database: Database, participant_ids: Sequence[str], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Provisional enrolment in the training"), parent)
        self.setObjectName("enrolDialog")
        self.database = database
        self.participant_ids = list(participant_ids)
        checks = service.check_enrolments(database, self.participant_ids, today)
        self.checks: EnrolmentChecks = checks
        explanation = QLabel(self.tr(
            "The place becomes final when a contrat de professionnalisation is signed by the "
            "deadline; without one, it lapses the day after."))
        explanation.setWordWrap(True)
        self.form.addRow(explanation)
        self.promotion_label = QLabel(checks.cohort_name)
        self.form.addRow(self.tr("Promotion"), self.promotion_label)
        start = max(today, checks.training_start)
        self.enrolled_on = date_edit(start, name="enrolledOn")
        self.form.addRow(self.tr("Enrolled on"), self.enrolled_on)
        self.deadline = _DeadlineChoice(checks.promotion_deadline, None, start)
        self.form.addRow(self.tr("Deadline for a contract"), self.deadline)
        self.people = QListWidget()
        self.people.setObjectName("enrolPeople")
        self.people.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.people.setMinimumHeight(120)
        self.summary = QLabel()
        self.summary.setObjectName("enrolSummary")
        self.summary.setWordWrap(True)
        self.add_to_body(self.people, 1)
        self.add_to_body(self.summary)
        self.setMinimumWidth(620)
        self.enrolled_on.dateChanged.connect(self.refresh)
        self.deadline.date.dateChanged.connect(self.refresh)
        self.deadline.own.toggled.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Check each person again for the date and deadline shown."""
        self.checks = service.check_enrolments(
            self.database, self.participant_ids, from_qdate(self.enrolled_on.date()),
            deadline=self.deadline.value(),
        )
        self.people.clear()
        for check in self.checks.people:
            if check.can_enrol:
                deadline = f"{check.deadline:%d/%m/%Y}" if check.deadline else "—"
                text = "✔ " + self.tr("%1 — deadline %2").replace("%1", check.name).replace(
                    "%2", deadline)
            else:
                text = "✘ " + (check.refusal or "")
            item = QListWidgetItem(text)
            if not check.can_enrol:
                item.setForeground(QBrush(QColor(ERROR_COLOUR)))
            item.setToolTip(text)
            self.people.addItem(item)
        self.people.setWordWrap(True)
        count = len(self.checks.enrollable)
        refused = len(self.checks.people) - count
        text = self.tr("%n person(s) will be enrolled.", "", count)
        if refused:
            text += " " + self.tr("%n cannot be (see why above).", "", refused)
        self.summary.setText(text)
        self.ok_button.setText(self.tr("Enrol (%1)").replace("%1", str(count)))
        self.ok_button.setEnabled(count > 0)

    def save(self) -> str | None:
        enrolled = service.enrol(
            self.database, self.checks.enrollable, from_qdate(self.enrolled_on.date()),
            deadline=self.deadline.value(),
        )
        return enrolled[0] if enrolled else None


class DeadlineDialog(FormDialog):
    """Move the deadline of enrolled people (the promotion's, or a date of their own)."""

    def __init__(self, database: Database, lines: Sequence[EnrolmentLine],
                 promotion_deadline: date | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Deadline for a contract"), parent)
        self.setObjectName("deadlineDialog")
        self.database = database
        self.lines = list(lines)
        names = ", ".join(line.participant for line in self.lines)
        who = QLabel(names)
        who.setWordWrap(True)
        self.form.addRow(self.tr("For"), who)
        own = self.lines[0].state.deadline if len(self.lines) == 1 and self.lines[0].own_deadline \
            else None
        self.deadline = _DeadlineChoice(promotion_deadline, own,
                                        max(line.enrolled_on for line in self.lines))
        self.form.addRow(self.tr("Deadline"), self.deadline)
        note = QLabel(self.tr(
            "A later deadline gives a lapsed place another chance; a contract signed by the new "
            "deadline makes it final."))
        note.setWordWrap(True)
        self.form.addRow(note)

    def save(self) -> str | None:
        service.change_deadline(self.database, [line.participant_id for line in self.lines],
                                self.deadline.value())
        return self.lines[0].id


class SolutionDialog(FormDialog):
    """The solution found for a person whose place lapsed (or will): one or more, on a day."""

    def __init__(self, database: Database, line: EnrolmentLine, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Solution for %1").replace("%1", line.participant), parent,
                         save_button=QDialogButtonBox.StandardButton.Save)
        self.setObjectName("solutionDialog")
        self.database = database
        self.line = line
        explanation = QLabel(describe(line))
        explanation.setObjectName("solutionExplanation")
        explanation.setWordWrap(True)
        self.form.addRow(explanation)
        box = QGroupBox(self.tr("Solutions found"))
        grid = QGridLayout(box)
        self.kinds: dict[str, QCheckBox] = {}
        for position, kind in enumerate(service.SOLUTION_KINDS):
            check = QCheckBox(codes.OUTCOME_KINDS[kind])
            check.setObjectName(f"solution_{kind}")
            self.kinds[kind] = check
            grid.addWidget(check, position // 2, position % 2)
        self.form.addRow(box)
        start = max(today, line.enrolled_on)
        if line.state.status == "caduque":
            start = max(start, line.state.since)
        self.on = date_edit(start, name="solutionDate")
        self.form.addRow(self.tr("Date"), self.on)
        self.expected_on = OptionalDate(self.tr("from"), start, "solutionExpectedOn")
        self.form.addRow(self.tr("Hire or studies start"), self.expected_on)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("solutionNotes")
        self.notes.setFixedHeight(64)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.setMinimumWidth(560)

    def save(self) -> str | None:
        draft = service.SolutionDraft(
            kinds=tuple(kind for kind, check in self.kinds.items() if check.isChecked()),
            on=from_qdate(self.on.date()),
            expected_on=self.expected_on.value(),
            notes=self.notes.toPlainText(),
        )
        return service.record_solution(self.database, self.line.participant_id, draft)[0]
