"""The one place that turns errors into messages a person can act on.

Services write their messages in both languages, 「日本語 / English」, so that the command line shows
both; the window shows the one its interface speaks (`ui_language`), without the English tail and its
internal identifiers such as permission codes (those stay in the log)."""

from __future__ import annotations

import logging
import re

from PySide6.QtWidgets import QMessageBox, QWidget

from teiretsu_desktop.diagnostics import log_crash
from teiretsu_desktop.domain.errors import PermissionDenied, TeiretsuError

log = logging.getLogger(__name__)
_language = "ja"
_ENGLISH_TAIL = re.compile(r" / (?P<en>[\x20-\x7e]+)$")


def set_ui_language(language: str) -> None:
    global _language
    _language = language


def ui_language() -> str:
    return _language


def localized(message: str, language: str | None = None) -> str:
    """The Japanese part of a 「日本語 / English」 message, or the English part under the English UI. A
    message with no ASCII tail after its last 「 / 」 is one language already and is shown whole."""
    match = _ENGLISH_TAIL.search(message)
    if match is None:
        return message
    if (language or _language) == "ja":
        return message[: match.start()].rstrip()
    return match["en"]


def message_for(error: BaseException) -> str:
    if isinstance(error, PermissionDenied):
        # The role and permission codes a window does not show go to the log (they name no person).
        log.info("refused: %s", localized(error.user_message, "en"))
    if isinstance(error, TeiretsuError):
        return localized(error.user_message)
    if _language != "ja":
        return "An unexpected error occurred. What you typed may not have been saved. Please check the log."
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
