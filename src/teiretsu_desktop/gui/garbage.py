"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is crossed. If
that is the store thread and the cycle holds a Qt object, Qt deletes a widget off the GUI thread (a
crash), and a generation-2 pass there stalls the GUI through the GIL. So, as Anki does, automatic
collection is switched off while the application runs and a timer collects on the GUI thread, one
generation at a time and only when that generation's threshold has been crossed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._threshold[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Give collection back to Python (at shutdown, after the store thread has finished)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
