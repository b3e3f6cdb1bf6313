"""The forms of the training window: the training itself, an absence, an assessment, the result.

Each is a ``FormDialog`` over one service call of ``coachdesk.services.training``: a
``UserError`` keeps it open with everything typed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from coachdesk.models import codes
from coachdesk.ui.widgets.fields import date_edit, date_of, from_qdate, set_date
from coachdesk.ui.widgets.forms import FormDialog

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.training import TrainingDraft


def _optional_days(name: str) -> QSpinBox:
    """Days a week, 0 to 7, or « — » when not known."""
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(-1, 7)
    box.setSpecialValueText("—")
    box.setValue(-1)
    box.setSuffix(" j")
    return box


def _days(box: QSpinBox) -> int | None:
    return None if box.value() < 0 else box.value()


class TrainingDialog(FormDialog):
    """The training of a contract (work-study) or of a person (evening classes)."""

    def __init__(self, database: Database, participant_id: str, participant: str,
                 draft: TrainingDraft, training_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent, save_button=QDialogButtonBox.StandardButton.Save)
        self.setObjectName("trainingDialog")
        self.database, self.participant_id, self.training_id = database, participant_id, \
            training_id
        self.draft = draft
        evening = draft.mode == "cours_du_soir"
        self.setWindowTitle(
            (self.tr("Evening classes of %1") if evening else self.tr("Training of %1"))
            .replace("%1", participant))
        from coachdesk.services.training_bodies import list_training_bodies

        self.training_body = QComboBox()
        self.training_body.setObjectName("trainingBody")
        self.training_body.addItem("—", None)
        for body in list_training_bodies(database):
            self.training_body.addItem(body.name, body.id)
        self.training_body.setCurrentIndex(max(0, self.training_body.findData(
            draft.training_body_id)))
        self.qualification = QLineEdit(draft.qualification)
        self.qualification.setObjectName("qualification")
        self.start = date_edit(draft.start_date, optional=True, name="trainingStart")
        self.end = date_edit(draft.end_date, optional=True, name="trainingEnd")
        self.at_centre = _optional_days("daysAtCentre")
        self.at_work = _optional_days("daysAtWork")
        if draft.days_at_training_body is not None:
            self.at_centre.setValue(draft.days_at_training_body)
        if draft.days_at_work is not None:
            self.at_work.setValue(draft.days_at_work)
        rhythm = QHBoxLayout()
        rhythm.addWidget(self.at_centre)
        rhythm.addWidget(QLabel(self.tr("at the training body,")))
        rhythm.addWidget(self.at_work)
        rhythm.addWidget(QLabel(self.tr("at work, each week")))
        rhythm.addStretch(1)
        self.notes = QPlainTextEdit(draft.notes)
        self.notes.setObjectName("trainingNotes")
        self.notes.setFixedHeight(56)
        self.form.addRow(self.tr("Training body"), self.training_body)
        self.form.addRow(self.tr("Qualification prepared"), self.qualification)
        self.form.addRow(self.tr("Start"), self.start)
        self.form.addRow(self.tr("End"), self.end)
        self.form.addRow(self.tr("Rhythm"), rhythm)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.setMinimumWidth(540)

    def save(self) -> str:
        from coachdesk.services.training import TrainingDraft, save_training

        return save_training(self.database, self.participant_id, TrainingDraft(
            mode=self.draft.mode, contract_id=self.draft.contract_id,
            training_body_id=self.training_body.currentData(),
            qualification=self.qualification.text(), start_date=date_of(self.start),
            end_date=date_of(self.end), days_at_training_body=_days(self.at_centre),
            days_at_work=_days(self.at_work), notes=self.notes.toPlainText()),
            self.training_id)


class AbsenceDialog(FormDialog):
    """A day of absence reported by the training body."""

    def __init__(self, database: Database, training_id: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Absence at the training body"), parent,
                         save_button=QDialogButtonBox.StandardButton.Save)
        self.setObjectName("absenceDialog")
        self.database, self.training_id = database, training_id
        self.absent_on = date_edit(today, name="absentOn")
        self.in_hours = QRadioButton(self.tr("Hours"))
        self.in_hours.setObjectName("inHours")
        self.in_half_days = QRadioButton(self.tr("Half-days"))
        self.in_half_days.setObjectName("inHalfDays")
        self.in_half_days.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.in_hours)
        group.addButton(self.in_half_days)
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("absenceHours")
        self.hours.setRange(0, 12)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.half_days = QSpinBox()
        self.half_days.setObjectName("absenceHalfDays")
        self.half_days.setRange(1, 2)
        length = QHBoxLayout()
        for widget in (self.in_half_days, self.half_days, self.in_hours, self.hours):
            length.addWidget(widget)
        length.addStretch(1)
        self.justified = QCheckBox(self.tr("Justified"))
        self.justified.setObjectName("absenceJustified")
        self.reason = QLineEdit()
        self.reason.setObjectName("absenceReason")
        self.form.addRow(self.tr("Day"), self.absent_on)
        self.form.addRow(self.tr("Length"), length)
        self.form.addRow("", self.justified)
        self.form.addRow(self.tr("Reason"), self.reason)

    def save(self) -> str:
        from coachdesk.services.training import AbsenceDraft, record_absence

        by_hours = self.in_hours.isChecked()
        return record_absence(self.database, self.training_id, AbsenceDraft(
            from_qdate(self.absent_on.date()),
            hours=self.hours.value() if by_hours and self.hours.value() > 0 else None,
            half_days=None if by_hours else self.half_days.value(),
            justified=self.justified.isChecked(), reason=self.reason.text()))


class AssessmentDialog(FormDialog):
    """An assessment at the training body: a subject, a result and/or a grade on 20."""

    def __init__(self, database: Database, training_id: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Assessment at the training body"), parent,
                         save_button=QDialogButtonBox.StandardButton.Save)
        self.setObjectName("assessmentDialog")
        self.database, self.training_id = database, training_id
        self.assessed_on = date_edit(today, name="assessedOn")
        self.subject = QLineEdit()
        self.subject.setObjectName("assessmentSubject")
        self.result_text = QLineEdit()
        self.result_text.setObjectName("assessmentResult")
        self.result_text.setPlaceholderText(self.tr("e.g. Acquired"))
        self.graded = QCheckBox(self.tr("Grade"))
        self.graded.setObjectName("assessmentGraded")
        self.grade = QDoubleSpinBox()
        self.grade.setObjectName("assessmentGrade")
        self.grade.setRange(0, 20)
        self.grade.setDecimals(2)
        self.grade.setSingleStep(0.5)
        self.grade.setSuffix(" / 20")
        self.grade.setEnabled(False)
        self.graded.toggled.connect(self.grade.setEnabled)
        grade = QHBoxLayout()
        grade.addWidget(self.graded)
        grade.addWidget(self.grade, 1)
        self.form.addRow(self.tr("Day"), self.assessed_on)
        self.form.addRow(self.tr("Subject"), self.subject)
        self.form.addRow(self.tr("Result"), self.result_text)
        self.form.addRow("", grade)

    def save(self) -> str:
        from coachdesk.services.training import AssessmentDraft, record_assessment

        return record_assessment(self.database, self.training_id, AssessmentDraft(
            from_qdate(self.assessed_on.date()), self.subject.text(),
            result=self.result_text.text(),
            grade=self.grade.value() if self.graded.isChecked() else None))


class ResultDialog(FormDialog):
    """How the training ended: certificate obtained or not, or left; with its date."""

    def __init__(self, database: Database, training_id: str, result: str | None,
                 result_on: date | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Result of the training"), parent,
                         save_button=QDialogButtonBox.StandardButton.Save)
        self.setObjectName("resultDialog")
        self.database, self.training_id = database, training_id
        self.result_choice = QComboBox()
        self.result_choice.setObjectName("trainingResult")
        self.result_choice.addItem(self.tr("Not known yet"), None)
        for code, label in codes.TRAINING_RESULTS.items():
            self.result_choice.addItem(label, code)
        self.result_choice.setCurrentIndex(max(0, self.result_choice.findData(result)))
        self.result_on = date_edit(today, optional=True, name="resultOn")
        set_date(self.result_on, result_on or today)
        self.form.addRow(self.tr("Result"), self.result_choice)
        self.form.addRow(self.tr("Date"), self.result_on)

    def save(self) -> str:
        from coachdesk.services.training import set_training_result

        set_training_result(self.database, self.training_id, self.result_choice.currentData(),
                            date_of(self.result_on))
        return self.training_id
