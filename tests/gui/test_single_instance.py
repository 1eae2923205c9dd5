"""R-REL-07: a second launch on the same data directory finds the lock and does not open the store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from teiretsu_desktop.gui.launcher import acquire_instance_lock
from teiretsu_desktop.store.paths import DataDir

HOLD = """
import sys, time
from teiretsu_desktop.gui.launcher import acquire_instance_lock
from teiretsu_desktop.store.paths import DataDir
lock = acquire_instance_lock(DataDir(__import__("pathlib").Path(sys.argv[1])))
print("held" if lock else "busy", flush=True)
time.sleep(30)
"""


def test_only_one_instance_per_data_directory(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "center")
    data_dir.ensure_private_root()
    first = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data_dir.root)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "held"
        assert acquire_instance_lock(data_dir) is None
    finally:
        first.kill()
        first.wait()
    again = acquire_instance_lock(data_dir)  # the holder died: its stale lock is taken over
    assert again is not None
    again.unlock()


def test_first_run_can_open_an_existing_data_folder(
    qtbot: object, qapp: object, tmp_path: Path, store: object
) -> None:
    from teiretsu_desktop.gui.launcher import Application

    app = Application(qapp, DataDir(tmp_path / "empty"))  # type: ignore[arg-type]
    try:
        app.show_start()
        first = app._first
        first.open_other.emit(str(store.data_dir.root))  # type: ignore[attr-defined]
        assert app.context.data_dir == store.data_dir  # type: ignore[attr-defined]
        assert app.unlock.isVisible() and app.unlock.staff.count() == 3
    finally:
        app.shutdown()
        app.unlock.close()
        app._first.close()
