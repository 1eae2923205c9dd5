"""What every view shares: the unlocked session, the store thread and the app-wide change signal.

Views never call services directly; they run them as typed operations (gui/operations.py) on the
store thread. Every completed change is broadcast once through `data_changed(changes, initiator)`,
and every view refreshes what it shows. `about_to_lock` lets windows keep what is being typed as
drafts; then `locked` tells every view holding personal data to clear itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from teiretsu_desktop.diagnostics import log_crash
from teiretsu_desktop.domain.errors import StoreLocked
from teiretsu_desktop.gui.errors import show_error
from teiretsu_desktop.gui.tasks import TaskRunner
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.paths import DataDir


def log_lock_failure(error: BaseException) -> None:
    """The lock closes the store whatever happens; a failed lock audit entry is logged, not shown."""
    log_crash(error)


class AppContext(QObject):
    data_changed = Signal(object, object)  # Changes, initiator (the view that made the change, or None)
    about_to_lock = Signal()  # last chance to save what is being typed (drafts)
    locked = Signal()
    unlocked = Signal()

    def __init__(self, data_dir: DataDir, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.runner = runner or TaskRunner(self.show_unhandled)
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
            self.runner.submit(session.lock, None, log_lock_failure)

    def show_unhandled(self, error: BaseException) -> None:
        show_error(self.main_widget, error)
