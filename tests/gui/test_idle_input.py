"""The idle lock counts a person's input — keys and clicks from the window system — and nothing the
program does itself (issue 19 made the filter look only at spontaneous events)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.idle import IdleWatcher

REPO = Path(__file__).resolve().parents[2]


@contextmanager
def watching(qtbot: QtBot, watcher: IdleWatcher) -> Iterator[QLineEdit]:
    """`watcher` installed on the application and started (as at an unlock), with a field to type in."""
    app = QApplication.instance()
    assert app is not None
    watcher.install(app)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    watcher.start()
    try:
        yield edit
    finally:
        watcher.stop()


def test_a_key_or_a_click_restarts_the_idle_time_and_the_program_s_own_events_do_not(qtbot: QtBot) -> None:
    now = [1000.0]
    watcher = IdleWatcher(5, clock=lambda: now[0])
    with watching(qtbot, watcher) as edit:
        now[0] += 4 * 60
        edit.setText("プログラムが入れた文字")  # not input
        QCoreApplication.sendEvent(
            edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        )
        assert watcher.remaining() == 60  # an event the program sent itself is not a person
        QTest.keyClick(edit, Qt.Key.Key_B)  # through the window system's path, as typed
        assert watcher.remaining() == 300
        now[0] += 4 * 60
        watcher.check()  # the next second
        QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
        assert watcher.remaining() == 300


def test_japanese_typed_through_an_input_method_restarts_the_idle_time(qtbot: QtBot) -> None:
    # With an input method (ibus, fcitx, the Windows IME) the keys go to it, not to the window; what
    # is composed and committed arrives as input method events the platform sends, not spontaneous
    # ones. A caseworker writing a long 支援経過 note in Japanese was "idle" all along.
    now = [1000.0]
    watcher = IdleWatcher(5, clock=lambda: now[0])
    with watching(qtbot, watcher) as edit:
        now[0] += 4 * 60
        composing = QInputMethodEvent("やまだ", [])
        QCoreApplication.sendEvent(edit, composing)  # as the input method delivers it
        assert watcher.remaining() == 300
        now[0] += 4 * 60
        watcher.check()
        committed = QInputMethodEvent("", [])
        committed.setCommitString("山田")
        QCoreApplication.sendEvent(edit, committed)
        assert watcher.remaining() == 300
        assert edit.text() == "山田"


class CountingWatcher(IdleWatcher):
    def __init__(self, minutes: int) -> None:
        super().__init__(minutes)
        self.looked_at = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.looked_at += 1
        return super().eventFilter(watched, event)


def test_after_a_person_s_input_the_filter_steps_aside_until_the_next_check(qtbot: QtBot) -> None:
    # An application-wide filter is called for every event (about 10,000 while a case window opens,
    # 20 ms of a 60 ms freeze). One input in a second is all the idle time needs; what that input
    # sets off — a window opening — is not looked at.
    watcher = CountingWatcher(5)
    with watching(qtbot, watcher) as edit:
        QTest.keyClick(edit, Qt.Key.Key_Return)  # the person opens something
        seen = watcher.looked_at
        opened = QWidget()
        qtbot.addWidget(opened)
        form = QFormLayout(opened)
        for number in range(30):
            form.addRow(f"項目{number}", QLineEdit(opened))
        opened.show()
        qtbot.waitExposed(opened)
        QTest.keyClick(edit, Qt.Key.Key_A)
        assert watcher.looked_at == seen
        watcher.check()  # a second later: looking again
        QTest.keyClick(edit, Qt.Key.Key_B)
        assert watcher.looked_at > seen
    seen = watcher.looked_at
    QTest.keyClick(edit, Qt.Key.Key_C)
    assert watcher.looked_at == seen  # locked: nothing is looked at


PROBE = """
import enum
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWidget
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
