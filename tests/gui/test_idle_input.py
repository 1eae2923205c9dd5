"""The idle lock counts a person's input — keys and clicks from the window system — and nothing the
program does itself (issue 19 made the filter look only at spontaneous events)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.idle import IdleWatcher

REPO = Path(__file__).resolve().parents[2]


def test_a_key_or_a_click_restarts_the_idle_time_and_the_program_s_own_events_do_not(qtbot: QtBot) -> None:
    now = [1000.0]
    watcher = IdleWatcher(5, clock=lambda: now[0])
    app = QApplication.instance()
    assert app is not None
    watcher.install(app)
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


PROBE = """
import enum
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLineEdit
from teiretsu_desktop.gui.idle import IdleWatcher
qt = QApplication([])
IdleWatcher(5).install(qt)
made = []
create = enum.EnumType._create_
def counted(cls, name, names, **kw):
    made.append(name)
    return create(cls, name, names, **kw)
enum.EnumType._create_ = counted
edit = QLineEdit()
edit.findChildren(QObject)  # its QWidgetLineControl, as the filter is handed it at the cursor's blink
print("enum types made:", len(made))
"""


def test_the_first_cursor_blink_the_filter_sees_makes_no_python_types() -> None:
    # The filter is handed each event's receiver. The first one of a class Qt keeps private (a line
    # edit's cursor blink goes to its QWidgetLineControl) made PySide create every QObject subclass it
    # declares lazily, ~190 enum types: 40-80 ms of frozen lock screen while the passphrase was typed.
    # A fresh process: in this one, earlier tests have made them already.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120,
                          env=env, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "enum types made: 0" in done.stdout.splitlines(), done.stdout
