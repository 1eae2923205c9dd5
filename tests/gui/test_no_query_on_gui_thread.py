"""The case list stays responsive on a large store: no query ever runs on the GUI thread, and the
list fetches pages lazily as it scrolls."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services.demo import generate_demo_data
from tests.gui.conftest import settle, unlock
from tests.helpers.stores import TemplateStore, unlock_admin


@pytest.mark.slow
def test_searching_sorting_and_scrolling_never_query_on_the_gui_thread(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    generate_demo_data(session, persons=2000, seed=6, today=date.today())
    session.lock()
    unlock(qtbot, gui)
    gui_thread = threading.current_thread()
    queries_on_gui_thread: list[str] = []
    queries_elsewhere: list[str] = []

    def spy(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        (queries_on_gui_thread if threading.current_thread() is gui_thread else queries_elsewhere).append(
            statement[:60]
        )

    engine = gui.context.session.store.engine
    event.listen(engine, "before_cursor_execute", spy)
    try:
        view = gui.main.cases
        gui.main.nav.setCurrentRow(1)
        view.state.setCurrentIndex(1)  # all states: thousands of cases
        settle(qtbot, gui)
        assert view.model.rowCount() == 200 and view.model.canFetchMore()
        for text in ("や", "やま", "やまだ", "山", "山田", ""):
            view.search.setText(text)  # typed: debounced, then queried on the store thread
            qtbot.wait(20)
        settle(qtbot, gui)
        qtbot.wait(200)
        settle(qtbot, gui)
        view.table.sortByColumn(1, view.table.horizontalHeader().sortIndicatorOrder())
        settle(qtbot, gui)
        view.table.scrollToBottom()  # asks the model for more rows
        settle(qtbot, gui)
        view.table.scrollToBottom()
        settle(qtbot, gui)
        assert view.model.rowCount() > 200
        gui.main.nav.setCurrentRow(0)
        gui.main.dashboard.refresh()
        settle(qtbot, gui)
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    assert queries_elsewhere, "the spy saw no query at all"
    assert queries_on_gui_thread == []
