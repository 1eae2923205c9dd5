"""Issue 19: nothing unseen runs, and the user's own request comes first on the one store thread —
an unopened statistics page computes nothing; after a save the acting window reloads before the other
views refresh; a search typed on drops the one still waiting."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.cases import list_model, window
from teiretsu_desktop.gui.dashboard import view as dashboard
from teiretsu_desktop.gui.directory import consultations
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.stats import view as stats_view
from tests.gui.conftest import open_case_window, settle, type_values, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin

Ran = list[str]


def _record(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, ran: Ran) -> None:
    """Note on the store thread, in order, each call of `module.name`."""
    real = getattr(module, name)

    def traced(*args: Any, **kwargs: Any) -> Any:
        ran.append(name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, traced)


def test_an_unopened_statistics_page_computes_nothing(
    qtbot: QtBot, gui: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: Ran = []
    _record(monkeypatch, stats_view, "load_years", ran)
    unlock(qtbot, gui)
    gui.main.show()
    settle(qtbot, gui)
    assert ran == []  # two 年度 of tables are not computed at unlock
    gui.main.nav.setCurrentRow(5)
    settle(qtbot, gui)
    assert ran == ["load_years"] and gui.main.stats.names.count() > 0
    gui.main.nav.setCurrentRow(0)
    gui.main.nav.setCurrentRow(5)
    settle(qtbot, gui)
    assert ran == ["load_years"]  # shown again, nothing changed: not computed again


def test_after_a_save_the_acting_window_reloads_first(
    qtbot: QtBot, gui: Application, store: TemplateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session))
    finally:
        session.lock()
    ran: Ran = []
    for module, name in ((window, "load_case"), (list_model, "find_cases"), (dashboard, "reminder_page"),
                         (consultations, "consultation_page")):  # fmt: skip
        _record(monkeypatch, module, name, ran)
    unlock(qtbot, gui)
    case_window = open_case_window(qtbot, gui, case_id)
    type_values(case_window.case_form, {"facility_name": "大阪刑務所"})
    ran.clear()
    case_window.save()
    settle(qtbot, gui)
    assert ran[0] == "load_case", ran
    assert "reminder_page" in ran[1:]  # the dashboard showing behind it refreshes after it


def test_a_search_typed_on_drops_the_one_still_waiting(
    qtbot: QtBot, gui: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched: list[str] = []
    real = getattr(list_model, "find_cases")  # noqa: B009 - the name the list calls, patched below

    def traced(session: Any, query: Any, **kwargs: Any) -> Any:
        searched.append(query.text)
        return real(session, query, **kwargs)

    monkeypatch.setattr(list_model, "find_cases", traced)
    unlock(qtbot, gui)
    view = gui.main.cases
    searched.clear()
    busy = threading.Event()
    release = threading.Event()

    def block() -> None:
        busy.set()
        release.wait(10)

    gui.context.runner.submit(block)  # the store thread is busy with something else
    assert busy.wait(5)
    for typed in ("や", "やま", "やまだ"):
        view.search.setText(typed)
        view.apply_query()
    release.set()
    settle(qtbot, gui)
    assert searched == ["やまだ"]


def test_pages_read_when_shown_and_only_the_shown_one_after_a_change(
    qtbot: QtBot, gui: Application, store: TemplateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: Ran = []
    _record(monkeypatch, consultations, "consultation_page", ran)
    _record(monkeypatch, list_model, "find_cases", ran)
    unlock(qtbot, gui)
    gui.main.show()
    settle(qtbot, gui)
    assert ran == []  # the dashboard shows; the case list and the 相談 page read nothing yet
    gui.main.nav.setCurrentRow(2)
    settle(qtbot, gui)
    assert ran == ["consultation_page"]
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session))
    finally:
        session.lock()
    case_window = open_case_window(qtbot, gui, case_id)
    type_values(case_window.case_form, {"facility_name": "大阪刑務所"})
    ran.clear()
    case_window.save()
    settle(qtbot, gui)
    assert ran == ["consultation_page"]  # showing behind the window; the case list is not: marked stale
    gui.main.nav.setCurrentRow(1)
    settle(qtbot, gui)
    assert ran == ["consultation_page", "find_cases"]


def test_a_search_starts_at_the_next_turn_of_the_event_loop(qtbot: QtBot, gui: Application) -> None:
    """No fixed delay before a search (issue 19: 150 ms of every answer): the text typed is read at the
    next turn of the event loop, and what is typed on meanwhile supersedes it on the store thread."""
    unlock(qtbot, gui)
    gui.main.nav.setCurrentRow(1)
    view = gui.main.cases
    settle(qtbot, gui)
    assert not view.model.loading
    view.search.setText("や")
    QCoreApplication.processEvents()
    assert view.model.loading and view.model.query.text == "や"
    settle(qtbot, gui)
