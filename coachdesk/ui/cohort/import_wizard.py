"""The contact import wizard: choose a file, check the columns, preview, import, read the summary.

The rules are the CLI's (same service). The import itself runs in a worker process through
:func:`coachdesk.ui.widgets.background.run_job`: the window keeps answering, a progress dialog
appears after half a second, and cancelling writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services.contact_import import FIELDS, ImportReport, Preview, preview_table
from coachdesk.ui.widgets import background, messages
from coachdesk.ui.widgets.list_tab import make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel, format_value

if TYPE_CHECKING:
    from coachdesk.db import Database

ROW_HEADER = QT_TRANSLATE_NOOP("Columns", "Row")
LISTED = 300  # lines per section of the summary; the rest is counted


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Choose the contact file"))
        self.setSubTitle(self.tr(
            "A workbook (Excel .xlsx or .xls, LibreOffice .ods) or a CSV file, as the university "
            "or the Mission Locale sent it: title lines above the table are fine."))
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.cohort = QLineEdit(wizard.cohort_name)
        self.cohort.setObjectName("importCohort")
        self.provenance = QComboBox()
        self.provenance.setObjectName("importProvenance")
        for code, label in codes.PROVENANCES.items():
            self.provenance.addItem(label, code)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Into the cohort"), self.cohort)
        form.addRow(self.tr("Where the contacts come from"), self.provenance)
        self.path.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Contact file"), "",
            self.tr("Contact files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        try:
            self.wizard_.preview = preview_table(Path(self.path.text().strip()))
        except UserError as error:
            messages.user_error(self, error)
            return False
        return True


class ColumnsPage(QWizardPage):
    """Every column of the file, with the field it fills; unrecognised ones start ignored."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Check the columns"))
        self.summary = QLabel()
        self.summary.setObjectName("columnsSummary")
        self.summary.setWordWrap(True)
        self.form_widget = QWidget()
        self.form = QFormLayout(self.form_widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.combos: dict[int, QComboBox] = {}

    def initializePage(self) -> None:
        preview = self.wizard_.preview
        assert preview is not None
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        recognised = [c for c in preview.columns if c.field is not None]
        self.setSubTitle(self.tr("Table headers found on row %1 of %2.")
                         .replace("%1", str(preview.header_row))
                         .replace("%2", preview.file_name
                                  + (f" ({preview.sheet})" if preview.sheet else "")))
        self.summary.setText(
            self.tr("%n column(s) recognised.", "", len(recognised)) + " "
            + (self.tr("%n column(s) not recognised: choose the field each one fills, or leave "
                       "it ignored.", "", len(preview.unrecognised))
               if preview.unrecognised else self.tr("Every column was recognised."))
        )
        bold = QFont(self.font())
        bold.setBold(True)
        for column in preview.columns:
            if not column.label:
                continue
            combo = QComboBox()
            combo.setObjectName(f"mapping_{column.index}")
            combo.addItem(self.tr("Ignore this column"), None)
            for code, field_name in FIELDS.items():
                combo.addItem(field_name, code)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            label = QLabel(f"« {column.label} »")
            if column.field is None:
                label.setFont(bold)
                label.setToolTip(self.tr("Not recognised"))
            self.form.addRow(label, combo)
            self.combos[column.index] = combo

    def mapping(self) -> dict[int | str, str | None]:
        return {index: combo.currentData() for index, combo in self.combos.items()}

    def validatePage(self) -> bool:
        chosen = [field for field in self.mapping().values() if field is not None]
        twice = sorted({FIELDS[field] for field in chosen if chosen.count(field) > 1})
        if twice:
            messages.warn(self, self.tr("Columns"), self.tr(
                "Each field can fill only one column; chosen twice: %1.").replace(
                    "%1", ", ".join(twice)))
            return False
        if "last_name" not in chosen or "first_name" not in chosen:
            messages.warn(self, self.tr("Columns"), self.tr(
                "Choose the columns holding the last name and the first name."))
            return False
        try:
            self.wizard_.preview = preview_table(
                Path(self.wizard_.file_page.path.text().strip()), mapping=self.mapping()
            )
        except UserError as error:
            messages.user_error(self, error)
            return False
        return True


def _field_value(field: str | None) -> Callable[[tuple[int, dict[str, Any]]], Any]:
    """How the preview reads one field of a (row number, values) pair."""
    return lambda row: row[1].get(field or "")


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Preview"))
        self.model: RowTableModel[tuple[int, dict[str, Any]]] = RowTableModel([], self)
        self.view = make_table_view(self.model, "importPreview", sortable=False)
        self.note = QLabel()
        self.note.setObjectName("previewNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))

    def initializePage(self) -> None:
        preview = self.wizard_.preview
        assert preview is not None
        mapped = [c for c in preview.columns if c.field is not None]
        columns: list[Column[tuple[int, dict[str, Any]]]] = [
            Column(ROW_HEADER, lambda r: r[0], align_right=True)]
        for column in mapped:
            columns.append(Column(
                FIELDS[column.field or ""],
                _field_value(column.field),
                display=format_value,
            ))
        # Field labels are already French: shown as they are.
        self.model = _PlainHeaders(columns, self)
        self.model.set_rows([
            (number, {c.field: row[c.index] for c in mapped if c.index < len(row)})
            for number, row in preview.rows
        ])
        self.view.setModel(self.model)
        self.view.resizeColumnsToContents()
        self.setSubTitle(self.tr("The first %n row(s) as they will be read.", "",
                                 len(preview.rows)))
        self.note.setText(self.tr(
            "Click Import to add the contacts to the cohort « %1 ». Duplicates are never "
            "imported twice; rows without a last and first name are rejected; doubtful phones, "
            "e-mails and dates are kept and listed as warnings.").replace(
                "%1", self.wizard_.file_page.cohort.text().strip()
                or self.wizard_.cohort_name))


class _PlainHeaders(RowTableModel[Any]):
    """Preview headers are the French field labels of the service, not UI source strings."""

    def headerData(self, section: int, orientation: Any, role: int = 0) -> Any:
        value = super().headerData(section, orientation, role)
        if value is not None and section > 0:
            return self._columns[section].header
        return value


class ImportPage(QWizardPage):
    """Runs the import in a worker process, then shows the French summary."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Import"))
        self.setCommitPage(True)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("importSummary")
        self.summary.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.finished_ = False

    def initializePage(self) -> None:
        self.finished_ = False
        self.summary.setPlainText(self.tr("Importing…"))
        self.wizard_.start_import()

    def isComplete(self) -> bool:
        return self.finished_

    def show_result(self, text: str) -> None:
        self.summary.setPlainText(text)
        self.finished_ = True
        self.completeChanged.emit()


class ImportWizard(QWizard):
    """The import, step by step; ``imported`` is emitted after a successful import."""

    imported = Signal(object)

    def __init__(
        self, database: Database, cohort_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(860, 600)
        self.database = database
        self.cohort_name = cohort_name
        self.preview: Preview | None = None
        self.report: ImportReport | None = None
        self.job: background.BackgroundJob | None = None
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.columns_page, self.preview_page, self.import_page):
            self.addPage(page)

    def start_import(self) -> None:
        assert self.database.path is not None
        cohort = self.file_page.cohort.text().strip() or None
        args = (
            str(self.database.path), self.file_page.path.text().strip(), cohort,
            self.file_page.provenance.currentData(), self.columns_page.mapping(),
            getattr(self.database, "key", None),
        )
        self.job = background.run_job(
            self, "coachdesk.services.import_job.run_import", args,
            self.tr("Importing the contacts…"), self._done, self._cancelled,
        )
        self.job.ended.connect(self._ended)

    def _done(self, report: ImportReport | None) -> None:
        if report is None:
            self._cancelled()
            return
        self.report = report
        self.import_page.show_result(summary_text(report))
        self.imported.emit(report)

    def _cancelled(self) -> None:
        self.import_page.show_result(self.tr("Import cancelled: nothing was written."))

    def _ended(self) -> None:
        if not self.import_page.finished_:
            # The job failed; its message was shown. Nothing was written.
            self.import_page.show_result(self.tr(
                "The import did not take place: nothing was written. Correct the file, then "
                "start the import again."))


class ImportSummary(QObject):
    """Writes the French summary (a QObject so that ``self.tr`` handles the plurals)."""

    def format(self, report: ImportReport) -> str:
        lines = [
            self.tr("%n person(s) imported into the cohort « %1 ».", "", report.imported)
            .replace("%1", report.cohort_name),
            self.tr("%n duplicate(s), not imported again.", "", len(report.duplicates)),
            self.tr("%n row(s) rejected.", "", len(report.rejected)),
            self.tr("%n warning(s) to check.", "", len(report.warnings)),
            self.tr("%n blank row(s) skipped.", "", report.blank_rows),
        ]
        if report.cohort_created:
            lines[0] += " " + self.tr("(new cohort)")

        def section(title: str, items: list[str]) -> None:
            if not items:
                return
            lines.extend(["", title])
            lines.extend(f"  {item}" for item in items[:LISTED])
            if len(items) > LISTED:
                lines.append("  " + self.tr("… and %n more.", "", len(items) - LISTED))

        row, same_as = self.tr("row %1"), self.tr("same as row %1")
        known, completed = self.tr("already in the database"), self.tr("completed: %1")
        section(self.tr("Rejected rows:"), [
            f"{row.replace('%1', str(r.row))} : {r.reason}" for r in report.rejected])
        section(self.tr("Warnings:"), [
            f"{row.replace('%1', str(w.row))}, « {w.field} » = « {w.value} » : {w.message}"
            for w in report.warnings])
        section(self.tr("Duplicates:"), [
            f"{row.replace('%1', str(d.row))} : {d.name} ({d.reason}) — "
            + (same_as.replace("%1", str(d.same_as_row)) if d.same_as_row else known)
            + ("; " + completed.replace("%1", ", ".join(d.filled)) if d.filled else "")
            for d in report.duplicates])
        return "\n".join(lines)


def summary_text(report: ImportReport) -> str:
    """The French summary the coach reads at the end of the import."""
    return ImportSummary().format(report)
