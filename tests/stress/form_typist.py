"""Child process: types into a case window's 基本情報 in the real GUI and waits to be killed.

Reads from stdin: data directory, staff name, passphrase, case id, the text to type (as 通称).
Prints "saved" once the window's draft has been written to the store, then keeps running.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.stress.note_typist import open_case_from_stdin, pump


def main() -> None:
    _qt, app, window, text = open_case_from_stdin()
    alias = window.person_form.widgets["alias"]
    assert isinstance(alias, QLineEdit)
    alias.setFocus()
    for start in range(0, len(text), 3):  # committed by the input method a few characters at a time
        event = QInputMethodEvent("", [])
        event.setCommitString(text[start : start + 3])
        QApplication.sendEvent(alias, event)
        QCoreApplication.processEvents()
    pump(lambda: window._draft_saved and not window._draft_timer.isActive() and not app.context.runner.busy)
    print("saved", flush=True)
    while True:  # killed here: no save, no lock, no question
        QCoreApplication.processEvents()


if __name__ == "__main__":
    main()
