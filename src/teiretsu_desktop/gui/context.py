"""What every view shares: the unlocked session, the store thread and the app-wide change signal.

Views never call services directly; they run them as typed operations (gui/operations.py) on the
store thread. Every completed change is broadcast once through `data_changed(changes, initiator)`,
and every view refreshes what it shows. `about_to_lock` lets windows keep what is being typed as
drafts; then `locked` tells every view holding personal data to clear itself.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from teiretsu_desktop.diagnostics import log_crash
from teiretsu_desktop.domain.errors import StoreLocked
from teiretsu_desktop.gui.errors import show_error
from teiretsu_desktop.gui.tasks import TaskRunner
from teiretsu_desktop.store.paths import DataDir

if TYPE_CHECKING:  # the store is imported when the first unlock needs it, not to show the lock screen
    from teiretsu_desktop.security.session import StaffSession


def log_lock_failure(error: BaseException) -> None:
    """The lock closes the store whatever happens; a failed lock audit entry is logged, not shown."""
    log_crash(error)


class LockReason(Enum):
    """Why the application locked: the lock screen says it, so nobody wonders what happened."""

    MANUAL = "manual"  # ロック (Ctrl+L)
    IDLE = "idle"  # no keyboard or mouse input for the center's idle time
    OS = "os"  # the computer's own screen lock or session switch
    KEYS = "keys"  # the database key was rotated: unlock again with the new slots

    def text(self) -> str:
        return {
            "manual": QCoreApplication.translate("LockReason", "ロックしました。"),
            "idle": QCoreApplication.translate(
                "LockReason", "しばらく操作がなかったため、自動でロックしました。"
            ),
            "os": QCoreApplication.translate("LockReason", "パソコンの画面ロックに合わせてロックしました。"),
            "keys": QCoreApplication.translate("LockReason", "鍵を更新したため、もう一度解除してください。"),
        }[self.value]


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
        self.lock_reason: LockReason | None = None
        self.quitting = False  # 終了: the lock that follows ends the application instead of waiting
        # Staff names for the lock screen, known while the application runs (never written to disk).
        self.staff_names: dict[str, str] = {}
        self.last_login: str | None = None

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

    def lock(self, reason: LockReason = LockReason.MANUAL) -> None:
        """Save drafts, clear every view, then lock the store on its thread (dispose engine, wipe key).

        The store thread runs jobs in order, so drafts queued by `about_to_lock` are written before
        the session closes. (The clipboard is cleared by gui.clipboard, which listens to `locked`.)"""
        if self._session is not None:
            self.last_login = self._session.actor.login
            self.lock_reason = reason
            self.about_to_lock.emit()
        session, self._session = self._session, None
        self.locked.emit()
        self.runner.drop_background()  # refreshes of views just cleared: the drafts and the lock come next
        if session is not None:
            self.runner.submit(session.lock, None, log_lock_failure, write=True)

    def show_unhandled(self, error: BaseException) -> None:
        show_error(self.main_widget, error)
