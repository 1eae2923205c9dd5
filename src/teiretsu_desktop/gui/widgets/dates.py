"""Date entry in 和暦 or Gregorian, with the other calendar shown beside it (Qt has no Japanese calendar)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from teiretsu_desktop.domain.wareki import parse_date, to_wareki


def qt_datetime(moment: datetime) -> QDateTime:
    """A local date and time for Qt's editors (the binding's own conversion is not in its stubs)."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000),
    )


class DateEdit(QWidget):
    """Accepts 2024-04-01, 2024/4/1, 令和6年4月1日 or R6.4.1; shows the other form beside it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = "") -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("例: 令和6年4月1日 / 2024-04-01")
        self.edit.setAccessibleName(accessible_name)
        self.hint = QLabel(self)
        self.hint.setMinimumWidth(150)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._update_hint)

    def _update_hint(self) -> None:
        text = self.edit.text().strip()
        hint, sheet = "", ""
        if text:
            try:
                day = parse_date(text)
            except ValueError:
                hint, sheet = "日付の形ではありません", "border: 1px solid #c0392b;"
            else:
                hint = day.isoformat() if not text[:1].isdigit() else to_wareki(day)
        self.hint.setText(hint)
        if self.edit.styleSheet() != sheet:  # setting one, even the same, polishes the field again
            self.edit.setStyleSheet(sheet)
        self.changed.emit()

    def value(self) -> date | None:
        """The date, or None when empty. Raises ValueError for text that is not a date."""
        text = self.edit.text().strip()
        return parse_date(text) if text else None

    def set_value(self, day: date | None) -> None:
        self.edit.setText(to_wareki(day) if day else "")

    def clear(self) -> None:
        self.edit.clear()
