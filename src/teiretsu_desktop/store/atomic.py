"""Crash-safe file replacement: write a temporary file beside the target, fsync, rename, fsync dir."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from teiretsu_desktop.domain.errors import DiskFull


def fsync_dir(directory: Path) -> None:
    """Make a rename durable. Directories cannot be opened on Windows; there NTFS journals renames."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(target: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace `target` with `data` so that a crash leaves either the old or the new content."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno == errno.ENOSPC:
            raise DiskFull("ディスクの空き容量が足りません / The disk is full.") from exc
        raise


def atomic_replace(source: Path, target: Path) -> None:
    """Rename a fully written and fsynced file over `target`."""
    os.replace(source, target)
    fsync_dir(target.parent)
