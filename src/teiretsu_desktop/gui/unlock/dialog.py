"""The unlock screen: staff member and passphrase, or quick unlock through the OS keyring."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.errors import TeiretsuError, TooManyAttempts
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.security.keyslots import KeySlots
from teiretsu_desktop.security.unlock_throttle import UnlockThrottle

if TYPE_CHECKING:
    from teiretsu_desktop.security.session import StaffSession
    from teiretsu_desktop.store.paths import DataDir


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # StaffSession

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Teiretsu — ロック解除"))
        self.setMinimumWidth(460)
        self.staff = QComboBox(self)
        self.staff.setEditable(True)
        self.staff.setAccessibleName(self.tr("スタッフ名"))
        typed = self.staff.lineEdit()
        if typed is not None:  # the editable combo's text field is typed into, so it is named too
            typed.setAccessibleName(self.tr("スタッフ名"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("パスフレーズ"))
        self.unlock_button = Button(self.tr("解除"), self)
        self.unlock_button.setDefault(True)
        self.keyring_button = Button(self.tr("この端末のキーリングで解除"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("unlockStatus")
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setObjectName("lockReason")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        title = QLabel(self.tr("<h2>地域生活定着支援センター</h2>"), self)
        form = QFormLayout()
        form.addRow(self.tr("スタッフ名(&S)"), self.staff)
        form.addRow(self.tr("パスフレーズ(&P)"), self.passphrase)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keyring_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.unlock_button.clicked.connect(self.try_passphrase)
        self.passphrase.returnPressed.connect(self.try_passphrase)
        self.passphrase.textChanged.connect(self._offer_unlock)
        self.keyring_button.clicked.connect(self.try_keyring)
        self._wait = QTimer(self)
        self._wait.setInterval(1000)
        self._wait.timeout.connect(self._tick)
        self._wait_left = 0
        self._throttle_clock: dict[str, Any] = {}  # tests inject {"clock": ...}
        self.reload()

    def reload(self) -> None:
        """Fill in the staff names (from the key-slot file: no store access before unlock)."""
        self.passphrase.clear()
        self.status.clear()
        self.staff.clear()
        try:
            slots = KeySlots.load(self.context.data_dir.keyslots)
        except (OSError, TeiretsuError) as exc:
            self.status.setText(message_for(exc) if isinstance(exc, TeiretsuError) else str(exc))
            self.unlock_button.setEnabled(False)
            return
        # A staff member who unlocked while the application ran is shown by name (kept in memory only:
        # before an unlock the names are inside the encrypted store); the last one is preselected.
        for login in slots.logins():
            name = self.context.staff_names.get(login)
            self.staff.addItem(f"{name} ({login})" if name else login, login)
        last = self.context.last_login
        if last is not None and (index := self.staff.findData(last)) >= 0:
            self.staff.setCurrentIndex(index)
        reason = self.context.lock_reason
        self.reason.setText(reason.text() if reason is not None else "")
        self.reason.setVisible(reason is not None)
        self.keyring_button.setVisible(any(s.kind == "keyring" for s in slots.slots))
        self.hint.setText(self.context.demo_hint or "")
        self._offer_unlock()
        self.passphrase.setFocus()

    def login(self) -> str:
        """The chosen staff member's login: the item's, or what was typed."""
        text = self.staff.currentText().strip()
        index = self.staff.findText(text)
        return str(self.staff.itemData(index)) if index >= 0 and self.staff.itemData(index) else text

    def _offer_unlock(self) -> None:
        """解除 is offered once a passphrase is typed (and not while a wait after failures runs)."""
        self.unlock_button.setEnabled(bool(self.passphrase.text()) and not self._wait.isActive())

    def _busy(self, busy: bool) -> None:
        for widget in (self.unlock_button, self.keyring_button, self.passphrase, self.staff):
            widget.setEnabled(not busy)
        if not busy:
            self._offer_unlock()
        if busy:
            self.status.setText(self.tr("確認しています…"))

    def try_passphrase(self) -> None:
        login, passphrase = self.login(), self.passphrase.text()
        if not login or not passphrase:
            self.status.setText(self.tr("スタッフ名とパスフレーズを入力してください"))
            return
        # The same throttle refuses again on the store thread; checking here too shows the countdown
        # at once. An attempt during the wait (a click or Enter) is refused unchecked.
        wait = self.throttle().wait_seconds(login)
        if wait > 0:
            self._start_wait(wait)
            return
        self._busy(True)
        data_dir, throttle = self.context.data_dir, self.throttle()
        self.context.runner.submit(
            lambda: _with_passphrase(data_dir, login, passphrase, throttle),
            self._done,
            self._failed,
        )

    def throttle(self) -> UnlockThrottle:
        return UnlockThrottle(self.context.data_dir.unlock_failures, **self._throttle_clock)

    def try_keyring(self) -> None:
        login = self.login()
        self._busy(True)
        data_dir = self.context.data_dir
        self.context.runner.submit(lambda: _with_keyring(data_dir, login), self._done, self._failed)

    def _start_wait(self, seconds: int) -> None:
        self._wait_left = seconds
        self.unlock_button.setEnabled(False)
        self._tick()
        self._wait.start()

    def _tick(self) -> None:
        """The countdown reads the throttle each second, so it ends exactly when attempts are allowed."""
        self._wait_left = self.throttle().wait_seconds(self.login())
        if self._wait_left <= 0:
            self._wait.stop()
            self._offer_unlock()
            self.status.setText(self.tr("もう一度入力してください"))
            return
        self.status.setText(self.tr("失敗が続いたため、%n 秒お待ちください", "", self._wait_left))

    def _done(self, session: StaffSession) -> None:
        self._busy(False)
        self.passphrase.clear()
        self.status.clear()
        self.unlocked.emit(session)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.passphrase.clear()
        self.passphrase.setFocus()
        self.status.setText(message_for(error))
        self.adjustSize()  # a long reason (a tamper alarm) is shown whole, not clipped
        login = self.login()
        wait = (
            error.wait_seconds if isinstance(error, TooManyAttempts) else self.throttle().wait_seconds(login)
        )
        if wait > 0:
            self._start_wait(wait)


# security.unlock — and with it the store, SQLCipher and the migrations — is imported on the store thread
# when a passphrase is tried, so that the lock screen shows without loading them (issue 19).


def _with_passphrase(
    data_dir: DataDir, login: str, passphrase: str, throttle: UnlockThrottle
) -> StaffSession:
    from teiretsu_desktop.security.unlock import unlock_with_passphrase

    return unlock_with_passphrase(data_dir, login, passphrase, throttle=throttle)


def _with_keyring(data_dir: DataDir, login: str) -> StaffSession:
    from teiretsu_desktop.security.unlock import unlock_with_keyring

    return unlock_with_keyring(data_dir, login)
