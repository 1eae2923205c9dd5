"""The idle lock: after the center's idle time without keyboard or mouse input, lock everything."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Install on the QApplication. `clock` is injectable so tests can move time without waiting."""

    timed_out = Signal()
    remaining_changed = Signal(int)  # seconds left, for the status bar

    def __init__(self, minutes: int, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._clock = clock
        self._limit = minutes * 60.0
        self._last = clock()
        self._active = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check)

    def install(self, app: QCoreApplication) -> None:
        """Watch every event of `app`, before any window is shown.

        The filter is handed each event's receiver, and the first receiver of a class Qt keeps private
        (a line edit's cursor blink goes to its QWidgetLineControl) makes PySide create every QObject
        subclass it declares lazily: about 190 enum types, 40-80 ms. Meeting one here puts that into
        the start, before the lock screen shows, rather than at the first cursor blink while the
        passphrase is typed (issue 19)."""
        app.installEventFilter(self)
        probe = QLineEdit()
        probe.findChildren(QObject)
        del probe  # owned by Python, no parent: deleted with its wrapper

    def set_minutes(self, minutes: int) -> None:
        self._limit = minutes * 60.0
        self.touch()

    def start(self) -> None:
        self._active = True
        self.touch()
        self._timer.start()

    def stop(self) -> None:
        self._active = False
        self._timer.stop()

    def touch(self) -> None:
        self._last = self._clock()

    def remaining(self) -> int:
        return max(0, int(self._limit - (self._clock() - self._last)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # This filter sees every event of the application (about 10,000 while a case window opens).
        # A person's input comes from the window system, so only spontaneous events are looked at
        # further: asking any event its type builds a Python enum, a third of the filter's cost.
        if self._active and event.spontaneous() and event.type() in INPUT_EVENTS:
            self._last = self._clock()
        return False

    def check(self) -> None:
        if not self._active:
            return
        left = self.remaining()
        self.remaining_changed.emit(left)
        if left <= 0:
            self.stop()
            self.timed_out.emit()
