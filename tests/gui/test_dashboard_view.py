"""Issue 16: the dashboard a caseworker opens in the morning — their own cases, the day's deadlines first
and coloured, 業務区分 and 担当 beside each, and a reminder done with a reason."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.gui.dashboard.view import OVERDUE, TODAY
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services.staff import list_staff
from tests.gui.conftest import Answers, settle, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import CASEWORKER, CASEWORKER_PASS, TemplateStore, unlock_admin


def test_the_caseworkers_dashboard(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    day = date.today()
    session = unlock_admin(store.data_dir)
    sato = next(s.staff_id for s in list_staff(session) if s.login == CASEWORKER)
    mine = new_person(session, family="佐藤担当", given="一郎")
    new_case(session, mine, BusinessLine.SUSPECT, request_date=day - timedelta(days=20),
             detention_expiry=day + timedelta(days=1), primary_staff_id=sato)  # fmt: skip
    late = new_person(session, family="佐藤担当", given="二郎")
    new_case(session, late, BusinessLine.SPECIAL, request_date=day - timedelta(days=200),
             expected_release=day - timedelta(days=2), primary_staff_id=sato)  # fmt: skip
    other = new_person(session, family="管理担当", given="三郎")
    new_case(session, other, BusinessLine.SUSPECT, request_date=day - timedelta(days=20),
             detention_expiry=day, primary_staff_id=session.actor.staff_id)  # fmt: skip
    session.lock()
    unlock(qtbot, gui, CASEWORKER, CASEWORKER_PASS)
    view = gui.main.dashboard
    settle(qtbot, gui)
    assert view.mine.currentData() is True  # a 相談員 starts with their own cases
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert "業務区分" in headers and "担当" in headers
    rows = [view.model.index(r, 4).data() for r in range(view.model.rowCount())]
    assert rows and all(name.startswith("佐藤担当") for name in rows)
    assert rows[0] == "佐藤担当 一郎"  # tomorrow's 勾留満期 above the overdue release
    colours = {view.model.index(r, 4).data(): view.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)
               for r in range(view.model.rowCount())}  # fmt: skip
    assert OVERDUE in [colours[n] for n in rows if n == "佐藤担当 二郎"]
    view.mine.setCurrentIndex(view.mine.findData(False))
    settle(qtbot, gui)
    today_rows = [r for r in range(view.model.rowCount()) if view.model.index(r, 4).data() == "管理担当 三郎"]
    assert today_rows and view.model.index(today_rows[0], 0).data(Qt.ItemDataRole.BackgroundRole) == TODAY
    before = view.model.rowCount()
    view.table.selectRow(0)
    answers.text = "弁護人と面会し、釈放後の帰住先を確認した"
    view.done_button.click()
    settle(qtbot, gui)
    assert view.model.rowCount() == before - 1
