"""Issue 17, as a caseworker uses it: from the 特別調整 case, 本人の全体像 shows the person's earlier
suspect case too; the later case is linked to it as a 再入所, which the earlier case then shows; a
double click opens the earlier case; a clerk sees the record but cannot link."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.episodes import EpisodeLink
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.gui.cases.person_window import PersonWindow
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.store.models import SupportCase
from tests.gui.conftest import Answers, open_case_window, settle, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import CLERK, CLERK_PASS, TemplateStore, unlock_admin


def _story(store: TemplateStore) -> tuple[str, str, str]:
    """A person: a 被疑者等支援 released on 2024-02-01, re-admitted, then referred for 特別調整."""
    session = unlock_admin(store.data_dir)
    try:
        pid = new_person(session)
        suspect = new_case(session, pid, BusinessLine.SUSPECT, request_date=date(2023, 12, 1))
        with session.uow() as uow:
            row = uow.session.get(SupportCase, suspect)
            assert row is not None
            row.state, row.release_date = str(CaseState.CLOSED), date(2024, 2, 1)
            row.closure_date, row.closure_reason = date(2024, 2, 1), "e_suspended_sentence"
            uow.commit()
        special = new_case(session, pid, BusinessLine.SPECIAL, request_date=date(2024, 9, 1))
        return pid, suspect, special
    finally:
        session.lock()


def _person_window(qtbot: QtBot, gui: Application, case_id: str) -> PersonWindow:
    case_window = open_case_window(qtbot, gui, case_id)
    button = case_window.findChild(QPushButton, "personView")
    assert button is not None and button.accessibleName() == "本人の全体像"
    button.click()
    settle(qtbot, gui)
    window = next(iter(gui.main.person_windows.values()))
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)
    return window


def test_the_person_view_shows_both_episodes_and_links_a_readmission(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    _pid, suspect, special = _story(store)
    unlock(qtbot, gui)
    window = _person_window(qtbot, gui, special)
    assert [e.case_id for e in window.model.rows()] == [suspect, special]
    selected = window.selected()
    assert selected is not None and selected.case_id == special
    assert "ケース 2件" in window.header.text()
    # Link: the earlier case (the only other one), as 再入所後の支援, re-admitted on 令和6年5月10日.
    answers.choices = [0, list(EpisodeLink).index(EpisodeLink.READMISSION)]
    answers.text = "令和6年5月10日"
    window.link_button.click()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: window.status.text() == "つなぎました", timeout=10000)
    settle(qtbot, gui)
    earlier, later = window.model.rows()
    assert later.follows == suspect and later.follows_kind is EpisodeLink.READMISSION
    assert (earlier.readmission, earlier.readmission_date) == ("yes", date(2024, 5, 10))
    assert "再入所後の支援" in window.model.data(window.model.index(1, 9))
    assert window.model.data(window.model.index(0, 8)).startswith("有")
    # A double click on the earlier case opens it.
    window.table.selectRow(0)
    window.open_selected()
    settle(qtbot, gui)
    assert suspect in gui.main.case_windows


def test_a_refused_link_says_why_and_a_clerk_cannot_link(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    _pid, _suspect, special = _story(store)
    unlock(qtbot, gui)
    window = _person_window(qtbot, gui, special)
    answers.choices = [0, list(EpisodeLink).index(EpisodeLink.READMISSION)]
    answers.text = "令和6年1月10日"  # before the release: refused, naming the rule
    window.link_button.click()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: "再入所日" in window.status.text(), timeout=10000)
    assert window.model.rows()[1].follows is None
    gui.context.lock()
    settle(qtbot, gui)
    unlock(qtbot, gui, CLERK, CLERK_PASS)
    clerk_view = _person_window(qtbot, gui, special)
    assert not clerk_view.link_button.isVisible() and not clerk_view.unlink_button.isVisible()


def test_the_case_list_grouped_by_person_opens_the_person_view(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    pid, _suspect, special = _story(store)
    unlock(qtbot, gui)
    gui.main.nav.setCurrentRow(1)
    view = gui.main.cases
    view.state.setCurrentIndex(view.state.findData(None))  # すべての状態
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10000)
    assert view.by_person.accessibleName() == "人ごとにまとめる"
    view.by_person.setChecked(True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    assert view.count.text() == "1 人"
    assert view.model.index(0, 0).data().endswith("他1件")
    view.table.selectRow(0)
    view._open_selected()
    settle(qtbot, gui)
    window = gui.main.person_windows[pid]
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)
    selected = window.selected()
    assert selected is not None and selected.case_id == special
