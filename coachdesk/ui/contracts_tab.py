"""The Suivi des contrats tab: every contract of the cohort, its trial period and its visits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from coachdesk.ui.list_tab import ListTab, make_table_view
from coachdesk.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.lists import ContractRow

COLUMNS: list[Column[ContractRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Participant"), lambda r: r.participant),
    Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.employer),
    Column(QT_TRANSLATE_NOOP("Columns", "Type"), lambda r: r.contract_type),
    Column(QT_TRANSLATE_NOOP("Columns", "Start"), lambda r: r.start_date),
    Column(QT_TRANSLATE_NOOP("Columns", "End"), lambda r: r.end_date),
    Column(QT_TRANSLATE_NOOP("Columns", "Trial period ends"), lambda r: r.trial_period_end),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: r.status),
    Column(QT_TRANSLATE_NOOP("Columns", "Rupture"), lambda r: r.rupture_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Last visit"), lambda r: r.last_visit),
    Column(QT_TRANSLATE_NOOP("Columns", "Next visit"), lambda r: r.next_visit),
]


class ContractsTab(ListTab):
    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.model: RowTableModel[ContractRow] = RowTableModel(COLUMNS, self)
        self.view = make_table_view(self.model, "contractTable")
        self.views.append(self.view)
        self.layout_.addWidget(self.view)
        self.layout_.addWidget(self.count_label)

    def load(self) -> None:
        from coachdesk.services.lists import contract_rows

        rows: list[ContractRow] = []
        if self.cohort_id is not None:
            assert self.database is not None
            with self.database.read() as session:
                rows = contract_rows(session, self.cohort_id)
        self.model.set_rows(rows)
        broken = sum(1 for row in rows if row.rupture_on is not None)
        self.count_label.setText(
            self.tr("%n contract(s)", "", len(rows)) + " — " + self.tr("%n broken", "", broken)
        )
