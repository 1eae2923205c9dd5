"""Issue 15: 台帳の取込 in the GUI — a ledger with the center's own headers, mapped, checked, imported;
a cancel writes nothing; a second import changes nothing."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.ledger.import_wizard import CHECK, MAPPING, RESULT, ImportWizard
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.ledger.mapping import ColumnMapping
from teiretsu_desktop.store.models import SupportCase
from tests.gui.conftest import Answers, settle, unlock
from tests.gui.test_roles_and_unlock import _unnamed
from tests.helpers.stores import TemplateStore, unlock_admin

HEADER = ["番号", "本人氏名", "生年月日", "業務", "状況", "受付日", "担当", "センター記入欄", "年齢"]


def _ledger(path: Path, rows: int) -> Path:
    with open(path, "w", encoding="cp932", newline="") as handle:  # Excel's 「CSV (コンマ区切り)」
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        for i in range(rows):
            writer.writerow([i + 1, f"取込 {i}郎", f"昭和{20 + i % 40}年{1 + i % 12}月{1 + i % 28}日", "一般調整",
                             "調整中", f"R6.{4 + i % 9}.{1 + i % 28}", "佐藤", f"メモ{i}", 60])  # fmt: skip
    return path


def _cases(store: TemplateStore) -> int:
    session: StaffSession = unlock_admin(store.data_dir)
    try:
        with session.uow(write=False) as uow:
            return int(uow.session.execute(select(func.count()).select_from(SupportCase)).scalar_one())
    finally:
        session.lock()


def _open(qtbot: QtBot, gui: Application, answers: Answers, path: Path) -> ImportWizard:
    wizard = gui.main.import_ledger()
    answers.open_path = path
    wizard.choose_button.click()
    qtbot.waitUntil(lambda: wizard.ledger is not None, timeout=15000)
    return wizard


def test_the_wizard_imports_a_ledger_with_unknown_headers(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers, tmp_path: Path
) -> None:
    unlock(qtbot, gui)
    path = _ledger(tmp_path / "相談員の台帳.csv", 30)
    wizard = _open(qtbot, gui, answers, path)
    assert "Shift_JIS" in wizard.file_info.text() and "30行" in wizard.file_info.text()
    wizard.next_button.click()
    assert wizard.pages.currentIndex() == MAPPING
    # The suggestions: 本人氏名 → 氏名, 状況 → 状態, 受付日 → 依頼日, 担当 → 主担当; 年齢 and the
    # center's own column are left out.
    assert wizard.target_combo("本人氏名").currentData() == "氏名"
    assert wizard.target_combo("受付日").currentData() == "依頼日"
    assert wizard.target_combo("センター記入欄").currentData() == ""
    assert wizard.target_combo("年齢").currentData() == ""
    # The person keeps the center's own column as 備考, and chooses from the drop-down as a user would.
    own = wizard.target_combo("センター記入欄")
    own.setCurrentIndex(own.findData("備考"))
    assert isinstance(own, QComboBox) and own.accessibleName() == "センター記入欄"
    assert not wizard.mapping_problems.text()
    assert _unnamed(wizard) == []  # every control is named by its visible label
    answers.save_path = tmp_path / "対応.toml"
    wizard.save_mapping_button.click()
    assert ColumnMapping.load(tmp_path / "対応.toml").columns["センター記入欄"] == "備考"

    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == CHECK, timeout=20000)
    assert "新規 30行" in wizard.summary.text()
    assert wizard.problems.rowCount() > 0  # the warnings: 年齢 and 番号 are not imported
    assert wizard.import_button.isEnabled()
    answers.save_path = tmp_path / "problems.xlsx"
    wizard.save_problems_button.click()
    assert (tmp_path / "problems.xlsx").exists()

    wizard.import_button.click()
    qtbot.waitUntil(lambda: "取り込みました" in wizard.result_text.text(), timeout=30000)
    assert wizard.pages.currentIndex() == RESULT and wizard.progress.value() == wizard.progress.maximum()
    settle(qtbot, gui)
    wizard.close()

    again = _open(qtbot, gui, answers, path)
    answers.open_path = tmp_path / "対応.toml"
    again.load_mapping_button.click()
    assert again.target_combo("センター記入欄").currentData() == "備考"
    again.next_button.click()
    qtbot.waitUntil(lambda: again.pages.currentIndex() == CHECK, timeout=20000)
    assert "変更なし 30行" in again.summary.text() and not again.import_button.isEnabled()
    again.close()
    settle(qtbot, gui)
    gui.context.lock()
    assert _cases(store) == 30


def test_a_cancelled_import_writes_nothing(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers, tmp_path: Path
) -> None:
    unlock(qtbot, gui)
    wizard = _open(qtbot, gui, answers, _ledger(tmp_path / "big.csv", 400))
    wizard.next_button.click()
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == CHECK, timeout=20000)
    gate = threading.Event()
    gui.context.runner.submit(lambda: gate.wait(10))  # the store thread is busy: the import waits its turn
    wizard.import_button.click()
    assert wizard.cancel_button.isEnabled() and not wizard.close_button.isEnabled()
    wizard.cancel_button.click()  # キャンセル while it runs
    gate.set()
    qtbot.waitUntil(lambda: "何も書き込んでいません" in wizard.result_text.text(), timeout=30000)
    settle(qtbot, gui)
    wizard.close()
    gui.context.lock()
    assert _cases(store) == 0
