"""The main window: navigation, the pages, the status bar and the open case windows.

It only composes the feature packages; each page owns its behaviour.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QSplitter, QStackedWidget, QTabWidget

from teiretsu_desktop.gui.cases.list_view import CaseListView
from teiretsu_desktop.gui.cases.new_referral import NewReferralDialog
from teiretsu_desktop.gui.cases.person_window import PersonWindow
from teiretsu_desktop.gui.cases.window import CaseWindow
from teiretsu_desktop.gui.context import AppContext, LockReason
from teiretsu_desktop.gui.dashboard.view import DashboardView
from teiretsu_desktop.gui.directory.advice import AdvicePage
from teiretsu_desktop.gui.directory.agencies import AgenciesPage
from teiretsu_desktop.gui.directory.consultations import ConsultationsPage
from teiretsu_desktop.gui.directory.network import NetworkPage
from teiretsu_desktop.gui.ledger.import_wizard import ImportWizard
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.printing.dialog import PrintDialog
from teiretsu_desktop.gui.settings.page import SettingsView
from teiretsu_desktop.gui.stats.view import StatsView
from teiretsu_desktop.gui.sync.page import SyncView
from teiretsu_desktop.gui.window_geometry import remember, restore
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services.case_record import FormDraftView, form_drafts
from teiretsu_desktop.services.cases import latest_case_of
from teiretsu_desktop.services.settings import center_info


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, *, gradually: bool = False) -> None:
        """With `gradually`, only the frame is built now: the caller then calls `build_step()` from the
        event loop while the passphrase is typed, a page at a time, so that no step holds the GUI thread
        long (issue 19); `finish_building()` completes what is left."""
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.setWindowTitle("Teiretsu — 地域生活定着支援センター")
        restore(self, "main", 1280, 800)
        self._steps: Iterator[None] | None = self._build(context)
        if not gradually:
            self.finish_building()

    def build_step(self) -> bool:
        """Build one more part; False once the window is complete."""
        if self._steps is None:
            return False
        try:
            next(self._steps)
        except StopIteration:
            self._steps = None
        return self._steps is not None

    @property
    def complete(self) -> bool:
        return self._steps is None

    def finish_building(self) -> None:
        while self.build_step():
            pass

    def _build(self, context: AppContext) -> Iterator[None]:
        self.dashboard = DashboardView(context, self)
        yield
        self.cases = CaseListView(context, self)
        yield
        self.consultations = ConsultationsPage(context, self)
        self.agencies = AgenciesPage(context, self)
        self.network = NetworkPage(context, self)
        self.advice = AdvicePage(context, self)
        yield
        # 連携活動 holds the network's events and the advice given during selection (指針 第4 4).
        self.collaboration = QTabWidget(self)
        self.collaboration.addTab(self.network, self.tr("連携活動"))
        self.collaboration.addTab(self.advice, self.tr("選定段階の助言"))
        self.stats = StatsView(context, self)
        yield
        self.settings = SettingsView(context, self)
        yield
        self.sync = SyncView(context, self)
        yield
        self.pages = QStackedWidget(self)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("メニュー"))
        self.nav.setMaximumWidth(200)
        self.nav.setStyleSheet("QListWidget { font-size: 12pt; } QListWidget::item { padding: 8px 10px; }")
        entries = [
            (self.tr("ダッシュボード"), self.dashboard, "Ctrl+1"),
            (self.tr("対象者・ケース"), self.cases, "Ctrl+2"),
            (self.tr("相談"), self.consultations, "Ctrl+3"),
            (self.tr("関係機関"), self.agencies, "Ctrl+4"),
            (self.tr("連携活動"), self.collaboration, "Ctrl+5"),
            (self.tr("統計・報告"), self.stats, "Ctrl+6"),
            (self.tr("設定"), self.settings, "Ctrl+7"),
            (self.tr("同期"), self.sync, "Ctrl+8"),
        ]
        for index, (label, page, shortcut) in enumerate(entries):
            self.nav.addItem(label)
            self.pages.addWidget(page)
            action = QAction(label, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        splitter = QSplitter(self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.who = QLabel(self)
        self.who.setObjectName("statusWho")
        self.lock_in = QLabel(self)
        self.lock_in.setObjectName("statusLock")
        self.busy = QLabel(self)
        self.statusBar().addWidget(self.who)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.lock_in)
        menu = self.menuBar().addMenu(self.tr("ファイル(&F)"))
        lock = QAction(self.tr("ロック(&L)"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(lambda: context.lock(LockReason.MANUAL))
        menu.addAction(lock)
        new = QAction(self.tr("新規受付(&N)"), self)
        self.new_action = new
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_referral)
        menu.addAction(new)
        blank = QAction(self.tr("白紙の面接シートを印刷(&B)…"), self)
        blank.triggered.connect(lambda: PrintDialog(self.context, None, self).open())
        menu.addAction(blank)
        ledger = QAction(self.tr("台帳の取込(&I)…"), self)
        self.import_action = ledger
        ledger.triggered.connect(self.import_ledger)
        menu.addAction(ledger)
        register = QAction(self.tr("第三者提供記録簿（期間）を印刷(&R)…"), self)
        register.triggered.connect(self.print_register)
        menu.addAction(register)
        quit_action = QAction(self.tr("終了(&Q)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.case_windows: dict[str, CaseWindow] = {}
        self.person_windows: dict[str, PersonWindow] = {}
        self._open_at_lock: list[str] = []
        self._locked_by: str | None = None
        context.about_to_lock.connect(self._remember_open_windows)
        self.dashboard.open_case.connect(self.open_case)
        self.dashboard.open_person.connect(self.open_person)
        self.cases.open_case.connect(self.open_case)
        self.cases.open_person.connect(self.open_person_view)
        self.cases.new_referral.connect(self.new_referral)
        self.consultations.open_case.connect(self.open_case)
        context.runner.busy_changed.connect(lambda b: self.busy.setText(self.tr("処理中…") if b else ""))
        context.locked.connect(self._locked)
        context.main_widget = self
        self.nav.setCurrentRow(0)
        yield
        self.ensurePolished()  # style and fonts resolved before the first show

    # -- session ----------------------------------------------------------------------------------

    def start(self) -> None:
        """After unlock: fill every page, and bring back the case windows that were open at the lock
        (for the same staff member) and those with unsaved edits left by a quit or a crash."""
        actor = self.context.session.actor
        may_register = self.context.session.can(Permission.WRITE_CASES)
        self.new_action.setVisible(may_register)
        self.new_action.setEnabled(may_register)
        self.import_action.setVisible(may_register)
        self.import_action.setEnabled(may_register)
        self.cases.new_button.setVisible(may_register)
        reopen = self._open_at_lock if self._locked_by == actor.staff_id else []
        self._open_at_lock, self._locked_by = [], None
        for case_id in reopen:
            self.open_case(case_id)
        QueryOp(self.context, form_drafts, self._reopen_drafts).run_in_background()
        self.who.setText(f"{actor.display_name} ({actor.role.label_ja})")
        QueryOp(
            self.context, center_info, lambda c: self.setWindowTitle(f"Teiretsu — {c.center_name}")
        ).run_in_background()
        for page in (self.dashboard, self.consultations, self.agencies, self.network, self.advice):
            page.start()  # read when shown (the dashboard is)
        self.cases.start()
        self.stats.start()
        self.settings.start()
        may_sync = self.context.session.can(Permission.SYNC)
        self.nav.item(self.pages.indexOf(self.sync)).setHidden(not may_sync)
        if may_sync:
            self.sync.start()

    def show_remaining(self, seconds: int) -> None:
        self.lock_in.setText(self.tr("自動ロックまで {0}:{1:02d}").format(seconds // 60, seconds % 60))

    def _reopen_drafts(self, drafts: list[FormDraftView]) -> None:
        for draft in drafts:
            self.open_case(draft.case_id)

    def _remember_open_windows(self) -> None:
        if self.context.is_unlocked:
            self._open_at_lock = list(self.case_windows)
            self._locked_by = self.context.session.actor.staff_id

    def _locked(self) -> None:
        for window in list(self.case_windows.values()):
            window.clear_and_close()
        self.case_windows.clear()
        self.who.clear()
        self.lock_in.clear()
        self.setWindowTitle("Teiretsu")
        self.hide()

    # -- navigation -------------------------------------------------------------------------------

    def open_case(self, case_id: str) -> None:
        window = self.case_windows.get(case_id)
        if window is None:
            window = CaseWindow(self.context, case_id)
            window.closed.connect(lambda cid: self.case_windows.pop(cid, None))
            window.person_view_requested.connect(self.open_person_view)
            self.case_windows[case_id] = window
        window.show()
        window.raise_()
        window.activateWindow()

    def open_person_view(self, person_id: str, case_id: str | None = None) -> None:
        """本人の全体像: every case of the person and how they follow each other (one window per person)."""
        window = self.person_windows.get(person_id)
        if window is None:
            window = PersonWindow(self.context, person_id, self.open_case, current_case=case_id)
            window.closed.connect(lambda pid: self.person_windows.pop(pid, None))
            self.person_windows[person_id] = window
        window.show()
        window.raise_()
        window.activateWindow()

    def open_person(self, person_id: str) -> None:
        """A person-level reminder (consent, 手帳, 要介護認定) opens the person's latest case."""
        QueryOp(
            self.context,
            lambda s: latest_case_of(s, person_id),
            lambda cid: self.open_case(cid) if cid else None,
        ).run_in_background()

    def print_register(self) -> PrintDialog:
        """第三者提供記録簿 for a period, every person: the center's own copy."""
        dialog = PrintDialog(self.context, None, self, form_id="disclosure-register-center")
        dialog.open()
        return dialog

    def import_ledger(self) -> ImportWizard:
        """台帳の取込: a center's Excel records, checked and matched to the cases already here."""
        wizard = ImportWizard(self.context, self)
        wizard.open()
        return wizard

    def new_referral(self) -> None:
        dialog = NewReferralDialog(self.context, self)
        dialog.created.connect(self.open_case)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quit: each case window with unsaved edits asks 保存 / 破棄 / キャンセル; キャンセル (or a
        save that is refused) keeps the application open."""
        for window in list(self.case_windows.values()):
            if not window.close():
                event.ignore()
                return
        remember(self, "main")
        self.context.quitting = True  # 終了 (Ctrl+Q) and the window's close button quit; Ctrl+L locks
        if self.context.is_unlocked:
            self.context.lock()
        event.accept()
