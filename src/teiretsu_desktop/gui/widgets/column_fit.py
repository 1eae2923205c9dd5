"""Columns fitted once to a table's first rows, then left to the user (issue 19, ADR 0020).

`ResizeToContents` measures the text of every row (up to the header's precision) again at each load and
each layout: 0.4 s of the dashboard's first paint at 500 rows, 185 ms to show a 1,500-entry 支援経過.
Qt's own one-time fit (`resizeColumnsToContents`) asked each measured cell eight roles (through the
proxy the lists then had: 3,200 calls into Python for 50 rows of 8 columns, 25 ms of the 相談 page's
freeze) where these lists show text alone. So the fit measures the display text, with Qt's arithmetic
for a cell's width.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from teiretsu_desktop.gui.widgets.table_model import RowsModel

FIT_ROWS = 50  # the rows the columns are fitted to


def fit_columns_once(table: QTableView) -> None:
    """Fit `table`'s columns to its first FIT_ROWS rows when its model first has rows (after each lock the
    fit is kept: the person may have widened a column)."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    model = table.model()
    fitted = False

    def fit() -> None:
        nonlocal fitted
        if not fitted and model.rowCount() > 0:
            fitted = True
            fit_columns(table)

    model.modelReset.connect(fit)
    model.rowsInserted.connect(fit)


def fit_columns(table: QTableView) -> None:
    """Each shown column as wide as its widest display text among the first FIT_ROWS rows, or its header:
    what `resizeColumnsToContents` gives for plain text cells (QCommonStyle's item size: the text's
    width and a focus-frame margin each side; one pixel of grid line)."""
    header = table.horizontalHeader()
    metrics = QFontMetricsF(table.font())
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    grid = 1 if table.showGrid() else 0
    for column, texts in enumerate(_first_texts(table.model())):
        if table.isColumnHidden(column):
            continue
        # Each different text measured once (a column of 方法 or 状態 holds a handful).
        widest = max((metrics.horizontalAdvance(text) for text in set(texts) if text), default=0.0)
        content = math.ceil(widest) + margin + grid
        table.setColumnWidth(column, max(content, header.sectionSizeHint(column)))


def _first_texts(model: QAbstractItemModel) -> list[list[str]]:
    """Each column's display text in the first FIT_ROWS rows. Over the application's own rows (a
    RowsModel) the text is read in Python, not asked through Qt cell by cell."""
    rows = min(model.rowCount(), FIT_ROWS)
    if isinstance(model, RowsModel):
        return [model.texts(column, list(range(rows))) for column in range(model.columnCount())]
    display = Qt.ItemDataRole.DisplayRole
    return [
        [str(model.data(model.index(row, column), display) or "") for row in range(rows)]
        for column in range(model.columnCount())
    ]
