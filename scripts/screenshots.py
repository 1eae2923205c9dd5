"""Render the main screens to PNG under docs/screenshots/ on a 1366×768 laptop screen (offscreen), to
look at them.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Uses a fresh demo center in a temporary directory (synthetic people only). The offscreen screen is
1366×768 (an offscreen configfile) unless QT_QPA_PLATFORM is already set; windows size themselves to it
as they would on the laptop.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from teiretsu_desktop.gui.launcher import JAPANESE_FONTS, Application, install_translations
from teiretsu_desktop.services.demo_center import ensure_demo_center
from teiretsu_desktop.store.paths import DataDir

SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}]}


def laptop_screen() -> None:
    """An offscreen screen of a caseworker's laptop (read when the QApplication is made)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        config = Path(tempfile.mkdtemp(prefix="teiretsu-screen-")) / "screen.json"
        config.write_text(json.dumps(SCREEN), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def settle(app: Application, seconds: float = 0.3) -> None:
    """Let queued store work finish and the GUI repaint."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if not app.context.runner.busy:
            break
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def shoot(widget: QWidget, out: Path, name: str) -> None:
    widget.grab().save(str(out / f"{name}.png"))
    print(f"wrote {out / name}.png")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    laptop_screen()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # no remembered geometry from the user's own use
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    qt = QApplication.instance() or QApplication([])
    assert isinstance(qt, QApplication)
    install_translations(qt, "ja")
    font = qt.font()
    font.setFamilies([*JAPANESE_FONTS, font.family()])
    qt.setFont(font)
    with tempfile.TemporaryDirectory(prefix="teiretsu-shots-") as tmp:
        demo = ensure_demo_center(DataDir(Path(tmp) / "demo"))
        app = Application(qt, demo.data_dir)
        app.context.demo_hint = f"デモセンター: スタッフ名 {demo.login} / パスフレーズ {demo.passphrase}"
        app.show_start()
        app.unlock.staff.setCurrentText(demo.login)
        settle(app)
        shoot(app.unlock, out, "01-unlock")
        app.unlock.passphrase.setText(demo.passphrase)
        app.unlock.try_passphrase()
        settle(app, 1.0)
        main = app.main
        for index, name in enumerate(["02-dashboard", "03-cases", "04-consultations", "05-agencies", "06-network",
                                      "07-stats", "08-settings"]):  # fmt: skip
            main.nav.setCurrentRow(index)
            if name == "07-stats":
                main.stats.year.setCurrentIndex(1)  # the last complete 年度
            settle(app)
            shoot(main, out, name)
        main.nav.setCurrentRow(1)
        main.cases.search.setText("やまだ")
        settle(app, 0.6)
        shoot(main, out, "03b-cases-search")
        main.cases._activated(main.cases.model.index(0, 0))
        settle(app, 1.0)
        window = next(iter(main.case_windows.values()))
        for tab in range(window.tabs.count()):
            window.tabs.setCurrentIndex(tab)
            settle(app)
            shoot(window, out, f"10-case-tab{tab + 1}")
        wizard = main.import_ledger()
        settle(app)
        shoot(wizard, out, "11-ledger-import")
        wizard.close()
        main.nav.setCurrentRow(5)
        settle(app)
        main.stats.open_export()
        settle(app)
        export = main.stats.findChildren(QDialog)[-1]
        export.check()  # type: ignore[attr-defined]
        settle(app, 1.0)
        shoot(export, out, "12-stats-export")
        export.close()
        app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
