"""Where a center's files live, and the names of the files in a data directory."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "TeiretsuDesktop"


def default_data_dir() -> Path:
    """Local (never roaming) per-user application data.

    Windows: %LOCALAPPDATA%\\TeiretsuDesktop — roaming profiles would copy the store to a server.
    macOS: ~/Library/Application Support/TeiretsuDesktop. Elsewhere: $XDG_DATA_HOME or ~/.local/share.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


@dataclass(frozen=True)
class DataDir:
    """The files of one center's store. Only `db` and `keyslots` hold the center's data."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / "cases.db"

    @property
    def keyslots(self) -> Path:
        return self.root / "keyslots.json"

    @property
    def keyslots_pending(self) -> Path:
        """Written before a key rotation, promoted or discarded at the next unlock."""
        return self.root / "keyslots.pending.json"

    @property
    def unlock_failures(self) -> Path:
        """Failed unlock attempts, kept outside the database because it cannot be opened then."""
        return self.root / "unlock-failures.jsonl"

    @property
    def instance_lock(self) -> Path:
        return self.root / "instance.lock"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def store_files(self) -> list[Path]:
        """The files a wrong passphrase must leave byte-identical (those that exist)."""
        names = [self.db, self.db.with_name("cases.db-wal"), self.db.with_name("cases.db-shm"), self.keyslots]
        return [p for p in names if p.exists()]

    def ensure_private_root(self) -> None:
        """Create the directory readable by its owner only (other accounts on a shared PC see nothing)."""
        self.root.mkdir(parents=True, exist_ok=True)
        if os.name != "nt":
            os.chmod(self.root, 0o700)

    def exists(self) -> bool:
        return self.db.exists() and self.keyslots.exists()
