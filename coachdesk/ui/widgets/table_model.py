"""One table model for every list: columns declared once, sorting in the model's own list.

A ``Column`` says how to read a value from a row object, how to show it, and how to sort it.
Sorting happens on the raw values in Python (dates as dates, numbers as numbers) — at 80,000
rows this is ~100× faster than a QSortFilterProxyModel comparing through Python (DESIGN.md).
Filtering is done by whoever feeds the model (in SQL or with a list comprehension).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from coachdesk.services.text import fold

Row = TypeVar("Row")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex

# The roles the models answer, as the numbers Qt passes.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_READ_ROLES = frozenset({_DISPLAY, int(SORT_ROLE), int(ROW_ROLE)})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_value(value: Any) -> str:
    """French display: JJ/MM/AAAA dates, decimal commas, empty for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return QCoreApplication.translate("Values", "Yes") if value else ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f} %"


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A column: its header (an untranslated source string) and how to read a row."""

    # The untranslated header, as marked by QT_TRANSLATE_NOOP("Columns", …).
    header: object
    value: Callable[[Row], Any]
    display: Callable[[Any], str] = format_value
    align_right: bool = False
    # What the column sorts by when not its value through ``sort_key`` (a key every row has,
    # comparable across rows: the Cohorte list's names sort by their folded text, read from
    # the row instead of folded again).
    sort_by: Callable[[Row], Any] | None = None


def sort_key(value: Any) -> tuple[int, Any]:
    """How a column's value sorts: empty values last whatever their type, strings without case
    or accents, other values as themselves (dates as dates)."""
    if value is None or value == "":
        return (1, "")
    if isinstance(value, str):
        return (0, fold(value))
    return (0, value)


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of plain row objects (frozen dataclasses)."""

    # Context of the column headers in the translation file.
    HEADER_CONTEXT = "Columns"

    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # Data feeding -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    # Qt model API -----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # (Asked for some eight roles per cell painted or measured, most of them unused here:
        # those are answered first, with the least work.)
        if role not in _READ_ROLES:
            if (role == _ALIGNMENT and index.isValid()
                    and self._columns[index.column()].align_right):
                return _RIGHT
            return None
        if not index.isValid():
            return None
        row = self._row_read(index.row())
        if row is None:
            return None
        column = self._columns[index.column()]
        if role == _DISPLAY:
            return column.display(column.value(row))
        if role == SORT_ROLE:
            return column.value(row)
        return row

    def _row_read(self, position: int) -> Any:
        """What the columns read for the row shown at ``position`` (None: nothing to show)."""
        return self._rows[position]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            header = str(self._columns[section].header)
            return QCoreApplication.translate(self.HEADER_CONTEXT, header)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        chosen = self._columns[column]
        getter = chosen.value
        self._rows.sort(
            key=chosen.sort_by or (lambda row: sort_key(getter(row))),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )


class FilteredTableModel(RowTableModel[Row]):
    """A table over many rows (the Cohorte list's 80,000 people) that stays quick to search
    and to keep up to date.

    Every row is kept in the model's sort order; the view shows those the filter keeps. A
    keystroke filters that ordered list, so nothing is sorted again (at 80,000 rows sorting
    cost more than the search itself), and the few rows a write changed are put in place with
    a binary search, without reading or sorting the others (:meth:`put_rows`).
    """

    def __init__(
        self, columns: Sequence[Column[Row]], row_id: Callable[[Row], str], parent: Any = None
    ) -> None:
        super().__init__(columns, parent)
        self._row_id = row_id
        # Everyone, ascending in the sort column (a descending view shows it backwards).
        self._everyone: list[Row] = []
        # Each row by id, made when first needed (:meth:`_ids`).
        self._by_id: dict[str, Row] | None = None
        self._filter: Callable[[list[Row]], list[Row]] | None = None
        self._order: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._sort = self._order

    def everyone(self) -> list[Row]:
        """Every row, shown or filtered out."""
        return list(self._everyone)

    def row_by_id(self, row_id: str) -> Row | None:
        return self._ids().get(row_id)

    def _ids(self) -> dict[str, Row]:
        if self._by_id is None:
            self._by_id = {self._row_id(row): row for row in self._everyone}
        return self._by_id

    def set_rows(self, rows: Sequence[Row], *, ordered_by: Callable[[Row], Any] | None = None
                 ) -> None:
        """Show ``rows``; ``ordered_by``: they come in the order of that key already (sorted
        again only if the list is ordered by another)."""
        self.beginResetModel()
        self._everyone = list(rows)
        if ordered_by is None or self._columns[self._order[0]].sort_by is not ordered_by:
            self._everyone.sort(key=self._key())
        self._by_id = None
        self._rows = self._shown()
        self.endResetModel()

    def set_filter(self, keep: Callable[[list[Row]], list[Row]] | None) -> None:
        """Show the rows ``keep`` returns from the ordered list (it must keep their order)."""
        self._filter = keep
        self.beginResetModel()
        self._rows = self._shown()
        self.endResetModel()

    def put_rows(self, rows: Sequence[Row], removed: Iterable[str] = ()) -> None:
        """Put ``rows`` (new or changed) in their place and drop the ``removed`` ids.

        Only those rows are filtered and placed (binary searches), and the view is told row
        by row: it keeps its selection and its scroll position, and repaints what changed.
        """
        key = self._key()
        fresh = {self._row_id(row): row for row in rows}
        by_id = self._ids()
        for row_id in {*removed, *fresh}:
            old, new = by_id.pop(row_id, None), fresh.get(row_id)
            if new is not None:
                by_id[row_id] = new
            self._put_one(old, new, key)

    def _put_one(self, old: Row | None, new: Row | None, key: Callable[[Row], Any]) -> None:
        shown_at = None if old is None else self._shown_position(old, key)
        keep = new is not None and (self._filter is None or bool(self._filter([new])))
        if old is not None and new is not None and key(new) == key(old):
            self._everyone[self._position(old, key)] = new  # sorts the same: same place
            if shown_at is not None and keep:
                # The selection stays on it, and its cells are repainted — one by one, as a
                # view repaints all it shows for a range of cells.
                self._rows[shown_at] = new
                for column in range(self.columnCount()):
                    cell = self.index(shown_at, column)
                    self.dataChanged.emit(cell, cell)
                return
        else:
            if old is not None:
                del self._everyone[self._position(old, key)]
            if new is not None:
                self._everyone.insert(bisect.bisect_right(self._everyone, key(new), key=key), new)
        if shown_at is not None:
            self.beginRemoveRows(QModelIndex(), shown_at, shown_at)
            del self._rows[shown_at]
            self.endRemoveRows()
        if keep and new is not None:
            at = self._insertion_point(key(new), key)
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, new)
            self.endInsertRows()

    def _position(self, row: Row, key: Callable[[Row], Any]) -> int:
        """Where ``row`` itself is in the ordered list (among the rows that sort the same)."""
        everyone = self._everyone
        index = bisect.bisect_left(everyone, key(row), key=key)
        while everyone[index] is not row:
            index += 1
        return index

    def _descending(self) -> bool:
        return self._order[1] == Qt.SortOrder.DescendingOrder

    def _shown_bound(self, target: Any, key: Callable[[Row], Any], *, after: bool) -> int:
        """Binary search in the rows shown (ascending or descending): the first position past
        the rows sorting before ``target`` (and past those equal to it, ``after``)."""
        rows, descending = self._rows, self._descending()
        low, high = 0, len(rows)
        while low < high:
            middle = (low + high) // 2
            value = key(rows[middle])
            before = (value > target) if descending else (value < target)
            if before or (after and value == target):
                low = middle + 1
            else:
                high = middle
        return low

    def _shown_position(self, row: Row, key: Callable[[Row], Any]) -> int | None:
        """Where ``row`` itself is among the rows shown, None when filtered out."""
        target = key(row)
        start = self._shown_bound(target, key, after=False)
        stop = self._shown_bound(target, key, after=True)
        for index in range(start, stop):
            if self._rows[index] is row:
                return index
        return None

    def _insertion_point(self, target: Any, key: Callable[[Row], Any]) -> int:
        # After the rows that sort the same, as in the ordered list (before them, backwards).
        return self._shown_bound(target, key, after=not self._descending())

    def _key(self) -> Callable[[Row], Any]:
        chosen = self._columns[self._order[0]]
        if chosen.sort_by is not None:
            return chosen.sort_by
        return self._value_key(chosen.value)

    @staticmethod
    def _value_key(getter: Callable[[Any], Any]) -> Callable[[Any], Any]:
        """The sort key of the values ``getter`` reads. Each distinct value's key is worked
        out once: a list of 80,000 people has a few thousand names, and folding each name again
        cost a quarter of a second."""
        known: dict[Any, Any] = {}

        def key(row: Any) -> Any:
            value = getter(row)
            try:
                return known[value]
            except KeyError:
                found = known[value] = sort_key(value)
                return found
            except TypeError:  # (a value that cannot be a dictionary key)
                return sort_key(value)

        return key

    def _shown(self) -> list[Row]:
        shown = self._everyone if self._filter is None else self._filter(self._everyone)
        if self._descending():
            return shown[::-1]
        return shown if shown is not self._everyone else list(shown)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        resort = column != self._order[0]
        self._sort = self._order = (column, order)
        if resort:
            self._everyone.sort(key=self._key())
        self._rows = self._shown()
        self.layoutChanged.emit()
