"""The one store thread: every store operation runs on a single worker thread (DESIGN §2).

`submit()` queues a callable; its result (or exception) comes back on the GUI thread through a queued
signal. The GUI thread never touches the store, so typing stays smooth while a query runs; while
anything is queued the status bar says so (`busy_changed`). Views do not call this directly: they use
the typed operations of gui/operations.py.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from teiretsu_desktop.diagnostics import log_crash

T = TypeVar("T")
ErrorHandler = Callable[[BaseException], None]


class Progress:
    """Handed to long work on the store thread: reports progress, and says whether to go on."""

    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self.cancelled = False

    def __call__(self, done: int, total: int) -> bool:
        self._runner.progress.emit(done, total)
        return not self.cancelled


class TaskRunner(QObject):
    progress = Signal(int, int)
    busy_changed = Signal(bool)
    _finished = Signal(object)

    def __init__(self, on_unhandled: ErrorHandler) -> None:
        super().__init__()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="teiretsu-store")
        self._pending = 0
        self._on_unhandled = on_unhandled
        self._finished.connect(self._deliver)

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorHandler | None = None,
    ) -> Future[T]:
        """Run `fn()` on the store thread; `on_done(result)` or `on_error(exc)` runs on the GUI thread."""

        def job() -> T:
            try:
                result = fn()
            except BaseException as exc:
                self._finished.emit((on_error, None, exc))
                raise
            self._finished.emit((on_done, result, None))
            return result

        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        return self._executor.submit(job)

    def _deliver(self, payload: tuple[Any, Any, BaseException | None]) -> None:
        handler, result, error = payload
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        try:
            if error is not None:
                (handler or self._on_unhandled)(error)
            elif handler is not None:
                handler(result)
        except Exception as exc:  # a broken handler must not kill the event loop
            log_crash(exc)
            self._on_unhandled(exc)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
