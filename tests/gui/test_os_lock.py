"""R-SES-02: a session-lock or suspend message, injected into the native event filter, locks the
application within a second."""

from __future__ import annotations

import ctypes
import ctypes.wintypes
import time

import pytest
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.os_events import (
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
)
from tests.gui.conftest import unlock


@pytest.mark.parametrize(
    ("message", "wparam"), [(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK), (WM_POWERBROADCAST, PBT_APMSUSPEND)]
)
def test_os_lock_and_suspend_lock_the_application(
    qtbot: QtBot, gui: Application, message: int, wparam: int
) -> None:
    unlock(qtbot, gui)
    other = ctypes.wintypes.MSG(message=0x0200, wParam=0)  # a mouse move: ignored
    gui.os_lock.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(other))
    qtbot.wait(50)
    assert gui.context.is_unlocked
    msg = ctypes.wintypes.MSG(message=message, wParam=wparam)
    start = time.monotonic()
    gui.os_lock.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg))
    qtbot.waitUntil(lambda: not gui.context.is_unlocked, timeout=1000)
    assert time.monotonic() - start < 1.0
    assert gui.unlock.isVisible()
