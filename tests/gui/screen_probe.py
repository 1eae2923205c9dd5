"""Run by test_fits_the_screen.py in a child process whose offscreen screen is a laptop's (QT_QPA_PLATFORM
offscreen with a configfile): open every kind of top-level window and print where each lies."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from teiretsu_desktop.gui.launcher import Application, install_translations
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.stores import ADMIN, ADMIN_PASS


def _settle(app: Application) -> None:
    """Until the store thread has answered everything queued (as tests/gui/conftest.settle)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if not app.context.runner.busy:
            break
        time.sleep(0.01)
    QCoreApplication.processEvents()


def main() -> int:
    store = Path(sys.argv[1])
    settings = tempfile.mkdtemp(prefix="qsettings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    qt = QApplication([])
    install_translations(qt, "ja")
    app = Application(qt, DataDir(store))
    app.show_start()
    app.unlock.staff.setCurrentText(ADMIN)
    app.unlock.passphrase.setText(ADMIN_PASS)
    app.unlock.try_passphrase()
    _settle(app)
    main_window = app.main
    main_window.nav.setCurrentRow(1)
    _settle(app)
    main_window.cases.table.selectRow(0)
    main_window.cases._open_selected()
    _settle(app)
    case_window = next(iter(main_window.case_windows.values()))
    windows: dict[str, QWidget] = {"main": main_window, "case": case_window}
    windows["print"] = case_window.open_print() or case_window
    windows["import"] = main_window.import_ledger()
    main_window.new_referral()
    _settle(app)
    for widget in qt.topLevelWidgets():
        if widget.isVisible() and type(widget).__name__ == "NewReferralDialog":
            windows["referral"] = widget
    area = qt.primaryScreen().availableGeometry()
    report = {}
    for name, widget in windows.items():
        frame = widget.frameGeometry()
        status = getattr(widget, "statusBar", None)
        bottom = widget.mapTo(widget.window(), widget.rect().bottomLeft()).y()
        report[name] = {
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "inside": area.contains(frame),
            "status_visible": bool(status().isVisible()) if callable(status) else True,
            "bottom": bottom,
            "size": [widget.width(), widget.height()],
        }
    print(json.dumps({"area": [area.width(), area.height()], "windows": report}))
    for window in list(main_window.case_windows.values()):
        window.close()
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
