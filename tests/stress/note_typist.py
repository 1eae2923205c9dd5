"""Child process: types a visit note into the real GUI and waits to be killed (kill -9 test).

Reads from stdin: data directory, staff name, passphrase, case id, the text to type.
Prints "saved" once the draft has been written, then keeps the event loop running.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from teiretsu_desktop.gui.cases.window import CaseWindow
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.store.paths import DataDir


def pump(until: object, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not until() and time.monotonic() < end:  # type: ignore[operator]
        QCoreApplication.processEvents()
        time.sleep(0.01)
    if not until():  # type: ignore[operator]
        raise SystemExit("timed out")


def open_case_from_stdin() -> tuple[QApplication, Application, CaseWindow, str]:
    """Read data directory, staff name, passphrase, case id and text from stdin; unlock the real GUI
    and open the case. Returns the Qt app, the application, the case window and the text to type."""
    root, login, passphrase, case_id, text = (sys.stdin.readline().rstrip("\n") for _ in range(5))
    qt = QApplication([])
    app = Application(qt, DataDir(Path(root)))
    app.show_start()
    app.unlock.staff.setCurrentText(login)
    app.unlock.passphrase.setText(passphrase)
    app.unlock.try_passphrase()
    pump(lambda: app.context.is_unlocked)
    app.main.open_case(case_id)
    window = app.main.case_windows[case_id]
    pump(lambda: not app.context.runner.busy and window.header.text() != "")
    return qt, app, window, text


def main() -> None:
    _qt, _app, window, text = open_case_from_stdin()
    window.tabs.setCurrentWidget(window.pages.timeline)
    note = window.pages.timeline.note
    note.setFocus()
    # Japanese arrives through the input method: commit the text a few characters at a time, as an
    # IME does after each conversion.
    for start in range(0, len(text), 4):
        event = QInputMethodEvent("", [])
        event.setCommitString(text[start : start + 4])
        QApplication.sendEvent(note, event)
        QCoreApplication.processEvents()
    pump(lambda: window.pages.timeline.draft_state.text() == "下書きを保存しました")
    print("saved", flush=True)
    while True:  # the parent kills us here, mid-session, without save or lock
        QCoreApplication.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main()
