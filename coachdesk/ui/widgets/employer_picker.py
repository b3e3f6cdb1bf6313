"""Pick an employer of the directory by typing a few letters of its name, town or SIRET.

At 10,000 employers a combo box holding them all costs its whole loading on every dialog that
opens; this picker asks SQL for the first matches of the folded text typed instead
(``services.employers.search_employers``), once per pause in typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from coachdesk.services.employers import EmployerChoice, employer_choice, search_employers
from coachdesk.ui.widgets.choice_list import ChoiceListModel
from coachdesk.ui.widgets.rome_picker import on_return

if TYPE_CHECKING:
    from coachdesk.db import Database

RESULT_LIMIT = 50


class EmployerPicker(QWidget):
    """A search field over the employer directory and its first matches; ``employer_id()`` is
    the choice."""

    picked = Signal(str)  # employer id

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.search = QLineEdit()
        self.search.setObjectName("employerPickerSearch")
        self.search.setPlaceholderText(self.tr("Type a name, a town or a SIRET…"))
        self.search.setClearButtonEnabled(True)
        self.model: ChoiceListModel[EmployerChoice] = ChoiceListModel(
            lambda choice: choice.id, self
        )
        self.results = QListView()
        self.results.setObjectName("employerPickerResults")
        self.results.setModel(self.model)
        self.results.setMinimumHeight(110)
        self.results.setMaximumHeight(150)
        self.chosen = QLabel()
        self.chosen.setObjectName("employerPickerChosen")
        self.chosen.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen)
        self._choice: EmployerChoice | None = None
        # One query per pause in typing, not one per keystroke.
        self._debounce = QTimer(self, singleShot=True, interval=60)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        on_return(self.search, self._take_first)
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.results.activated.connect(lambda index: self._current_changed(index, QModelIndex()))
        self._show_choice()
        self.refresh()

    def refresh(self) -> None:
        """Show the first employers matching every word typed (accents and case ignored)."""
        self.model.set_rows(search_employers(self.database, self.search.text(), RESULT_LIMIT))

    def employer_id(self) -> str | None:
        return self._choice.id if self._choice else None

    def form_value(self) -> str | None:
        """The coach's choice, as a form compares it (the search typed is no entry)."""
        return self.employer_id()

    def current_name(self) -> str:
        return self._choice.name if self._choice else ""

    def set_employer(self, employer_id: str | None) -> None:
        """Choose an employer by id (None, or an id that no longer exists: no choice)."""
        self._choice = employer_choice(self.database, employer_id) if employer_id else None
        self._show_choice()
        if self._choice is not None:
            self.picked.emit(self._choice.id)

    def _take_first(self) -> None:
        self._debounce.stop()
        self.refresh()
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._choice = self.model.row_at(current.row())
            self._show_choice()
            self.picked.emit(self._choice.id)

    def _show_choice(self) -> None:
        if self._choice is None:
            self.chosen.setText(self.tr("No employer chosen yet."))
        else:
            self.chosen.setText(self.tr("Chosen: %1").replace("%1", self._choice.display()))
