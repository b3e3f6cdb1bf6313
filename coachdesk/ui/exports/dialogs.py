"""The export dialogs: the Mission Locale's weekly workbook, the evaluator's export, the contract
list for the OPCO or France Travail, and the "Note d'étape".

Each dialog gathers plain values (cohort, week or date, profile, file) and hands them to a job of
``coachdesk.exports.jobs`` through ``background.run_job``: the workbook is written in a worker
process, a progress dialog with Cancel appears after half a second, and the coach gets a French
confirmation naming the file and its row count. When the exporter refuses (file open in Excel,
folder not writable) its French message is shown and the dialog stays open with every choice
kept, so the coach can fix the problem and export again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDir, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.widgets import background, messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.fields import date_edit, from_qdate, set_date
from coachdesk.ui.widgets.password_box import WorkbookPasswordBox
from coachdesk.ui.widgets.plurals import tr_along_classes
from coachdesk.ui.widgets.settings import settings

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.exports.jobs import ExportDone
    from coachdesk.services.funnel import Funnel

_UNSAFE_IN_FILE_NAMES = '<>:"/\\|?*'


def safe_file_name(text: str) -> str:
    """A file name every system accepts, from a cohort or recipient name."""
    cleaned = "".join("-" if ch in _UNSAFE_IN_FILE_NAMES else ch for ch in text)
    return " ".join(cleaned.split()).strip(" .") or "export"


def _export_folder() -> Path:
    """The folder of the last export, else the coach's Documents folder."""
    remembered = settings().value("exports/folder")
    if isinstance(remembered, str) and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return Path(documents) if documents and Path(documents).is_dir() else Path(QDir.homePath())


class ExportDialog(QDialog):
    """Shared shape of the export dialogs: a form, the file to write, Export and Close.

    Subclasses add their own fields in ``build_fields`` and say which job runs with which
    arguments (``job_name``, ``job_args``) and the file name they suggest.
    """

    job_name = ""
    all_cohorts_allowed = False

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """The shared messages, plurals included, found under this class for every export."""
        return tr_along_classes(self, text, disambiguation, n)

    def __init__(
        self, database: Database, cohort_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.job: background.BackgroundJob | None = None
        self.last_result: ExportDone | None = None
        self._file_chosen = False
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("exportIntro")
        layout.addWidget(self.intro)
        self.plain_warning = self._plain_workbook_warning()
        layout.addWidget(self.plain_warning)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)

        self.cohort = QComboBox()
        self.cohort.setObjectName("exportCohort")
        self._fill_cohorts(cohort_id)
        self.form.addRow(self.tr("Cohort:"), self.cohort)
        self.build_fields()

        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("exportFile")
        self.file_edit.textEdited.connect(self._file_typed)
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("chooseFile")
        browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.form.addRow(self.tr("File:"), file_row)
        # Protected by default when the database is: the warning shows only for a plain one.
        self.password_box = WorkbookPasswordBox(self.is_protected())
        layout.addWidget(self.password_box)
        self.password_box.toggled.connect(self._show_plain_warning)
        self._show_plain_warning()

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.cohort.currentIndexChanged.connect(self.refresh_suggestion)
        self.refresh_suggestion()

    def _show_plain_warning(self) -> None:
        self.plain_warning.setVisible(self.is_protected() and not self.password_box.isChecked())
        if self.isVisible():
            self.adjustSize()  # the warning's whole text, never clipped

    def is_protected(self) -> bool:
        """True when the open database is encrypted: its workbooks will not be."""
        from coachdesk.exports.jobs import plain_workbook_notice

        return self.database_key() is not None or plain_workbook_notice(
            self.database.path) is not None

    def _plain_workbook_warning(self) -> QLabel:
        """Said before anything is written: an encrypted database gives a plain workbook."""
        # The base class's context named: every dialog shares this one translation.
        label = QLabel(QCoreApplication.translate(
            "ExportDialog",
            "Warning: the database is encrypted, but this Excel workbook will not be. It holds "
            "personal data in clear: send it only through a secure channel (encrypted mail, "
            "the partner's exchange platform), never as a plain e-mail attachment nor on an "
            "unencrypted USB key."
        ))
        label.setObjectName("plainExportWarning")
        label.setWordWrap(True)
        label.setStyleSheet(
            "QLabel { background: #FFF4D6; border: 1px solid #E0B040; border-radius: 4px;"
            " padding: 6px; color: #5A4000; }"
        )
        return label

    # What subclasses fill in --------------------------------------------------------------------
    def build_fields(self) -> None:
        """Add the export's own fields to ``self.form``."""

    def job_args(self, out: Path) -> tuple[Any, ...]:
        raise NotImplementedError

    def job_options(self) -> tuple[Any, ...]:
        """Arguments of the job after the database key (the weekly workbook's profile)."""
        return ()

    def suggested_name(self) -> str:
        raise NotImplementedError

    # A recipient's profile ------------------------------------------------------------------------
    profile_export = ""

    def add_profile_row(self) -> None:
        """The profile chooser (built-in and saved profiles of ``profile_export``) and its
        editor, as one row of the form."""
        self.profile = QComboBox()
        self.profile.setObjectName("exportProfile")
        edit = QPushButton(self.tr("Edit profiles…"))
        edit.setObjectName("editProfiles")
        edit.clicked.connect(self.edit_profiles)
        row = QHBoxLayout()
        row.addWidget(self.profile, 1)
        row.addWidget(edit)
        self.form.addRow(self.tr("Recipient profile:"), row)
        self.fill_profiles()
        self.profile.currentIndexChanged.connect(self.refresh_suggestion)

    def fill_profiles(self, select: str | None = None) -> None:
        from coachdesk.ui.exports.profile_editor import profiles_of

        wanted = select or self.profile.currentData()
        self.profile.blockSignals(True)
        self.profile.clear()
        for name, profile in profiles_of(self.profile_export).items():
            self.profile.addItem(profile.recipient, name)
            self.profile.setItemData(
                self.profile.count() - 1,
                ", ".join(c.label or c.key for c in profile.columns),
                Qt.ItemDataRole.ToolTipRole,
            )
        index = self.profile.findData(wanted) if wanted else 0
        self.profile.setCurrentIndex(max(index, 0))
        self.profile.blockSignals(False)
        self.profile_changed()

    def profile_changed(self) -> None:
        """Called when the chosen profile changes (or the list of them)."""

    def edit_profiles(self) -> None:
        from coachdesk.ui.exports.profile_editor import ProfileEditor

        editor = ProfileEditor(self.profile.currentData(), self, export=self.profile_export)
        editor.saved.connect(lambda name: self.fill_profiles(name))
        editor.saved.connect(lambda _name: self.refresh_suggestion())
        editor.open()
        self.profile_editor = editor

    # Cohort and file ----------------------------------------------------------------------------
    def _fill_cohorts(self, cohort_id: str | None) -> None:
        from coachdesk.services.cohorts import cohort_choices

        self.cohorts = {row.id: row for row in cohort_choices(self.database)}
        if self.all_cohorts_allowed:
            self.cohort.addItem(self.tr("All cohorts"), None)
        for row in self.cohorts.values():
            self.cohort.addItem(row.name, row.id)
        index = self.cohort.findData(cohort_id) if cohort_id else -1
        if index < 0 and not self.all_cohorts_allowed:
            index = 0  # the latest cohort, as the command line does
        self.cohort.setCurrentIndex(max(index, 0))

    def cohort_name(self) -> str | None:
        cohort_id = self.cohort.currentData()
        return self.cohorts[cohort_id].name if cohort_id else None

    def refresh_suggestion(self) -> None:
        """Propose a file name matching the choices, until the coach picks one."""
        if not self._file_chosen:
            self.file_edit.setText(str(_export_folder() / (self.suggested_name() + ".xlsx")))

    def _file_typed(self, _text: str) -> None:
        self._file_chosen = True

    def choose_file(self) -> None:
        current = self.file_edit.text().strip() or str(_export_folder())
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the workbook as"), current, self.tr("Excel workbook (*.xlsx)")
        )
        if chosen:
            self._file_chosen = True
            self.file_edit.setText(chosen)

    def target(self) -> Path | None:
        text = self.file_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        return path

    # Running the job ----------------------------------------------------------------------------
    def database_key(self) -> bytes | None:
        """The raw key of an encrypted database, held by the main window (None: plain file)."""
        parent = self.parentWidget()
        key = getattr(parent.window(), "database_key", None) if parent is not None else None
        return key if isinstance(key, bytes) else None

    def start_export(self) -> background.BackgroundJob | None:
        """Check the choices, then write the workbook in the worker process."""
        out = self.target()
        if out is None:
            messages.warn(self, self.windowTitle(),
                          self.tr("Choose the file to write the workbook to."))
            self.file_edit.setFocus()
            return None
        if self.database.path is None:
            messages.warn(self, self.windowTitle(), self.tr("No database is open."))
            return None
        weakness = self.password_box.weakness()
        if weakness is not None:
            messages.warn(self, self.windowTitle(), self.tr(
                "This workbook password is too easy to guess: %1. Use the one CoachDesk "
                "proposes (unrelated words and a number, easy to read on the phone)."
            ).replace("%1", weakness))
            self.password_box.password_edit.setFocus()
            return None
        self.export_button.setEnabled(False)
        self.job = background.run_job(
            self,
            f"coachdesk.exports.jobs.{self.job_name}",
            (str(self.database.path), str(out), *self.job_args(out), self.database_key(),
             *self.job_options()),
            self.tr("Writing “%1”…").replace("%1", out.name),
            self._finished,
            self._cancelled,
            keywords={"password": self.password_box.password()},
        )
        self.job.ended.connect(lambda: self.export_button.setEnabled(True))
        # A job run inline (tests) has already ended when run_job returns.
        if getattr(self.job, "_finished", False):
            self.export_button.setEnabled(True)
        return self.job

    def _finished(self, result: ExportDone | None) -> None:
        if result is None:
            self._cancelled()
            return
        self.last_result = result
        settings().setValue("exports/folder", str(Path(result.path).parent))
        messages.info(
            self,
            self.tr("Export done"),
            self.tr("“%1” was written: %n row(s).", "", result.row_count).replace(
                "%1", result.file_name
            )
            + "\n"
            + self.tr("Folder: %1").replace("%1", str(Path(result.path).parent))
            + self._protected_note(result),
        )
        self.accept()

    def _protected_note(self, result: ExportDone) -> str:
        """What the confirmation adds about a protected workbook: its password, one last time."""
        password = self.password_box.password()
        if not result.protected or password is None:
            return ""
        return "\n\n" + self.tr(
            "The workbook is protected by the password %1. Give it to the recipient by phone "
            "(or in person), never in the e-mail that carries the workbook: CoachDesk keeps it "
            "nowhere."
        ).replace("%1", password)

    def _cancelled(self) -> None:
        messages.info(self, self.tr("Export cancelled"),
                      self.tr("Export cancelled: no file was written."))


class WeeklyExportDialog(ExportDialog):
    """The Mission Locale's weekly workbook: a week (default this one), a cohort, and the
    profile saying which people and which of their details it holds."""

    job_name = "weekly"
    profile_export = "hebdomadaire"

    def __init__(
        self, database: Database, cohort_id: str | None = None, parent: QWidget | None = None,
        *, today: date | None = None,
    ) -> None:
        self._today = today or database_day(database)
        super().__init__(database, cohort_id, parent)
        self.setWindowTitle(self.tr("Mission Locale weekly workbook"))
        self.setObjectName("weeklyExportDialog")
        self.intro.setText(self.tr(
            "The funnel with what changed since the previous weekly export, then the people, "
            "the week's actions and the contracts, as known at the end of the week."
        ))

    def build_fields(self) -> None:
        self.week_day = date_edit(self._today, name="weekDay")
        # French calendars start on Monday, like ISO weeks.
        self.week_day.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        row = QHBoxLayout()
        row.addWidget(self.week_day)
        row.addWidget(self.week_label, 1)
        self.form.addRow(self.tr("Week of:"), row)
        self.week_day.dateChanged.connect(self._week_changed)
        self._show_week()
        self.add_profile_row()
        self.profile_summary = QLabel()
        self.profile_summary.setObjectName("profileSummary")
        self.profile_summary.setWordWrap(True)
        self.form.addRow(self.profile_summary)
        self.profile.currentIndexChanged.connect(self.profile_changed)
        self.profile_changed()

    def week_code(self) -> str:
        from coachdesk.services.weeks import IsoWeek

        return IsoWeek.of(from_qdate(self.week_day.date())).code

    def _show_week(self) -> None:
        from coachdesk.services.weeks import IsoWeek, week_label

        self.week_label.setText(week_label(IsoWeek.of(from_qdate(self.week_day.date()))))

    def _week_changed(self) -> None:
        self._show_week()
        self.refresh_suggestion()

    def job_args(self, out: Path) -> tuple[Any, ...]:
        return (self.week_code(), self.cohort_name())

    def job_options(self) -> tuple[Any, ...]:
        return (self.profile.currentData(),)

    def profile_changed(self) -> None:
        """Say who the chosen profile lists and which personal details it sends."""
        if not hasattr(self, "profile_summary"):
            return  # the profile row is being built
        from coachdesk.exports.weekly_people import PEOPLE_COLUMNS
        from coachdesk.exports.weekly_scope import (
            INCLUDE_LEFT,
            INCLUDE_WITHOUT_CONSENT,
            OPT_IN_KEYS,
        )
        from coachdesk.ui.exports.profile_editor import weekly_profiles

        profile = weekly_profiles().get(self.profile.currentData())
        if profile is None:
            self.profile_summary.clear()
            return
        if INCLUDE_LEFT in profile.options and INCLUDE_WITHOUT_CONSENT in profile.options:
            who = self.tr("Everyone in the cohort.")
        elif INCLUDE_LEFT in profile.options:
            who = self.tr("Everyone whose consent is recorded, including the people no longer "
                          "in the programme.")
        elif INCLUDE_WITHOUT_CONSENT in profile.options:
            who = self.tr("The people still in the programme, including those whose consent "
                          "is not recorded.")
        else:
            who = self.tr("The people still in the programme whose consent is recorded.")
        labels = {column.key: column.label for column in PEOPLE_COLUMNS}
        personal = [labels[c.key] for c in profile.columns if c.key in OPT_IN_KEYS]
        if personal:
            details = self.tr("Personal details sent: %1.").replace("%1", ", ".join(personal))
        else:
            details = self.tr("No birth date, phone, e-mail or address.")
        self.profile_summary.setText(f"{who} {details}")

    def suggested_name(self) -> str:
        return safe_file_name(f"Mission Locale {self.cohort_name() or ''} {self.week_code()}")


class EvaluatorExportDialog(ExportDialog):
    """The evaluator's pseudonymised workbook: one cohort or all of them."""

    job_name = "evaluator"
    all_cohorts_allowed = True

    def __init__(
        self, database: Database, cohort_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(database, cohort_id, parent)
        self.setWindowTitle(self.tr("Evaluator export (pseudonymised)"))
        self.setObjectName("evaluatorExportDialog")
        self.intro.setText(self.tr(
            "For the evaluator (CEREQ): stable pseudonyms, no names, contact details or free "
            "text, age bands instead of birth dates. The pseudonymisation key stays on this "
            "computer."
        ))

    def job_args(self, out: Path) -> tuple[Any, ...]:
        return (self.cohort_name(),)

    def suggested_name(self) -> str:
        scope = self.cohort_name() or "toutes promotions"
        return safe_file_name(f"Évaluateur {scope} {date.today():%Y-%m-%d}")


class ContractListDialog(ExportDialog):
    """The contract list for the OPCO or France Travail (ex-Pôle emploi), shaped by an export
    profile."""

    job_name = "contracts"
    all_cohorts_allowed = True
    profile_export = "contrats"

    def __init__(
        self, database: Database, cohort_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(database, cohort_id, parent)
        self.setWindowTitle(
            self.tr("Contract list for the OPCO or France Travail (ex-Pôle emploi)"))
        self.setObjectName("contractListDialog")
        self.intro.setText(self.tr(
            "The work-study contracts, with the columns, labels and rows the chosen profile "
            "gives this recipient."
        ))

    def build_fields(self) -> None:
        self.add_profile_row()

    def job_args(self, out: Path) -> tuple[Any, ...]:
        return (self.profile.currentData(), self.cohort_name())

    def suggested_name(self) -> str:
        recipient = self.profile.currentText()
        return safe_file_name(f"Contrats {recipient} {date.today():%Y-%m-%d}")


class ProgressNoteDialog(ExportDialog):
    """The "Note d'étape": the funnel laid out as the December 2010 progress note."""

    job_name = "progress_note"

    def __init__(
        self, database: Database, cohort_id: str | None = None, parent: QWidget | None = None,
        *, as_of: date | None = None,
    ) -> None:
        self._as_of = as_of
        super().__init__(database, cohort_id, parent)
        self.setWindowTitle(self.tr("Progress note (Note d'étape)"))
        self.setObjectName("progressNoteDialog")
        self.intro.setText(self.tr(
            "The cohort's funnel phase by phase, with the rates the 2010 progress note quotes, "
            "counted from the events recorded on or before the chosen date."
        ))

    def build_fields(self) -> None:
        self.as_of = date_edit(self._as_of or self._default_as_of(), name="asOf")
        self.form.addRow(self.tr("Situation on:"), self.as_of)
        self.as_of.dateChanged.connect(self.refresh_suggestion)
        self.cohort.currentIndexChanged.connect(self._cohort_changed)

    def _default_as_of(self) -> date:
        from coachdesk.services.funnel import default_as_of

        cohort_id = self.cohort.currentData()
        return default_as_of(self.cohorts[cohort_id].end_date if cohort_id else None)

    def _cohort_changed(self) -> None:
        set_date(self.as_of, self._default_as_of())

    def job_args(self, out: Path) -> tuple[Any, ...]:
        return (from_qdate(self.as_of.date()), self.cohort_name())

    def suggested_name(self) -> str:
        day = from_qdate(self.as_of.date())
        return safe_file_name(f"Note d'étape {self.cohort_name() or ''} {day:%Y-%m-%d}")


def open_progress_note(
    parent: QWidget, database: Database | None, cohort_id: str | None, funnel: Funnel | None
) -> ProgressNoteDialog | None:
    """The "Note d'étape" dialog at the dashboard's cohort and date (window-modal)."""
    if database is None:
        return None
    dialog = ProgressNoteDialog(database, cohort_id, parent,
                                as_of=funnel.as_of if funnel is not None else None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
