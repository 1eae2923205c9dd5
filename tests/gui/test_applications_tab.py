"""Issue 17 (申請支援) in the case window: 追加 always adds a line; 更新 changes the selected one only."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.gui.launcher import Application
from tests.gui.conftest import settle, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def test_two_applications_of_one_kind_in_the_case_window(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    cid = new_case(
        session, new_person(session), BusinessLine.SPECIAL, request_date=date.today() - timedelta(days=9)
    )
    session.lock()
    unlock(qtbot, gui)
    gui.main.open_case(cid)
    settle(qtbot, gui)
    tab = gui.main.case_windows[cid].pages.applications
    for note in ("療育手帳", "精神障害者保健福祉手帳"):
        dialog = tab.add()
        dialog.form.set_values({"kind": "techo", "status": "applied", "note": note})
        dialog.buttons.accepted.emit()
        settle(qtbot, gui)
    assert sorted(a.note or "" for a in tab.model.rows()) == ["療育手帳", "精神障害者保健福祉手帳"]
    row = [a.note for a in tab.model.rows()].index("療育手帳")
    tab.table.selectRow(row)
    edited = tab.edit()
    assert edited is not None
    edited.form.set_values({"kind": "techo", "status": "granted", "note": "療育手帳",
                            "issued_on": date.today(), "renew_by": date.today() + timedelta(days=700)})  # fmt: skip
    edited.buttons.accepted.emit()
    settle(qtbot, gui)
    statuses = {a.note: str(a.status) for a in tab.model.rows()}
    assert statuses == {"療育手帳": "granted", "精神障害者保健福祉手帳": "applied"}
