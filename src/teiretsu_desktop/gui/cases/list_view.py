"""対象者・ケース: search as you type (Japanese-aware), filters, lazily loaded sorted list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.workflow import OPEN_STATES, CaseState
from teiretsu_desktop.gui.cases.list_model import CASE_ID_ROLE, PERSON_ID_ROLE, CaseListModel
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button, visible_label
from teiretsu_desktop.services.case_list import CaseQuery
from teiretsu_desktop.services.changes import ChangeKind, Changes
from teiretsu_desktop.services.staff import list_colleagues

# Changes made in one turn of the event loop (a paste, an input method committing several characters)
# become one search; nothing waits longer. A search typed on drops the one still queued on the store
# thread (ADR 0017), so a fixed delay would only add to every answer (issue 19: 150 ms of 330).
SEARCH_DELAY_MS = 0


# ケース番号, 氏名, ふりがな, 生年月日, 業務区分, 状態, 主担当, 依頼日, 釈放予定日, 勾留満期日 (更新 takes the rest).
COLUMN_WIDTHS = (86, 90, 100, 74, 96, 136, 72, 74, 76, 76)


class CaseListView(QWidget):
    open_case = Signal(str)
    open_person = Signal(str, str)  # person, the case shown for them (grouped by person)
    new_referral = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("caseList")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("氏名・ふりがな・通称・生年月日で検索 (例: やまだ 昭和30)"))
        self.search.setClearButtonEnabled(True)
        self.line = QComboBox(self)
        self.line.addItem(self.tr("すべての業務"), None)
        for line in BusinessLine:
            self.line.addItem(line.label, str(line))
        self.state = QComboBox(self)
        self.state.addItem(self.tr("進行中"), OPEN_STATES)
        self.state.addItem(self.tr("すべての状態"), None)
        for state in CaseState:
            self.state.addItem(state.label, (str(state),))
        self.staff = QComboBox(self)
        self.staff.setAccessibleName(self.tr("担当"))
        self.staff.addItem(self.tr("全員"), None)
        # One row per person (「2025-00032 他2件」); opening it shows 本人の全体像 with every case.
        self.by_person = QCheckBox(self.tr("人ごとにまとめる"), self)
        self.by_person.setAccessibleName(self.by_person.text())
        self.count = QLabel(self)
        self.count.setObjectName("caseCount")
        self.new_button = Button(self.tr("新規受付(&N)"), self)
        self.open_button = Button(self.tr("開く(&O)"), self)
        self.model = CaseListModel(context)
        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)  # sorted in SQL over every row: a header click asks the model
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(10, Qt.SortOrder.DescendingOrder)
        # One line per row, long texts elided (…), and columns that fit a 1366-pixel screen beside the menu.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.setAccessibleName(self.tr("ケース一覧"))
        filters = QHBoxLayout()
        # Each filter has a visible label, and the same text as its accessible name.
        for label, widget, stretch in (
            (self.tr("検索(&F)"), self.search, 3),
            (self.tr("業務"), self.line, 0),
            (self.tr("状態"), self.state, 0),
            (self.tr("担当"), self.staff, 0),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            widget.setAccessibleName(visible_label(label))
            filters.addWidget(caption)
            filters.addWidget(widget, stretch)
        filters.addWidget(self.by_person)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("<h2>対象者・ケース</h2>"), self))
        actions.addStretch(1)
        actions.addWidget(self.count)
        actions.addWidget(self.open_button)
        actions.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(SEARCH_DELAY_MS)
        self._coalesce.timeout.connect(lambda: self.apply_query())
        self.search.textChanged.connect(self._coalesce.start)
        for combo in (self.line, self.state, self.staff):
            combo.currentIndexChanged.connect(lambda _index: self.apply_query())
        self.by_person.toggled.connect(self._group_by_person)
        self.table.activated.connect(self._activated)  # Enter on a row, or a double click
        for key in ("Return", "Enter"):
            QShortcut(
                QKeySequence(key), self.table, self._open_selected, context=Qt.ShortcutContext.WidgetShortcut
            )
        self.open_button.clicked.connect(self._open_selected)
        self.new_button.clicked.connect(self.new_referral)
        self.model.total_changed.connect(self._show_total)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        self._stale = True
        context.data_changed.connect(self._changed)
        context.locked.connect(self.clear)

    def start(self) -> None:
        """After unlock: fill the staff filter; the first page is read when the list is shown."""
        QueryOp(self.context, list_colleagues, self._staff_loaded).run_in_background()
        self._stale = True
        if self.isVisible():
            self.apply_query()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.apply_query()

    def _staff_loaded(self, staff: list) -> None:  # type: ignore[type-arg]
        self.staff.blockSignals(True)
        while self.staff.count() > 1:
            self.staff.removeItem(1)
        self.staff.addItem(self.tr("自分"), self.context.session.actor.staff_id)
        for info in staff:
            self.staff.addItem(info.display_name, info.staff_id)
        self.staff.blockSignals(False)

    def current_query(self) -> CaseQuery:
        sort = self.model.query
        return CaseQuery(
            text=self.search.text(),
            business_line=self.line.currentData(),
            states=self.state.currentData(),
            staff_id=self.staff.currentData(),
            sort=sort.sort,
            descending=sort.descending,
            by_person=self.by_person.isChecked(),
        )

    def apply_query(self, *, force: bool = False) -> None:
        """Read the list for the search and filters on screen; unless `force`d (the records changed),
        not again for the query the list already shows or is reading."""
        if not self.context.is_unlocked:
            return
        query = self.current_query()
        if not force and not self._stale and query == self.model.query:
            return
        self._stale = False
        self.model.set_query(query)

    def _group_by_person(self, grouped: bool) -> None:
        # 「2026-00039 他1件」 needs a wider first column than a case number alone.
        self.table.setColumnWidth(0, COLUMN_WIDTHS[0] + (58 if grouped else 0))
        self.apply_query()

    def _show_total(self, total: int) -> None:
        grouped = self.model.query.by_person
        self.count.setText((self.tr("{0} 人") if grouped else self.tr("{0} 件")).format(total))

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.data(index, CASE_ID_ROLE)
        if not case_id:
            return
        if self.model.query.by_person:
            self.open_person.emit(str(self.model.data(index, PERSON_ID_ROLE)), str(case_id))
        else:
            self.open_case.emit(str(case_id))

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._activated(rows[0])

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(ChangeKind.CASE, ChangeKind.PERSON):
            if self.isVisible():
                self.apply_query(force=True)
            else:
                self._stale = True

    def clear(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        self.count.clear()
