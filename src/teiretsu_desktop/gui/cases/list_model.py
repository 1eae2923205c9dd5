"""The case list model: pages fetched lazily on the store thread, sorted by SQL.

Qt asks `canFetchMore`/`fetchMore` as the view scrolls; each page is queried on the store thread and
appended when it arrives. A new search or sort bumps `generation`, so a late page of an earlier query
is dropped instead of mixing into the new one. No query ever runs on the GUI thread.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.wareki import local_moment, to_wareki
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.services.case_list import CasePage, CaseQuery, find_cases
from teiretsu_desktop.store.queries.case_list import CaseRow

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 3
# The roles answered, as plain ints: a cell is asked for eight roles at each paint, and comparing with
# Qt's enum members costs more than the rest of the call.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_CASE_ID, _PERSON_ID = int(CASE_ID_ROLE), int(PERSON_ID_ROLE)
_ANSWERED = frozenset({_DISPLAY, _ACCESSIBLE, _CASE_ID, _PERSON_ID})


def _day(value: date | None) -> str:
    return to_wareki(value, short=True) if value else ""


def _stamp(utc: str) -> str:
    """A stored UTC time stamp as the local day, in 和暦 like the other dates of the list."""
    moment = local_moment(utc)
    return to_wareki(moment.date(), short=True) if moment is not None else utc[:10]


# (header, display, SQL sort key or None when the column is not sortable in SQL)
COLUMNS: list[tuple[str, Any, str | None]] = [
    ("ケース番号", lambda r: r.case_no + (f" 他{r.cases - 1}件" if r.cases > 1 else ""), "case_no"),
    ("氏名", lambda r: r.person_name, "person_kana"),
    ("ふりがな", lambda r: r.person_kana, "person_kana"),
    ("生年月日", lambda r: _day(r.birth_date), None),
    ("業務区分", lambda r: BusinessLine(r.business_line).label, "business_line"),
    ("状態", lambda r: CaseState(r.state).label, "state"),
    ("主担当", lambda r: r.primary_staff or "", None),
    ("依頼日", lambda r: _day(r.request_date), "request_date"),
    ("釈放予定日", lambda r: _day(r.expected_release), "expected_release"),
    ("勾留満期日", lambda r: _day(r.detention_expiry), "detention_expiry"),
    ("更新", lambda r: _stamp(r.updated_at), "updated_at"),
]  # fmt: skip


class CaseListModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    total_changed = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.query = CaseQuery()
        self._rows: list[CaseRow] = []
        self._total = 0
        self._loading = False
        self.generation = 0

    # -- loading ----------------------------------------------------------------------------------

    def set_query(self, query: CaseQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        self.generation += 1
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()
        if self.context.is_unlocked:
            self._request(0)

    def clear(self) -> None:
        self.generation += 1
        self.beginResetModel()
        self._rows, self._total, self._loading = [], 0, False
        self.endResetModel()

    def _request(self, offset: int) -> None:
        generation = self.generation
        self._set_loading(True)
        query = self.query
        QueryOp(
            self.context,
            lambda s: find_cases(s, query, offset=offset, limit=PAGE_SIZE),
            lambda page: self._arrived(generation, page),
        ).failure(lambda error: self._failed(generation, error)).superseding(
            f"case-list:{id(self)}"  # a search typed on drops the one still waiting
        ).run_in_background()

    def _arrived(self, generation: int, page: CasePage) -> None:
        if generation != self.generation:
            return  # an answer to an earlier search
        self._set_loading(False)
        if page.total >= 0:
            self._total = page.total
            self.total_changed.emit(page.total)
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self.generation:
            self._set_loading(False)
        self.context.show_unhandled(error)

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.loading_changed.emit(loading)

    @property
    def loading(self) -> bool:
        return self._loading

    # -- Qt model API -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request(len(self._rows))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == _CASE_ID:
            return row.case_id
        if role == _PERSON_ID:
            return row.person_id
        return COLUMNS[index.column()][1](row)  # display and accessible text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the query again, sorted in SQL over every case (not the pages read)."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][2]
        if key is None:
            return
        self.set_query(replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))
