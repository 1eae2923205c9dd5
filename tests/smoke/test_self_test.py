"""R-PKG-01 (source form): `teiretsu --self-test` exits 0 headless. The frozen build runs the same."""

from __future__ import annotations

import subprocess
import sys


def test_self_test_passes_headless() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "teiretsu_desktop.app", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "self-test: ok" in proc.stdout
    assert "SQLCipher 4." in proc.stdout
    assert "Traceback" not in proc.stderr
