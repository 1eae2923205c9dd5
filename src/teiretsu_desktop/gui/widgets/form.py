"""Forms built from field specs, so every screen reads and writes values the same way.

A form knows which fields the user has edited since it was loaded (`dirty_keys`), so a window can save
only those, keep them when the record changes elsewhere, and keep them as a draft. A field's "raw"
state is what its widget holds as text (a half-typed date included), so a draft restores exactly
what was on the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
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
    omit: tuple[str, ...] = ()  # codes not offered here (e.g. 本人 as a recipient of a consent)


Raw = str | bool | list[str] | None


class MultiCheck(QWidget):
    toggled = Signal()

    PER_ROW = 4  # a long list wraps into rows, so the dialog fits a 1366×768 screen

    def __init__(
        self, options: type[CodeList], parent: QWidget | None = None, *, omit: tuple[str, ...] = ()
    ) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for option in options:
            if str(option) in omit:
                continue
            box = QCheckBox(option.label, self)
            box.setAccessibleName(option.label)
            box.toggled.connect(lambda _checked: self.toggled.emit())
            index = len(self.boxes)
            self.boxes[str(option)] = box
            layout.addWidget(box, index // self.PER_ROW, index % self.PER_ROW)
        layout.setColumnStretch(self.PER_ROW, 1)

    def value(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def set_value(self, codes: Any) -> None:
        chosen = {str(c) for c in (codes or ())}
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)


class Form(QWidget):
    """A QFormLayout of fields. `values()` returns {key: value}; date and number errors name the field."""

    edited = Signal()  # the user changed a field (not emitted while values are loaded)

    def __init__(self, fields: list[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {f.key: f for f in fields}
        self.widgets: dict[str, QWidget] = {}
        self.layout_ = QFormLayout(self)
        self._loading = False
        self._baseline: dict[str, Raw] = {}
        for f in fields:
            widget = self._make(f)
            widget.setObjectName(f"field_{f.key}")
            widget.setAccessibleName(f.label)
            self.widgets[f.key] = widget
            self.layout_.addRow(f.label, widget)
            self._watch(widget)
        self.mark_clean()

    def _watch(self, w: QWidget) -> None:
        if isinstance(w, QPlainTextEdit):
            w.textChanged.connect(self._user_edit)
        elif isinstance(w, DateEdit):
            w.changed.connect(self._user_edit)
        elif isinstance(w, (MultiCheck, QCheckBox)):
            w.toggled.connect(self._user_edit)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(self._user_edit)
        elif isinstance(w, QLineEdit):
            w.textChanged.connect(self._user_edit)

    def _user_edit(self) -> None:
        if not self._loading:
            self.edited.emit()

    def set_field_visible(self, key: str, visible: bool) -> None:
        self.layout_.setRowVisible(self.widgets[key], visible)

    def set_read_only(self, read_only: bool) -> None:
        """For a role that may look but not change (事務): fields show values and cannot be edited."""
        for w in self.widgets.values():
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                w.setReadOnly(read_only)
            elif isinstance(w, DateEdit):
                w.edit.setReadOnly(read_only)
            else:
                w.setEnabled(not read_only)

    # -- what was edited ---------------------------------------------------------------------------

    def raw(self, key: str) -> Raw:
        w = self.widgets[key]
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, DateEdit):
            return w.edit.text()
        if isinstance(w, MultiCheck):
            return list(w.value())
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            data = w.currentData()
            return None if data is None else str(data)
        assert isinstance(w, QLineEdit)
        return w.text()

    def set_raw(self, key: str, raw: Raw) -> None:
        w = self.widgets[key]
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(str(raw or ""))
        elif isinstance(w, DateEdit):
            w.edit.setText(str(raw or ""))
        elif isinstance(w, MultiCheck):
            w.set_value(raw if isinstance(raw, list) else ())
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(raw))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(raw)))
        else:
            assert isinstance(w, QLineEdit)
            w.setText(str(raw or ""))

    def dirty_keys(self) -> set[str]:
        """The fields whose widgets differ from what was last loaded or saved."""
        return {key for key in self.fields if self.raw(key) != self._baseline.get(key)}

    def is_dirty(self) -> bool:
        return bool(self.dirty_keys())

    def mark_clean(self, saved: dict[str, Raw] | None = None) -> None:
        """What the widgets hold now is what is stored — or, given `saved` (the values a save wrote),
        those values: a field typed into after them stays dirty."""
        self._baseline = (
            {key: self.raw(key) for key in self.fields}
            if saved is None
            else {key: saved.get(key, self._baseline.get(key)) for key in self.fields}
        )

    def dirty_state(self) -> dict[str, Raw]:
        return {key: self.raw(key) for key in sorted(self.dirty_keys())}

    def apply_state(self, state: dict[str, Raw]) -> None:
        """Put edits back (from a draft) without changing what counts as loaded: they stay unsaved."""
        for key, raw in state.items():
            if key in self.fields:
                self.set_raw(key, raw)

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
            return MultiCheck(f.codes, self, omit=f.omit)
        if f.kind == "bool":
            box = QCheckBox(self)
            box.setAccessibleName(f.label)
            return box
        if f.kind == "choice":
            combo = QComboBox(self)
            combo.addItem("(未選択)", None)
            return combo
        return QLineEdit(self)

    def set_choices(self, key: str, choices: list[tuple[str, str]]) -> None:
        combo = self.widgets[key]
        assert isinstance(combo, QComboBox)
        current = combo.currentData()
        self._loading = True  # refilling the list is not an edit
        try:
            combo.clear()
            combo.addItem("(未選択)", None)
            for label, value in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        finally:
            self._loading = False

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

    def set_values(self, values: dict[str, Any], *, keep: set[str] | None = None) -> None:
        """Load stored values; they become the baseline. Fields in `keep` (unsaved edits) are left as
        the user typed them, and stay dirty."""
        kept = {key: self.raw(key) for key in (keep or ()) if key in self.fields}
        self._loading = True
        try:
            for key in self.fields:
                if key in values or key in kept:
                    self.set_value(key, values.get(key))
            self.mark_clean()
            for key, raw in kept.items():
                self.set_raw(key, raw)
        finally:
            self._loading = False

    def clear(self) -> None:
        self._loading = True
        try:
            for key in self.fields:
                self.set_value(key, None)
        finally:
            self._loading = False
        self.mark_clean()
