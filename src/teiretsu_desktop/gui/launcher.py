"""Starting the desktop application (filled in by the GUI work; see issue 4)."""

from __future__ import annotations

import sys
from pathlib import Path


def launch(*, data_dir: Path | None, demo: bool) -> int:
    print("teiretsu: the desktop window is not built yet; use teiretsu-admin", file=sys.stderr)
    return 2
