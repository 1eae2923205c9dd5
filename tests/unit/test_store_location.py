"""R-REL-08: the live store is refused on network drives, removable drives and cloud-sync folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiretsu_desktop.store.location import DRIVE_REMOTE, DRIVE_REMOVABLE, UnsafeLocation, check_location

FIXED = 3


@pytest.mark.parametrize(
    "path",
    [r"C:\Users\yamada\OneDrive\Teiretsu", r"C:\Users\yamada\OneDrive - 社会福祉法人\data", "/home/u/Dropbox/teiretsu",
     "/Users/u/Library/Mobile Documents/iCloud Drive/x", r"D:\Google Drive\store"],
)  # fmt: skip
def test_cloud_sync_folders_are_refused(path: str) -> None:
    with pytest.raises(UnsafeLocation, match="cloud"):
        check_location(Path(path), platform="win32", drive_type=lambda p: FIXED, filesystem=lambda p: "ext4")


def test_windows_network_and_removable_drives_are_refused() -> None:
    with pytest.raises(UnsafeLocation, match="network drive"):
        check_location(Path(r"Z:\center"), platform="win32", drive_type=lambda p: DRIVE_REMOTE)
    with pytest.raises(UnsafeLocation, match="removable"):
        check_location(Path(r"E:\center"), platform="win32", drive_type=lambda p: DRIVE_REMOVABLE)
    with pytest.raises(UnsafeLocation, match="network share"):
        check_location(Path(r"\\server\share\center"), platform="win32", drive_type=lambda p: FIXED)
    check_location(
        Path(r"C:\Users\yamada\AppData\Local\TeiretsuDesktop"), platform="win32", drive_type=lambda p: FIXED
    )


def test_network_filesystems_are_refused_on_linux(tmp_path: Path) -> None:
    with pytest.raises(UnsafeLocation, match="network filesystem"):
        check_location(tmp_path / "store", platform="linux", filesystem=lambda p: "nfs4")
    check_location(tmp_path / "store", platform="linux", filesystem=lambda p: "ext4")
    check_location(tmp_path / "store")  # the real probe: the test's temporary folder is local
