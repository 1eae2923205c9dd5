"""A list's columns are fitted once to its first rows (issue 19): as wide as Qt itself would make them,
measured from the display text alone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.widgets.column_fit import FIT_ROWS, fit_columns_once
from teiretsu_desktop.gui.widgets.table_model import Column, Index, RowsModel

COLUMNS: list[Column[int]] = [
    Column("受付", lambda n: f"令和7年{n % 12 + 1}月{n % 28 + 1}日 10:{n % 60:02d}"),
    Column("相談者", lambda n: "本人" if n % 3 else "刑事施設・少年院の職員"),
    Column("内容", lambda n: "・".join(["福祉サービス", "住まい", "就労"][: n % 3 + 1])),
    Column("匿名", lambda n: ""),
    Column("概要", lambda n: "面接で本人の希望を確認した" * (1 + (n == FIT_ROWS + 5) * 10)),
]


class AskedModel(RowsModel[int]):
    def __init__(self) -> None:
        super().__init__(COLUMNS)
        self.asked: set[int] = set()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.asked.add(int(role))
        return super().data(index, role)


def _table(qtbot: QtBot, fitted: bool) -> tuple[QTableView, AskedModel]:
    model = AskedModel()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)  # as a list page shows it
    if fitted:
        fit_columns_once(table)
    return table, model


def test_columns_are_fitted_as_qt_would_from_the_display_text_alone(qtbot: QtBot) -> None:
    table, model = _table(qtbot, fitted=True)
    reference, reference_model = _table(qtbot, fitted=False)
    reference.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    rows = list(range(200))
    model.set_rows(rows)
    # Qt sizes a cell from eight roles (through a proxy, 3,200 calls into Python for 50 rows of
    # 8 columns, 25 ms of the 相談 page's freeze); the text is all these lists show.
    assert model.asked <= {int(Qt.ItemDataRole.DisplayRole.value)}
    reference_model.set_rows(rows)
    reference.resizeColumnsToContents()
    for column, spec in enumerate(COLUMNS):
        widest = max(table.fontMetrics().horizontalAdvance(spec.text(n)) for n in rows[:FIT_ROWS])
        assert table.columnWidth(column) > widest, spec.header  # nothing among the first rows is elided
        assert abs(table.columnWidth(column) - reference.columnWidth(column)) <= 2, spec.header
    # Fitted once: later loads keep what the person may have widened.
    table.setColumnWidth(1, 333)
    model.set_rows(rows[:10])
    assert table.columnWidth(1) == 333


def test_a_column_is_at_least_as_wide_as_its_widest_possible_text(qtbot: QtBot) -> None:
    """The dashboard's 残り was fitted to a morning's first rows, all 「今日」: every 「あと3日」 and 「12日超過」
    below and after a reload was cut to 「あと…」. A column can name the widest text it will hold."""
    columns: list[Column[int]] = [
        Column("残り", lambda n: "今日" if n < 60 else f"あと{n}日", fit="9999日超過"),
        Column("対象者", lambda n: "山田 太郎"),
    ]
    model = RowsModel(columns)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    fit_columns_once(table)
    model.set_rows(list(range(100)))  # the first 50 rows all say 今日
    for text in ("あと99日", "9999日超過"):
        assert table.columnWidth(0) > table.fontMetrics().horizontalAdvance(text), text
