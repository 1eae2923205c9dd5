"""Lock when the operating system locks or suspends (R-SES-02).

Windows sends WM_WTSSESSION_CHANGE/WTS_SESSION_LOCK (after WTSRegisterSessionNotification) when the
user locks the session, and WM_POWERBROADCAST/PBT_APMSUSPEND before sleep. A native event filter sees
both and locks the application at once. Elsewhere the idle lock remains the safeguard (logind's Lock
and PrepareForSleep are not wired yet).
"""

from __future__ import annotations

import ctypes
import ctypes.wintypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QTimer

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
NOTIFY_FOR_THIS_SESSION = 0


class SessionLockFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:
        kind = bytes(event_type) if not isinstance(event_type, str) else event_type.encode()
        if kind == b"windows_generic_MSG" and message:
            msg = ctypes.wintypes.MSG.from_address(int(message))
            locking = msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK
            suspending = msg.message == WM_POWERBROADCAST and msg.wParam == PBT_APMSUSPEND
            if locking or suspending:
                QTimer.singleShot(0, self._on_lock)  # not inside the native handler
        return False, 0


def register_session_notifications(window_id: int) -> None:
    """Ask Windows to send session lock messages to this window (no-op elsewhere)."""
    if sys.platform == "win32":
        ctypes.windll.wtsapi32.WTSRegisterSessionNotification(window_id, NOTIFY_FOR_THIS_SESSION)  # type: ignore[attr-defined]
