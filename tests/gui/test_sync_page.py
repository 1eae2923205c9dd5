"""Issue 18, 同期 as its users use it: the administrator starts sync at the office PC and enrols a
laptop; the laptop's changes arrive through the folder with one button; a field changed on both is a
conflict a caseworker resolves in the queue."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.cases import get_case
from teiretsu_desktop.services.persons import get_person, update_person
from teiretsu_desktop.services.sync import devices, exchange
from teiretsu_desktop.store.paths import DataDir
from tests.gui.conftest import Answers, settle, unlock
from tests.helpers.casework import new_case, new_person, person
from tests.helpers.stores import ADMIN, ADMIN_PASS, CASEWORKER, CASEWORKER_PASS, TemplateStore


def _press(widget: QWidget, name: str) -> None:
    button = next(b for b in widget.findChildren(QPushButton) if b.accessibleName() == name)
    assert button.isVisibleTo(widget) and button.isEnabled(), name
    button.click()


def _phone(data_dir: DataDir, person_id: str, phone: str) -> None:
    session = unlock_with_passphrase(data_dir, ADMIN, ADMIN_PASS)
    try:
        update_person(
            session, person_id, person(phone=phone), expected_revision=get_person(session, person_id).revision
        )
    finally:
        session.lock()


def test_sync_is_set_up_used_and_a_conflict_is_resolved_in_the_window(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers, tmp_path: Path
) -> None:
    unlock(qtbot, gui)
    main = gui.main
    main.nav.setCurrentRow(main.pages.indexOf(main.sync))
    view = main.sync
    assert main.nav.currentItem().text() == "同期" and view.tabText(2) == "端末"
    view.setCurrentWidget(view.exchange)
    qtbot.waitUntil(lambda: "同期の設定がされていません" in view.exchange.state.text(), timeout=10000)
    assert not view.exchange.sync_button.isEnabled()

    view.setCurrentWidget(view.devices)
    answers.text = "事務所PC"
    _press(view.devices, "同期を始める（この端末を拠点に）…")
    qtbot.waitUntil(lambda: "この端末が拠点です" in view.devices.status.text(), timeout=10000)
    answers.text, answers.save_path = "訪問用PC-1", tmp_path / "laptop.teiretsu-device"
    _press(view.devices, "端末を登録…")
    qtbot.waitUntil(lambda: view.devices.model.rowCount() == 2, timeout=15000)
    assert (tmp_path / "laptop.teiretsu-device").exists()

    # IT installs the laptop's store; a caseworker registers a person on a visit and sends it.
    laptop = DataDir(tmp_path / "laptop")
    maintenance.restore(
        answers.save_path, laptop, lambda slots: slots.unwrap_passphrase(ADMIN, ADMIN_PASS)[0]
    )
    visit = unlock_with_passphrase(laptop, CASEWORKER, CASEWORKER_PASS)
    try:
        person_id = new_person(visit, family="訪問", fkana="ホウモン")
    finally:
        visit.lock()
    folder = tmp_path / "usb"
    folder.mkdir()
    lap = unlock_with_passphrase(laptop, ADMIN, ADMIN_PASS)
    try:
        exchange.export(lap, folder)
    finally:
        lap.lock()

    view.setCurrentWidget(view.exchange)
    qtbot.waitUntil(lambda: "この端末: 事務所PC（拠点）" in view.exchange.state.text(), timeout=10000)
    field = next(e for e in view.exchange.findChildren(QLineEdit) if e.accessibleName() == "同期フォルダー")
    field.setText(str(folder))
    _press(view.exchange, "同期する（書き出して取り込む）")
    qtbot.waitUntil(lambda: "取り込んだ変更" in view.exchange.result.text(), timeout=15000)
    settle(qtbot, gui)
    assert "拒否" not in view.exchange.result.text()

    # The phone is corrected on the laptop and, differently, at the office.
    _phone(laptop, person_id, "090-1111-1111")
    lap = unlock_with_passphrase(laptop, ADMIN, ADMIN_PASS)
    try:
        exchange.export(lap, folder)
    finally:
        lap.lock()
    _phone(store.data_dir, person_id, "03-2222-2222")
    _press(view.exchange, "同期する（書き出して取り込む）")
    qtbot.waitUntil(
        lambda: (
            "取り込んだ変更: " in view.exchange.result.text()
            and "取り込んだ変更: 0 件" not in view.exchange.result.text()
        ),
        timeout=15000,
    )
    settle(qtbot, gui)

    view.setCurrentWidget(view.conflicts)
    qtbot.waitUntil(lambda: view.conflicts.model.rowCount() == 1, timeout=10000)
    row = view.conflicts.model.row_at(0)
    assert row.field == "phone" and {v.value for v in row.versions} == {"090-1111-1111", "03-2222-2222"}
    answers.choice = next(i for i, v in enumerate(row.versions) if v.value == "090-1111-1111")
    view.conflicts.table.selectRow(0)
    _press(view.conflicts, "残す版を選ぶ…")
    qtbot.waitUntil(lambda: view.conflicts.model.rowCount() == 0, timeout=10000)
    settle(qtbot, gui)
    check = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    try:
        assert get_person(check, person_id).phone == "090-1111-1111"
    finally:
        check.lock()


def test_a_visit_kit_is_checked_out_for_a_caseworker_and_checked_in(
    qtbot: QtBot,
    gui: Application,
    store: TemplateStore,
    answers: Answers,
    tmp_path: Path,
    monkeypatch: MonkeyPatch,
) -> None:
    session = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    try:
        devices.init_hub(session, "事務所PC")
        case_id = new_case(session, new_person(session, family="訪問", fkana="ホウモン"))
        case_no = get_case(session, case_id).case_no
    finally:
        session.lock()
    kit = tmp_path / "kit"
    kit.mkdir()
    monkeypatch.setattr(dialogs, "ask_folder", lambda *_a: kit)
    unlock(qtbot, gui)
    main = gui.main
    main.nav.setCurrentRow(main.pages.indexOf(main.sync))
    page = main.sync.kits
    main.sync.setCurrentWidget(page)
    settle(qtbot, gui)
    answers.text, answers.password = case_no, CASEWORKER_PASS
    answers.choice = [s.login for s in page._staff].index(CASEWORKER)
    _press(page, "チェックアウト…")
    qtbot.waitUntil(lambda: "訪問キットを作りました" in page.status.text(), timeout=15000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.model.row_at(0).status == "out" and page.model.row_at(0).staff_name == "佐藤 花子"

    visit = unlock_with_passphrase(DataDir(kit), CASEWORKER, CASEWORKER_PASS)
    try:
        record_activity(
            visit, case_id, ActivityInput(datetime(2024, 7, 1, 10), ActivityKind.INTERVIEW, "拘置所で面接。")
        )
    finally:
        visit.lock()
    _press(page, "チェックイン…")
    qtbot.waitUntil(lambda: "チェックインしました（" in page.status.text(), timeout=15000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).status == "in", timeout=10000)
    assert list(kit.iterdir()) == []
