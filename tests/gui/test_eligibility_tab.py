"""Issue 17 in the case window: a 特別調整 case shows its six requirements and how many are unconfirmed;
confirming one in its tab updates the header. A 被疑者等支援 case shows the entry-stage fields and the
Q7-6 notice; the other lines do not."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.eligibility import SpecialRequirement
from teiretsu_desktop.gui.launcher import Application
from tests.gui.conftest import open_case_window, settle, type_values, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def test_requirements_and_the_entry_stage(qtbot: QtBot, gui: Application, store: TemplateStore) -> None:
    session = unlock_admin(store.data_dir)
    try:
        pid = new_person(session)
        special = new_case(session, pid, BusinessLine.SPECIAL)
        suspect = new_case(session, new_person(session, family="佐藤"), BusinessLine.SUSPECT)
    finally:
        session.lock()
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, special)
    tab = window.tabs.indexOf(window.pages.requirements)
    assert window.tabs.isTabVisible(tab) and window.tabs.tabText(tab) == "特別調整の要件"
    assert "特別調整の要件: 未確認 6/6" in window.header.text()
    qtbot.waitUntil(lambda: window.pages.requirements.model.rowCount() == 6, timeout=10000)
    window.pages.requirements.table.selectRow(list(SpecialRequirement).index(SpecialRequirement.WANTS))
    dialog = window.pages.requirements.confirm()
    assert dialog is not None
    type_values(dialog.form, {"met": "yes", "checked_on": date.today(), "source": "面接記録"})
    dialog.buttons.accepted.emit()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: "未確認 5/6" in window.header.text(), timeout=10000)
    assert not window.case_form.widgets["protection_card"].isVisibleTo(window)
    other = open_case_window(qtbot, gui, suspect)
    assert not other.tabs.isTabVisible(other.tabs.indexOf(other.pages.requirements))
    assert "Q7-6" in other.header.text() and "特別調整の要件" not in other.header.text()
    visible = {k for k, w in other.case_form.widgets.items() if w.isVisibleTo(other)}
    assert {"protection_card", "emergency_aid_applied_on", "emergency_aid_until"} <= visible
