"""Choosing one person of a cohort: a search field over the list of its people.

The columns are the first ones of the Cohorte list, and the search is the Cohorte tab's
(``services.participant_list.search_rows``): the same person is found the same way everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from coachdesk.models import codes
from coachdesk.services.participant_list import name_order, search_rows
from coachdesk.services.text import person_name
from coachdesk.ui.widgets.list_tab import fit_columns, make_table_view
from coachdesk.ui.widgets.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.services.participant_list import ParticipantRow

_STAGE_CODES = list(codes.STAGES)
_STAGE_LABELS = list(codes.STAGES.values())

# Who a person is, as every list of people shows it first.
PERSON_COLUMNS: list[Column[ParticipantRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "Last name"), lambda r: person_name(r.last_name, ""),
           sort_by=name_order),
    Column(QT_TRANSLATE_NOOP("Columns", "First name"), lambda r: r.first_name),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Stage"),
        lambda r: _STAGE_CODES.index(r.stage),
        display=lambda index: _STAGE_LABELS[index],
        # (Read from what the Cohorte list holds of everyone: no whole row needed.)
        sort_by=lambda r: _STAGE_CODES.index(r.stage),
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: r.phone),
    Column(QT_TRANSLATE_NOOP("Columns", "E-mail"), lambda r: r.email),
]


class PersonPicker(QWidget):
    """Search and choose one person of a cohort."""

    def __init__(
        self,
        database: Database,
        cohort_id: str | None,
        selected_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from coachdesk.services.lists import participant_rows

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        self.search.setPlaceholderText(self.tr("Search a name, a phone number or an e-mail…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model: RowTableModel[ParticipantRow] = RowTableModel(PERSON_COLUMNS, self)
        self.view = make_table_view(self.model, "personTable")
        self.view.setSelectionMode(self.view.SelectionMode.SingleSelection)
        layout.addWidget(self.view, 1)
        self._all: list[ParticipantRow] = []
        if cohort_id is not None:
            self._all = participant_rows(database, cohort_id)
        self.search.textChanged.connect(self._filter)
        self._filter()
        if self._all:
            fit_columns(self.view)
        if selected_id is not None:
            self.select(selected_id)

    def _filter(self) -> None:
        self.model.set_rows(search_rows(self._all, self.search.text()))

    def select(self, participant_id: str) -> bool:
        for index, row in enumerate(self.model.rows()):
            if row.id == participant_id:
                self.view.selectRow(index)
                return True
        return False

    def form_value(self) -> str | None:
        """The coach's choice, as a form compares it (the search typed is no entry)."""
        chosen = self.selected()
        return chosen.id if chosen else None

    def selected(self) -> ParticipantRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None
