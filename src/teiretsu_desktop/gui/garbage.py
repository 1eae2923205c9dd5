"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is crossed. If
that is the store thread and the cycle holds a Qt object, Qt deletes a widget off the GUI thread (a
crash), and a generation-2 pass there stalls the GUI through the GIL. So, as Anki does, automatic
collection is switched off while the application runs and a timer collects on the GUI thread, one
generation at a time and only when that generation's threshold has been crossed.

What lives as long as the process — the modules imported at start, the lock screen, the main window
built while the passphrase is typed — is moved out of the collector's sight once it is built
(`settle(freeze=True)`): a full collection walked those 170,000 objects each time, 0.1–0.14 s of
frozen GUI while the passphrase was typed (issue 19); after it, 2–4 ms. Until then nothing is
collected: with automatic collection off, even the youngest generation held the 100,000 objects the
store thread was importing, and collecting it froze the lock screen as long.
Frozen objects are still freed when nothing refers to them; only cycles among them would stay, and
what is frozen is meant to stay.
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
        self._settled = False
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def settle(self, *, freeze: bool) -> None:
        """The long-lived part of the application is built: collections run from now on. With
        `freeze` (built before any session exists), what is alive is moved out of their sight first —
        not collected before, since that full pass is the freeze avoided (the little garbage the
        imports left stays)."""
        if freeze and not self._settled:
            gc.freeze()
        self._settled = True

    def collect_due(self) -> None:
        if not self._settled:
            return
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._threshold[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Give collection back to Python (at shutdown, after the store thread has finished)."""
        self._timer.stop()
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()
