"""Forms built from field specs, so every screen reads and writes values the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from teiretsu_desktop.domain.codes import CodeList
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.gui.widgets.codes import CodeCombo
from teiretsu_desktop.gui.widgets.dates import DateEdit


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # text | multiline | date | code | codes | bool | choice | int
    codes: type[CodeList] | None = None
    sensitive: bool = False


class MultiCheck(QWidget):
    def __init__(self, options: type[CodeList], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for option in options:
            box = QCheckBox(option.label, self)
            box.setAccessibleName(option.label)
            self.boxes[str(option)] = box
            layout.addWidget(box)
        layout.addStretch(1)

    def value(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def set_value(self, codes: Any) -> None:
        chosen = {str(c) for c in (codes or ())}
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)


class Form(QWidget):
    """A QFormLayout of fields. `values()` returns {key: value}; date and number errors name the field."""

    def __init__(self, fields: list[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {f.key: f for f in fields}
        self.widgets: dict[str, QWidget] = {}
        self.layout_ = QFormLayout(self)
        for f in fields:
            widget = self._make(f)
            widget.setObjectName(f"field_{f.key}")
            widget.setAccessibleName(f.label)
            self.widgets[f.key] = widget
            self.layout_.addRow(f.label, widget)

    def _make(self, f: Field) -> QWidget:
        if f.kind == "multiline":
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)  # keyboard-only entry: Tab leaves the box
            edit.setMaximumHeight(90)
            return edit
        if f.kind == "date":
            return DateEdit(self, accessible_name=f.label)
        if f.kind == "code":
            assert f.codes is not None
            return CodeCombo(f.codes, self, accessible_name=f.label)
        if f.kind == "codes":
            assert f.codes is not None
            return MultiCheck(f.codes, self)
        if f.kind == "bool":
            return QCheckBox(self)
        if f.kind == "choice":
            combo = QComboBox(self)
            combo.addItem("(未選択)", None)
            return combo
        return QLineEdit(self)

    def set_choices(self, key: str, choices: list[tuple[str, str]]) -> None:
        combo = self.widgets[key]
        assert isinstance(combo, QComboBox)
        current = combo.currentData()
        combo.clear()
        combo.addItem("(未選択)", None)
        for label, value in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def value(self, key: str) -> Any:
        f, w = self.fields[key], self.widgets[key]
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip() or None
        if isinstance(w, DateEdit):
            try:
                return w.value()
            except ValueError:
                raise InvalidInput(
                    f"{f.label}: 日付として読めません (例: 令和6年4月1日 / 2024-04-01)"
                ) from None
        if isinstance(w, CodeCombo):
            return w.value()
        if isinstance(w, MultiCheck):
            return w.value()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        assert isinstance(w, QLineEdit)
        text = w.text().strip()
        if f.kind == "int":
            if not text:
                return None
            if not text.isdigit():
                raise InvalidInput(f"{f.label}: 数字で入力してください")
            return int(text)
        return text or None

    def values(self) -> dict[str, Any]:
        return {key: self.value(key) for key in self.fields}

    def set_value(self, key: str, value: Any) -> None:
        w = self.widgets[key]
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, (DateEdit, CodeCombo, MultiCheck)):
            w.set_value(value)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        else:
            assert isinstance(w, QLineEdit)
            w.setText("" if value is None else str(value))

    def set_values(self, values: dict[str, Any]) -> None:
        for key in self.fields:
            if key in values:
                self.set_value(key, values[key])

    def clear(self) -> None:
        for key in self.fields:
            self.set_value(key, None)
