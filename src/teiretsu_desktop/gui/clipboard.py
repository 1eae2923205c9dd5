"""Personal data copied to the clipboard does not stay there (R-SES-04): text copied from this
application is cleared after 30 seconds, and at once on lock.

"From this application" is what the platform says (`ownsClipboard`) or, where a platform cannot say
(offscreen, Wayland), a copy made while our window is active. Only the text we saw is cleared, so
something copied later from another program is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000


class ClipboardGuard(QObject):
    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__()
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is None or not clipboard.text():
            return
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if clipboard.ownsClipboard() or active:
            self._ours = clipboard.text()
            self._timer.start()

    def clear_if_ours(self) -> None:
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and self._ours is not None and clipboard.text() == self._ours:
            clipboard.clear()
        self._ours = None

    def stop(self) -> None:
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.dataChanged.disconnect(self._changed)
