"""R-REL-05/06: verified backups, consistent under a concurrent writer, and a byte-exact restore drill."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest

from teiretsu_desktop.domain.errors import BackupError, StoreExists, WrongCredentials
from teiretsu_desktop.security.keyslots import KeySlots
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.health import logical_dump_sha256
from teiretsu_desktop.store.models import Setting
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.files import with_zip_member_flags, zip_with_damaged_member
from tests.helpers.stores import ADMIN, ADMIN_PASS, TemplateStore, unlock_admin


def _dump(session: StaffSession) -> str:
    raw = session.store.engine.raw_connection()
    try:
        return logical_dump_sha256(raw.driver_connection)
    finally:
        raw.close()


def test_restore_drill_reproduces_the_logical_dump(admin: StaffSession, tmp_path: Path) -> None:
    with admin.uow() as uow:
        uow.session.add_all([Setting(key=f"k{i}", value=f'"値{i}"') for i in range(100)])
        uow.commit()
    info = maintenance.backup(admin, tmp_path / "drill.zip")
    source_dump = _dump(admin)  # the backup's own audit entry is written before the copy is taken
    target = DataDir(tmp_path / "restored")
    maintenance.restore(info.path, target, lambda slots: slots.unwrap_passphrase(ADMIN, ADMIN_PASS)[0])
    # Open without unlocking as a staff member: an unlock would add an audit entry to the dump.
    key = KeySlots.load(target.keyslots).unwrap_passphrase(ADMIN, ADMIN_PASS)[0]
    restored = Store.open(target, key, migrate=False)
    try:
        assert restored.integrity_problems() == []
        raw = restored.engine.raw_connection()
        try:
            assert logical_dump_sha256(raw.driver_connection) == source_dump
        finally:
            raw.close()
    finally:
        restored.close()


def test_backup_during_active_writes_is_consistent(admin: StaffSession, tmp_path: Path) -> None:
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        n = 0
        try:
            while not stop.is_set():
                with admin.store.uow() as uow:
                    uow.session.add_all([Setting(key=f"w{n}.{i}", value="1") for i in range(5)])
                    uow.commit()
                n += 1
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        infos = [maintenance.backup(admin, tmp_path / f"live{i}.zip") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    assert not errors
    for index, info in enumerate(infos):
        target = DataDir(tmp_path / f"r{index}")
        maintenance.restore(info.path, target, lambda slots: slots.unwrap_passphrase(ADMIN, ADMIN_PASS)[0])
        session = unlock_admin(target)
        try:
            with session.uow(write=False) as uow:
                keys = [k for (k,) in uow.session.query(Setting.key).filter(Setting.key.like("w%"))]
            groups: dict[str, int] = {}
            for key in keys:
                groups[key.split(".")[0]] = groups.get(key.split(".")[0], 0) + 1
            assert all(count == 5 for count in groups.values()), "a half transaction was backed up"
        finally:
            session.lock()


def _zip(
    path: Path, members: dict[str, bytes], *, odd: str = "", flags: int = 0, deflate: bool = False
) -> Path:
    """A backup-shaped archive; the member `odd` given general-purpose `flags`, or deflated and its
    compressed stream then damaged."""
    if deflate:
        path.write_bytes(zip_with_damaged_member(members, odd))
        return path
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    if flags:
        path.write_bytes(with_zip_member_flags(path.read_bytes(), odd, flags))
    return path


def test_bad_backup_files_are_refused_and_nothing_is_written(admin: StaffSession, tmp_path: Path) -> None:
    good = maintenance.backup(admin, tmp_path / "good.zip").path
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    # One byte flipped (setting it to 0 left the file unchanged when it already was 0: 1 run in 256).
    tampered_db = dict(
        members, **{"cases.db": members["cases.db"][:-1] + bytes([members["cases.db"][-1] ^ 0xFF])}
    )
    cases = {
        "not a zip": tmp_path / "plain.txt",
        "extra member": _zip(tmp_path / "extra.zip", dict(members, **{"../evil": b"x"})),
        "missing member": _zip(tmp_path / "missing.zip", {"manifest.json": members["manifest.json"]}),
        "tampered database": _zip(tmp_path / "tampered.zip", tampered_db),
        # zipfile cannot read these and raised NotImplementedError or zlib.error through the reader:
        "patched data": _zip(tmp_path / "patched.zip", members, odd="manifest.json", flags=0x20),
        "damaged deflate": _zip(tmp_path / "deflate.zip", members, odd="manifest.json", deflate=True),
        "damaged database": _zip(tmp_path / "db.zip", members, odd="cases.db", deflate=True),
        "no such file": tmp_path / "absent.zip",
    }
    cases["not a zip"].write_text("hello", encoding="utf-8")
    for label, path in cases.items():
        target = DataDir(tmp_path / f"t-{label.replace(' ', '-')}")
        with pytest.raises(BackupError):
            maintenance.restore(path, target, lambda slots: slots.unwrap_passphrase(ADMIN, ADMIN_PASS)[0])
        assert not target.db.exists() and not target.keyslots.exists(), label
        assert not target.root.exists(), label  # a refused restore leaves no empty folder
    target = DataDir(tmp_path / "wrong-pass")
    with pytest.raises(WrongCredentials):
        maintenance.restore(good, target, lambda slots: slots.unwrap_passphrase(ADMIN, "nope nope nope")[0])
    assert not target.db.exists()


def test_restore_never_overwrites_a_store(store: TemplateStore, admin: StaffSession, tmp_path: Path) -> None:
    good = maintenance.backup(admin, tmp_path / "good.zip").path
    with pytest.raises(StoreExists):
        maintenance.restore(good, store.data_dir, lambda slots: slots.unwrap_passphrase(ADMIN, ADMIN_PASS)[0])


def test_a_backup_reports_progress_and_can_be_cancelled(admin: StaffSession, tmp_path: Path) -> None:
    from teiretsu_desktop.store.backup import BackupCancelled

    with admin.uow() as uow:
        uow.session.add_all([Setting(key=f"bulk{i}", value="x" * 3000) for i in range(3000)])  # ~2,500 pages
        uow.commit()
    seen: list[tuple[int, int]] = []

    def stop_after_first(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    folder = tmp_path / "backups"
    folder.mkdir()
    out = folder / "cancelled.backup"
    with pytest.raises(BackupCancelled):
        maintenance.backup(admin, out, stop_after_first)
    assert seen and seen[0][1] > seen[0][0] > 0
    assert list(folder.iterdir()) == []  # no partial file, no work folder
    steps: list[tuple[int, int]] = []

    def record(done: int, total: int) -> bool:
        steps.append((done, total))
        return True

    info = maintenance.backup(admin, out, record)
    assert len(steps) >= 2 and steps[-1][0] == steps[-1][1]
    assert info.path.exists()
