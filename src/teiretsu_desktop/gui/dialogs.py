"""The questions the application asks before something that cannot be undone, in one place.

Japanese buttons (not Qt's own Yes/No), the safe answer as the default, and Escape as the safe
answer. Tests answer them through this module (tests/gui/conftest.py), never by sleeping.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class CloseAnswer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def confirm(parent: QWidget | None, title: str, text: str, *, yes: str | None = None) -> bool:
    """A yes/no question whose default (and Escape) is いいえ."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = yes or QCoreApplication.translate("Dialogs", "はい")
    accept = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    accept.setAccessibleName(yes)
    reject = box.addButton(QCoreApplication.translate("Dialogs", "いいえ"), QMessageBox.ButtonRole.NoRole)
    reject.setAccessibleName(reject.text())
    box.setDefaultButton(reject)
    box.setEscapeButton(reject)
    box.exec()
    return box.clickedButton() is accept


def ask_save_discard_cancel(parent: QWidget | None, title: str, text: str) -> CloseAnswer:
    """保存 / 破棄 / キャンセル for a window closing with unsaved edits (Escape: キャンセル)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    save = box.addButton(QCoreApplication.translate("Dialogs", "保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(
        QCoreApplication.translate("Dialogs", "破棄"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(
        QCoreApplication.translate("Dialogs", "キャンセル"), QMessageBox.ButtonRole.RejectRole
    )
    for button in (save, discard, cancel):
        button.setAccessibleName(button.text())
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return CloseAnswer.SAVE
    if clicked is discard:
        return CloseAnswer.DISCARD
    return CloseAnswer.CANCEL


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text (a reason), starting from `text`; None when cancelled or left empty."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return text.strip() if ok and text.strip() else None


def ask_password(parent: QWidget | None, title: str, label: str) -> str | None:
    """A password typed twice without echo; None when cancelled or the two entries differ."""
    first, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    if not ok or not first:
        return None
    again = QCoreApplication.translate("Dialogs", "もう一度入力してください")
    second, ok = QInputDialog.getText(parent, title, again, QLineEdit.EchoMode.Password)
    return first if ok and second == first else None


def ask_save_path(parent: QWidget | None, title: str, suggested: str, pattern: str) -> Path | None:
    """Where to save a file the user chose to write; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    return Path(path) if path else None


def ask_choice(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """One of `items` (their index); None when cancelled."""
    chosen, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(chosen) if ok and chosen in items else None


def ask_open_path(parent: QWidget | None, title: str, pattern: str) -> Path | None:
    """A file the user chose to open; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return Path(path) if path else None


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog: True when the user sends the job (only then is it a provision)."""
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    """One passphrase, typed once without echo (to confirm who acts); None when cancelled."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def show_recovery_key(parent: QWidget | None, code: str) -> None:
    """A new recovery key, shown once (selectable, so that it can be copied onto the paper)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "新しい回復キー"))
    box.setText(
        QCoreApplication.translate(
            "Dialogs", "新しい回復キーです。一度だけ表示します。印刷または書き写して金庫に保管してください。"
        )
    )
    box.setInformativeText(code)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    ok = box.addButton(
        QCoreApplication.translate("Dialogs", "保管しました"), QMessageBox.ButtonRole.AcceptRole
    )
    ok.setAccessibleName(ok.text())
    box.exec()


def ask_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    """A folder the user chose (a USB stick, a shared folder); None when cancelled."""
    path = QFileDialog.getExistingDirectory(parent, title, start)
    return Path(path) if path else None
