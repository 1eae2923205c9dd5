"""Issue 17 in the case window: a ケース会議 is recorded, an agency of the directory attends (a 提供記録 under
the consent, shown in the attendees), a decision becomes a reminder on the dashboard, and the meeting's
record is printed from the tab."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import AgencyKind, RecipientKind
from teiretsu_desktop.domain.meetings import MeetingKind, SharedItem
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.printing.dialog import PrintDialog
from teiretsu_desktop.services import directory
from tests.gui.conftest import open_case_window, settle, type_values, unlock
from tests.helpers.casework import consent, new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin

TODAY = date.today()


def test_a_meeting_with_an_attendee_and_a_decision(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session, family="川上", given="誠"),
                           expected_release=TODAY + timedelta(days=90))  # fmt: skip
        consent(session, case_id, RecipientKind.WELFARE_OFFICE, given_on=TODAY - timedelta(days=10))
        office = directory.save_agency(
            session, directory.AgencyInput(AgencyKind.WELFARE_OFFICE, "府中市福祉事務所")
        ).value
    finally:
        session.lock()
    unlock(qtbot, gui, "sato", "soudan-passphrase-02")
    window = open_case_window(qtbot, gui, case_id)
    tab = window.pages.meetings
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "会議"
    window.tabs.setCurrentWidget(tab)
    dialog = tab.add()
    assert dialog.form.value("center_attendees") == "佐藤 花子"
    type_values(dialog.form, {"kind": str(MeetingKind.JOINT_SUPPORT), "held_on": TODAY - timedelta(days=1),
                              "agenda": "退所後の住まいと受診先", "person_present": True,
                              "shared_items": (str(SharedItem.IDENTITY), str(SharedItem.BENEFITS))})  # fmt: skip
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    assert tab.add_attendee() is None and "会議を選んでください" in tab.status.text()
    tab.table.selectRow(0)
    attend = tab.add_attendee()
    assert attend is not None
    settle(qtbot, gui)
    combo = attend.form.widgets["agency_id"]
    assert isinstance(combo, QComboBox) and combo.findData(office) > 0
    type_values(attend.form, {"agency_id": office, "name": "生活保護担当 田中"})
    attend.buttons.accepted.emit()
    qtbot.waitUntil(lambda: len(tab.attendees.rows()) == 1, timeout=10000)
    assert (
        tab.attendees.rows()[0].organisation == "府中市福祉事務所" and tab.attendees.rows()[0].disclosure_id
    )
    decide = tab.add_decision()
    assert decide is not None
    due = TODAY + timedelta(days=4)
    type_values(decide.form, {"text": "生活保護の申請に同行する", "responsible": "佐藤", "due_on": due})
    decide.buttons.accepted.emit()
    qtbot.waitUntil(lambda: len(tab.decisions.rows()) == 1, timeout=10000)
    assert tab.decisions.rows()[0].reminder_id is not None
    assert "生活保護" in tab.summary.text() and "合同支援会議" in tab.summary.text()
    dashboard = gui.main.dashboard
    dashboard.mine.setCurrentIndex(dashboard.mine.findData(False))  # the case is the 管理者's
    qtbot.waitUntil(
        lambda: any("生活保護の申請に同行する" in r.reminder.title for r in dashboard.model.rows()),
        timeout=10000,
    )
    printing = tab.print_selected()
    assert isinstance(printing, PrintDialog) and printing.meeting_id == tab.model.rows()[0].id
    assert printing.form.currentData() == "meeting-record"
