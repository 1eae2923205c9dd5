"""Every role gets a working screen, and the unlock throttle cannot be skipped (issue 11)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.gui.cases.window import CaseWindow
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.staff import add_staff
from tests.gui.conftest import settle, unlock
from tests.helpers.stores import (
    ADMIN,
    ADMIN_PASS,
    CASEWORKER,
    CASEWORKER_PASS,
    CLERK,
    CLERK_PASS,
    TemplateStore,
    unlock_admin,
)

MANAGER, MANAGER_PASS = "kacho", "kacho-passphrase-9"
ROLES = {
    Role.ADMIN: (ADMIN, ADMIN_PASS),
    Role.MANAGER: (MANAGER, MANAGER_PASS),
    Role.CASEWORKER: (CASEWORKER, CASEWORKER_PASS),
    Role.CLERICAL: (CLERK, CLERK_PASS),
}


def _interactive(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView)
    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(root)]


def _unnamed(root: QWidget) -> list[str]:
    """Interactive widgets without an accessible name, or a button whose name is not its label."""
    problems = []
    for widget in _interactive(root):
        if widget.parent() is not None and type(widget.parent()).__name__ in ("QTableView", "QTableWidget"):
            continue
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll-bar buttons, the tab bar's scrollers)
        name = widget.accessibleName()
        if isinstance(widget, QPushButton):
            if name != widget.text().replace("&", ""):
                problems.append(f"button {widget.text()!r} named {name!r}")
        elif not name:
            problems.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"
            )
    return problems


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_and_case_tab_opens_for_each_role(
    qtbot: QtBot, gui: Application, store: TemplateStore, role: Role, error_dialogs: list[str]
) -> None:
    session = unlock_admin(store.data_dir)
    add_staff(session, login=MANAGER, display_name="課長 一郎", role=Role.MANAGER, passphrase=MANAGER_PASS)
    generate_demo_data(session, persons=12, seed=5, today=date.today())
    session.lock()
    login, passphrase = ROLES[role]
    unlock(qtbot, gui, login, passphrase)
    unnamed: list[str] = []
    for row in range(gui.main.nav.count()):
        gui.main.nav.setCurrentRow(row)
        settle(qtbot, gui)
        unnamed += _unnamed(gui.main)
    gui.main.nav.setCurrentRow(1)
    gui.main.cases.state.setCurrentIndex(1)  # every state
    settle(qtbot, gui)
    model = gui.main.cases.model
    assert model.rowCount() > 0
    case_ids = {model._rows[r].case_id for r in range(min(model.rowCount(), 3))}
    for case_id in case_ids:
        gui.main.open_case(case_id)
        window = gui.main.case_windows[case_id]
        qtbot.waitUntil(lambda w=window: bool(w.header.text()), timeout=10000)  # type: ignore[misc]
        settle(qtbot, gui)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            settle(qtbot, gui)
            unnamed += _unnamed(window)
        _check_what_is_offered(window, role)
        printing = window.open_print()
        if printing is not None:
            settle(qtbot, gui)
            unnamed += _unnamed(printing)
            printing.reject()
        window.close()
    assert not unnamed, "\n".join(sorted(set(unnamed)))
    offered = {b.text() for b in gui.main.findChildren(QPushButton) if not b.isHidden()}
    if role is Role.CLERICAL:  # no case work: nothing that would only fail is offered
        assert not offered & {"新規受付(&N)", "相談を記録(&A)…", "設定を保存"}, offered
        assert not gui.main.new_action.isEnabled()
    else:
        assert {"新規受付(&N)", "相談を記録(&A)…"} <= offered
    assert error_dialogs == []


def _check_what_is_offered(window: CaseWindow, role: Role) -> None:
    writes = role is not Role.CLERICAL
    assert window.save_button.isVisibleTo(window) is writes
    assert window.pages.timeline.note_box.isVisibleTo(window.pages.timeline) is writes
    steps = [b for b in window.findChildren(QPushButton) if b.objectName().startswith("step_")]
    if not writes:
        assert steps == []
        assert window.person_form.widgets["family_name"].isReadOnly()  # type: ignore[attr-defined]
        assert window.steps_note.text() == ""
        for tab in (window.pages.candidates, window.pages.applications, window.pages.reviews):
            assert [b for b in tab.findChildren(QPushButton) if b.isVisibleTo(tab)] == []


def test_the_unlock_wait_cannot_be_skipped_and_ends_on_time(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    gui.show_start()
    dialog = gui.unlock
    assert _unnamed(dialog) == []
    now = [datetime.now(UTC)]
    dialog._throttle_clock = {"clock": lambda: now[0]}
    for attempt in range(3):
        dialog.staff.setCurrentText(CASEWORKER)
        dialog.passphrase.setText(f"wrong passphrase {attempt}")
        dialog.try_passphrase()
        qtbot.waitUntil(lambda: not gui.context.runner.busy and dialog.unlock_button.isEnabled() is not None)
        settle(qtbot, gui)
    assert "お待ちください" in dialog.status.text() and not dialog.unlock_button.isEnabled()
    # Enter during the wait: refused without even going to the store thread.
    dialog.staff.setCurrentText(CASEWORKER)
    dialog.passphrase.setText(CASEWORKER_PASS)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    assert not gui.context.runner.busy and not gui.context.is_unlocked
    assert "お待ちください" in dialog.status.text()
    # Once the wait has passed, the next attempt goes through at once (no new wait starts).
    now[0] += timedelta(seconds=3)
    dialog._tick()
    assert dialog.unlock_button.isEnabled()
    dialog.passphrase.setText(CASEWORKER_PASS)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: gui.context.is_unlocked, timeout=15000)
    settle(qtbot, gui)
