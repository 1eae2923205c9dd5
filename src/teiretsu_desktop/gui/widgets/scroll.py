"""A widget in a scroll area that resizes it: forms and pages taller than a laptop screen."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QWidget


def scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
