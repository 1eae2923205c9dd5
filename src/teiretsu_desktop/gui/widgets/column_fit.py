"""Columns fitted once to a table's first rows, then left to the user (issue 19, ADR 0020).

`ResizeToContents` measures the text of every row (up to the header's precision) again at each load and
each layout: 0.4 s of the dashboard's first paint at 500 rows, 185 ms to show a 1,500-entry 支援経過.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

FIT_ROWS = 50  # the rows the columns are fitted to


def fit_columns_once(table: QTableView) -> None:
    """Fit `table`'s columns to its first FIT_ROWS rows when its model first has rows (after each lock the
    fit is kept: the person may have widened a column)."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(FIT_ROWS)
    model = table.model()
    fitted = False

    def fit() -> None:
        nonlocal fitted
        if not fitted and model.rowCount() > 0:
            fitted = True
            table.resizeColumnsToContents()

    model.modelReset.connect(fit)
    model.rowsInserted.connect(fit)
