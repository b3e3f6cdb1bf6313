"""The Employeurs tab: the employer directory and the job offers collected for the cohort."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QVBoxLayout, QWidget

from coachdesk.ui.list_tab import ListTab, make_table_view
from coachdesk.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.lists import EmployerRow, OfferRow

EMPLOYER_COLUMNS: list[Column[EmployerRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.city),
    Column(QT_TRANSLATE_NOOP("Columns", "SIRET"), lambda r: r.siret),
    Column(QT_TRANSLATE_NOOP("Columns", "NAF"), lambda r: r.naf_code),
    Column(QT_TRANSLATE_NOOP("Columns", "OPCO"), lambda r: r.opco),
    Column(QT_TRANSLATE_NOOP("Columns", "Reached via"), lambda r: r.reached_via),
    Column(QT_TRANSLATE_NOOP("Columns", "Offers"), lambda r: r.offers, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Open offers"), lambda r: r.open_offers, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Contracts"), lambda r: r.contracts, align_right=True),
]

OFFER_COLUMNS: list[Column[OfferRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Received on"), lambda r: r.received_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Job title"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.employer),
    Column(QT_TRANSLATE_NOOP("Columns", "ROME"), lambda r: r.rome_code),
    Column(QT_TRANSLATE_NOOP("Columns", "Town"), lambda r: r.city),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: r.status),
]


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(widget)
    return box


class EmployersTab(ListTab):
    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.employer_model: RowTableModel[EmployerRow] = RowTableModel(EMPLOYER_COLUMNS, self)
        self.offer_model: RowTableModel[OfferRow] = RowTableModel(OFFER_COLUMNS, self)
        self.employer_view = make_table_view(self.employer_model, "employerTable")
        self.offer_view = make_table_view(self.offer_model, "offerTable")
        self.views += [self.employer_view, self.offer_view]
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(_boxed(self.tr("Employers"), self.employer_view))
        splitter.addWidget(_boxed(self.tr("Job offers of the cohort"), self.offer_view))
        self.layout_.addWidget(splitter)
        self.layout_.addWidget(self.count_label)

    def load(self) -> None:
        from coachdesk.services.lists import employer_rows, offer_rows

        assert self.database is not None
        with self.database.read() as session:
            employers = employer_rows(session)
            offers = offer_rows(session, self.cohort_id) if self.cohort_id else []
        self.employer_model.set_rows(employers)
        self.offer_model.set_rows(offers)
        self.count_label.setText(
            self.tr("%n employer(s)", "", len(employers))
            + " — "
            + self.tr("%n job offer(s) for this cohort", "", len(offers))
        )
