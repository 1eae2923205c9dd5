"""Issue 16: the Japanese interface speaks Japanese — Qt's own buttons, error messages without English
tails or internal identifiers, and no English-only text in any window a user opens."""

from __future__ import annotations

import logging
import re
from datetime import date

import pytest
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.errors import PermissionDenied, WrongCredentials
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.gui.errors import localized, message_for
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.security.permissions import Permission, require
from teiretsu_desktop.services.demo import generate_demo_data
from tests.gui.conftest import settle, unlock
from tests.helpers.stores import ADMIN, CASEWORKER, CLERK, TemplateStore, unlock_admin

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")  # lists show 和暦 (the Gregorian date is at hand in the forms)
# Codes and names that are the same in a Japanese interface.
ALLOWED = {
    ADMIN,
    CASEWORKER,
    CLERK,
    "English",  # a language is named in itself
    "OK",
    "PDF",
    "FAX",
    "ID",
    "Ctrl",
    "Teiretsu",
    "Excel",
    "CSV",
    "UTF",
    "TOML",
    "xlsx",
    "csv",
    "toml",
    "txt",
    "tsv",
}


def _texts(root: QWidget) -> list[str]:
    found: list[str] = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel):
            found.append(re.sub(r"<[^>]+>", "", widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = (
                model.columnCount() if isinstance(model, QAbstractTableModel | QSortFilterProxyModel) else 1
            )
            found += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
            for r in range(min(model.rowCount(), 30)):  # what the rows say, too (the audit log, the lists)
                cells = [str(model.index(r, c).data() or "") for c in range(columns)]
                found += cells
                found += [f"ISO date in a list: {c}" for c in cells if ISO_DATE.match(c)]
    return found


def _english(texts: list[str]) -> list[str]:
    """Texts that are English only: Latin words and no Japanese at all, beyond the allowed codes."""
    offenders = []
    for text in texts:
        words = [w for w in LATIN_WORD.findall(text) if w not in ALLOWED]
        if words and not JAPANESE.search(text):
            offenders.append(text)
    return offenders


def test_messages_show_the_interface_language_without_identifiers(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    wrong = WrongCredentials("スタッフ名またはパスフレーズが違います / Wrong staff name or passphrase.")
    assert message_for(wrong) == "スタッフ名またはパスフレーズが違います"
    try:
        require(Role.CLERICAL, Permission.OVERRIDE_CONSENT)
    except PermissionDenied as denied:
        shown = message_for(denied)
    assert (
        shown.startswith("この操作の権限がありません")
        and "override_consent" not in shown
        and "/" not in shown
    )
    assert "override_consent" in caplog.text  # the identifier goes to the log
    assert localized("入力を確認してください: 依頼日: 入力してください / 終結日: 必要です") == (
        "入力を確認してください: 依頼日: 入力してください / 終結日: 必要です"
    )  # Japanese on both sides of the 「 / 」: one language already
    assert localized("権限がありません / Not allowed.", "en") == "Not allowed."


def test_qt_standard_buttons_are_japanese() -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    labels = [b.text() for b in box.buttons()]
    assert "保存" in labels and "キャンセル" in labels, labels


def test_no_window_a_user_opens_is_english(
    qtbot: QtBot, gui: Application, store: TemplateStore, error_dialogs: list[str]
) -> None:
    session = unlock_admin(store.data_dir)
    generate_demo_data(session, persons=20, seed=3, today=date.today())
    session.lock()
    unlock(qtbot, gui)
    main = gui.main
    offenders: dict[str, list[str]] = {}
    for row in range(main.nav.count()):
        main.nav.setCurrentRow(row)
        settle(qtbot, gui)
        offenders[main.nav.item(row).text()] = _english(_texts(main))
        page = main.pages.currentWidget()
        for tabs in (
            [page, *page.findChildren(QTabWidget)] if isinstance(page, QTabWidget) else []
        ):  # 設定's tabs
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(qtbot, gui)
                offenders[f"{main.nav.item(row).text()} / {tabs.tabText(index)}"] = _english(_texts(main))
    main.nav.setCurrentRow(1)
    settle(qtbot, gui)
    main.cases.table.selectRow(0)
    main.cases._open_selected()
    settle(qtbot, gui)
    window = next(iter(main.case_windows.values()))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(qtbot, gui)
        offenders[f"case tab {window.tabs.tabText(index)}"] = _english(_texts(window))
    wizard = main.import_ledger()
    offenders["台帳の取込"] = _english(_texts(wizard))
    wizard.close()
    assert error_dialogs == []
    found = {k: sorted(set(v)) for k, v in offenders.items() if v}
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_the_language_is_a_setting_of_this_computer(qtbot: QtBot, gui: Application) -> None:
    unlock(qtbot, gui)
    page = gui.main.settings
    combo = next(c for c in page.findChildren(QComboBox) if c.accessibleName().startswith("表示言語"))
    combo.setCurrentIndex(combo.findData("en"))
    assert QSettings().value("ui/language") == "en"
    combo.setCurrentIndex(combo.findData(""))
    assert QSettings().value("ui/language") == ""
