"""Issue 17 in the case window: a 支援計画 item is added with its agency from the directory, then
reviewed (its status changed) from the same tab."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import AgencyKind
from teiretsu_desktop.domain.plan import PlanStatus
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services import directory
from tests.gui.conftest import settle, type_values, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def test_a_plan_item_is_added_and_reviewed(qtbot: QtBot, gui: Application, store: TemplateStore) -> None:
    session = unlock_admin(store.data_dir)
    try:
        case_id = new_case(session, new_person(session))
        office = directory.save_agency(
            session, directory.AgencyInput(AgencyKind.WELFARE_OFFICE, "府中市福祉事務所")
        ).value
    finally:
        session.lock()
    unlock(qtbot, gui)
    gui.main.open_case(case_id)
    window = gui.main.case_windows[case_id]
    settle(qtbot, gui)
    tab = window.pages.plan
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "支援計画"
    dialog = tab.add()
    settle(qtbot, gui)
    combo = dialog.form.widgets["agency_id"]
    assert isinstance(combo, QComboBox) and combo.findData(office) > 0
    type_values(dialog.form, {"need": "収入がない", "action": "生活保護の申請に同行", "agency_id": office,
                              "due_on": date.today() + timedelta(days=20)})  # fmt: skip
    dialog.buttons.accepted.emit()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    item = tab.model.rows()[0]
    assert (item.need, item.agency_name, item.status) == (
        "収入がない",
        "府中市福祉事務所",
        PlanStatus.PLANNED,
    )
    tab.table.selectRow(0)
    review = tab.edit()
    assert review is not None
    type_values(review.form, {"status": str(PlanStatus.DONE)})
    review.buttons.accepted.emit()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: tab.model.rows()[0].status is PlanStatus.DONE, timeout=10000)
    assert (
        tab.model.rows()[0].reviewed_on == date.today()
        and tab.model.rows()[0].agency_name == "府中市福祉事務所"
    )
