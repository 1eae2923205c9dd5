"""First run: create a center's store (and show its recovery key once), or restore a backup."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.widgets.buttons import Button

if TYPE_CHECKING:  # the store's set-up is imported when a centre is created or restored
    from teiretsu_desktop.services.setup import InitResult
    from teiretsu_desktop.store.paths import DataDir


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class FirstRunDialog(QDialog):
    """Three pages: choose, create (then the recovery key), restore. `ready` fires when a store exists."""

    ready = Signal()
    open_other = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Teiretsu — はじめての設定"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.status)
        self._choose_page()
        self._create_page()
        self._recovery_page()
        self._restore_page()

    # -- pages ------------------------------------------------------------------------------------

    def _choose_page(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(self.tr("<h2>はじめに</h2>このパソコンにはまだセンターのデータがありません。"), page)
        )
        self.create_choice = Button(self.tr("新しいセンターのデータを作る(&N)"), page)
        self.restore_choice = Button(self.tr("バックアップから復元する(&R)"), page)
        self.open_choice = Button(self.tr("既存のデータフォルダを開く(&O)"), page)
        for button in (self.create_choice, self.restore_choice, self.open_choice):
            layout.addWidget(button)
        layout.addStretch(1)
        self.create_choice.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.restore_choice.clicked.connect(lambda: self.pages.setCurrentIndex(3))
        self.open_choice.clicked.connect(self._open_other)
        self.pages.addWidget(page)

    def _create_page(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.center_code = QLineEdit(page)
        self.center_name = QLineEdit(page)
        self.prefecture = QLineEdit(page)
        self.prefecture.setPlaceholderText("01〜47")
        self.admin_login = QLineEdit("admin", page)
        self.admin_name = QLineEdit(page)
        self.passphrase = _password_field(page, self.tr("パスフレーズ"))
        self.passphrase_again = _password_field(page, self.tr("パスフレーズ (確認)"))
        form.addRow(self.tr("センターコード"), self.center_code)
        form.addRow(self.tr("センター名"), self.center_name)
        form.addRow(self.tr("都道府県コード"), self.prefecture)
        form.addRow(self.tr("管理者のスタッフ名"), self.admin_login)
        form.addRow(self.tr("管理者の氏名"), self.admin_name)
        form.addRow(self.tr("パスフレーズ (12文字以上)"), self.passphrase)
        form.addRow(self.tr("パスフレーズ (確認)"), self.passphrase_again)
        buttons = QHBoxLayout()
        back = Button(self.tr("戻る"), page)
        self.create_button = Button(self.tr("作成"), page)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        form.addRow(buttons)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button.clicked.connect(self.create_store)
        self.pages.addWidget(page)

    def _recovery_page(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                self.tr(
                    "<h2>回復キー</h2>パスフレーズを全員が忘れたときに、データを取り戻す唯一の方法です。"
                    "<b>一度だけ</b>表示します。印刷して金庫に保管してください。"
                ),
                page,
            )
        )
        self.fingerprint = ""  # the administrator authority's, printed with the recovery key
        self.recovery_label = QLabel(page)
        self.recovery_label.setObjectName("recoveryKey")
        self.recovery_label.setStyleSheet("font-size: 20pt; font-family: monospace; padding: 12px;")
        self.print_button = Button(self.tr("印刷(&P)…"), page)
        self.kept = QCheckBox(self.tr("回復キーを印刷または書き写して保管しました"), page)
        self.finish_button = Button(self.tr("はじめる"), page)
        self.finish_button.setEnabled(False)
        layout.addWidget(self.recovery_label)
        self.fingerprint_label = QLabel(page)
        self.fingerprint_label.setObjectName("authorityFingerprint")
        self.fingerprint_label.setWordWrap(True)
        layout.addWidget(self.fingerprint_label)
        layout.addWidget(self.print_button)
        layout.addWidget(self.kept)
        layout.addWidget(self.finish_button)
        self.kept.toggled.connect(self.finish_button.setEnabled)
        self.print_button.clicked.connect(self._print_recovery)
        self.finish_button.clicked.connect(self._finish)
        self.pages.addWidget(page)

    def _restore_page(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.backup_path = QLineEdit(page)
        browse = Button(self.tr("選ぶ…"), page)
        row = QHBoxLayout()
        row.addWidget(self.backup_path, 1)
        row.addWidget(browse)
        self.restore_login = QLineEdit(page)
        self.restore_passphrase = _password_field(page, self.tr("パスフレーズ"))
        form.addRow(self.tr("バックアップファイル"), row)
        form.addRow(self.tr("スタッフ名"), self.restore_login)
        form.addRow(self.tr("パスフレーズ"), self.restore_passphrase)
        buttons = QHBoxLayout()
        back = Button(self.tr("戻る"), page)
        self.restore_button = Button(self.tr("復元"), page)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        form.addRow(buttons)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        browse.clicked.connect(self._browse)
        self.restore_button.clicked.connect(self.restore)
        self.pages.addWidget(page)

    # -- actions ----------------------------------------------------------------------------------

    def create_store(self) -> None:
        if self.passphrase.text() != self.passphrase_again.text():
            self.status.setText(
                message_for(InvalidInput("パスフレーズが一致しません / The passphrases differ."))
            )
            return
        from teiretsu_desktop.services.setup import CenterInfo, init_center

        center = CenterInfo(
            self.center_code.text().strip(), self.center_name.text().strip(), self.prefecture.text().strip()
        )
        self.create_button.setEnabled(False)
        self.status.setText(self.tr("作成しています…"))
        data_dir = self.context.data_dir
        login, name, passphrase = (
            self.admin_login.text().strip(), self.admin_name.text().strip(), self.passphrase.text(),
        )  # fmt: skip
        self.context.runner.submit(
            lambda: init_center(
                data_dir, center, admin_login=login, admin_name=name, admin_passphrase=passphrase
            ),
            self._created,
            self._failed,
        )

    def _created(self, result: InitResult) -> None:
        self.passphrase.clear()
        self.passphrase_again.clear()
        self.status.clear()
        self.recovery_label.setText(result.recovery_code)
        self.fingerprint = result.authority_fingerprint
        self.fingerprint_label.setText(
            self.tr(
                "管理者の署名鍵の指紋: {0}（回復キーと一緒に保管し、バックアップや集計ファイルの指紋と照らし合わせます）"
            ).format(result.authority_fingerprint)
        )
        self.pages.setCurrentIndex(2)

    def _print_recovery(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument(self)
        document.setHtml(
            f"<h1>{self.center_name.text()} 回復キー</h1><p style='font-size:24pt;font-family:monospace'>"
            f"{self.recovery_label.text()}</p><p>パスフレーズを全員が忘れたときに使います。金庫に保管してください。</p>"
            f"<p>管理者の署名鍵の指紋: <b>{self.fingerprint}</b>（バックアップと集計ファイルの指紋と照らし合わせます）</p>"
        )
        document.print_(printer)

    def _finish(self) -> None:
        self.recovery_label.clear()  # the code is never kept on screen longer than needed
        self.ready.emit()
        self.accept()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("バックアップファイル"), "", "Teiretsu backup (*)"
        )
        if path:
            self.backup_path.setText(path)

    def restore(self) -> None:
        login, passphrase = self.restore_login.text().strip(), self.restore_passphrase.text()
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("復元しています…"))
        source, data_dir = Path(self.backup_path.text().strip()), self.context.data_dir
        self.context.runner.submit(
            lambda: _restore(source, data_dir, login, passphrase),
            lambda _manifest: self._finish(),
            self._failed,
        )

    def _open_other(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("データフォルダ"))
        if path:
            self.open_other.emit(path)
            self.done(2)  # closed, but not "rejected": the application goes on with the other folder

    def _failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.restore_button.setEnabled(True)
        self.status.setText(message_for(error))


def _restore(source: Path, data_dir: DataDir, login: str, passphrase: str) -> dict[str, Any]:
    """On the store thread: the maintenance service (and the store) imported only when used."""
    from teiretsu_desktop.services import maintenance

    return maintenance.restore_as(source, data_dir, login, passphrase)
