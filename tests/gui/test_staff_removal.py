"""Removing a staff member in the window rotates the database key (issue 14, attack 3): the new
recovery key is shown once, the window locks, and the others unlock with their own passphrases."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.errors import NotADatabase, WrongCredentials
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from tests.gui.conftest import Answers, settle, unlock
from tests.helpers.stores import ADMIN_PASS, CASEWORKER, CASEWORKER_PASS, CLERK, CLERK_PASS, TemplateStore


def test_removing_a_member_rotates_the_key_and_locks(
    qtbot: QtBot, gui: Application, store: TemplateStore, answers: Answers
) -> None:
    old_file = store.data_dir.keyslots.read_bytes()
    unlock(qtbot, gui)
    page = gui.main.settings.staff
    page.load()
    settle(qtbot, gui)
    row = next(i for i, s in enumerate(page.model.rows()) if s.login == CASEWORKER)
    page.table.selectRow(row)
    answers.password = ADMIN_PASS
    page.remove()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: not gui.context.is_unlocked, timeout=15000)
    assert len(answers.recovery_keys) == 1 and len(answers.recovery_keys[0]) >= 32
    unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS).lock()  # takes the new key up
    store.data_dir.keyslots.write_bytes(old_file)  # the removed member's copy of the old file
    with pytest.raises((NotADatabase, WrongCredentials)):
        unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS)
