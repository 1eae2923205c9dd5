"""Where a live store may be: a local, fixed disk — never a network share, a removable drive or a
cloud-sync folder (R-REL-08). Sync clients copy SQLite files mid-write and corrupt them; network and
removable drives lose writes; and a copy in a cloud folder leaves the laptop.

The probes are functions so that tests can stand in for Windows drive types and mounts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

from teiretsu_desktop.domain.errors import TeiretsuError

CLOUD_FOLDERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "icloud",
    "icloud drive",
    "box",
    "box sync",
    "mega",
)
NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "fuse.rclone", "davfs"}
)
DRIVE_REMOVABLE, DRIVE_REMOTE = 2, 4


class UnsafeLocation(TeiretsuError):
    exit_code = 17


def _windows_drive_type(path: str) -> int:
    import ctypes

    root = PureWindowsPath(path).anchor or path
    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _posix_filesystem(path: str) -> str:
    """The filesystem type of the mount holding `path`, from /proc/mounts (Linux)."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    target = os.path.realpath(path)
    for line in mounts:
        parts = line.split()
        if (
            len(parts) >= 3
            and (target == parts[1] or target.startswith(parts[1].rstrip("/") + "/"))
            and len(parts[1]) > len(best)
        ):
            best, kind = parts[1], parts[2]
    return kind


def check_location(
    path: Path,
    *,
    platform: str = sys.platform,
    drive_type: Callable[[str], int] = _windows_drive_type,
    filesystem: Callable[[str], str] = _posix_filesystem,
) -> None:
    text = str(path)
    lowered = [part.lower() for part in Path(text).parts] + [
        part.lower() for part in PureWindowsPath(text).parts
    ]
    if any(part in CLOUD_FOLDERS or part.startswith("onedrive -") for part in lowered):
        raise UnsafeLocation(
            f"クラウド同期フォルダにはデータを置けません: {text} / the store must not be in a cloud-sync folder."
        )
    if platform == "win32":
        if text.startswith("\\\\"):
            raise UnsafeLocation(
                f"ネットワーク上のフォルダにはデータを置けません: {text} / not on a network share."
            )
        kind = drive_type(text)
        if kind == DRIVE_REMOTE:
            raise UnsafeLocation(
                f"ネットワークドライブにはデータを置けません: {text} / not on a network drive."
            )
        if kind == DRIVE_REMOVABLE:
            raise UnsafeLocation(
                f"取り外し可能なドライブにはデータを置けません: {text} / not on a removable drive."
            )
        return
    probe = path
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if filesystem(str(probe)) in NETWORK_FILESYSTEMS:
        raise UnsafeLocation(
            f"ネットワーク上のフォルダにはデータを置けません: {text} / not on a network filesystem."
        )
