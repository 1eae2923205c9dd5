"""A small horizontal bar chart of the selected table's first column, this year beside the previous
year, with a legend and every value written — painted with QPainter (no GPL-only Qt Charts)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

THIS_YEAR = QColor("#2e86de")
LAST_YEAR = QColor("#a4b8cc")


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(180)
        self.bars: list[tuple[str, int, int]] = []  # label, this year, previous year
        self.legend = (self.tr("今年度"), self.tr("前年度"))

    def set_bars(self, bars: list[tuple[str, int, int]], legend: tuple[str, str] | None = None) -> None:
        self.bars = bars
        if legend is not None:
            self.legend = legend
        self.setToolTip("\n".join(f"{label}: {value} ({previous})" for label, value, previous in bars))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.bars:
            painter.end()
            return
        metrics = painter.fontMetrics()
        text = self.palette().text().color()
        # The legend, top right: which colour is which year.
        x = self.width() - 8
        legend_height = metrics.height() + 6
        for colour, name in reversed(list(zip((THIS_YEAR, LAST_YEAR), self.legend, strict=True))):
            width = metrics.horizontalAdvance(name)
            x -= width
            painter.setPen(text)
            painter.drawText(QRectF(x, 2, width, legend_height), Qt.AlignmentFlag.AlignVCenter, name)
            x -= 16
            painter.fillRect(QRectF(x, 2 + (legend_height - 10) / 2, 12, 10), colour)
            x -= 14
        label_width = min(260, max(metrics.horizontalAdvance(label) for label, _, _ in self.bars) + 10)
        top = legend_height + 4
        height = max(12, (self.height() - top - 4) // max(1, len(self.bars)))
        peak = max(1, max(max(a, b) for _, a, b in self.bars))
        value_width = metrics.horizontalAdvance("00000") + 8
        width = max(40, self.width() - label_width - value_width - 8)
        for index, (label, value, previous) in enumerate(self.bars):
            y = top + index * height
            painter.setPen(text)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 6, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            half = (height - 4) / 2
            for offset, amount, colour in ((0.0, value, THIS_YEAR), (half, previous, LAST_YEAR)):
                length = width * amount / peak
                painter.fillRect(QRectF(label_width, y + 2 + offset, length, half), colour)
                painter.setPen(text)
                painter.drawText(
                    QRectF(label_width + length + 4, y + 2 + offset, value_width, half),
                    Qt.AlignmentFlag.AlignVCenter, str(amount),
                )  # fmt: skip
        painter.end()
