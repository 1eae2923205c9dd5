"""Painting a list cell costs at most one call into Python per role (issue 19).

A table painted through a QSortFilterProxyModel asked the model's `data()` once per role — eight roles a
cell — and each call mapped the index to the source, which asked `rowCount()` and `columnCount()`
again: 24 calls into Python per cell, 38 ms of the case list's freeze at each search. The lists now
show their model directly (the list pages sort in their model, the case list in SQL); the model's rows
are counted once per cell, when the view makes its index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.cases.list_model import CaseListModel
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.widgets.list_page import ListPage
from teiretsu_desktop.gui.widgets.table_model import Column, RowsModel
from teiretsu_desktop.services.demo import generate_demo_data
from tests.gui.conftest import settle, unlock
from tests.helpers.stores import TemplateStore, unlock_admin


@dataclass(frozen=True)
class Visit:
    day: date | None
    place: str


COLUMNS: list[Column[Visit]] = [
    Column("日付", lambda v: v.day.isoformat() if v.day else "", lambda v: v.day),
    Column("場所", lambda v: v.place),
]
VISITS = [Visit(date(2026, 5, d), p) for d, p in ((3, "府中刑務所"), (1, "大阪拘置所"), (2, "福祉事務所"))]
VISITS.append(Visit(None, "未定"))


class Counter:
    """Calls into the model's Python methods while `counting` (patched before the model is made: PySide
    looks a Python override up once per object)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, model_class: type[QAbstractItemModel]) -> None:
        self.calls = {"data": 0, "rowCount": 0}
        self.on = False
        for name in self.calls:
            original = getattr(model_class, name)

            def wrapped(model: Any, *args: Any, _original: Any = original, _name: str = name) -> Any:
                if self.on:
                    self.calls[_name] += 1
                return _original(model, *args)

            monkeypatch.setattr(model_class, name, wrapped)

    @contextmanager
    def counting(self) -> Iterator[dict[str, int]]:
        self.on = True
        try:
            yield self.calls
        finally:
            self.on = False


def _visible_cells(table: QTableView) -> int:
    last = table.rowAt(table.viewport().height() - 1)
    rows = table.model().rowCount() if last < 0 else last + 1
    return rows * table.model().columnCount()


def test_a_list_page_is_painted_without_a_proxy_between(
    qtbot: QtBot, gui: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter(monkeypatch, RowsModel)
    page: ListPage[Visit] = ListPage(gui.context, "訪問", COLUMNS)
    qtbot.addWidget(page)
    page.resize(600, 400)
    page.show()
    page.model.set_rows(VISITS * 5)
    qtbot.waitExposed(page)
    qtbot.wait(100)  # laid out and painted once
    with counter.counting() as calls:
        page.table.viewport().repaint()
    cells = _visible_cells(page.table)
    assert 0 < calls["data"] <= 8 * cells and calls["rowCount"] <= cells + 20, (calls, cells)


def test_a_list_page_sorts_by_its_header_and_keeps_the_selection(qtbot: QtBot, gui: Application) -> None:
    page: ListPage[Visit] = ListPage(gui.context, "訪問", COLUMNS)
    qtbot.addWidget(page)
    page.model.set_rows(VISITS)
    table = page.table
    table.selectionModel().select(
        table.model().index(2, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )

    def places() -> list[str]:
        return [str(table.model().index(r, 1).data()) for r in range(table.model().rowCount())]

    assert places() == ["府中刑務所", "大阪拘置所", "福祉事務所", "未定"]  # the service's order
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a click on 日付
    assert places() == ["大阪拘置所", "福祉事務所", "府中刑務所", "未定"]  # a day not known last
    assert page.selected() == VISITS[2]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert places() == ["府中刑務所", "福祉事務所", "大阪拘置所", "未定"]
    assert page.selected() == VISITS[2]
    page.model.set_rows(list(reversed(VISITS)))  # a reload keeps the order the person chose
    assert places() == ["府中刑務所", "福祉事務所", "大阪拘置所", "未定"]
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the service's order
    assert places() == ["未定", "福祉事務所", "大阪拘置所", "府中刑務所"]


def test_the_case_list_is_painted_without_a_proxy_between(
    qtbot: QtBot, gui: Application, store: TemplateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter(monkeypatch, CaseListModel)
    session = unlock_admin(store.data_dir)
    generate_demo_data(session, persons=40, seed=2, today=date.today())
    session.lock()
    unlock(qtbot, gui)
    gui.main.nav.setCurrentRow(1)
    view = gui.main.cases
    qtbot.waitUntil(lambda: view.model.rowCount() > 10, timeout=10000)
    settle(qtbot, gui)
    with counter.counting() as calls:
        view.table.viewport().repaint()
    cells = _visible_cells(view.table)
    assert 0 < calls["data"] <= 8 * cells and calls["rowCount"] <= cells + 20, (calls, cells)
