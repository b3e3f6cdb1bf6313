"""Pick a job from the ROME list shipped with CoachDesk, searching offline as you type.

The search itself (accent- and case-insensitive, code prefixes first) is the Qt-free
``services.rome.search_rome``; this widget only shows its results in a small list model.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from coachdesk.services.rome import RomeJob, rome_jobs, search_rome
from coachdesk.ui.widgets.choice_list import ChoiceListModel

RESULT_LIMIT = 60


class _ReturnCatcher(QObject):
    """Runs a callback on Return in a line edit, and keeps the key from the dialog's OK button."""

    def __init__(self, edit: QLineEdit, callback: Callable[[], None]) -> None:
        super().__init__(edit)
        self._callback = callback
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._callback()
            return True
        return False


def on_return(edit: QLineEdit, callback: Callable[[], None]) -> None:
    """Call ``callback`` when Return is pressed in ``edit`` instead of closing the dialog."""
    _ReturnCatcher(edit, callback)


class RomePicker(QWidget):
    """A search field over the ROME list and the matching jobs; ``code()`` is the choice."""

    picked = Signal(str, str)  # code, label

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("romeSearch")
        self.search.setPlaceholderText(
            self.tr("Type a job or a ROME code (e.g. secretaire, M1607)…")
        )
        self.search.setClearButtonEnabled(True)
        self.model: ChoiceListModel[RomeJob] = ChoiceListModel(lambda job: job.code, self)
        self.results = QListView()
        self.results.setObjectName("romeResults")
        self.results.setModel(self.model)
        self.results.setMinimumHeight(120)
        self.chosen = QLabel()
        self.chosen.setObjectName("romeChosen")
        self.chosen.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen)
        self._code = ""
        # One search per pause in typing: each keystroke would otherwise scan 1,600 jobs.
        self._debounce = QTimer(self, singleShot=True, interval=60)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        on_return(self.search, self._take_first)
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.results.activated.connect(self._activated)
        self._show_choice()
        self.refresh()

    def refresh(self) -> None:
        """Show the jobs matching the text typed (every word, accents and case ignored)."""
        self.model.set_rows(search_rome(self.search.text(), RESULT_LIMIT))

    def code(self) -> str:
        return self._code

    def form_value(self) -> str:
        """The coach's choice, as a form compares it (the search typed is no entry)."""
        return self._code

    def set_code(self, code: str) -> None:
        job = rome_jobs().get(code.strip().upper())
        self._code = job.code if job else ""
        self._show_choice()
        if job is not None:
            self.picked.emit(job.code, job.label)

    def _take_first(self) -> None:
        self._debounce.stop()
        self.refresh()
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.set_code(self.model.row_at(current.row()).code)

    def _activated(self, index: QModelIndex) -> None:
        self._current_changed(index, QModelIndex())

    def _show_choice(self) -> None:
        job = rome_jobs().get(self._code) if self._code else None
        if job is None:
            self.chosen.setText(self.tr("No job chosen yet."))
        else:
            self.chosen.setText(self.tr("Chosen: %1").replace("%1", job.display()))
