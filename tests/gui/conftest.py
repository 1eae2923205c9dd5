"""GUI fixtures: the real Application over a real encrypted store, offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.launcher import Application
from tests.helpers.stores import ADMIN, ADMIN_PASS, TemplateStore


def settle(qtbot: QtBot, app: Application, timeout: int = 15000) -> None:
    """Wait until the store thread has answered everything queued."""
    qtbot.waitUntil(lambda: not app.context.runner.busy, timeout=timeout)
    qtbot.wait(20)


@pytest.fixture
def gui(qtbot: QtBot, qapp: object, store: TemplateStore) -> Iterator[Application]:
    app = Application(qapp, store.data_dir)  # type: ignore[arg-type]
    yield app
    for window in list(app.main.case_windows.values()):
        window.close()
    app.shutdown()
    app.main.close()
    app.unlock.close()


def unlock(qtbot: QtBot, app: Application, login: str = ADMIN, passphrase: str = ADMIN_PASS) -> None:
    app.show_start()
    app.unlock.staff.setCurrentText(login)
    app.unlock.passphrase.setText(passphrase)
    app.unlock.try_passphrase()
    qtbot.waitUntil(lambda: app.context.is_unlocked, timeout=15000)
    settle(qtbot, app)
