"""The referrals and recruitment interviews page of the Employeurs tab: referrals and their
status, interviews with their preparation checklist, and their documents (preparation sheets,
the week's sheets, a calendar file)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.services.text import person_name
from coachdesk.services.weeks import IsoWeek, week_label
from coachdesk.ui.employers.pages import PLACEMENT_PAGE, EmployersPage, boxed, current_row, hbox
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.clock import database_day
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.fields import date_edit, date_of, set_date
from coachdesk.ui.widgets.forms import refuse_wrong_dates
from coachdesk.ui.widgets.list_tab import make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.services.interviews import InterviewRow
    from coachdesk.services.matching import ReferralRow


REFERRAL_COLUMNS: list[Column[ReferralRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Proposed on"), lambda r: r.proposed_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Participant"),
           lambda r: person_name(r.last_name, r.first_name)),
    Column(QT_TRANSLATE_NOOP("Columns", "Job title"), lambda r: r.offer_title),
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.employer_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: r.status_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Since"), lambda r: r.status_on),
]


INTERVIEW_COLUMNS: list[Column[InterviewRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date and time"), lambda r: r.starts_at),
    Column(QT_TRANSLATE_NOOP("Columns", "Participant"),
           lambda r: person_name(r.last_name, r.first_name)),
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.employer_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Job title"), lambda r: r.offer_title),
    Column(QT_TRANSLATE_NOOP("Columns", "Received by"), lambda r: r.contact_person),
    Column(QT_TRANSLATE_NOOP("Columns", "Preparation"), lambda r: (r.items_done, r.items_total),
           display=lambda v: f"{v[0]} / {v[1]}", align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Outcome"), lambda r: r.outcome_label),
]


class PlacementPage(EmployersPage):
    """The « Referrals and interviews » page: its widgets, loading, actions and documents."""

    def _interviews_page(self) -> QWidget:
        self.referral_model: RowTableModel[ReferralRow] = RowTableModel(REFERRAL_COLUMNS, self)
        self.referral_view = make_table_view(self.referral_model, "referralTable")
        self.referral_status_button = QPushButton(self.tr("Change the status…"))
        self.plan_interview_button = QPushButton(self.tr("Plan an interview…"))
        self.interview_model: RowTableModel[InterviewRow] = RowTableModel(
            INTERVIEW_COLUMNS, self)
        self.interview_view = make_table_view(self.interview_model, "interviewTable")
        self.checklist_button = QPushButton(self.tr("Preparation and outcome…"))
        self.sheet_button = QPushButton(self.tr("Preparation sheet (PDF)…"))
        # Any day of the week to print (the database's week until an interview is chosen);
        # the week itself is said in the tooltips.
        self.week = date_edit(None, optional=True, name="sheetWeek")
        self.week.dateChanged.connect(self._show_sheet_week)
        self.week_button = QPushButton(self.tr("Sheets of the week (PDF)…"))
        self._show_sheet_week()
        self.ics_button = QPushButton(self.tr("Export to a calendar (.ics)…"))
        self.ics_button.setToolTip(self.tr("The cohort's recruitment interviews and the "
                                           "follow-up visits planned for its contracts"))
        self.templates_button = QPushButton(self.tr("Checklist templates…"))
        self.templates_button.setObjectName("checklistTemplatesButton")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(boxed(self.tr("Referrals (mises en relation)"), self.referral_view,
                                  hbox(self.referral_status_button,
                                       self.plan_interview_button, self.templates_button)))
        splitter.addWidget(boxed(
            self.tr("Recruitment interviews"), self.interview_view,
            hbox(self.checklist_button, self.sheet_button, QLabel(self.tr("Week of:")), self.week,
                 self.week_button, self.ics_button)))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(splitter)
        self.referral_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.interview_view.selectionModel().currentRowChanged.connect(self._interview_changed)
        self.interview_view.doubleClicked.connect(lambda _index: self.open_checklist())
        self.referral_status_button.clicked.connect(self.change_referral_status)
        self.plan_interview_button.clicked.connect(self.plan_interview)
        self.checklist_button.clicked.connect(self.open_checklist)
        self.sheet_button.clicked.connect(lambda: self.print_sheet())
        self.week_button.clicked.connect(lambda: self.print_week())
        self.ics_button.clicked.connect(lambda: self.export_calendar())
        self.templates_button.clicked.connect(self.edit_templates)
        return page

    def load_placement(self) -> None:
        from coachdesk.services.interviews import list_interviews
        from coachdesk.services.matching import list_referrals

        if self.database is None:
            return
        referrals: list[ReferralRow] = []
        found: list[InterviewRow] = []
        if self.cohort_id is not None:
            referrals = list_referrals(self.database, cohort_id=self.cohort_id)
            found = list_interviews(self.database, cohort_id=self.cohort_id)
        self._page_loaded[PLACEMENT_PAGE] = True
        if date_of(self.week) is None:
            # The database's week (the demo's is the last of 2010) until an interview is chosen.
            set_date(self.week, database_day(self.database))
        self.referral_model.set_rows(referrals)
        self.interview_model.set_rows(found)
        self._update_buttons()

    def _interview_changed(self, *_args: Any) -> None:
        interview = current_row(self.interview_view, self.interview_model)
        if interview is not None:
            set_date(self.week, interview.starts_at.date())
        self._update_buttons()

    def select_interview(self, interview_id: str) -> bool:
        """Show the « Referrals and interviews » page with this recruitment interview and its
        referral selected (an agenda item opens it); False when it is not listed."""
        if self._stale:
            self.reload()
        self.pages.setCurrentIndex(2)
        found = self.select_in(self.interview_view, self.interview_model,
                               lambda row: row.id == interview_id)
        if not found:
            return False
        interview = current_row(self.interview_view, self.interview_model)
        self.select_in(self.referral_view, self.referral_model,
                       lambda row: row.id == interview.referral_id)
        for view in (self.referral_view, self.interview_view):
            view.selectRow(view.currentIndex().row())
            view.scrollTo(view.currentIndex())
        self.interview_view.setFocus()
        return True

    def change_referral_status(self) -> None:
        from coachdesk.ui.employers.dialogs import ReferralStatusDialog

        referral = current_row(self.referral_view, self.referral_model)
        if self.database is None or referral is None:
            return
        self._open(ReferralStatusDialog(self.database, referral, self))

    def plan_interview(self) -> None:
        from coachdesk.ui.employers.interview_dialogs import InterviewDialog

        referral = current_row(self.referral_view, self.referral_model)
        if self.database is None or referral is None:
            return
        self._open(InterviewDialog(self.database, referral, self))

    def edit_templates(self) -> None:
        """The preparation checklist templates: new interviews copy the default one."""
        from coachdesk.ui.employers.checklist_editor import ChecklistEditor

        if self.database is None:
            return
        self.dialog = ChecklistEditor(self.database, self)
        self.dialog.open()

    def open_checklist(self) -> None:
        from coachdesk.ui.employers.interview_dialogs import ChecklistDialog

        interview = current_row(self.interview_view, self.interview_model)
        if self.database is None or interview is None:
            return
        dialog = ChecklistDialog(self.database, interview, self)
        # Ticks are saved as they are made: refresh the counts even on Cancel.
        dialog.finished.connect(lambda _result: self.load_placement())
        self._open(dialog)

    def _ask_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested),
                                                file_filter)
        return Path(chosen) if chosen else None

    def print_sheet(self, path: Path | None = None) -> Path | None:
        """The « Fiche de préparation à l'entretien » of the selected interview, as a PDF."""
        from coachdesk.exports.interview_sheet import write_interview_sheets
        from coachdesk.ui.employers.interview_dialogs import interview_sheet

        interview = current_row(self.interview_view, self.interview_model)
        if self.database is None or interview is None:
            return None
        try:
            sheet = interview_sheet(self.database, interview)
            if path is None:
                path = self._ask_path(
                    self.tr("Save the preparation sheet"),
                    f"Fiche entretien {person_name(interview.last_name, interview.first_name)}.pdf",
                    self.tr("PDF documents (*.pdf)"))
                if path is None:
                    return None
            write_interview_sheets(path, [sheet])
        except UserError as error:
            messages.user_error(self, error)
            return None
        except OSError as error:
            messages.warn(self, "CoachDesk", self.tr("Could not write %1: %2")
                          .replace("%1", str(path)).replace("%2", error.strerror or ""))
            return None
        messages.info(self, self.tr("Preparation sheet"),
                      self.tr("Sheet written to %1.").replace("%1", str(path)))
        return path

    def sheet_week(self) -> IsoWeek:
        """The week whose sheets « Sheets of the week » prints."""
        return IsoWeek.of(date_of(self.week) or database_day(self.database))

    def _show_sheet_week(self) -> None:
        label = week_label(self.sheet_week(), capital=True)
        self.week.setToolTip(label)
        self.week_button.setToolTip(label)

    def print_week(self, path: Path | None = None) -> Path | None:
        """One sheet per recruitment interview of the week typed, in one PDF."""
        from coachdesk.exports.interview_sheet import write_interview_sheets
        from coachdesk.services.interviews import interview_sheets

        if self.database is None:
            return None
        if refuse_wrong_dates(self.week):
            return None
        parsed = self.sheet_week()
        try:
            start, end = parsed.monday, parsed.next_monday
            sheets = interview_sheets(self.database, start, end)
            if not sheets:
                raise UserError(
                    f"Aucun entretien de recrutement en {week_label(parsed)} : aucun fichier "
                    "écrit.",
                    hint="Choisissez une autre semaine.")
            if path is None:
                path = self._ask_path(self.tr("Save the sheets of the week"),
                                      f"Fiches entretiens {parsed.code}.pdf",
                                      self.tr("PDF documents (*.pdf)"))
                if path is None:
                    return None
            pages = write_interview_sheets(path, sheets)
        except UserError as error:
            messages.user_error(self, error)
            return None
        except OSError as error:
            messages.warn(self, "CoachDesk", self.tr("Could not write %1: %2")
                          .replace("%1", str(path)).replace("%2", error.strerror or ""))
            return None
        messages.info(self, self.tr("Sheets of the week"),
                      self.tr("%n sheet(s) written to %1.", "", pages).replace("%1", str(path)))
        return path

    def export_calendar(self, path: Path | None = None) -> Path | None:
        """The cohort's recruitment interviews listed and the follow-up visits planned for its
        contracts, as one .ics file for a phone."""
        from coachdesk.exports.ics_interviews import write_interviews_ics
        from coachdesk.services.agenda import planned_visits
        from coachdesk.services.interviews import interview_sheets

        if self.database is None or self.cohort_id is None:
            return None
        rows = self.interview_model.rows()
        visits = planned_visits(self.database, cohort_id=self.cohort_id)
        if not rows and not visits:
            messages.info(self, self.tr("Calendar"),
                          self.tr("No recruitment interview and no follow-up visit planned to "
                                  "export for this cohort."))
            return None
        sheets = []
        if rows:
            wanted = {row.id for row in rows}
            first = min(row.starts_at for row in rows).date()
            last = max(row.starts_at for row in rows).date() + timedelta(days=1)
            sheets = [s for s in interview_sheets(self.database, first, last)
                      if s.interview_id in wanted]
        if path is None:
            path = self._ask_path(self.tr("Export the interviews and visits to a calendar"),
                                  "Entretiens et visites.ics",
                                  self.tr("Calendar files (*.ics)"))
            if path is None:
                return None
        try:
            write_interviews_ics(path, sheets, visits=visits)
        except OSError as error:
            messages.warn(self, "CoachDesk", self.tr("Could not write %1: %2")
                          .replace("%1", str(path)).replace("%2", error.strerror or ""))
            return None
        messages.info(self, self.tr("Calendar"),
                      self.tr("%n interview(s)", "", len(sheets)) + " "
                      + self.tr("and %n follow-up visit(s) written to %1.", "", len(visits))
                      .replace("%1", str(path)))
        return path

    def _update_placement_buttons(self) -> None:
        has_referral = self.referral_view.currentIndex().isValid()
        no_referral = self.tr("Select a referral in the list first.")
        explain_enabled(self.referral_status_button, has_referral, no_referral)
        explain_enabled(self.plan_interview_button, has_referral, no_referral)
        has_interview = self.interview_view.currentIndex().isValid()
        no_interview = self.tr("Select an interview in the list first.")
        explain_enabled(self.checklist_button, has_interview, no_interview)
        explain_enabled(self.sheet_button, has_interview, no_interview)

