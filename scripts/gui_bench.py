"""The GUI as a user feels it (issue 19), in the real event loop under the offscreen platform: from the
unlock (after the time it takes to type a passphrase) to the dashboard's first rows and to the case list's first page, a search typed letter by letter
(key to the list's update, the debounce included), and the longest freeze of the GUI thread in each
(a 10 ms heartbeat timer). Each measured action comes after the key a person presses to ask for it, and
the search is typed as an input method commits it: the input the idle lock's filter looks for (ADR 0024).
Measured, never asserted.

    printf '%s\\n' "$PASSPHRASE" | QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/gui_bench.py DATA_DIR LOGIN

The passphrase is asked at the terminal, or read as a line from stdin (never from the command line). Use a synthetic store (e.g. the
benchmark's): the script only reads.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from teiretsu_desktop.cli.secrets_input import SecretSource
from teiretsu_desktop.gui.launcher import Application, qt_application
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.models import Activity
from teiretsu_desktop.store.paths import DataDir

TYPED = ("や", "やま", "やまだ", "やまだ た")  # committed by the input method one character at a time
TYPING_KEYS, TYPING_INTERVAL_S = 20, 0.15  # a 20-character passphrase, about 7 keys a second


class Heartbeat:
    """The longest gap between ticks of a 10 ms timer: how long the GUI thread did not answer."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0


def pause(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QCoreApplication.processEvents()
        time.sleep(0.001)


def wait_for(condition: Callable[[], bool], timeout: float = 120.0) -> float:
    start = time.perf_counter()
    while not condition():
        QCoreApplication.processEvents()
        if time.perf_counter() - start > timeout:
            raise TimeoutError("no answer")
        time.sleep(0.001)
    return time.perf_counter() - start


def asks(widget: QWidget) -> None:
    """The person's key that asks for what is measured next (Shift, which does nothing else): input from
    the window system, as Qt and the idle lock's filter see it. That filter looks at every event until
    it has seen an input, then steps aside for a second, so what an input sets off runs without it."""
    QTest.keyClick(widget, Qt.Key.Key_Shift)


def commit(widget: QWidget, text: str) -> None:
    """Text an input method commits into `widget`, as it does for Japanese typed with one."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def _long_case(session: StaffSession) -> str | None:
    """The case the benchmark gave 1,500 activities (its ids start with "bench-"), if this store has it."""
    with session.uow(write=False) as uow:
        found = uow.session.execute(select(Activity.case_id).where(Activity.id == "bench-00000")).scalar()
    return None if found is None else str(found)


def main() -> int:
    data_dir, login = DataDir(Path(sys.argv[1])), sys.argv[2]
    passphrase = SecretSource(from_stdin=not sys.stdin.isatty()).existing("パスフレーズ / passphrase")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # window geometry: not the user's settings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    qt = qt_application("ja")  # as the application starts it: its Japanese font, its name
    app = Application(qt, data_dir)
    beat = Heartbeat()
    start = time.perf_counter()
    app.show_start()
    results: dict[str, float] = {}
    wait_for(lambda: app.unlock.isVisible())
    QCoreApplication.processEvents()  # painted: the person sees the lock screen, then types
    results["lock_screen_shown_s"] = time.perf_counter() - start
    results["lock_screen_freeze_ms"] = beat.longest * 1000
    app.unlock.staff.setCurrentText(login)
    # The time a person takes to type a passphrase: the application prepares meanwhile (imports on the
    # store thread, the main window a page at a time), and typing must not stall.
    beat.reset()
    typed = ""
    for char in passphrase.ljust(TYPING_KEYS, "x")[:TYPING_KEYS]:
        typed += char
        app.unlock.passphrase.setText(typed)
        pause(TYPING_INTERVAL_S)
    results["typing_freeze_ms"] = beat.longest * 1000
    app.unlock.passphrase.setText(passphrase)
    beat.reset()
    start = time.perf_counter()
    app.unlock.try_passphrase()
    wait_for(lambda: app.context.is_unlocked)
    results["enter_to_unlocked_s"] = time.perf_counter() - start  # the key derivation (Argon2id) and opening
    # is_unlocked first: reading app.main before the unlock would build the window here, not where the
    # application builds it.
    results["unlocked_to_dashboard_rows_s"] = wait_for(lambda: app.main.dashboard.model.rowCount() > 0)
    results["enter_to_dashboard_rows_s"] = time.perf_counter() - start
    results["unlock_freeze_ms"] = beat.longest * 1000
    wait_for(lambda: not app.context.runner.busy)
    beat.reset()
    start = time.perf_counter()
    asks(app.main.nav)
    app.main.nav.setCurrentRow(1)
    view = app.main.cases
    wait_for(lambda: view.model.rowCount() > 0)
    results["case_list_first_page_s"] = time.perf_counter() - start
    results["case_list_freeze_ms"] = beat.longest * 1000
    wait_for(lambda: not app.context.runner.busy)
    latencies = []
    beat.reset()
    view.search.setFocus()
    for text in TYPED:
        generation = view.model.generation
        start = time.perf_counter()
        commit(view.search, text[len(view.search.text()) :])  # the debounce starts

        def answered(before: int = generation) -> bool:
            return view.model.generation > before and not view.model.loading

        wait_for(answered)
        latencies.append(time.perf_counter() - start)
    for text, latency in zip(TYPED, latencies, strict=True):
        results[f"search_{text}_ms"] = latency * 1000
    results["search_key_to_update_ms_max"] = max(latencies) * 1000
    results["search_key_to_update_ms_median"] = sorted(latencies)[len(latencies) // 2] * 1000
    results["search_freeze_ms"] = beat.longest * 1000
    wait_for(lambda: not app.context.runner.busy)
    beat.reset()
    start = time.perf_counter()
    asks(app.main.nav)
    app.main.nav.setCurrentRow(2)  # 相談: every consultation in one table
    consultations = app.main.consultations
    wait_for(lambda: consultations.model.rowCount() > 0)
    QCoreApplication.processEvents()  # painted
    results["consultations_shown_s"] = time.perf_counter() - start
    results["consultations_rows"] = consultations.model.rowCount()
    results["consultations_freeze_ms"] = beat.longest * 1000
    # The case with 1,500 activities the benchmark adds: its window, 支援経過 shown.
    found = app.context.runner.submit(lambda: _long_case(app.context.session))
    wait_for(found.done)
    long_case = found.result()
    if long_case is not None:
        wait_for(lambda: not app.context.runner.busy)
        beat.reset()
        start = time.perf_counter()
        asks(app.main)
        app.main.open_case(long_case)
        window = app.main.case_windows[long_case]
        wait_for(lambda: window.header.text() != "")  # 基本情報, with the record
        QCoreApplication.processEvents()  # painted
        results["case_window_shown_s"] = time.perf_counter() - start
        results["case_window_freeze_ms"] = beat.longest * 1000
        wait_for(lambda: not app.context.runner.busy)
        beat.reset()
        start = time.perf_counter()
        asks(window)
        window.tabs.setCurrentIndex(window.pages.lazy.index("timeline"))  # the user clicks 支援経過
        wait_for(lambda: window.pages.timeline.model.rowCount() > 0)
        QCoreApplication.processEvents()  # painted
        results["long_case_log_shown_s"] = time.perf_counter() - start
        results["long_case_log_rows"] = window.pages.timeline.model.rowCount()
        results["long_case_log_freeze_ms"] = beat.longest * 1000
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    app.shutdown()
    print(json.dumps({k: round(v, 3) for k, v in results.items()}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
