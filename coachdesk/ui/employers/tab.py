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

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTableView, QTabWidget, QWidget

from coachdesk.ui.employers.directory_page import DirectoryPage
from coachdesk.ui.employers.offers_page import OffersPage
from coachdesk.ui.employers.pages import DIRECTORY_PAGE, OFFERS_PAGE
from coachdesk.ui.employers.placement_page import PlacementPage
from coachdesk.ui.widgets.list_tab import fit_columns

if TYPE_CHECKING:
    from coachdesk.db import Database


class EmployersTab(DirectoryPage, OffersPage, PlacementPage):
    """Employers, job offers, referrals and recruitment interviews: three pages in one tab."""

    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.dialog = None
        self._directory_stamp = None
        self._directory_size = 0
        self._detail_id = None
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

    def _count(self) -> None:
        parts = [self.tr("%n employer(s)", "", self.employer_model.rowCount())]
        if self._page_loaded[OFFERS_PAGE]:
            parts.append(self.tr("%n job offer(s) shown", "", self.offer_model.rowCount()))
        self.count_label.setText(" — ".join(parts))

    def _update_buttons(self, *_args: Any) -> None:
        self._update_directory_buttons()
        self._update_offer_buttons()
        self._update_placement_buttons()
