"""The idle lock counts a person's input — keys and clicks from the window system — and nothing the
program does itself (issue 19 made the filter look only at spontaneous events)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.idle import IdleWatcher


def test_a_key_or_a_click_restarts_the_idle_time_and_the_program_s_own_events_do_not(qtbot: QtBot) -> None:
    now = [1000.0]
    watcher = IdleWatcher(5, clock=lambda: now[0])
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watcher)
    try:
        edit = QLineEdit()
        qtbot.addWidget(edit)
        edit.show()
        watcher.start()
        now[0] += 4 * 60
        edit.setText("プログラムが入れた文字")  # not input
        QCoreApplication.sendEvent(
            edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        )
        assert watcher.remaining() == 60  # an event the program sent itself is not a person
        QTest.keyClick(edit, Qt.Key.Key_B)  # through the window system's path, as typed
        assert watcher.remaining() == 300
        now[0] += 4 * 60
        QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
        assert watcher.remaining() == 300
    finally:
        app.removeEventFilter(watcher)
