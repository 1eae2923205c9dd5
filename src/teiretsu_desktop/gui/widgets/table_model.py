"""A read-only table model over a list of rows, with display text and raw sort values per column.

Views show it directly, with no proxy between: a cell painted through a QSortFilterProxyModel cost about
17 calls into Python (each role asked mapped to the source, whose index counted the rows and the columns
again), directly 7 (issue 19). A header click sorts the rows in the model.

`multiData`, which answers a cell's roles in one call, is not overridden: measured, filling its span
from Python (a wrapper per role) painted no faster than eight `data()` calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
ANSWERED = frozenset({DISPLAY, BACKGROUND})


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    fit: str = ""  # the widest text the column will hold, when its first rows need not show it


class RowsModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self, columns: Sequence[Column[R]], background: Callable[[R], QColor | None] | None = None
    ) -> None:
        super().__init__()
        self._columns = list(columns)
        self._loaded: list[R] = []  # in the service's order
        self._rows: list[R] = []  # as shown: sorted by the column the person chose, if any
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._background = background  # a row's colour (overdue, today), or None
        self._total = 0  # rows in all, when only the first are held (fetch_more_with)
        self._fetching = False
        self._request_more: Callable[[int], None] | None = None

    def set_rows(self, rows: Sequence[R], total: int | None = None) -> None:
        """The rows shown; with `total`, the first of that many, the rest read as the view scrolls
        (`fetch_more_with`)."""
        self.beginResetModel()
        self._loaded = list(rows)
        self._rows = self._sorted(self._loaded)
        self._total = len(self._rows) if total is None else total
        self._fetching = False
        self.endResetModel()

    def append_rows(self, rows: Sequence[R]) -> None:
        """The next page arrived (a paged list is shown in the service's order, never sorted here)."""
        self._fetching = False
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._loaded.extend(rows)
            self._rows.extend(rows)
            self.endInsertRows()
        else:
            self._total = len(self._rows)  # fewer than counted: the list changed meanwhile

    def fetch_more_with(self, request: Callable[[int], None]) -> None:
        """Read the rest a page at a time: `request(offset)` asks for the page after the rows held and
        answers with `append_rows` (Qt calls `fetchMore` as the view scrolls near the end)."""
        self._request_more = request

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return (
            not parent.isValid() and self._request_more is not None and not self._fetching
            and len(self._rows) < self._total
        )  # fmt: skip

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if self.canFetchMore(parent) and self._request_more is not None:
            self._fetching = True
            self._request_more(len(self._rows))

    @property
    def total(self) -> int:
        return self._total

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rows(self) -> list[R]:
        return list(self._rows)

    def texts(self, column: int, rows: list[int]) -> list[str]:
        """The display text of `column` in `rows`, and the widest it will hold if the column says (for
        fitting a column without asking Qt cell by cell)."""
        spec = self._columns[column]
        return [spec.text(self._rows[row]) for row in rows] + ([spec.fit] if spec.fit else [])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the rows held, by that column's sort key (a blank last either way); column -1
        is the service's order. Kept for the next `set_rows`; the selection stays on its rows."""
        self._sort = (column, order) if 0 <= column < len(self._columns) else None
        self.layoutAboutToBeChanged.emit()
        held = [(index, self._rows[index.row()]) for index in self.persistentIndexList() if index.isValid()]
        self._rows = self._sorted(self._loaded)
        position = {id(row): number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            [index for index, _row in held],
            [self.index(position[id(row)], index.column()) for index, row in held],
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[R]) -> list[R]:
        if self._sort is None:
            return list(rows)
        column, order = self._sort
        spec = self._columns[column]
        key: Callable[[R], Any] = spec.sort_key or spec.text
        keyed = [(key(row), row) for row in rows]
        present = [(value, row) for value, row in keyed if value is not None and value != ""]
        blank = [row for value, row in keyed if value is None or value == ""]
        descending = order == Qt.SortOrder.DescendingOrder
        try:
            present.sort(key=lambda pair: pair[0], reverse=descending)
        except TypeError:  # keys of mixed kinds: by their text
            present.sort(key=lambda pair: str(pair[0]), reverse=descending)
        return [row for _value, row in present] + blank

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every painted or measured cell: the roles we answer are compared as
        # plain ints first (comparing with Qt's enum members costs more than the rest of the call).
        if role not in ANSWERED:
            return None
        number = index.row()
        if not 0 <= number < len(self._rows) or not index.isValid():
            return None
        row, column = self._rows[number], self._columns[index.column()]
        if role == DISPLAY:
            return column.text(row)
        if self._background is not None:  # BACKGROUND
            return self._background(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None
