"""The Employeurs tab: the employer directory with contacts, tutors and prospecting; the job
offers of the cohort with matching; referrals and recruitment interviews with their
preparation sheets and calendar.

Reads and writes go through the Qt-free services (employers, matching, interviews). The
directory is read once and searched in memory as the coach types (each row keeps its folded
search text); it is read again only when the employers or offers tables changed. Each inner page
reads its lists when first brought to the front. Offer filters run in SQL (status and ROME) or
on the service's list (town).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserError
from coachdesk.models import codes
from coachdesk.services.text import person_name
from coachdesk.services.weeks import IsoWeek
from coachdesk.ui.widgets import messages
from coachdesk.ui.widgets.list_tab import ListTab, fit_columns, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel, sort_key

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.employers import (
        ContactRow,
        DirectoryStamp,
        EmployerRow,
        ProspectingRow,
    )
    from coachdesk.services.interviews import InterviewRow
    from coachdesk.services.matching import ReferralRow
    from coachdesk.services.offers import OfferRow


def _warnings(row: ContactRow) -> str:
    return " ".join(row.warnings)


EMPLOYER_COLUMNS: list[Column[EmployerRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.city),
    Column(QT_TRANSLATE_NOOP("Columns", "SIRET"), lambda r: r.siret),
    Column(QT_TRANSLATE_NOOP("Columns", "NAF"), lambda r: r.naf_code),
    Column(QT_TRANSLATE_NOOP("Columns", "OPCO"), lambda r: r.opco),
    Column(QT_TRANSLATE_NOOP("Columns", "Reached via"), lambda r: r.reached_via_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Open offers"), lambda r: r.open_offers, align_right=True),
]

CONTACT_COLUMNS: list[Column[ContactRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.full_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda r: r.role),
    Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: r.phone),
    Column(QT_TRANSLATE_NOOP("Columns", "E-mail"), lambda r: r.email),
    Column(QT_TRANSLATE_NOOP("Columns", "Tutor"), lambda r: r.is_tutor),
    Column(QT_TRANSLATE_NOOP("Columns", "Experience (years)"), lambda r: r.tutor_experience_years,
           align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Trainees"), lambda r: r.active_trainees,
           align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Warnings"), _warnings),
]

PROSPECTING_COLUMNS: list[Column[ProspectingRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: r.done_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Channel"), lambda r: r.channel_label),
    Column(QT_TRANSLATE_NOOP("Columns", "By"), lambda r: r.author),
    Column(QT_TRANSLATE_NOOP("Columns", "Outcome"), lambda r: r.outcome),
    Column(QT_TRANSLATE_NOOP("Columns", "Next step"), lambda r: r.next_step),
    Column(QT_TRANSLATE_NOOP("Columns", "Next step on"), lambda r: r.next_step_on),
]

OFFER_COLUMNS: list[Column[OfferRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Received on"), lambda r: r.received_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Job title"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.employer_name),
    Column(QT_TRANSLATE_NOOP("Columns", "ROME"), lambda r: r.rome_code),
    Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.city),
    Column(QT_TRANSLATE_NOOP("Columns", "Starts on"), lambda r: r.start_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Hours"), lambda r: r.weekly_hours, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: r.status_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Source"), lambda r: r.source_label),
]

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


# A cohort's offers are a few dozen (about 40 in 2010): they are read with the directory, so the
# count line names them and their page shows at once. Beyond this they wait for their page.
EAGER_OFFERS_LIMIT = 500

DIRECTORY_PAGE, OFFERS_PAGE, PLACEMENT_PAGE = range(3)


class DirectoryModel(RowTableModel["EmployerRow"]):
    """The employer directory: every employer held once, the rows shown filtered by a search.

    The full list is sorted when read or when a header is clicked; a search keeps its order,
    so a keystroke neither queries nor sorts (10,000 employers filter in a few ms).
    """

    def __init__(self, columns: Sequence[Column[EmployerRow]],
                 sort_keys: dict[int, Callable[[EmployerRow], Any]], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._all: list[EmployerRow] = []
        self._words: list[str] = []
        # Per column, a ready sort key that spares folding every value (the name's is stored).
        self._sort_keys = sort_keys

    def set_rows(self, rows: Sequence[EmployerRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        if self._sort is not None:
            self._sort_all(*self._sort)
        self._rows = self._filtered()
        self.endResetModel()

    def all_rows(self) -> list[EmployerRow]:
        return list(self._all)

    def total(self) -> int:
        """Rows held, whether the search shows them or not."""
        return len(self._all)

    def set_search(self, search: str) -> None:
        from coachdesk.services.employers import search_words

        words = search_words(search)
        if words == self._words:
            return
        self.beginResetModel()
        self._words = words
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[EmployerRow]:
        words = self._words
        if not words:
            return list(self._all)
        return [row for row in self._all if row.matches(words)]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        # The selection follows its employer to its new place.
        persistent = self.persistentIndexList()
        kept = [(index, self._rows[index.row()]) for index in persistent]
        self._sort = (column, order)
        self._sort_all(column, order)
        self._rows = self._filtered()
        position = {row.id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(position[row.id], index.column()) for index, row in kept],
        )
        self.layoutChanged.emit()

    def _sort_all(self, column: int, order: Qt.SortOrder) -> None:
        key = self._sort_keys.get(column)
        if key is None:
            getter = self._columns[column].value
            # Towns, OPCOs and NAF codes repeat: each distinct value is folded once.
            folded: dict[Any, Any] = {}

            def key(row: EmployerRow) -> Any:
                value = getter(row)
                try:
                    return folded[value]
                except KeyError:
                    result = folded[value] = sort_key(value)
                    return result

        self._all.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


def _boxed(title: str, *items: Any) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    for item in items:
        if isinstance(item, QWidget):
            layout.addWidget(item)
        else:
            layout.addLayout(item)
    return box


def _row(*items: Any, stretch: bool = True) -> QHBoxLayout:
    row = QHBoxLayout()
    for item in items:
        if isinstance(item, QWidget):
            row.addWidget(item)
        else:
            row.addLayout(item)
    if stretch:
        row.addStretch(1)
    return row


def _current(view: QTableView, model: RowTableModel[Any]) -> Any:
    index = view.currentIndex()
    return model.row_at(index.row()) if index.isValid() else None


class EmployersTab(ListTab):
    """Employers, job offers, referrals and recruitment interviews."""

    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.dialog: QDialog | None = None
        # What the directory shown was read from, to read it again only after a change.
        self._directory_stamp: DirectoryStamp | None = None
        self._directory_size = 0
        # The employer whose contacts and prospecting are shown.
        self._detail_id: str | None = None
        self._page_loaded = [False, False, False]
        self._fitted_views: set[QTableView] = set()
        self.pages = QTabWidget()
        self.pages.setObjectName("employerPages")
        self.pages.addTab(self._directory_page(), self.tr("Employer directory"))
        self.pages.addTab(self._offers_page(), self.tr("Job offers and matching"))
        self.pages.addTab(self._interviews_page(), self.tr("Referrals and interviews"))
        self.views += [self.employer_view, self.offer_view, self.referral_view,
                       self.interview_view]
        self.layout_.addWidget(self.pages, 1)
        self.layout_.addWidget(self.count_label)
        self.pages.currentChanged.connect(self._page_shown)
        self._update_buttons()

    # Pages ------------------------------------------------------------------------------------
    def _directory_page(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("employerSearch")
        self.search.setPlaceholderText(self.tr("Search a name, a town or a SIRET…"))
        self.search.setClearButtonEnabled(True)
        self.new_employer_button = QPushButton(self.tr("New employer…"))
        self.edit_employer_button = QPushButton(self.tr("Edit…"))
        self.employer_model = DirectoryModel(
            EMPLOYER_COLUMNS, {0: lambda row: (0, row.name_key)}, self)
        self.employer_view = make_table_view(self.employer_model, "employerTable")
        self.contact_model: RowTableModel[ContactRow] = RowTableModel(CONTACT_COLUMNS, self)
        self.contact_view = make_table_view(self.contact_model, "contactTable", sortable=False)
        self.tutor_warnings = QLabel()
        self.tutor_warnings.setObjectName("tutorWarnings")
        self.tutor_warnings.setWordWrap(True)
        self.tutor_warnings.setStyleSheet("color: #9a5b00;")
        self.add_contact_button = QPushButton(self.tr("New contact person…"))
        self.edit_contact_button = QPushButton(self.tr("Edit the contact…"))
        self.prospecting_model: RowTableModel[ProspectingRow] = RowTableModel(
            PROSPECTING_COLUMNS, self)
        self.prospecting_view = make_table_view(self.prospecting_model, "prospectingTable",
                                                sortable=False)
        self.prospecting_button = QPushButton(self.tr("Log a contact…"))
        self.employer_heading = QLabel()
        self.employer_heading.setObjectName("employerHeading")
        detail = QTabWidget()
        detail.addTab(_boxed("", self.contact_view, self.tutor_warnings,
                             _row(self.add_contact_button, self.edit_contact_button)),
                      self.tr("Contact persons and tutors"))
        detail.addTab(_boxed("", self.prospecting_view, _row(self.prospecting_button)),
                      self.tr("Prospecting log"))
        self.employer_detail = detail
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.employer_heading)
        right_layout.addWidget(detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.employer_view)
        splitter.addWidget(right)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(_row(self.search, self.new_employer_button, self.edit_employer_button,
                              stretch=False))
        layout.addWidget(splitter, 1)
        # Filtering the loaded rows takes a few ms: each keystroke is answered at once.
        self.search.textChanged.connect(self.filter_employers)
        self.employer_view.selectionModel().currentRowChanged.connect(self._employer_changed)
        self.employer_view.doubleClicked.connect(lambda _index: self.edit_employer())
        self.new_employer_button.clicked.connect(self.create_new)
        self.edit_employer_button.clicked.connect(self.edit_employer)
        self.add_contact_button.clicked.connect(lambda: self.edit_contact(new=True))
        self.edit_contact_button.clicked.connect(lambda: self.edit_contact(new=False))
        self.contact_view.doubleClicked.connect(lambda _index: self.edit_contact(new=False))
        self.prospecting_button.clicked.connect(self.log_prospecting)
        return page

    def _offers_page(self) -> QWidget:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("offerStatusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code, label in codes.OFFER_STATUSES.items():
            self.status_filter.addItem(label, code)
        self.rome_filter = QLineEdit()
        self.rome_filter.setObjectName("offerRomeFilter")
        self.rome_filter.setPlaceholderText(self.tr("ROME code or family (M16)"))
        self.rome_filter.setMaximumWidth(190)
        self.town_filter = QLineEdit()
        self.town_filter.setObjectName("offerTownFilter")
        self.town_filter.setPlaceholderText(self.tr("Town"))
        self.town_filter.setMaximumWidth(190)
        self.offer_model: RowTableModel[OfferRow] = RowTableModel(OFFER_COLUMNS, self)
        self.offer_view = make_table_view(self.offer_model, "offerTable")
        self.new_offer_button = QPushButton(self.tr("New offer…"))
        self.edit_offer_button = QPushButton(self.tr("Edit the offer…"))
        self.candidates_button = QPushButton(self.tr("Candidates for this offer…"))
        self.person_offers_button = QPushButton(self.tr("Offers for a participant…"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(_row(QLabel(self.tr("Status:")), self.status_filter,
                              QLabel(self.tr("ROME:")), self.rome_filter,
                              QLabel(self.tr("Town:")), self.town_filter))
        layout.addWidget(self.offer_view, 1)
        layout.addLayout(_row(self.new_offer_button, self.edit_offer_button,
                              self.candidates_button, self.person_offers_button))
        self._offer_timer = QTimer(self, singleShot=True, interval=120)
        self._offer_timer.timeout.connect(self.load_offers)
        self.status_filter.currentIndexChanged.connect(self.load_offers)
        self.rome_filter.textChanged.connect(self._offer_timer.start)
        self.town_filter.textChanged.connect(self._offer_timer.start)
        self.offer_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.offer_view.doubleClicked.connect(lambda _index: self.show_candidates())
        self.new_offer_button.clicked.connect(lambda: self.edit_offer(new=True))
        self.edit_offer_button.clicked.connect(lambda: self.edit_offer(new=False))
        self.candidates_button.clicked.connect(self.show_candidates)
        self.person_offers_button.clicked.connect(self.offers_for_participant)
        return page

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
        self.week = QLineEdit()
        self.week.setObjectName("sheetWeek")
        self.week.setPlaceholderText("2010-W18")
        self.week.setMaximumWidth(100)
        self.week.setText(IsoWeek.of(date.today()).code)
        self.week_button = QPushButton(self.tr("Sheets of the week (PDF)…"))
        self.ics_button = QPushButton(self.tr("Export to a calendar (.ics)…"))
        self.ics_button.setToolTip(self.tr("The cohort's recruitment interviews and the "
                                           "follow-up visits planned for its contracts"))
        self.templates_button = QPushButton(self.tr("Checklist templates…"))
        self.templates_button.setObjectName("checklistTemplatesButton")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(_boxed(self.tr("Referrals (mises en relation)"), self.referral_view,
                                  _row(self.referral_status_button,
                                       self.plan_interview_button, self.templates_button)))
        splitter.addWidget(_boxed(
            self.tr("Recruitment interviews"), self.interview_view,
            _row(self.checklist_button, self.sheet_button, QLabel(self.tr("Week:")), self.week,
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

    # Loading ----------------------------------------------------------------------------------
    def set_database(self, database: Database | None) -> None:
        super().set_database(database)
        self._directory_stamp = None

    def reload(self) -> None:
        """Read the lists of the page in front again (the others when next shown)."""
        self._stale = False
        if self.database is None:
            return
        self.load()

    def load(self) -> None:
        self._page_loaded = [False, False, False]
        current = self.pages.currentIndex()
        self._load_page(current)
        if current != OFFERS_PAGE and self._few_offers():
            self._load_page(OFFERS_PAGE)
        self._count()

    def _few_offers(self) -> bool:
        from coachdesk.services.offers import count_offers

        if self.database is None or self.cohort_id is None:
            return True
        return count_offers(self.database, self.cohort_id) <= EAGER_OFFERS_LIMIT

    def _page_shown(self, index: int) -> None:
        if index >= 0 and not self._page_loaded[index] and not self._stale:
            self._load_page(index)

    def _load_page(self, index: int) -> None:
        if index == DIRECTORY_PAGE:
            self.load_employers()
            views = [self.employer_view]
        elif index == OFFERS_PAGE:
            self.load_offers()
            views = [self.offer_view]
        else:
            self.load_placement()
            views = [self.referral_view, self.interview_view]
        # Columns sized to their content once, when a list first shows rows.
        for view in views:
            if view not in self._fitted_views and view.model().rowCount():
                fit_columns(view)
                self._fitted_views.add(view)

    def load_employers(self) -> None:
        """Show the directory, read again only if employers or offers changed since."""
        from coachdesk.services.employers import (
            directory_stamp,
            list_employers,
            open_offer_counts,
        )

        if self.database is None:
            return
        self._page_loaded[DIRECTORY_PAGE] = True
        stamp = directory_stamp(self.database)
        known = self._directory_stamp
        model = self.employer_model
        rows: list[EmployerRow] | None = None
        if (known is None or stamp.employers != known.employers
                or model.total() != self._directory_size):
            # Never read, emptied (the window locked) or employers changed: read it all.
            rows = list_employers(self.database)
        elif stamp.offers != known.offers:
            # Only offers changed: their counts per employer, one grouped query.
            counts = open_offer_counts(self.database)
            rows = [row if row.open_offers == counts.get(row.id, 0)
                    else replace(row, open_offers=counts.get(row.id, 0))
                    for row in model.all_rows()]
        if rows is not None:
            selected = self.selected_employer()
            model.set_rows(rows)
            self._directory_stamp = stamp
            self._directory_size = len(rows)
            if selected is not None:
                self.select_employer(selected.id)
        # Contacts and prospecting may have changed even when the directory did not.
        self._show_employer_detail(force=True)
        self._count()

    def filter_employers(self) -> None:
        """A keystroke in the search field: the loaded directory filtered, no query."""
        selected = self.selected_employer()
        self.employer_model.set_search(self.search.text())
        if selected is not None:
            self.select_employer(selected.id)
        self._show_employer_detail(force=False)
        self._count()

    def load_offers(self) -> None:
        from coachdesk.services.offers import list_offers

        if self.database is None:
            return
        rows: list[OfferRow] = []
        if self.cohort_id is not None:
            rows = list_offers(
                self.database, cohort_id=self.cohort_id, status=self.status_filter.currentData(),
                rome_code=self.rome_filter.text().strip() or None,
                city=self.town_filter.text().strip() or None,
            )
        self._page_loaded[OFFERS_PAGE] = True
        self.offer_model.set_rows(rows)
        self._count()
        self._update_buttons()

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
        self.referral_model.set_rows(referrals)
        self.interview_model.set_rows(found)
        self._update_buttons()

    def _count(self) -> None:
        parts = [self.tr("%n employer(s)", "", self.employer_model.rowCount())]
        if self._page_loaded[OFFERS_PAGE]:
            parts.append(self.tr("%n job offer(s) shown", "", self.offer_model.rowCount()))
        self.count_label.setText(" — ".join(parts))

    def _employer_changed(self, *_args: Any) -> None:
        self._show_employer_detail(force=False)

    def _show_employer_detail(self, *, force: bool) -> None:
        """The contacts and prospecting of the selected employer, read again when it changes
        (or when ``force``: after a reload)."""
        from coachdesk.services.employers import list_contacts, list_prospecting

        employer = self.selected_employer()
        employer_id = employer.id if employer is not None else None
        if not force and employer_id == self._detail_id:
            self._update_buttons()
            return
        self._detail_id = employer_id
        contacts: list[ContactRow] = []
        steps: list[ProspectingRow] = []
        if employer is not None and self.database is not None:
            contacts = list_contacts(self.database, employer.id)
            steps = list_prospecting(self.database, employer.id)
            self.employer_heading.setText(
                f"<b>{html.escape(employer.name)}</b> — {html.escape(employer.city)}")
        else:
            self.employer_heading.setText(self.tr("Select an employer to see its contacts and "
                                                  "prospecting."))
        self.contact_model.set_rows(contacts)
        self.prospecting_model.set_rows(steps)
        for view in (self.contact_view, self.prospecting_view):
            if view.model().rowCount():
                fit_columns(view)
        warnings = [f"⚠ {row.full_name} : {text}" for row in contacts for text in row.warnings]
        self.tutor_warnings.setText("\n".join(warnings))
        self.tutor_warnings.setVisible(bool(warnings))
        self._update_buttons()

    def _interview_changed(self, *_args: Any) -> None:
        interview = _current(self.interview_view, self.interview_model)
        if interview is not None:
            self.week.setText(IsoWeek.of(interview.starts_at.date()).code)
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        has_employer = self.selected_employer() is not None
        self.edit_employer_button.setEnabled(has_employer)
        self.add_contact_button.setEnabled(has_employer)
        self.edit_contact_button.setEnabled(has_employer and self.contact_model.rowCount() > 0)
        self.prospecting_button.setEnabled(has_employer)
        has_cohort = self.cohort_id is not None
        has_offer = self.offer_view.currentIndex().isValid()
        self.new_offer_button.setEnabled(has_cohort)
        self.person_offers_button.setEnabled(has_cohort)
        self.edit_offer_button.setEnabled(has_offer)
        self.candidates_button.setEnabled(has_offer)
        has_referral = self.referral_view.currentIndex().isValid()
        self.referral_status_button.setEnabled(has_referral)
        self.plan_interview_button.setEnabled(has_referral)
        has_interview = self.interview_view.currentIndex().isValid()
        self.checklist_button.setEnabled(has_interview)
        self.sheet_button.setEnabled(has_interview)

    # Selection helpers ------------------------------------------------------------------------
    def selected_employer(self) -> EmployerRow | None:
        return _current(self.employer_view, self.employer_model)

    def select_employer(self, employer_id: str) -> None:
        for number, row in enumerate(self.employer_model.rows()):
            if row.id == employer_id:
                self.employer_view.setCurrentIndex(self.employer_model.index(number, 0))
                return

    @staticmethod
    def select_in(view: QTableView, model: RowTableModel[Any], test: Any) -> bool:
        """Make current the first row for which ``test(row)`` holds."""
        for number, row in enumerate(model.rows()):
            if test(row):
                view.setCurrentIndex(model.index(number, 0))
                return True
        return False

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
        interview = _current(self.interview_view, self.interview_model)
        self.select_in(self.referral_view, self.referral_model,
                       lambda row: row.id == interview.referral_id)
        for view in (self.referral_view, self.interview_view):
            view.selectRow(view.currentIndex().row())
            view.scrollTo(view.currentIndex())
        self.interview_view.setFocus()
        return True

    def _cohort_people(self) -> list[tuple[str, str]]:
        from coachdesk.services.lists import people_furthest_first

        assert self.database is not None and self.cohort_id is not None
        # Those with a validated project first: they are the ones matched with offers.
        return people_furthest_first(self.database, self.cohort_id)

    # Actions ----------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        """Open a dialog without blocking (tests fill it in), and refresh when it saves."""
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()

    def create_new(self) -> None:
        """Ctrl+N: a new employer in the directory."""
        from coachdesk.ui.employers.dialogs import EmployerDialog

        if self.database is None:
            return
        self.pages.setCurrentIndex(0)
        dialog = EmployerDialog(self.database, None, self)
        dialog.accepted.connect(lambda: self._select_after_save(dialog))
        self._open(dialog)

    def _select_after_save(self, dialog: Any) -> None:
        self.reload()
        if dialog.saved_id:
            self.select_employer(dialog.saved_id)

    def edit_employer(self) -> None:
        from coachdesk.ui.employers.dialogs import EmployerDialog

        employer = self.selected_employer()
        if self.database is None or employer is None:
            return
        self._open(EmployerDialog(self.database, employer.id, self))

    def edit_contact(self, *, new: bool) -> None:
        from coachdesk.ui.employers.dialogs import ContactDialog

        employer = self.selected_employer()
        if self.database is None or employer is None:
            return
        existing = None if new else _current(self.contact_view, self.contact_model)
        if not new and existing is None:
            if self.contact_model.rowCount() != 1:
                messages.info(self, self.tr("Contact persons"),
                              self.tr("Select the contact to edit in the list."))
                return
            existing = self.contact_model.row_at(0)
        self._open(ContactDialog(self.database, employer.id, existing, self))

    def log_prospecting(self) -> None:
        from coachdesk.ui.employers.dialogs import ProspectingDialog

        employer = self.selected_employer()
        if self.database is None or employer is None:
            return
        self._open(ProspectingDialog(self.database, employer.id, parent=self))

    def edit_offer(self, *, new: bool) -> None:
        from coachdesk.ui.employers.dialogs import OfferDialog

        if self.database is None or self.cohort_id is None:
            return
        offer = None if new else _current(self.offer_view, self.offer_model)
        if not new and offer is None:
            return
        employer = self.selected_employer()
        self._open(OfferDialog(self.database, self.cohort_id,
                               employer_id=employer.id if employer else None, offer=offer,
                               parent=self))

    def show_candidates(self) -> None:
        from coachdesk.ui.employers.dialogs import CandidatesDialog

        offer = _current(self.offer_view, self.offer_model)
        if self.database is None or offer is None:
            return
        self._open(CandidatesDialog(self.database, offer, self))

    def offers_for_participant(self) -> None:
        from coachdesk.ui.employers.dialogs import ParticipantOffersDialog

        if self.database is None or self.cohort_id is None:
            return
        self._open(ParticipantOffersDialog(self.database, self._cohort_people(), self))

    def change_referral_status(self) -> None:
        from coachdesk.ui.employers.dialogs import ReferralStatusDialog

        referral = _current(self.referral_view, self.referral_model)
        if self.database is None or referral is None:
            return
        self._open(ReferralStatusDialog(self.database, referral, self))

    def plan_interview(self) -> None:
        from coachdesk.ui.employers.interview_dialogs import InterviewDialog

        referral = _current(self.referral_view, self.referral_model)
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

        interview = _current(self.interview_view, self.interview_model)
        if self.database is None or interview is None:
            return
        dialog = ChecklistDialog(self.database, interview, self)
        # Ticks are saved as they are made: refresh the counts even on Cancel.
        dialog.finished.connect(lambda _result: self.load_placement())
        self._open(dialog)

    # Documents --------------------------------------------------------------------------------
    def _ask_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested),
                                                file_filter)
        return Path(chosen) if chosen else None

    def print_sheet(self, path: Path | None = None) -> Path | None:
        """The « Fiche de préparation à l'entretien » of the selected interview, as a PDF."""
        from coachdesk.exports.interview_sheet import write_interview_sheets
        from coachdesk.ui.employers.interview_dialogs import interview_sheet

        interview = _current(self.interview_view, self.interview_model)
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

    def print_week(self, path: Path | None = None) -> Path | None:
        """One sheet per recruitment interview of the week typed, in one PDF."""
        from coachdesk.exports.interview_sheet import write_interview_sheets
        from coachdesk.services.interviews import interview_sheets

        if self.database is None:
            return None
        week = self.week.text().strip()
        try:
            parsed = IsoWeek.parse(week)
            start, end = parsed.monday, parsed.next_monday
            sheets = interview_sheets(self.database, start, end)
            if not sheets:
                raise UserError(
                    f"Aucun entretien de recrutement la semaine {week} (du {start:%d/%m/%Y} au "
                    f"{end - timedelta(days=1):%d/%m/%Y}) : aucun fichier écrit.",
                    hint="Choisissez une autre semaine.")
            if path is None:
                path = self._ask_path(self.tr("Save the sheets of the week"),
                                      f"Fiches entretiens {week}.pdf",
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
