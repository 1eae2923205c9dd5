"""A small horizontal bar chart (row totals of the selected table), painted with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(180)
        self.bars: list[tuple[str, int, int]] = []  # label, this year, previous year

    def set_bars(self, bars: list[tuple[str, int, int]]) -> None:
        self.bars = bars
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.bars:
            return
        label_width = 180
        top = 6
        height = max(8, (self.height() - 2 * top) // max(1, len(self.bars)))
        peak = max(1, max(max(a, b) for _, a, b in self.bars))
        width = self.width() - label_width - 60
        for index, (label, value, previous) in enumerate(self.bars):
            y = top + index * height
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 6, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            half = (height - 4) / 2
            painter.fillRect(QRectF(label_width, y + 2, width * value / peak, half), QColor("#2e86de"))
            painter.fillRect(
                QRectF(label_width, y + 2 + half, width * previous / peak, half), QColor("#c8d6e5")
            )
            painter.drawText(
                QRectF(label_width + width * value / peak + 4, y, 56, height),
                Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.end()
