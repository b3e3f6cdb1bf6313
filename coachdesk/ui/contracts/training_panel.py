"""The training of a contract (or a person's evening classes), in the Suivi des contrats tab.

« Formation… » beside the tab's other buttons opens it for the selected contract (its
work-study training) or the selected enrolment without a contract (evening classes). The coach
sees the training body, the qualification, the dates, the rhythm and the result, then the
absences reported by the training body (with their total) and the assessments; buttons record
each, the result, or import the training body's sheet (``services.training_import``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.ui.contracts.training_dialogs import (
    AbsenceDialog,
    AssessmentDialog,
    ResultDialog,
    TrainingDialog,
)
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.change_relay import change_relay
from coachdesk.ui.widgets.list_tab import make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.changes import Change
    from coachdesk.db import Database
    from coachdesk.services.training import AbsenceLine, AssessmentLine, TrainingFile

def _yes_no(value: object) -> str:
    if value:
        return QCoreApplication.translate("TrainingWindow", "yes")
    return QCoreApplication.translate("TrainingWindow", "no")


def _grade(value: object) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


ABSENCE_COLUMNS: list[Column[AbsenceLine]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Day"), lambda r: r.absent_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Length"), lambda r: r.duration),
    Column(QT_TRANSLATE_NOOP("Columns", "Justified"), lambda r: r.justified, _yes_no),
    Column(QT_TRANSLATE_NOOP("Columns", "Reason"), lambda r: r.reason),
    Column(QT_TRANSLATE_NOOP("Columns", "Entered from"), lambda r: r.source),
]
ASSESSMENT_COLUMNS: list[Column[AssessmentLine]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Day"), lambda r: r.assessed_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Subject"), lambda r: r.subject),
    Column(QT_TRANSLATE_NOOP("Columns", "Result"), lambda r: r.result),
    Column(QT_TRANSLATE_NOOP("Columns", "Grade /20"), lambda r: r.grade, _grade,
           align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Entered from"), lambda r: r.source),
]
# What the window shows: a change to these refreshes it.
_READS = frozenset({"training", "training_absence", "training_assessment", "contract",
                    "training_body"})


def _day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "—"


class TrainingWindow(QDialog):
    """A person's training: what the training body reports, and the buttons to record it."""

    saved = Signal(str)

    def __init__(self, database: Database, participant_id: str, participant: str,
                 contract_id: str | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingWindow")
        self.database, self.participant_id, self.participant = database, participant_id, \
            participant
        self.contract_id, self.today = contract_id, today
        self.training: TrainingFile | None = None
        self.dialog: Any = None  # the form open now (tests drive it)
        self.setWindowTitle(
            (self.tr("Training of %1") if contract_id else self.tr("Evening classes of %1"))
            .replace("%1", participant))
        self.resize(780, 620)

        self.facts = QFormLayout()
        self.body_label, self.qualification_label, self.dates_label, self.rhythm_label, \
            self.result_label = (QLabel() for _ in range(5))
        for label, name, title in (
            (self.body_label, "trainingBodyName", self.tr("Training body")),
            (self.qualification_label, "qualificationName", self.tr("Qualification")),
            (self.dates_label, "trainingDates", self.tr("Dates")),
            (self.rhythm_label, "trainingRhythm", self.tr("Rhythm")),
            (self.result_label, "trainingResultText", self.tr("Result")),
        ):
            label.setObjectName(name)
            self.facts.addRow(title, label)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("noTraining")
        self.empty_label.setWordWrap(True)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editTraining")
        self.result_button = QPushButton(self.tr("Result…"))
        self.result_button.setObjectName("trainingResultButton")
        self.result_button.setToolTip(self.tr("Certificate obtained, not obtained, or left; "
                                              "with its date"))
        self.import_button = QPushButton(self.tr("Import the training body's sheet…"))
        self.import_button.setObjectName("importTrainingSheet")
        self.import_button.setToolTip(self.tr(
            "A workbook or CSV with the columns Nom, Prénom, Date de naissance, Date, Nature "
            "(absence or évaluation), Heures or Demi-journées, Justifiée, Motif, Matière, "
            "Résultat, Note sur 20"))
        top = QHBoxLayout()
        for button in (self.edit_button, self.result_button, self.import_button):
            top.addWidget(button)
        top.addStretch(1)

        self.absence_model: RowTableModel[AbsenceLine] = RowTableModel(ABSENCE_COLUMNS, self)
        self.absence_view = make_table_view(self.absence_model, "absenceTable")
        self.absence_summary = QLabel()
        self.absence_summary.setObjectName("absenceSummary")
        self.add_absence_button = QPushButton(self.tr("Add an absence…"))
        self.add_absence_button.setObjectName("addAbsence")
        self.delete_absence_button = QPushButton(self.tr("Delete the absence"))
        self.delete_absence_button.setObjectName("deleteAbsence")
        absences = self._group(self.tr("Absences reported by the training body"),
                               self.absence_summary, self.absence_view,
                               (self.add_absence_button, self.delete_absence_button))
        self.assessment_model: RowTableModel[AssessmentLine] = RowTableModel(
            ASSESSMENT_COLUMNS, self)
        self.assessment_view = make_table_view(self.assessment_model, "assessmentTable")
        self.add_assessment_button = QPushButton(self.tr("Add an assessment…"))
        self.add_assessment_button.setObjectName("addAssessment")
        self.delete_assessment_button = QPushButton(self.tr("Delete the assessment"))
        self.delete_assessment_button.setObjectName("deleteAssessment")
        assessments = self._group(self.tr("Assessments"), None, self.assessment_view,
                                  (self.add_assessment_button, self.delete_assessment_button))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.facts)
        layout.addWidget(self.empty_label)
        layout.addLayout(top)
        layout.addWidget(absences, 1)
        layout.addWidget(assessments, 1)
        layout.addWidget(close)

        self.edit_button.clicked.connect(self.edit_training)
        self.result_button.clicked.connect(self.record_result)
        self.import_button.clicked.connect(lambda: self.import_sheet())
        self.add_absence_button.clicked.connect(self.add_absence)
        self.add_assessment_button.clicked.connect(self.add_assessment)
        self.delete_absence_button.clicked.connect(self.delete_absence)
        self.delete_assessment_button.clicked.connect(self.delete_assessment)
        change_relay().changed.connect(self._changed)
        self.load()

    @staticmethod
    def _group(title: str, summary: QLabel | None, view: QWidget,
               buttons: tuple[QPushButton, ...]) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        if summary is not None:
            layout.addWidget(summary)
        layout.addWidget(view, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    # Loading ----------------------------------------------------------------------------------
    def _changed(self, change: Change) -> None:
        if change.touches(_READS):
            self.load()

    def load(self) -> None:
        from coachdesk.services.training import contract_training, participant_trainings

        if self.contract_id is not None:
            self.training = contract_training(self.database, self.contract_id)
        else:
            evenings = [t for t in participant_trainings(self.database, self.participant_id)
                        if t.mode == "cours_du_soir"]
            self.training = evenings[-1] if evenings else None
        training = self.training
        known = training is not None
        for widget in (self.result_button, self.import_button, self.add_absence_button,
                       self.delete_absence_button, self.add_assessment_button,
                       self.delete_assessment_button):
            widget.setEnabled(known)
        self.empty_label.setVisible(not known)
        if training is None:
            self.empty_label.setText(
                self.tr("No training recorded yet: record it to follow its absences and "
                        "assessments.") if self.contract_id else
                self.tr("No evening classes recorded: record them with their training body."))
            self.edit_button.setText(self.tr("Record the training…") if self.contract_id
                                     else self.tr("Record evening classes…"))
        else:
            self.edit_button.setText(self.tr("Edit the training…"))
        self.body_label.setText(training.training_body or "—" if training else "—")
        self.qualification_label.setText(training.qualification or "—" if training else "—")
        self.dates_label.setText(
            self.tr("from %1 to %2").replace("%1", _day(training.start_date))
            .replace("%2", _day(training.end_date)) if training else "—")
        self.rhythm_label.setText(training.rhythm or "—" if training else "—")
        self.result_label.setText(
            f"{training.result_label} ({_day(training.result_on)})"
            if training and training.result else self.tr("Not known yet"))
        self.absence_model.set_rows(training.absences if training else [])
        self.assessment_model.set_rows(training.assessments if training else [])
        self.absence_summary.setText(training.absence_summary if training else "")

    # Actions ----------------------------------------------------------------------------------
    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, record_id: str) -> None:
        self.load()
        self.saved.emit(record_id)

    def edit_training(self) -> None:
        from coachdesk.services.training import (
            TrainingDraft,
            contract_training_defaults,
            evening_classes_defaults,
        )

        training = self.training
        if training is not None:
            draft = TrainingDraft(
                training.mode, training.contract_id, training.training_body_id,
                training.qualification, training.start_date, training.end_date,
                training.days_at_training_body, training.days_at_work, training.notes)
        elif self.contract_id is not None:
            draft = contract_training_defaults(self.database, self.contract_id)
        else:
            draft = evening_classes_defaults(self.database, self.participant_id)
        self._open(TrainingDialog(self.database, self.participant_id, self.participant, draft,
                                  training.id if training else None, self))

    def record_result(self) -> None:
        if self.training is not None:
            self._open(ResultDialog(self.database, self.training.id, self.training.result,
                                    self.training.result_on, self.today, self))

    def add_absence(self) -> None:
        if self.training is not None:
            self._open(AbsenceDialog(self.database, self.training.id, self.today, self))

    def add_assessment(self) -> None:
        if self.training is not None:
            self._open(AssessmentDialog(self.database, self.training.id, self.today, self))

    def _selected(self, view: Any, model: RowTableModel[Any]) -> Any:
        rows = view.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    def delete_absence(self) -> None:
        from coachdesk.services.training import delete_absence

        line = self._selected(self.absence_view, self.absence_model)
        if line is None:
            messages.info(self, self.windowTitle(), self.tr("Select an absence first."))
            return
        if messages.confirm(self, self.windowTitle(), self.tr("Delete the absence of %1?")
                            .replace("%1", _day(line.absent_on))):
            delete_absence(self.database, line.id)
            self._saved(line.id)

    def delete_assessment(self) -> None:
        from coachdesk.services.training import delete_assessment

        line = self._selected(self.assessment_view, self.assessment_model)
        if line is None:
            messages.info(self, self.windowTitle(), self.tr("Select an assessment first."))
            return
        if messages.confirm(self, self.windowTitle(), self.tr("Delete the assessment %1?")
                            .replace("%1", line.subject)):
            delete_assessment(self.database, line.id)
            self._saved(line.id)

    def ask_sheet_path(self) -> Path | None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Training body's sheet"), folder,
            self.tr("Workbooks and CSV (*.xlsx *.xlsm *.xls *.ods *.csv)"))
        return Path(chosen) if chosen else None

    def import_sheet(self, path: Path | None = None) -> None:
        """Import the training body's sheet; say what was imported and which rows were not."""
        from coachdesk.services.training_import import import_training_sheet

        path = path or self.ask_sheet_path()
        if path is None:
            return
        try:
            report = import_training_sheet(self.database, path)
        except UserError as error:
            messages.user_error(self, error)
            return
        self._saved("")
        text = (self.tr("%1 absence(s) and %2 assessment(s) imported, %3 already recorded.")
                .replace("%1", str(report.absences)).replace("%2", str(report.assessments))
                .replace("%3", str(report.already_recorded)))
        if report.rejected:
            text += "\n\n" + self.tr("Rows not imported (correct them in the sheet, then "
                                     "import it again):") + "\n"
            text += "\n".join(f"• {r.message}" for r in report.rejected[:20])
            messages.warn(self, self.tr("Training body's sheet"), text)
        else:
            messages.info(self, self.tr("Training body's sheet"), text)


def training_button(tab: Any) -> QPushButton:
    """The tab's « Formation… » button, opening the window for its selection."""
    button = QPushButton(QCoreApplication.translate("TrainingWindow", "Training…"))
    button.setObjectName("followTraining")
    button.setToolTip(QCoreApplication.translate(
        "TrainingWindow", "The training of the selected contract (rhythm, absences, "
        "assessments, result), or the evening classes of the selected enrolment"))
    button.clicked.connect(lambda: open_training(tab))
    return button


def open_training(tab: Any) -> TrainingWindow | None:
    """Open the training of the tab's selected enrolment (evening classes) or contract."""
    if tab.database is None:
        return None
    enrolment = tab.current_enrolment()
    line = None if enrolment is not None else tab.current_contract()
    if enrolment is None and line is None:
        messages.info(tab, QCoreApplication.translate("TrainingWindow", "Training"),
                      QCoreApplication.translate(
                          "TrainingWindow", "Select a contract or an enrolment in the lists "
                          "first."))
        return None
    subject = enrolment if enrolment is not None else line
    assert subject is not None
    window = TrainingWindow(tab.database, subject.participant_id, subject.participant,
                            line.id if line is not None else None, tab.today, tab)
    tab.dialog = window
    window.open()
    return window
