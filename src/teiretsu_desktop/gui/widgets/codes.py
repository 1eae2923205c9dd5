"""Drop-downs over the domain's code lists: the label is shown, the code is the value."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QWidget

from teiretsu_desktop.domain.codes import CodeList


class CodeCombo(QComboBox):
    def __init__(
        self,
        options: Iterable[CodeList],
        parent: QWidget | None = None,
        *,
        empty: str | None = "(未選択)",
        accessible_name: str = "",
    ) -> None:
        super().__init__(parent)
        if empty is not None:
            self.addItem(empty, None)
        for option in options:
            self.addItem(option.label, str(option))
        self.setAccessibleName(accessible_name)

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data is not None else None

    def set_value(self, code: object) -> None:
        index = self.findData(str(code) if code is not None else None)
        self.setCurrentIndex(max(0, index))
