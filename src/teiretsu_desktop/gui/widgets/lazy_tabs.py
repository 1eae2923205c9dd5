"""Tab pages built when first shown, so a window opens with only what is seen (issue 19).

A case window has thirteen tabs; building and laying out all of them froze the GUI for a third of a
second before anything showed. A lazy page holds an empty placeholder until its tab is chosen (or
some code needs what is on it); then its builder runs and the built page takes the placeholder's
place at the same index, with the same label and visibility. A builder may answer None when it cannot
build yet (it waits for the record); `retry_current` builds the shown page once it can.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QObject):
    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self._placeholders: dict[str, QWidget] = {}
        self._builders: dict[str, Callable[[], QWidget | None]] = {}
        self._pages: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._shown)

    def add(self, name: str, label: str, build: Callable[[], QWidget | None]) -> None:
        placeholder = QWidget(self.tabs)
        placeholder.setObjectName(f"unbuilt_{name}")
        self._placeholders[name] = placeholder
        self._builders[name] = build
        self.tabs.addTab(placeholder, label)

    def add_built(self, name: str, label: str, page: QWidget) -> None:
        self._pages[name] = page
        self.tabs.addTab(page, label)

    def index(self, name: str) -> int:
        """The tab's index, built or not (to show, hide or choose it without building it)."""
        page = self._pages.get(name) or self._placeholders[name]
        return self.tabs.indexOf(page)

    def is_built(self, name: str) -> bool:
        return name in self._pages

    def ensure(self, name: str) -> bool:
        """Build the page now if it is not built (True when it is built afterwards)."""
        if name in self._pages:
            return True
        page = self._builders[name]()
        if page is None:
            return False
        placeholder = self._placeholders.pop(name)
        del self._builders[name]
        index = self.tabs.indexOf(placeholder)
        label, visible, current = (
            self.tabs.tabText(index),
            self.tabs.isTabVisible(index),
            self.tabs.currentIndex(),
        )
        # Swapping the page is not a change of tab for whoever listens (the shown tab stays shown).
        with QSignalBlocker(self.tabs):
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, label)
            self.tabs.setTabVisible(index, visible)
            self.tabs.setCurrentIndex(current)
        placeholder.deleteLater()
        self._pages[name] = page
        return True

    def retry_current(self) -> None:
        self._shown(self.tabs.currentIndex())

    def _shown(self, index: int) -> None:
        for name, placeholder in list(self._placeholders.items()):
            if self.tabs.indexOf(placeholder) == index:
                self.ensure(name)
                return
