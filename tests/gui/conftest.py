"""GUI fixtures: the real Application over a real encrypted store, offscreen."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event

from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.cases.window import CaseWindow
from teiretsu_desktop.gui.launcher import Application, install_translations
from tests.helpers.stores import ADMIN, ADMIN_PASS, TemplateStore


@dataclass
class Answers:
    """How the tests answer the application's questions (gui/dialogs.py), and what was asked."""

    confirm: bool = True
    close: dialogs.CloseAnswer = dialogs.CloseAnswer.DISCARD
    text: str | None = None
    password: str | None = None
    save_path: Path | None = None
    open_path: Path | None = None
    choice: int | None = 0  # the index chosen in ask_choice; None: cancelled
    choices: list[int] = field(default_factory=list)  # chosen first, one per question, before `choice`
    printer: Path | None = None  # the print dialog is accepted, printing to this PDF file; None: cancelled
    recovery_keys: list[str] = field(default_factory=list)  # new recovery keys the application showed
    asked: list[str] = field(default_factory=list)
    offered: list[str] = field(default_factory=list)  # the text ask_text started from


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()

    def confirm(_parent: object, title: str, _text: str, **_kw: object) -> bool:
        given.asked.append(title)
        return given.confirm

    def close(_parent: object, title: str, _text: str) -> dialogs.CloseAnswer:
        given.asked.append(title)
        return given.close

    def ask_text(_parent: object, title: str, _label: str, text: str = "") -> str | None:
        given.asked.append(title)
        given.offered.append(text)
        return given.text

    def password(_parent: object, title: str, _label: str) -> str | None:
        given.asked.append(title)
        return given.password

    def save_path(_parent: object, title: str, _suggested: str, _pattern: str) -> Path | None:
        given.asked.append(title)
        return given.save_path

    def choice(_parent: object, title: str, _label: str, _items: list[str]) -> int | None:
        given.asked.append(title)
        return given.choices.pop(0) if given.choices else given.choice

    def open_path(_parent: object, title: str, _pattern: str) -> Path | None:
        given.asked.append(title)
        return given.open_path

    def printer(_parent: object, device: QPrinter) -> bool:
        given.asked.append("印刷")
        if given.printer is None:
            return False
        device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        device.setOutputFileName(str(given.printer))
        return True

    def show_recovery_key(_parent: object, code: str) -> None:
        given.recovery_keys.append(code)

    monkeypatch.setattr(dialogs, "ask_secret", password)
    monkeypatch.setattr(dialogs, "show_recovery_key", show_recovery_key)
    monkeypatch.setattr(dialogs, "ask_password", password)
    monkeypatch.setattr(dialogs, "ask_save_path", save_path)
    monkeypatch.setattr(dialogs, "ask_open_path", open_path)
    monkeypatch.setattr(dialogs, "ask_choice", choice)
    monkeypatch.setattr(dialogs, "ask_printer", printer)
    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "ask_text", ask_text)
    monkeypatch.setattr(dialogs, "ask_save_discard_cancel", close)
    return given


@pytest.fixture
def error_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The errors the application would show in a dialog, recorded instead of shown."""
    from teiretsu_desktop.gui import context as gui_context

    shown: list[str] = []
    monkeypatch.setattr(gui_context, "show_error", lambda _parent, error: shown.append(repr(error)))
    return shown


GUI_PACKAGE = "teiretsu_desktop/gui/"


@pytest.fixture(autouse=True)
def no_store_work_on_gui_thread() -> Iterator[list[str]]:
    """Every GUI test fails if GUI code runs a statement on the GUI thread (R: no store work there).

    The spy sees every engine. A statement counts when it runs on the main thread with a frame of
    gui/ on the stack — test set-up that calls services directly is not the GUI's doing."""
    main = threading.main_thread()
    offenders: list[str] = []

    def spy(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread() is not main:
            return
        frame = sys._getframe(1)
        while frame is not None:
            if GUI_PACKAGE in frame.f_code.co_filename.replace("\\", "/"):
                offenders.append(f"{frame.f_code.co_name}: {statement[:60]}")
                return
            frame = frame.f_back  # type: ignore[assignment]

    event.listen(Engine, "before_cursor_execute", spy)
    try:
        yield offenders
    finally:
        event.remove(Engine, "before_cursor_execute", spy)
    assert not offenders, f"store work on the GUI thread: {offenders[:5]}"


def settle(qtbot: QtBot, app: Application, timeout: int = 15000) -> None:
    """Wait until the store thread has answered everything queued."""
    qtbot.waitUntil(lambda: not app.context.runner.busy, timeout=timeout)
    qtbot.wait(20)


@pytest.fixture(scope="session", autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Window geometry and the interface language are QSettings: the tests' own, never the user's."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(scope="session", autouse=True)
def japanese_interface(qapp: QApplication, own_settings: Path) -> str:
    """The interface as a Japanese installation has it: Qt's own buttons and dialogs in Japanese too."""
    return install_translations(qapp, "ja")


@pytest.fixture
def gui(qtbot: QtBot, qapp: object, store: TemplateStore) -> Iterator[Application]:
    app = Application(qapp, store.data_dir)  # type: ignore[arg-type]
    yield app
    for window in list(app.main.case_windows.values()):
        window.close()
    app.shutdown()
    app.main.close()
    app.unlock.close()


def open_case_window(qtbot: QtBot, app: Application, case_id: str) -> CaseWindow:
    """Open a case as the user does (from the main window) and wait until it has read its record."""
    app.main.open_case(case_id)
    window = app.main.case_windows[case_id]
    qtbot.waitUntil(lambda: window.header.text() != "", timeout=10000)
    settle(qtbot, app)
    return window


def show_tab(qtbot: QtBot, app: Application, window: CaseWindow, label: str) -> QWidget:
    """Choose a case window's tab by its label, as a user clicks it (a tab is built and reads its
    records when first shown), and wait until it has read them."""
    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(labels.index(label))
    settle(qtbot, app)
    page = window.tabs.currentWidget()
    assert page is not None and not page.objectName().startswith("unbuilt_")
    return page


def unlock(qtbot: QtBot, app: Application, login: str = ADMIN, passphrase: str = ADMIN_PASS) -> None:
    app.show_start()
    app.unlock.staff.setCurrentText(login)
    app.unlock.passphrase.setText(passphrase)
    app.unlock.try_passphrase()
    qtbot.waitUntil(lambda: app.context.is_unlocked, timeout=15000)
    settle(qtbot, app)


def type_values(form: Any, values: dict[str, Any]) -> None:
    """Fill fields the way a user does: the form counts them as edited (unlike `set_values`, which
    loads stored values)."""
    for key, value in values.items():
        form.set_value(key, value)
