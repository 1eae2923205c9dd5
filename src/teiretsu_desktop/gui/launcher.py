"""Starting the desktop application: one instance per data directory, first run or unlock, then the
main window; the idle lock brings the unlock screen back."""

from __future__ import annotations

import importlib
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from teiretsu_desktop.diagnostics import setup_logging
from teiretsu_desktop.domain.errors import StoreNotFound, TeiretsuError
from teiretsu_desktop.domain.idle_lock import IDLE_LOCK_MINUTES
from teiretsu_desktop.gui.clipboard import ClipboardGuard
from teiretsu_desktop.gui.context import AppContext, LockReason
from teiretsu_desktop.gui.errors import message_for, set_ui_language
from teiretsu_desktop.gui.garbage import MainThreadCollector
from teiretsu_desktop.gui.idle import IdleWatcher
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.os_events import SessionLockFilter, register_session_notifications
from teiretsu_desktop.gui.resources import resource_path
from teiretsu_desktop.gui.unlock.dialog import UnlockDialog
from teiretsu_desktop.gui.unlock.first_run import FirstRunDialog
from teiretsu_desktop.store.location import check_location
from teiretsu_desktop.store.paths import DataDir, default_data_dir

if TYPE_CHECKING:  # imported when first needed: the lock screen shows without them (issue 19)
    from teiretsu_desktop.gui.main_window import MainWindow
    from teiretsu_desktop.security.session import StaffSession
    from teiretsu_desktop.services.demo_center import DemoCenter

JAPANESE_FONTS = [
    "Yu Gothic UI",
    "Meiryo UI",
    "IPAexGothic",
    "Noto Sans CJK JP",
    "IPAGothic",
    "Hiragino Sans",
]


def demo_data_dir() -> Path:
    return default_data_dir().with_name(default_data_dir().name + "-demo")


def install_translations(app: QApplication, language: str | None = None) -> str:
    """One language at a time, chosen by the setting `ui/language` or else the system locale. Japanese is
    the source language of our texts; Qt's own (buttons of standard dialogs, the file dialog, context
    menus) come from Qt's qtbase_<lang>.qm shipped with PySide6. English loads resources/i18n/teiretsu_en.qm.
    Returns the language the interface speaks."""
    wanted = (
        language or str(QSettings().value("ui/language", "") or "") or QLocale.system().name().split("_")[0]
    )
    chosen = "ja"
    if wanted != "ja":
        translator = QTranslator(app)
        if translator.load(str(resource_path("i18n", f"teiretsu_{wanted}.qm"))):
            app.installTranslator(translator)
            chosen = wanted
    qt = QTranslator(app)
    if qt.load(f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    set_ui_language(chosen)
    return chosen


class Application:
    def __init__(self, app: QApplication, data_dir: DataDir) -> None:
        self.app = app
        self.collector = MainThreadCollector()
        self.context = AppContext(data_dir)
        self._main: MainWindow | None = None
        self._main_ready = False  # built completely and wired to the session's notifications
        self.unlock = UnlockDialog(self.context)
        self.idle = IdleWatcher(IDLE_LOCK_MINUTES)
        self.idle.install(app)
        self.clipboard = ClipboardGuard()
        self.os_lock = SessionLockFilter(self.lock_now)
        app.installNativeEventFilter(self.os_lock)
        self.context.locked.connect(self.clipboard.clear_if_ours)
        self.unlock.unlocked.connect(self.on_unlocked)
        self.unlock.rejected.connect(self._unlock_closed)
        self.idle.timed_out.connect(lambda: self.context.lock(LockReason.IDLE))
        self.context.locked.connect(self.on_locked)

    @property
    def main(self) -> MainWindow:
        """The main window, complete: built while the passphrase is typed (`_warm_up`), or here at the
        first unlock (or when asked for). Its pages and what they import — the store, forms,
        spreadsheets — are not needed to show the lock screen (issue 19)."""
        main = self._window()
        if not self._main_ready:
            main.finish_building()
            register_session_notifications(int(main.winId()))
            self.idle.remaining_changed.connect(main.show_remaining)
            self._main_ready = True
            self.collector.settle(freeze=False)  # (frozen already when it was built ahead)
        return main

    def _window(self) -> MainWindow:
        """The main window as far as it is built (its frame at first)."""
        if self._main is None:
            from teiretsu_desktop.gui.main_window import MainWindow

            self._main = MainWindow(self.context, gradually=True)
        return self._main

    @property
    def main_built(self) -> bool:
        """Whether the main window is complete (built ahead while the passphrase is typed, or at unlock)."""
        return self._main is not None and self._main.complete

    def _warm_up(self) -> None:
        """While the passphrase is typed, the store thread imports what the unlock and the main window
        need (the lock screen showed without them); then the GUI thread builds the main window a page
        per turn of the event loop, so that after Enter neither waits and typing never stalls."""
        if self._main is None:
            with self.context.runner.background():
                self.context.runner.submit(
                    _import_for_unlock, lambda _none: self._build_ahead(), lambda _error: None
                )

    def _build_ahead(self) -> None:
        if self._main_ready or self.context.is_unlocked:
            return
        if self._window().build_step():
            QTimer.singleShot(0, self._build_ahead)
        else:  # built before any session exists: all of it lives as long as the process
            self.collector.settle(freeze=True)

    def lock_now(self) -> None:
        """The computer's own screen lock or a session switch."""
        if self.context.is_unlocked:
            self.context.lock(LockReason.OS)

    def on_unlocked(self, session: StaffSession) -> None:
        self.context.staff_names[session.actor.login] = session.actor.display_name
        self.context.lock_reason = None
        main = self.main  # built before the session is announced: its pages listen for it
        self.context.set_session(session)
        main.start()
        main.show()
        self.idle.start()
        from teiretsu_desktop.services.settings import load_settings

        QueryOp(
            self.context, load_settings, lambda s: self.idle.set_minutes(s.idle_lock_minutes)
        ).run_in_background()

    def on_locked(self) -> None:
        self.idle.stop()
        if self.context.quitting:
            self.app.quit()
            return
        self.unlock.reload()
        self.unlock.show()

    def quit_cleanly(self) -> None:
        """SIGINT / SIGTERM (a shutdown, Ctrl+C in a terminal): what is being typed is kept as drafts by
        the lock, then the application ends without asking."""
        self.context.quitting = True
        if self.context.is_unlocked:
            self.context.lock()
        else:
            self.app.quit()

    def _unlock_closed(self) -> None:
        if not self.context.is_unlocked:
            self.app.quit()

    def show_start(self) -> None:
        if self.context.data_dir.exists():
            self.unlock.reload()
            self.unlock.show()
            QTimer.singleShot(0, self._warm_up)
            return
        first = FirstRunDialog(self.context)
        first.ready.connect(self.unlock.reload)
        first.ready.connect(self.unlock.show)
        first.open_other.connect(self.switch_data_dir)
        first.rejected.connect(lambda: None if self.context.data_dir.exists() else self.app.quit())
        first.show()
        self._first = first

    def switch_data_dir(self, path: str) -> None:
        """The first-run screen's "open an existing data folder": use it for this session (start
        with --data-dir to use it every time)."""
        directory = DataDir(Path(path))
        try:
            if not directory.exists():
                raise StoreNotFound(f"このフォルダにはセンターのデータがありません / No store in {path}")
            check_location(directory.root)
        except TeiretsuError as error:
            QMessageBox.warning(None, "Teiretsu", message_for(error))
            self.show_start()
            return
        self.context.data_dir = directory
        self.show_start()

    def shutdown(self) -> None:
        if self.context.is_unlocked:
            self.context.lock()
        self.idle.stop()  # (and no longer filters the application's events)
        self.clipboard.stop()
        self.app.removeNativeEventFilter(self.os_lock)
        self.context.runner.shutdown()
        self.collector.stop()


def _prepare_demo(app: QApplication, application: Application) -> None:
    progress = QProgressDialog("デモセンターを準備しています…", "", 0, 0)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.show()

    def ready(demo: DemoCenter) -> None:
        progress.close()
        application.context.demo_hint = (
            f"デモセンターです (架空の人物のみ)。スタッフ名 {demo.login} / パスフレーズ {demo.passphrase}"
        )
        application.show_start()
        application.unlock.staff.setCurrentText(demo.login)

    def failed(error: BaseException) -> None:
        progress.close()
        QMessageBox.critical(None, "Teiretsu", message_for(error))
        app.quit()

    data_dir = application.context.data_dir

    def prepare() -> DemoCenter:
        from teiretsu_desktop.services.demo_center import ensure_demo_center

        return ensure_demo_center(data_dir)

    application.context.runner.submit(prepare, ready, failed)


def install_quit_signals(application: Application) -> QTimer:
    """SIGINT (Ctrl+C in a terminal) and SIGTERM (a shutdown) quit cleanly: drafts kept, store locked.
    Python runs signal handlers only between bytecodes, so a timer wakes the interpreter while Qt's
    event loop waits."""

    def handler(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, application.quit_cleanly)

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, handler)
    heartbeat = QTimer(application.app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)
    return heartbeat


def acquire_instance_lock(directory: DataDir) -> QLockFile | None:
    """One application instance per data directory (R-REL-07); None when another holds it.

    QLockFile notices a lock left by a crashed process (stale) and takes it over."""
    lock = QLockFile(str(directory.instance_lock))
    return lock if lock.tryLock(100) else None


def qt_application(language: str | None = None) -> QApplication:
    """The Qt application as both programs (and the GUI benchmark) start it: its name (for QSettings),
    a Japanese font, and the interface language (`language`, else the setting or the system's)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Teiretsu")
    font = QFont()
    font.setFamilies([*JAPANESE_FONTS, font.family()])
    app.setFont(font)
    install_translations(app, language)
    return app


def launch_workspace(folder: Path | None) -> int:
    """A prefecture's installation: the workspace that gathers the centers' signed statistics files. It
    holds no personal data and needs no center store; a center's own program does not offer it."""
    from teiretsu_desktop.gui.stats.workspace_window import WorkspaceWindow

    app = qt_application()
    window = WorkspaceWindow()
    if folder is not None:
        window.open_folder(folder)
    window.show()
    return app.exec()


def launch(*, data_dir: Path | None, demo: bool) -> int:
    root = data_dir or (demo_data_dir() if demo else default_data_dir())
    directory = DataDir(root.expanduser().resolve())
    app = qt_application()
    directory.ensure_private_root()
    setup_logging(directory.logs)
    lock = QLockFile(str(directory.instance_lock))
    if not lock.tryLock(100):
        QMessageBox.warning(
            None, "Teiretsu", "このデータは別のウィンドウで開かれています。そちらを使ってください。"
        )
        return 8
    application = Application(app, directory)
    install_quit_signals(application)
    try:
        if demo:
            _prepare_demo(app, application)
        else:
            application.show_start()
        return app.exec()
    finally:
        application.shutdown()
        lock.unlock()


def _import_for_unlock() -> None:
    importlib.import_module("teiretsu_desktop.security.unlock").prepare()
    importlib.import_module("teiretsu_desktop.gui.main_window")
