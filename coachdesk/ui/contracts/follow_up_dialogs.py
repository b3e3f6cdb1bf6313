"""The follow-up dialogs of the Suivi des contrats tab: a visit, a rupture, an outcome.

Each dialog is a ``FormDialog`` (``ui/widgets/forms.py``): it saves through one service call
(one transaction), shows a ``UserError`` as a French message and stays open so nothing typed
is lost.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from coachdesk.models import codes
from coachdesk.ui.contracts.contract_dialog import ALERT_COLOUR, WARNING_COLOUR
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.coach_picker import CoachPicker
from coachdesk.ui.widgets.fields import (
    OptionalDate,
    date_edit,
    from_qdate,
)
from coachdesk.ui.widgets.forms import FormDialog

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.contract_board import ContractContext
    from coachdesk.services.visits import VisitDraft


# --- visit --------------------------------------------------------------------------------------

# The scale of the visit report (1 = très difficile … 4 = très bien), translated when shown.
RATINGS = {
    1: QT_TRANSLATE_NOOP("VisitDialog", "Very difficult"),
    2: QT_TRANSLATE_NOOP("VisitDialog", "Difficult"),
    3: QT_TRANSLATE_NOOP("VisitDialog", "Good"),
    4: QT_TRANSLATE_NOOP("VisitDialog", "Very good"),
}


# A visit (or the call after it) this long after a contract's end is asked about.
VISIT_DAYS_AFTER_END = 92


class VisitDialog(FormDialog):
    """A quick visit report, made for a laptop in a company."""

    ERRORS_IN_A_MESSAGE_BOX = True

    def __init__(
        self, database: Database, context: ContractContext, today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent, save_button=QDialogButtonBox.StandardButton.Save)
        self.database = database
        self.setWindowTitle(self.tr("Visit report"))
        self.setObjectName("visitDialog")
        self.context = context
        heading = QLabel(
            f"<b>{context.participant}</b> — {context.employer}"
        )
        heading.setObjectName("visitHeading")
        self.add_to_body(heading)

        self.done_on = date_edit(today, name="visitDate")
        self.planned_only = QCheckBox(self.tr("not done yet: plan it on this date"))
        self.planned_only.setObjectName("plannedOnly")
        self.kind_visit = QRadioButton(codes.VISIT_KINDS["visite"])
        self.kind_visit.setObjectName("kindVisit")
        self.kind_call = QRadioButton(codes.VISIT_KINDS["appel"])
        self.kind_call.setObjectName("kindCall")
        self.kind_visit.setChecked(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.kind_visit)
        kinds.addWidget(self.kind_call)
        kinds.addStretch(1)
        # « Chargé·e de suivi »: this laptop's coach unless another one is chosen.
        self.author = CoachPicker(database, name="author")
        self.met_people = QLineEdit()
        self.met_people.setObjectName("metPeople")
        self.met_people.setPlaceholderText(self.tr("e.g. the tutor and the young person"))
        self.rating_group = QButtonGroup(self)
        ratings = QHBoxLayout()
        for value, label in RATINGS.items():
            button = QRadioButton(self.tr(str(label)))
            button.setObjectName(f"rating{value}")
            self.rating_group.addButton(button, value)
            ratings.addWidget(button)
        ratings.addStretch(1)
        categories = QGridLayout()
        self.category_boxes: dict[str, QCheckBox] = {}
        for index, (code, label) in enumerate(codes.DIFFICULTY_CATEGORIES.items()):
            box = QCheckBox(label)
            box.setObjectName(f"difficulty_{code}")
            self.category_boxes[code] = box
            categories.addWidget(box, index // 3, index % 3)
        self.difficulties = QPlainTextEdit()
        self.difficulties.setObjectName("difficulties")
        self.difficulties.setPlaceholderText(self.tr("What is hard, in a few words"))
        self.difficulties.setFixedHeight(64)
        self.actions_decided = QPlainTextEdit()
        self.actions_decided.setObjectName("actions")
        self.actions_decided.setPlaceholderText(self.tr("What was decided, by whom"))
        self.actions_decided.setFixedHeight(64)
        self.next_visit = OptionalDate(
            self.tr("next visit on"), today + timedelta(weeks=context.interval_weeks), "nextVisit"
        )
        self.next_visit.set_value(today + timedelta(weeks=context.interval_weeks))
        self.print_report = QCheckBox(self.tr("Save the printable report (PDF) for the tutor"))
        self.print_report.setObjectName("printReport")

        form = QFormLayout()
        when = QHBoxLayout()
        when.addWidget(self.done_on)
        when.addWidget(self.planned_only, 1)
        form.addRow(self.tr("Date"), when)
        form.addRow(self.tr("Kind"), kinds)
        form.addRow(self.tr("Follow-up coach"), self.author)
        form.addRow(self.tr("Met"), self.met_people)
        form.addRow(self.tr("How it is going"), ratings)
        form.addRow(self.tr("Difficulties"), categories)
        form.addRow("", self.difficulties)
        form.addRow(self.tr("Actions decided"), self.actions_decided)
        form.addRow(self.tr("Next visit"), self.next_visit)
        self.add_to_body(form)
        self.add_to_body(self.print_report)
        self.done_on.dateChanged.connect(self._date_changed)
        self.planned_only.toggled.connect(self._planned_toggled)

    def _date_changed(self, qdate: QDate) -> None:
        self.next_visit.edit.setDate(qdate.addDays(7 * self.context.interval_weeks))

    def _planned_toggled(self, planned: bool) -> None:
        widgets: list[QWidget] = [
            self.met_people, self.difficulties, self.actions_decided, self.next_visit,
            self.print_report, *self.category_boxes.values(), *self.rating_group.buttons(),
        ]
        for widget in widgets:
            widget.setEnabled(not planned)

    def draft(self) -> VisitDraft:
        """The report as typed; a visit only planned keeps its date, kind and coach."""
        from coachdesk.services.visits import VisitDraft

        day = from_qdate(self.done_on.date())
        kind = "appel" if self.kind_call.isChecked() else "visite"
        if self.planned_only.isChecked():
            return VisitDraft(kind=kind, planned_on=day, coach_id=self.author.coach_id())
        rating = self.rating_group.checkedId()
        return VisitDraft(
            kind=kind,
            done_on=day,
            coach_id=self.author.coach_id(),
            met_people=self.met_people.text().strip(),
            rating=rating if rating > 0 else None,
            difficulty_categories=tuple(
                code for code, box in self.category_boxes.items() if box.isChecked()
            ),
            difficulties=self.difficulties.toPlainText().strip(),
            actions=self.actions_decided.toPlainText().strip(),
            next_visit_on=self.next_visit.value(),
        )

    def confirm_before_save(self) -> bool:
        """A visit dated before the contract or long after its end is most likely a typing
        slip (2025 for 2010): the coach confirms it or corrects it."""
        day = from_qdate(self.done_on.date())
        start, end = self.context.terms.start_date, self.context.terms.end_date
        if day < start:
            question = self.tr("The contract starts on %1. Record this visit on %2, before it?")
            question = question.replace("%1", f"{start:%d/%m/%Y}")
        elif end is not None and day > end + timedelta(days=VISIT_DAYS_AFTER_END):
            question = self.tr(
                "The contract ended on %1. Record this visit on %2, %3 days after its end?"
            ).replace("%1", f"{end:%d/%m/%Y}").replace("%3", str((day - end).days))
        else:
            return True
        return messages.confirm(self, self.windowTitle(),
                                question.replace("%2", f"{day:%d/%m/%Y}"))

    def save(self) -> str:
        from coachdesk.services.visits import record_visit

        return record_visit(self.database, self.context.contract_id, self.draft())


# --- rupture ------------------------------------------------------------------------------------


class RuptureDialog(FormDialog):
    """Record a rupture: who, why, whether it fell in the trial period, what to notify."""

    ERRORS_IN_A_MESSAGE_BOX = True

    def __init__(
        self, database: Database, context: ContractContext, today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent, save_button=QDialogButtonBox.StandardButton.Save)
        self.database = database
        self.setWindowTitle(self.tr("Contract rupture"))
        self.setObjectName("ruptureDialog")
        self.context = context
        self.notice: Any = None
        heading = QLabel(f"<b>{context.participant}</b> — {context.employer}")
        self.add_to_body(heading)
        self.rupture_on = date_edit(max(today, context.terms.start_date), name="ruptureDate")
        self.by = QComboBox()
        self.by.setObjectName("ruptureBy")
        for code, label in codes.RUPTURE_BY.items():
            self.by.addItem(label, code)
        self.reason_category = QComboBox()
        self.reason_category.setObjectName("reasonCategory")
        for code, label in codes.RUPTURE_REASONS.items():
            self.reason_category.addItem(label, code)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(64)
        self.trial_label = QLabel()
        self.trial_label.setObjectName("inTrialLabel")
        self.trial_label.setWordWrap(True)
        self.reminders_label = QLabel()
        self.reminders_label.setObjectName("ruptureReminders")
        self.reminders_label.setWordWrap(True)
        self.reminders_label.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.rupture_on)
        form.addRow(self.tr("Ended by"), self.by)
        form.addRow(self.tr("Reason"), self.reason_category)
        form.addRow("", self.reason)
        self.trial_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Trial period"), self.trial_label)
        form.addRow(self.tr("To notify"), self.reminders_label)
        self.add_to_body(form)
        self.setMinimumWidth(620)
        self.rupture_on.dateChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from coachdesk.services.contract_rules import fr_date
        from coachdesk.services.visits import rupture_notice

        notice = rupture_notice(self.context.terms, from_qdate(self.rupture_on.date()))
        if notice.in_trial:
            text = self.tr("During the trial period (it ends on %1).")
            colour = WARNING_COLOUR
        else:
            text = self.tr("After the trial period (it ended on %1).")
            colour = ALERT_COLOUR
        self.trial_label.setText(text.replace("%1", fr_date(notice.trial_end)))
        self.trial_label.setStyleSheet(f"color: {colour}; font-weight: bold")
        self.reminders_label.setText(
            "<ul style='margin-left:-20px'>"
            + "".join(f"<li><b>{fr_date(day)}</b> : {what}</li>" for day, what in notice.reminders)
            + "</ul>"
        )

    def save(self) -> str:
        from coachdesk.services.visits import RuptureDraft, record_rupture

        self.notice = record_rupture(
            self.database,
            self.context.contract_id,
            RuptureDraft(
                rupture_on=from_qdate(self.rupture_on.date()),
                rupture_by=self.by.currentData(),
                reason_category=self.reason_category.currentData(),
                reason=self.reason.toPlainText().strip(),
            ),
        )
        return self.context.contract_id


# --- outcome ------------------------------------------------------------------------------------

BACK_TO_MATCHING_DAYS = 7


class OutcomeDialog(FormDialog):
    """After a rupture or a lapsed enrolment: back to matching, or a solution (sortie)."""

    ERRORS_IN_A_MESSAGE_BOX = True

    def __init__(
        self, database: Database, participant_id: str, participant: str, today: date,
        reason: str, parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent, save_button=QDialogButtonBox.StandardButton.Save)
        self.database = database
        self.setWindowTitle(self.tr("What next for %1").replace("%1", participant))
        self.setObjectName("outcomeDialog")
        self.participant_id = participant_id
        self.participant = participant
        self.today = today
        explanation = QLabel(reason)
        explanation.setWordWrap(True)
        self.add_to_body(explanation)
        self.back_to_matching = QRadioButton(
            self.tr("Back to matching: propose new job offers (a reminder goes in the agenda)")
        )
        self.back_to_matching.setObjectName("backToMatching")
        self.record_solution = QRadioButton(self.tr("Record the solution found"))
        self.record_solution.setObjectName("recordSolution")
        self.record_solution.setChecked(True)
        self.kind = QComboBox()
        self.kind.setObjectName("outcomeKind")
        for code, label in codes.OUTCOME_KINDS.items():
            self.kind.addItem(label, code)
        self.recorded_on = date_edit(today, name="outcomeDate")
        self.expected_on = OptionalDate(self.tr("from"), today, "expectedOn")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("outcomeNotes")
        self.notes.setFixedHeight(64)
        self.solution_box = QGroupBox()
        form = QFormLayout(self.solution_box)
        form.addRow(self.tr("Solution"), self.kind)
        form.addRow(self.tr("Date"), self.recorded_on)
        form.addRow(self.tr("Hire or studies start"), self.expected_on)
        form.addRow(self.tr("Notes"), self.notes)
        self.add_to_body(self.back_to_matching)
        self.add_to_body(self.record_solution)
        self.add_to_body(self.solution_box)
        self.setMinimumWidth(560)
        self.record_solution.toggled.connect(self.solution_box.setEnabled)

    def save(self) -> str:
        from coachdesk.services.agenda import add_reminder
        from coachdesk.services.outcomes import OutcomeDraft, record_outcome

        if self.back_to_matching.isChecked():
            return add_reminder(
                self.database,
                self.participant_id,
                self.today + timedelta(days=BACK_TO_MATCHING_DAYS),
                f"Proposer une nouvelle mise en relation à {self.participant}.",
            )
        return record_outcome(
            self.database,
            self.participant_id,
            OutcomeDraft(
                kind=self.kind.currentData(),
                recorded_on=from_qdate(self.recorded_on.date()),
                expected_on=self.expected_on.value(),
                notes=self.notes.toPlainText().strip(),
            ),
        )


# --- acknowledging an alert ---------------------------------------------------------------------


class AcknowledgeAlertDialog(FormDialog):
    """Set one alert of a contract aside, with the reason (« accord de branche »)."""

    ERRORS_IN_A_MESSAGE_BOX = True

    def __init__(
        self, database: Database, contract_id: str, participant: str,
        alerts: list[tuple[str, str, str]], today: date, parent: QWidget | None = None,
    ) -> None:
        """``alerts``: (code, level label, French sentence) of the alerts still showing."""
        super().__init__("", parent, save_button=QDialogButtonBox.StandardButton.Save)
        self.database = database
        self.contract_id = contract_id
        self.today = today
        self.setWindowTitle(self.tr("Set an alert aside — %1").replace("%1", participant))
        self.setObjectName("acknowledgeAlertDialog")
        explanation = QLabel(self.tr(
            "Once set aside with its reason, the alert no longer flags the contract; it stays "
            "listed in the contract's tooltip with your reason."))
        explanation.setWordWrap(True)
        self.add_to_body(explanation)
        self.alert = QComboBox()
        self.alert.setObjectName("alertChoice")
        for code, level, sentence in alerts:
            self.alert.addItem(f"{level} — {sentence}", code)
            self.alert.setItemData(self.alert.count() - 1, sentence, Qt.ItemDataRole.ToolTipRole)
        self.reason = QLineEdit()
        self.reason.setObjectName("alertReason")
        self.reason.setPlaceholderText(self.tr("e.g. accord de branche"))
        self.form.addRow(self.tr("Alert"), self.alert)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.setMinimumWidth(620)

    def save(self) -> str:
        from coachdesk.services.contract_alerts import acknowledge_alert

        return acknowledge_alert(self.database, self.contract_id, str(self.alert.currentData()),
                                 self.reason.text(), on=self.today)
