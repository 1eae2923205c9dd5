"""Issue 16: on a 1366×768 or 1280×720 laptop every window lies inside the screen's available area, so
its status and message lines are visible; the main window comes back as the user left it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.main_window import MainWindow
from teiretsu_desktop.gui.window_geometry import FRAME, fit_to_screen, remember
from teiretsu_desktop.services.demo import generate_demo_data
from tests.gui.conftest import settle, unlock
from tests.helpers.stores import TemplateStore, unlock_admin

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_every_window_fits_a_laptop_screen(
    store: TemplateStore, tmp_path: Path, width: int, height: int
) -> None:
    session = unlock_admin(store.data_dir)
    generate_demo_data(session, persons=6, seed=2, today=date.today())
    session.lock()
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96}]}))  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, str(REPO / "tests" / "gui" / "screen_probe.py"), str(store.data_dir.root)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["area"] == [width, height]
    assert set(report["windows"]) >= {"main", "case", "print", "import", "referral"}
    for name, window in report["windows"].items():
        w, h = window["size"]
        assert window["inside"], f"{name} at {window['frame']} leaves the {width}×{height} screen"
        # A window manager's title bar and border are not there offscreen: the window leaves room for them.
        assert w + FRAME.width() <= width and h + FRAME.height() <= height, (
            f"{name} {w}×{h}: no room for a frame"
        )
        assert window["status_visible"], name


def test_fit_to_screen_leaves_room_for_the_frame(qtbot: QtBot, gui: Application) -> None:
    window = gui.main
    assert isinstance(window, MainWindow)
    fit_to_screen(window, 1280, 800)
    area = window.screen().availableGeometry()
    outer = QRect(window.x(), window.y(), window.width() + FRAME.width(), window.height() + FRAME.height())
    assert area.contains(outer)


def test_the_main_window_comes_back_maximised(qtbot: QtBot, gui: Application) -> None:
    gui.main.showMaximized()
    qtbot.waitUntil(gui.main.isMaximized)
    remember(gui.main, "main")
    again = MainWindow(gui.context)
    qtbot.addWidget(again)
    assert again.isMaximized() or bool(again.windowState() & Qt.WindowState.WindowMaximized)


def test_enter_on_a_list_row_opens_the_case_and_rows_do_not_wrap(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    generate_demo_data(session, persons=4, seed=2, today=date.today())
    session.lock()
    unlock(qtbot, gui)
    view = gui.main.cases
    gui.main.nav.setCurrentRow(1)
    settle(qtbot, gui)
    assert not view.table.wordWrap() and view.table.textElideMode() == Qt.TextElideMode.ElideRight
    gui.main.resize(1280, 728)  # the main window on a 1366×768 laptop (window_geometry)
    gui.main.show()
    qtbot.waitExposed(gui.main)
    qtbot.wait(50)
    assert view.table.horizontalScrollBar().maximum() == 0  # every column beside the menu, no scrolling
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    settle(qtbot, gui)
    assert len(gui.main.case_windows) == 1
