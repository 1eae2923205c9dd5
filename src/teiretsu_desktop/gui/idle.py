"""The idle lock: after the center's idle time without a person's input, lock everything."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QInputEvent, QInputMethodEvent
from PySide6.QtWidgets import QLineEdit


class IdleWatcher(QObject):
    """`install` it on the QApplication; it watches between `start` and `stop`. `clock` is injectable so
    tests can move time without waiting.

    An application-wide filter is called for every event of every object: about 10,000 while a case
    window opens, 20 ms of that freeze. The idle time needs one input a second, not every event, so
    once the filter has seen a person's input it steps aside until the next check, a second later —
    what the input sets off (a window opening, a list filling) is not looked at (issue 19). The idle
    time is then known to within that second, against a limit of minutes."""

    timed_out = Signal()
    remaining_changed = Signal(int)  # seconds left, for the status bar

    def __init__(self, minutes: int, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._clock = clock
        self._limit = minutes * 60.0
        self._last = clock()
        self._active = False
        self._app: QCoreApplication | None = None
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check)

    def install(self, app: QCoreApplication) -> None:
        """Watch `app`'s events (from `start`), prepared before any window is shown.

        The filter is handed each event's receiver, and the first receiver of a class Qt keeps private
        (a line edit's cursor blink goes to its QWidgetLineControl) makes PySide create every QObject
        subclass it declares lazily: about 190 enum types, 40-80 ms. Meeting one here puts that into
        the start, before the lock screen shows, rather than into a frozen GUI later."""
        self._app = app
        probe = QLineEdit()
        probe.findChildren(QObject)
        del probe  # owned by Python, no parent: deleted with its wrapper

    def set_minutes(self, minutes: int) -> None:
        self._limit = minutes * 60.0
        self.touch()

    def start(self) -> None:
        self._active = True
        self.touch()
        self._watch()
        self._timer.start()

    def stop(self) -> None:
        self._active = False
        self._timer.stop()
        self._step_aside()

    def touch(self) -> None:
        self._last = self._clock()

    def remaining(self) -> int:
        return max(0, int(self._limit - (self._clock() - self._last)))

    def _watch(self) -> None:
        if not self._watching and self._app is not None:
            self._app.installEventFilter(self)
            self._watching = True

    def _step_aside(self) -> None:
        if self._watching and self._app is not None:
            self._app.removeEventFilter(self)  # (Qt allows this from inside eventFilter)
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A person's input: keys, the mouse, the wheel, touch (QInputEvent's kinds) from the window
        # system, and what an input method composes and commits — with one (ibus, fcitx, the Windows
        # IME) Japanese keys go to it, not to the window, and the text comes as input method events the
        # platform sends itself, not spontaneous ones. The program sends neither. The event arrives as
        # its own Python class, so its kind is an isinstance check: asking an event its type() builds a
        # Python enum member, a third of the filter's cost.
        if self._active and (
            isinstance(event, QInputMethodEvent) or (isinstance(event, QInputEvent) and event.spontaneous())
        ):
            self._last = self._clock()
            self._step_aside()
        return False

    def check(self) -> None:
        if not self._active:
            return
        self._watch()
        left = self.remaining()
        self.remaining_changed.emit(left)
        if left <= 0:
            self.stop()
            self.timed_out.emit()
