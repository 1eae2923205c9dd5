"""統計・報告: the year's tables with the previous year alongside, a chart, and the export dialog that
shows exactly what leaves the center (the same checks the prefecture runs)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.wareki import fiscal_year, fiscal_year_label
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.stats.chart import BarChart
from teiretsu_desktop.gui.stats.export_dialog import ExportDialog
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import Changes
from teiretsu_desktop.stats.display import TABLE_HELP, TABLE_NOTES, with_totals
from teiretsu_desktop.stats.export import year_tables
from teiretsu_desktop.stats.tables import Table


def load_years(session: StaffSession, year: int) -> tuple[dict[str, Table], dict[str, Table]]:
    return year_tables(session, year), year_tables(session, year - 1)


class StatsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("stats")
        self.current: dict[str, Table] = {}
        self.previous: dict[str, Table] = {}
        self.year = QComboBox(self)
        this_year = fiscal_year(date.today())
        for year in range(this_year, this_year - 6, -1):
            self.year.addItem(fiscal_year_label(year), year)
        self.names = QListWidget(self)
        self.names.setMaximumWidth(340)
        self.names.setWordWrap(True)  # full Japanese titles, on two lines where needed
        self.note = QLabel(self)
        self.note.setObjectName("tableNote")
        self.note.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("statsTable")
        self.table.setAccessibleName(self.tr("集計表"))
        self.names.setAccessibleName(self.tr("集計表の一覧"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart = BarChart(self)
        self.export_button = Button(self.tr("集計を書き出す…"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<h2>統計・報告</h2>"), self))
        top.addStretch(1)
        year_label = QLabel(self.tr("年度"), self)
        year_label.setBuddy(self.year)
        self.year.setAccessibleName(self.tr("年度"))
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.export_button)
        body = QHBoxLayout()
        body.addWidget(self.names)
        right = QVBoxLayout()
        right.addWidget(self.table, 2)
        right.addWidget(self.note)
        right.addWidget(self.chart, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)
        self.year.currentIndexChanged.connect(self.refresh)
        self.names.currentRowChanged.connect(self._show)
        self.export_button.clicked.connect(self.open_export)
        context.locked.connect(self.clear)
        context.data_changed.connect(self._changed)
        self._stale = True

    def start(self) -> None:
        """After unlock. Two 年度 of tables cost seconds on a large store: they are computed when the
        page is first shown, not at every unlock (issue 19)."""
        if not self.context.is_unlocked:
            return
        self.export_button.setVisible(self.context.session.can(Permission.SIGN_OFF_STATS))
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.context.is_unlocked:
            self.refresh()

    def refresh(self) -> None:
        if not self.context.is_unlocked:
            return
        self._stale = False
        year = int(self.year.currentData())
        QueryOp(self.context, lambda s: load_years(s, year), self._loaded).superseding(
            "stats-years"
        ).run_in_background()

    def _changed(self, _changes: Changes, _initiator: object) -> None:
        """The record changed: computed again when next shown (now, if it is)."""
        self._stale = True
        if self.isVisible() and self.context.is_unlocked:
            self.refresh()

    def _loaded(self, years: tuple[dict[str, Table], dict[str, Table]]) -> None:
        self.current, self.previous = years
        row = max(0, self.names.currentRow())
        self.names.blockSignals(True)
        self.names.clear()
        for table in self.current.values():
            self.names.addItem(table.title)
            self.names.item(self.names.count() - 1).setToolTip(TABLE_HELP.get(table.id, table.title))
        self.names.blockSignals(False)
        self.names.setCurrentRow(row)
        self._show(row)

    def _show(self, index: int) -> None:
        if index < 0 or index >= len(self.current):
            return
        table = list(self.current.values())[index]
        before = self.previous.get(table.id)
        shown = with_totals(table)  # as people read it: with 合計 where a sum means something
        shown_before = with_totals(before) if before else None
        headers = [*shown.column_labels, *(f"前年度 {c}" for c in shown.column_labels)]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(shown.row_labels))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels(list(shown.row_labels))
        for r, row in enumerate(shown.cells):
            old = shown_before.cells[r] if shown_before else tuple(0 for _ in row)
            for c, value in enumerate([*row, *old]):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self.note.setText(TABLE_NOTES.get(table.id, ""))
        self.note.setVisible(table.id in TABLE_NOTES)
        # The chart shows the first column (e.g. 新規, 人数): summing a row would mix persons and events.
        year = int(self.year.currentData())
        self.chart.set_bars(
            [
                (f"{label} ({table.column_labels[0]})", row[0], before.cells[r][0] if before else 0)
                for r, (label, row) in enumerate(zip(table.row_labels, table.cells, strict=True))
            ],
            (fiscal_year_label(year), fiscal_year_label(year - 1)),
        )

    def open_export(self) -> None:
        dialog = ExportDialog(self.context, int(self.year.currentData()), self)
        dialog.open()

    def clear(self) -> None:
        self.current, self.previous = {}, {}
        self.names.clear()
        self.table.clear()
        self.table.setRowCount(0)
        self.chart.set_bars([])
