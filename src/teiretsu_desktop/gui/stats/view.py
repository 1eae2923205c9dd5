"""統計・報告: the fiscal-year tables (filled by the statistics package)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from teiretsu_desktop.gui.context import AppContext


class StatsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("stats")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>統計・報告</h2>"), self))
        layout.addStretch(1)

    def start(self) -> None:
        pass
