"""Issue 17: 連携活動 / 選定段階の助言 — advice to a 刑事施設 during selection is recorded on its own page,
counted for the 年度 apart from cases, and linked to the case once the person is referred."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.advice import SelectionStage
from teiretsu_desktop.domain.codes import AgencyKind
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services import directory
from tests.gui.conftest import Answers, settle, type_values, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def test_advice_is_recorded_counted_and_linked(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    session = unlock_admin(store.data_dir)
    try:
        prison = directory.save_agency(
            session, directory.AgencyInput(AgencyKind.CORRECTIONAL, "府中刑務所")
        ).value
        case_id = new_case(
            session, new_person(session, family="川上", given="誠", fkana="カワカミ", gkana="マコト")
        )
    finally:
        session.lock()
    unlock(qtbot, gui, "sato", "soudan-passphrase-02")
    main = gui.main
    main.nav.setCurrentRow(4)
    assert main.pages.currentWidget() is main.collaboration
    assert main.collaboration.tabText(1) == "選定段階の助言"
    main.collaboration.setCurrentWidget(main.advice)
    page = main.advice
    qtbot.waitUntil(lambda: "ケースとは別に数えます" in page.counts.text(), timeout=10000)
    assert "0件" in page.counts.text()
    dialog = page.record()
    settle(qtbot, gui)
    combo = dialog.form.widgets["agency_id"]
    assert isinstance(combo, QComboBox) and combo.findData(prison) > 0
    type_values(dialog.form, {"agency_id": prison, "subject": "称呼番号 1234", "stage": str(SelectionStage.SPECIAL),
                              "advice": "療育手帳の取得歴を市に照会するよう助言した", "advised_on": date.today()})  # fmt: skip
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert "1件" in page.counts.text() and main.cases.model.rowCount() <= 1  # no case was made
    page.table.selectRow(0)
    answers.text, answers.choice = "カワカミ", 0
    page.link_case()
    qtbot.waitUntil(lambda: page.model.rows()[0].case_id == case_id, timeout=10000)
    assert page.model.rows()[0].case_no != ""
