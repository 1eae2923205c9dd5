"""Run by test_lock_and_quit.py in a child process: the application as launched, a case window with
unsaved typing, then a signal (SIGTERM or SIGINT) sent to the process itself. It must end cleanly."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from teiretsu_desktop.gui.launcher import Application, install_quit_signals, install_translations
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.stores import ADMIN, ADMIN_PASS


def main() -> int:
    store, which = Path(sys.argv[1]), getattr(signal, sys.argv[2])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    qt = QApplication([])
    install_translations(qt, "ja")
    app = Application(qt, DataDir(store))
    install_quit_signals(app)
    app.show_start()
    app.unlock.staff.setCurrentText(ADMIN)
    app.unlock.passphrase.setText(ADMIN_PASS)
    app.unlock.try_passphrase()

    def open_case() -> None:
        if not app.context.is_unlocked or app.context.runner.busy:
            QTimer.singleShot(50, open_case)
            return
        app.main.nav.setCurrentRow(1)  # the list reads its first page when shown
        QTimer.singleShot(50, pick)

    def pick() -> None:
        if app.context.runner.busy or app.main.cases.model.rowCount() == 0:
            QTimer.singleShot(50, pick)
            return
        app.main.cases.table.selectRow(0)
        app.main.cases._open_selected()
        QTimer.singleShot(50, type_and_signal)

    def type_and_signal() -> None:
        if not app.main.case_windows or app.context.runner.busy:
            QTimer.singleShot(50, type_and_signal)
            return
        window = next(iter(app.main.case_windows.values()))
        window.case_form.set_value("facility_name", "シグナル刑務所")
        print(f"typed {window.case_id}", flush=True)
        os.kill(os.getpid(), which)

    QTimer.singleShot(50, open_case)
    QTimer.singleShot(30_000, qt.quit)  # a signal that does nothing ends here, and the test fails
    try:
        code = qt.exec()
    finally:
        app.shutdown()
    print("locked" if not app.context.is_unlocked else "still unlocked", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
