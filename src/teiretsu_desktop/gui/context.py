"""What every view shares: the unlocked session, the task runner and the app-wide change signal.

Views never call services directly; they `run()` them on the store thread. Every completed change is
announced once through `data_changed(changes, initiator)`, and every view refreshes what it shows.
On lock, `locked` tells every view holding personal data to clear itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from teiretsu_desktop.domain.errors import StoreLocked
from teiretsu_desktop.gui.errors import show_error
from teiretsu_desktop.gui.tasks import TaskRunner
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import Changes, Outcome
from teiretsu_desktop.store.paths import DataDir


class AppContext(QObject):
    data_changed = Signal(object, object)  # Changes, initiator (the view that made the change, or None)
    about_to_lock = Signal()  # last chance to save what is being typed (drafts)
    locked = Signal()
    unlocked = Signal()

    def __init__(self, data_dir: DataDir, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.runner = runner or TaskRunner(self._unhandled)
        self._session: StaffSession | None = None
        self.main_widget: QWidget | None = None
        self.demo_hint: str | None = None

    # -- session ----------------------------------------------------------------------------------

    @property
    def session(self) -> StaffSession:
        if self._session is None:
            raise StoreLocked("ロックされています / The application is locked.")
        return self._session

    @property
    def is_unlocked(self) -> bool:
        return self._session is not None

    def set_session(self, session: StaffSession) -> None:
        self._session = session
        self.unlocked.emit()

    def lock(self) -> None:
        """Save drafts, clear every view, then lock the store on its thread (dispose engine, wipe key).

        The store thread runs jobs in order, so drafts queued by `about_to_lock` are written before
        the session closes. (The clipboard is cleared by gui.clipboard, which listens to `locked`.)"""
        if self._session is not None:
            self.about_to_lock.emit()
        session, self._session = self._session, None
        self.locked.emit()
        if session is not None:
            self.runner.submit(session.lock)

    # -- running use cases ------------------------------------------------------------------------

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        initiator: object = None,
        **kwargs: Any,
    ) -> None:
        """Run `fn(session, *args)` on the store thread. An Outcome's changes are broadcast."""
        session = self.session

        def done(result: Any) -> None:
            if isinstance(result, Outcome):
                self.data_changed.emit(result.changes, initiator)
                result = result.value
            if on_done is not None:
                on_done(result)

        self.runner.submit(fn, session, *args, on_done=done, on_error=on_error or self._unhandled, **kwargs)

    def announce(self, changes: Changes, initiator: object = None) -> None:
        self.data_changed.emit(changes, initiator)

    def _unhandled(self, error: BaseException) -> None:
        show_error(self.main_widget, error)
