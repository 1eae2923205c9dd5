"""The one place that turns errors into messages a person can act on."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from teiretsu_desktop.diagnostics import log_crash
from teiretsu_desktop.domain.errors import TeiretsuError


def message_for(error: BaseException) -> str:
    if isinstance(error, TeiretsuError):
        return error.user_message
    return (
        "予期しないエラーが発生しました。入力内容は保存されていない可能性があります。ログを確認してください。"
    )


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Expected failures show their message; anything else is logged (without data) and summarised."""
    if not isinstance(error, TeiretsuError):
        log_crash(error)
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Teiretsu", message_for(error), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorDialog")
    box.open()
