"""A page that lists records in a sortable table with a title and action buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.column_fit import fit_columns_once
from teiretsu_desktop.gui.widgets.table_model import Column, RowsModel
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services.changes import ChangeKind, Changes

R = TypeVar("R")


class ListPage(QWidget, Generic[R]):
    """Subclasses implement `load()`; the page reloads when `kinds` change and clears on lock."""

    kinds: frozenset[ChangeKind] = frozenset()

    def __init__(
        self,
        context: AppContext,
        title: str,
        columns: list[Column[R]],
        parent: QWidget | None = None,
        *,
        background: Callable[[R], QColor | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.model: RowsModel[R] = RowsModel(columns, background)
        self.table = QTableView(self)
        self.table.setModel(self.model)  # no proxy: the model sorts (see table_model.py)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a header click
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        fit_columns_once(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)  # one line per row; what does not fit is elided (…)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAccessibleName(title)
        self.top = QHBoxLayout()
        self.top.addWidget(QLabel(f"<h2>{title}</h2>", self))
        self.top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.table)
        self._guarded: list[tuple[QPushButton, Permission]] = []
        self._stale = True
        context.data_changed.connect(self._changed)
        context.locked.connect(self.model.clear)
        context.unlocked.connect(self._offer_by_role)

    def add_button(
        self, text: str, action: Callable[[], object], *, needs: Permission | None = None
    ) -> QPushButton:
        """An action button; with `needs`, shown only to roles that have that permission (the page is
        built before anyone unlocks, so this is decided at each unlock)."""
        button = Button(text, self)
        button.clicked.connect(action)
        self.top.addWidget(button)
        if needs is not None:
            self._guarded.append((button, needs))
        return button

    def _offer_by_role(self) -> None:
        for button, needs in self._guarded:
            button.setVisible(self.context.session.can(needs))

    def selected(self) -> R | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def load(self) -> None:
        raise NotImplementedError

    # Nothing unseen runs (issue 19): a page reads its rows when it is shown, and after a change only
    # if it is showing; otherwise it is marked stale and read when next shown.

    def start(self) -> None:
        """After unlock: read now if the page is showing, else when it is first shown."""
        self._stale = True
        if self.isVisible():
            self._refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.context.is_unlocked:
            self._refresh()

    def _refresh(self) -> None:
        self._stale = False
        self.load()

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.kinds & self.kinds and self.context.is_unlocked:
            if self.isVisible():
                self._refresh()
            else:
                self._stale = True
