"""R-SES-04: text copied from the application is cleared after the delay, and at once on lock;
text another program put there later is left alone."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.clipboard import ClipboardGuard
from teiretsu_desktop.gui.launcher import Application
from tests.gui.conftest import unlock


def _copy_from_a_field(qtbot: QtBot, text: str) -> QLineEdit:
    field = QLineEdit(text)
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.applicationState().name == "ApplicationActive")
    field.selectAll()
    field.copy()
    return field


def test_copied_text_is_cleared_after_the_delay(qtbot: QtBot, qapp: object) -> None:
    guard = ClipboardGuard(clear_after_ms=200)
    clipboard = QGuiApplication.clipboard()
    try:
        _copy_from_a_field(qtbot, "山田 太郎 昭和30年3月2日生")
        assert clipboard.text() == "山田 太郎 昭和30年3月2日生"
        qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)
    finally:
        guard.stop()


def test_lock_clears_the_clipboard(qtbot: QtBot, gui: Application) -> None:
    unlock(qtbot, gui)
    field = _copy_from_a_field(qtbot, "髙橋 花子")
    assert QGuiApplication.clipboard().text() == "髙橋 花子"
    gui.context.lock()
    assert QGuiApplication.clipboard().text() == ""
    field.close()
