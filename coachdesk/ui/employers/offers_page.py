"""The job offers page of the Employeurs tab: the cohort's offers filtered by status, ROME code
and town, and the matching of offers and participants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coachdesk.models import codes
from coachdesk.ui.employers.pages import OFFERS_PAGE, EmployersPage, current_row, hbox
from coachdesk.ui.widgets.enabling import explain_enabled
from coachdesk.ui.widgets.list_tab import make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.services.offers import OfferRow


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


# A cohort's offers are a few dozen (about 40 in 2010): they are read with the directory, so the
# count line names them and their page shows at once. Beyond this they wait for their page.
EAGER_OFFERS_LIMIT = 500


class OffersPage(EmployersPage):
    """The « Job offers and matching » page: its widgets, loading and actions."""

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
        layout.addLayout(hbox(QLabel(self.tr("Status:")), self.status_filter,
                              QLabel(self.tr("ROME:")), self.rome_filter,
                              QLabel(self.tr("Town:")), self.town_filter))
        layout.addWidget(self.offer_view, 1)
        layout.addLayout(hbox(self.new_offer_button, self.edit_offer_button,
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

    def _few_offers(self) -> bool:
        from coachdesk.services.offers import count_offers

        if self.database is None or self.cohort_id is None:
            return True
        return count_offers(self.database, self.cohort_id) <= EAGER_OFFERS_LIMIT

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

    def edit_offer(self, *, new: bool) -> None:
        from coachdesk.ui.employers.dialogs import OfferDialog

        if self.database is None or self.cohort_id is None:
            return
        offer = None if new else current_row(self.offer_view, self.offer_model)
        if not new and offer is None:
            return
        employer = self.selected_employer()
        self._open(OfferDialog(self.database, self.cohort_id,
                               employer_id=employer.id if employer else None, offer=offer,
                               parent=self))

    def show_candidates(self) -> None:
        from coachdesk.ui.employers.dialogs import CandidatesDialog

        offer = current_row(self.offer_view, self.offer_model)
        if self.database is None or offer is None:
            return
        self._open(CandidatesDialog(self.database, offer, self))

    def offers_for_participant(self) -> None:
        from coachdesk.ui.employers.dialogs import ParticipantOffersDialog

        if self.database is None or self.cohort_id is None:
            return
        self._open(ParticipantOffersDialog(self.database, self._cohort_people(), self))

    def _update_offer_buttons(self) -> None:
        has_cohort = self.cohort_id is not None
        has_offer = self.offer_view.currentIndex().isValid()
        no_cohort = self.tr("There is no cohort yet: create one, or import a contact file.")
        explain_enabled(self.new_offer_button, has_cohort, no_cohort)
        explain_enabled(self.person_offers_button, has_cohort, no_cohort)
        no_offer = self.tr("Select an offer in the list first.")
        explain_enabled(self.edit_offer_button, has_offer, no_offer)
        explain_enabled(self.candidates_button, has_offer, no_offer)

