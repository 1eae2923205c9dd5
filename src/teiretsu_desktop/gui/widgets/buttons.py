"""A push button whose accessible name is always its visible label (screen readers read it, and
tests find buttons by it). The mnemonic marker is not part of the label: "保存(&S)" reads "保存(S)"."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def visible_label(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class Button(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAccessibleName(visible_label(text))

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(visible_label(text))
