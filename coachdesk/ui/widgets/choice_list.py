"""The short list of matches under a search field (ROME jobs, employers…)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt


class Choice(Protocol):
    def display(self) -> str: ...


Row = TypeVar("Row", bound=Choice)


class ChoiceListModel(QAbstractListModel, Generic[Row]):
    """Rows shown by their ``display()``; ``key(row)`` is given in the UserRole."""

    def __init__(self, key: Callable[[Row], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._key = key
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display()
        if role == Qt.ItemDataRole.UserRole:
            return self._key(row)
        return None
