"""Issue 16: lock and quit like a desktop program — Ctrl+L from any window, a lock screen that says why
and who, windows back after unlock, Ctrl+Q quits, SIGTERM/SIGINT quit cleanly with drafts kept."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence, QShortcut
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.context import LockReason
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services.case_record import form_draft
from teiretsu_desktop.services.demo import generate_demo_data
from tests.gui.conftest import settle, unlock
from tests.helpers.stores import TemplateStore, unlock_admin

REPO = Path(__file__).resolve().parents[2]


def _demo(store: TemplateStore) -> None:
    session = unlock_admin(store.data_dir)
    generate_demo_data(session, persons=4, seed=2, today=date.today())
    session.lock()


def _open_first_case(qtbot: QtBot, gui: Application) -> str:
    gui.main.nav.setCurrentRow(1)
    settle(qtbot, gui)
    gui.main.cases.table.selectRow(0)
    gui.main.cases._open_selected()
    settle(qtbot, gui)
    return next(iter(gui.main.case_windows))


def test_unlock_is_offered_once_a_passphrase_is_typed(qtbot: QtBot, gui: Application) -> None:
    gui.show_start()
    dialog = gui.unlock
    assert not dialog.unlock_button.isEnabled()
    dialog.passphrase.setText("x")
    assert dialog.unlock_button.isEnabled()
    dialog.passphrase.clear()
    assert not dialog.unlock_button.isEnabled()


def test_ctrl_l_in_a_case_window_locks_and_the_lock_screen_says_why_and_who(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    _demo(store)
    unlock(qtbot, gui)
    case_id = _open_first_case(qtbot, gui)
    window = gui.main.case_windows[case_id]
    shortcuts = {s.key().toString(): s for s in window.findChildren(QShortcut)}
    assert QKeySequence("Ctrl+L").toString() in shortcuts
    shortcuts[QKeySequence("Ctrl+L").toString()].activated.emit()  # as the key press does
    settle(qtbot, gui)
    assert not gui.context.is_unlocked and gui.unlock.isVisible()
    assert gui.unlock.reason.text() == LockReason.MANUAL.text()
    assert gui.unlock.staff.currentText() == "管理 太郎 (admin)"  # the last staff member, by name
    unlock(qtbot, gui)
    assert case_id in gui.main.case_windows  # the windows come back
    gui.context.lock(LockReason.IDLE)
    settle(qtbot, gui)
    assert "操作がなかった" in gui.unlock.reason.text()


def test_quit_quits_instead_of_locking(
    qtbot: QtBot, gui: Application, store: TemplateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock(qtbot, gui)
    quits: list[bool] = []
    monkeypatch.setattr(gui.app, "quit", lambda: quits.append(True))
    gui.main.show()
    gui.main.close()  # 終了 (Ctrl+Q) is the window's close
    settle(qtbot, gui)
    assert quits and not gui.context.is_unlocked and not gui.unlock.isVisible()


@pytest.mark.parametrize("which", ["SIGTERM", "SIGINT"])
def test_a_signal_quits_cleanly_and_keeps_what_was_typed(store: TemplateStore, which: str) -> None:
    _demo(store)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, str(REPO / "tests" / "gui" / "quit_probe.py"), str(store.data_dir.root), which],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.split()
    assert "locked" in lines, proc.stdout
    case_id = proc.stdout.split("typed ", 1)[1].split()[0]
    session = unlock_admin(store.data_dir)
    try:
        draft = form_draft(session, case_id)
    finally:
        session.lock()
    assert draft is not None and "シグナル刑務所" in str(draft.fields)
