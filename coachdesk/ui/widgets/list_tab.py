"""Shared shape of the list tabs: a heading, optional filters, a sortable table, a count line.

Columns fit the window (1366×768 included): sized to their content, then the widest ones are
narrowed until the table needs no horizontal scrolling; a text cut short ends with « … » and
shows whole in its tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from coachdesk import changes
from coachdesk.ui.widgets.change_relay import change_relay
from coachdesk.ui.widgets.table_model import RowTableModel

if TYPE_CHECKING:
    from coachdesk.changes import Change
    from coachdesk.db import Database


# What a cell's text needs beside its letters (the margins Qt's styles draw).
CELL_PADDING = 12
# The narrowest a column is made to fit the window; the header's own width.
MIN_COLUMN, MAX_COLUMN = 70, 320


def elided_tip(view: QAbstractItemView, index: QModelIndex) -> str | None:
    """The whole text of a cell shown cut short (« … »), for its tooltip; None when it fits."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text:
        return None
    needed = view.fontMetrics().horizontalAdvance(text) + CELL_PADDING
    return text if needed > view.visualRect(index).width() else None


class ElidedTextTips(QStyledItemDelegate):
    """Cells keep the model's own tooltips; a text cut short gets itself as its tooltip."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if (event.type() == QEvent.Type.ToolTip and index.isValid()
                and index.data(Qt.ItemDataRole.ToolTipRole) is None):
            cell = index if isinstance(index, QModelIndex) else view.model().index(
                index.row(), index.column())
            tip = elided_tip(view, cell)
            if tip is None:
                QToolTip.hideText()
                event.ignore()
                return False
            QToolTip.showText(event.globalPos(), tip, view)
            return True
        return super().helpEvent(event, view, option, index)


def make_table_view(model: RowTableModel[Any], name: str, *, sortable: bool = True) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setItemDelegate(ElidedTextTips(view))
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)
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


def fit_widths(widths: list[int], available: int, floor: int = MIN_COLUMN) -> list[int]:
    """``widths`` narrowed so that they add up to at most ``available``: the widest are cut to
    one common width first, none below ``floor`` (nor below its own width if smaller)."""
    if sum(widths) <= available:
        return widths
    low, high = 0, max(widths)
    while low < high:  # the widest common cap that fits
        cap = (low + high + 1) // 2
        if sum(max(min(width, cap), min(width, floor)) for width in widths) <= available:
            low = cap
        else:
            high = cap - 1
    return [max(min(width, low), min(width, floor)) for width in widths]


class _ColumnFitter(QObject):
    """Keeps a table's columns within its width: on every resize of what it shows (the window
    resized, a scroll bar appearing), the columns measured at load are fitted again."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.setObjectName("columnFitter")
        self.view = view
        self.widths: list[int] = []
        self.columns: list[int] = []
        view.viewport().installEventFilter(self)

    def measure(self) -> None:
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        self.columns = [column for column in range(header.count())
                        if not header.isSectionHidden(column)]
        self.widths = [min(max(header.sectionSize(column) + CELL_PADDING, MIN_COLUMN), MAX_COLUMN)
                       for column in self.columns]

    def apply(self) -> None:
        header = self.view.horizontalHeader()
        available = self.view.viewport().width()
        widths = fit_widths(self.widths, available) if self.view.isVisible() else self.widths
        for column, width in zip(self.columns, widths, strict=True):
            if column < header.count():
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.widths:
            self.apply()
        return False


def fit_columns(view: QTableView) -> None:
    """Size the columns to their content once data is shown, then to the table's width: a
    table shown in the window needs no horizontal scrolling (long texts are elided)."""
    fitter = view.findChild(_ColumnFitter, "columnFitter") or _ColumnFitter(view)
    fitter.measure()
    fitter.apply()


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
        self.fit_columns_once()

    def fit_columns_once(self) -> None:
        """Size the columns to their content, once the first rows are shown."""
        if not self._fitted and any(view.model().rowCount() for view in self.views):
            for view in self.views:
                fit_columns(view)
            self._fitted = True

    def load(self) -> None:
        """Read this tab's rows from the database and show them."""
        raise NotImplementedError

    def create_new(self) -> None:
        """Ctrl+N in this tab (record creation comes with the tab's editing screens)."""
