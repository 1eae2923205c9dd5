"""Cyclic garbage is collected on the GUI thread only while the application runs (as Anki does), so
a Qt object in a cycle is never deleted on the store thread."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from teiretsu_desktop.gui.launcher import Application


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_happens_on_the_gui_thread_only(qtbot: QtBot, gui: Application) -> None:
    assert not gc.isenabled()
    collected_on: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collected_on.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:

        def churn() -> None:
            for _ in range(50_000):
                Cycle()

        gui.context.runner.submit(churn).result(timeout=30)  # garbage made on the store thread
        assert collected_on == []  # ...is not collected there
        # Nor while the application starts (a collection then walked everything being imported).
        gui.collector.collect_due()
        assert collected_on == []
        gui.collector.settle(freeze=False)  # the main window is built (at the latest at the unlock)
        qtbot.waitUntil(lambda: bool(collected_on), timeout=5000)
        assert set(collected_on) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)
    gui.collector.stop()
    assert gc.isenabled()
