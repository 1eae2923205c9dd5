"""Issue 16: a case header that orients — age, the next deadline and its countdown, 担当 and consent —
only the fields of the case's business line, and what the next state needs on one line."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import ActivityKind, BusinessLine
from teiretsu_desktop.gui.cases.window import CaseWindow
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.persons import get_person
from tests.gui.conftest import settle, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def _window(qtbot: QtBot, gui: Application, case_id: str) -> CaseWindow:
    gui.main.open_case(case_id)
    settle(qtbot, gui)
    return gui.main.case_windows[case_id]


def test_the_header_and_the_fields_of_the_line(qtbot: QtBot, gui: Application, store: TemplateStore) -> None:
    today = date.today()
    session = unlock_admin(store.data_dir)
    pid = new_person(session, fkana="やまだ", gkana="たろう", birth_date=date(today.year - 70, 1, 1))
    assert get_person(session, pid).family_kana == "ヤマダ"  # typed in hiragana, stored in katakana
    suspect = new_case(session, pid, BusinessLine.SUSPECT, request_date=today - timedelta(days=3),
                       detention_expiry=today + timedelta(days=2), expected_release=None)  # fmt: skip
    special = new_case(session, pid, BusinessLine.SPECIAL, request_date=today - timedelta(days=3),
                       expected_release=today + timedelta(days=40))  # fmt: skip
    when = datetime.combine(today - timedelta(days=2), time(10, 0))
    record_activity(session, suspect, ActivityInput(when, ActivityKind.INTERVIEW, "接見"))
    session.lock()
    unlock(qtbot, gui)
    window = _window(qtbot, gui, suspect)
    text = window.header.text()
    assert "70歳" in text and "ヤマダ タロウ" in text
    assert "次の期限: 勾留満期" in text and "あと2日" in text
    assert "担当 管理 太郎" in text and "同意: この支援の同意なし" in text
    assert "最終連絡" in text and "(2日前)" in text  # the summary: when the person was last seen
    visible = {k for k, w in window.case_form.widgets.items() if w.isVisibleTo(window)}
    assert {"detention_expiry", "lawyer_name"} <= visible and "expected_release" not in visible
    assert not window.steps_note.wordWrap() and "\n" not in window.steps_note.text()
    other = _window(qtbot, gui, special)
    visible = {k for k, w in other.case_form.widgets.items() if w.isVisibleTo(other)}
    assert (
        "expected_release" in visible and not {"detention_expiry", "lawyer_name", "lawyer_contact"} & visible
    )
    assert "次の期限: 退所予定" in other.header.text() and "あと40日" in other.header.text()
    assert "連絡の記録なし" in other.header.text()
    # The tab bar stays where it is from case to case.
    assert window.tabs.y() == other.tabs.y()
