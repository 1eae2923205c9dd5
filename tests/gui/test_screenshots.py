"""The screenshot script renders every main screen (what docs/screenshots/ is made with)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_screenshot_script_renders_the_main_screens(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "screenshots.py"), str(tmp_path)],
        capture_output=True, text=True, timeout=300, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    for name in ("01-unlock.png", "02-dashboard.png", "03-cases.png", "08-settings.png", "10-case-tab4.png"):
        assert name in shots
    image = QImage(str(tmp_path / "02-dashboard.png"))
    assert image.width() >= 1200
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # text and tables, not a blank window
