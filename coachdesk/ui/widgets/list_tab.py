"""Shared shape of the list tabs: a heading, optional filters, a sortable table, a count line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk import changes
from coachdesk.ui.widgets.change_relay import change_relay
from coachdesk.ui.widgets.table_model import RowTableModel

if TYPE_CHECKING:
    from coachdesk.changes import Change
    from coachdesk.db import Database


def make_table_view(model: RowTableModel[Any], name: str, *, sortable: bool = True) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    if sortable:
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultSectionSize(150)
    # Column widths from the first rows only: measuring 80,000 rows would freeze the window.
    header.setResizeContentsPrecision(100)
    return view


def fit_columns(view: QTableView) -> None:
    """Size the columns to their content once data is shown, within reasonable bounds."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, min(max(header.sectionSize(column) + 12, 70), 320))


class ListTab(QWidget):
    """A tab that lists data of the selected cohort; reloads lazily when shown after a change.

    The window hands every write to :meth:`data_changed`: the tab, when it reads what
    changed, reloads at once if it is visible, else the next time it is shown.
    """

    # The tables the tab shows (None: any table a coach sees); writes elsewhere leave it be.
    READS: ClassVar[frozenset[str] | None] = None

    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.cohort_id: str | None = None
        self._stale = True
        # The last change (coachdesk.changes serial) the tab's data includes.
        self.shown_serial = -1
        change_relay().changed.connect(self.data_changed)
        self._fitted = False
        # Views sized to their content after the first load that shows rows.
        self.views: list[QTableView] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 8, 8, 8)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

    def set_database(self, database: Database | None) -> None:
        self.database = database
        self._stale = True

    def set_cohort(self, cohort_id: str | None) -> None:
        self.cohort_id = cohort_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def data_changed(self, change: Change) -> None:
        """A write was committed: show it now if visible, else when next shown."""
        if change.serial <= self.shown_serial or not change.touches(self.READS):
            return
        self._stale = True
        # (Disabled: the window is locked, and shows nothing until unlocked.)
        if self.isVisible() and self.isEnabled():
            self.reload()

    def reload(self) -> None:
        self._stale = False
        if self.database is None:
            return
        # Taken before reading: whatever was committed until now is in what is read.
        self.shown_serial = changes.current_serial()
        self.load()
        if not self._fitted and any(view.model().rowCount() for view in self.views):
            for view in self.views:
                fit_columns(view)
            self._fitted = True

    def load(self) -> None:
        """Read this tab's rows from the database and show them."""
        raise NotImplementedError

    def create_new(self) -> None:
        """Ctrl+N in this tab (record creation comes with the tab's editing screens)."""
