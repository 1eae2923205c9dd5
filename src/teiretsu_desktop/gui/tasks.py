"""The one store thread: every store operation runs on a single worker thread (DESIGN §2).

`submit()` queues a callable; its result (or exception) comes back on the GUI thread through a queued
signal. The GUI thread never touches the store, so typing stays smooth while a query runs; while
anything is queued the status bar says so (`busy_changed`). Views do not call this directly: they use
the typed operations of gui/operations.py.

What the user waits for comes first (issue 19). Two queues, each in order:
- the foreground: what the user asked for — a save, a search, the window they act in;
- the background: what is submitted inside `background()` — the refreshes of other views after a
  change is broadcast. A foreground task never waits behind them.
A task may name a `key`: submitting another with the same key drops the one still queued (a search
typed on supersedes the one before it; its callbacks never run). Writes carry no key and are never
dropped; at a lock the background queue is dropped (those views are cleared anyway), so that the
drafts and the lock itself are next.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
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


@dataclass
class _Task:
    run: Callable[[], None]
    future: Future[Any]
    key: str | None = None
    background: bool = False


class TaskRunner(QObject):
    progress = Signal(int, int)
    busy_changed = Signal(bool)
    _finished = Signal(object)

    def __init__(self, on_unhandled: ErrorHandler) -> None:
        super().__init__()
        self._pending = 0  # GUI thread only: submitted and not yet delivered or dropped
        self._on_unhandled = on_unhandled
        self._finished.connect(self._deliver)
        self._foreground: deque[_Task] = deque()
        self._background: deque[_Task] = deque()
        self._wake = threading.Condition()
        self._closing = False
        self._background_depth = 0
        self._thread = threading.Thread(target=self._work, name="teiretsu-store", daemon=True)
        self._thread.start()

    # -- GUI thread ---------------------------------------------------------------------------------

    @contextmanager
    def background(self) -> Iterator[None]:
        """Tasks submitted inside this block wait behind every foreground task."""
        self._background_depth += 1
        try:
            yield
        finally:
            self._background_depth -= 1

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorHandler | None = None,
        *,
        key: str | None = None,
        write: bool = False,
    ) -> Future[T]:
        """Run `fn()` on the store thread; `on_done(result)` or `on_error(exc)` runs on the GUI thread.
        A `write` is always foreground (never dropped at a lock)."""
        future: Future[T] = Future()

        def job() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn()
            except BaseException as exc:
                future.set_exception(exc)
                self._finished.emit((on_error, None, exc))
                return
            future.set_result(result)
            self._finished.emit((on_done, result, None))

        task = _Task(job, future, key, background=self._background_depth > 0 and not write)
        with self._wake:
            dropped = self._drop(lambda queued: key is not None and queued.key == key)
            (self._background if task.background else self._foreground).append(task)
            self._wake.notify()
        before = self._pending
        self._pending = before - dropped + 1
        if before == 0:
            self.busy_changed.emit(True)
        return future

    def drop_background(self) -> int:
        """Forget the queued background work (at a lock: the views it would refresh are cleared)."""
        with self._wake:
            dropped = self._drop(lambda queued: queued.background)
        self._forget(dropped)
        return dropped

    def _drop(self, which: Callable[[_Task], bool]) -> int:
        """Remove queued (not started) tasks; called with the lock held."""
        count = 0
        for queue in (self._foreground, self._background):
            for queued in [t for t in queue if which(t)]:
                queue.remove(queued)
                queued.future.cancel()
                count += 1
        return count

    def _forget(self, count: int) -> None:
        if count:
            self._pending -= count
            if self._pending == 0:
                self.busy_changed.emit(False)

    def _deliver(self, payload: tuple[Any, Any, BaseException | None]) -> None:
        handler, result, error = payload
        self._forget(1)
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
        """Finish what is queued, then stop the thread."""
        with self._wake:
            self._closing = True
            self._wake.notify()
        self._thread.join()

    # -- the store thread ---------------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            with self._wake:
                while not self._foreground and not self._background and not self._closing:
                    self._wake.wait()
                if self._foreground:
                    task = self._foreground.popleft()
                elif self._background:
                    task = self._background.popleft()
                else:
                    return  # closing, nothing left
            task.run()
