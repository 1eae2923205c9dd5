"""Issue 19: a case window opens with what is seen. Its tabs are built, and read their records, when
first shown; a save or a draft from a window whose other tabs were never shown keeps what they hold."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import CertificateKind, DisabilityKind
from teiretsu_desktop.gui.cases.assessment_tab import AssessmentTab
from teiretsu_desktop.gui.cases.certificates import CertificateTable
from teiretsu_desktop.gui.cases.consent_register import ConsentRegister
from teiretsu_desktop.gui.cases.meetings_tab import MeetingsTab
from teiretsu_desktop.gui.cases.timeline import TimelineTab
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services import activities, consent
from teiretsu_desktop.services.persons import CertificateInput
from tests.gui.conftest import open_case_window, settle, show_tab, type_values, unlock
from tests.helpers.casework import new_case, new_person, stored_record
from tests.helpers.stores import TemplateStore, unlock_admin

CERTIFICATE = CertificateInput(
    CertificateKind.RYOIKU, "B1", None, "第12345号", "東京都", date(2020, 4, 1), None
)


def _case(store: TemplateStore) -> str:
    session = unlock_admin(store.data_dir)
    try:
        person_id = new_person(session, certificates=(CERTIFICATE,))
        return new_case(session, person_id, destination_name="グループホームさくら")
    finally:
        session.lock()


def test_a_case_window_builds_and_reads_a_tab_only_when_it_is_shown(
    qtbot: QtBot, gui: Application, store: TemplateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case(store)
    ran: list[str] = []
    for module, name in ((activities, "list_activities"), (consent, "list_consents")):
        real = getattr(module, name)

        def traced(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            ran.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, traced)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    assert window.person_form.value("family_name") == "山田"  # 基本情報 is shown, with the record
    for unseen in (TimelineTab, AssessmentTab, MeetingsTab, ConsentRegister, CertificateTable):
        assert window.findChild(unseen) is None, unseen
    assert ran == []  # no tab read its records
    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert labels[:4] == ["基本情報", "障害・手帳", "同意・提供記録", "支援経過"]

    timeline = show_tab(qtbot, gui, window, "支援経過")
    assert isinstance(timeline, TimelineTab) and ran == ["list_activities"]
    assert window.tabs.currentIndex() == 3 and window.tabs.tabText(3) == "支援経過"
    register = show_tab(qtbot, gui, window, "同意・提供記録")
    assert isinstance(register, ConsentRegister) and ran == ["list_activities", "list_consents"]
    show_tab(qtbot, gui, window, "支援経過")  # shown again: built once, not read again
    assert window.findChildren(TimelineTab) == [timeline] and ran.count("list_activities") == 1


def test_a_save_and_a_draft_keep_what_unshown_tabs_hold(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    case_id = _case(store)
    unlock(qtbot, gui)
    window = open_case_window(qtbot, gui, case_id)
    type_values(window.person_form, {"alias": "やまちゃん"})
    type_values(window.case_form, {"facility_name": "府中刑務所 第3区"})
    window.save()
    settle(qtbot, gui)
    assert window.findChild(CertificateTable) is None  # 障害・手帳 and 終結 were never shown
    case, person = stored_record(store.data_dir, case_id)
    assert person.alias == "やまちゃん" and case.facility_name == "府中刑務所 第3区"
    assert person.disabilities == (DisabilityKind.INTELLECTUAL,) and person.certificates == (CERTIFICATE,)
    assert case.destination_name == "グループホームさくら"

    # An edit on a tab shown later is kept over a lock: the draft builds its tab again.
    show_tab(qtbot, gui, window, "障害・手帳")
    assert window.certificates.value() == (CERTIFICATE,)
    type_values(window.disability_form, {"wishes": "服薬の管理に支援が要る"})
    gui.context.lock()
    settle(qtbot, gui)
    unlock(qtbot, gui)
    qtbot.waitUntil(lambda: case_id in gui.main.case_windows, timeout=10000)
    again = gui.main.case_windows[case_id]
    qtbot.waitUntil(again.is_dirty, timeout=10000)
    assert again.disability_form.value("wishes") == "服薬の管理に支援が要る"
    again.save()
    settle(qtbot, gui)
    case, person = stored_record(store.data_dir, case_id)
    assert person.wishes == "服薬の管理に支援が要る" and person.certificates == (CERTIFICATE,)
    assert person.alias == "やまちゃん" and case.destination_name == "グループホームさくら"
