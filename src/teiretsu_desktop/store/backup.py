"""Verified backups and restores of one store (DESIGN §3, R-REL-05/06).

A backup is one ZIP file (stored, not compressed: the content is ciphertext) with exactly three
members: `manifest.json` (no personal data: ids, times, row counts, digests), `cases.db` (a same-key
SQLite backup-API copy, so still encrypted) and `keyslots.json`. The copy is made from a consistent
snapshot inside a read transaction, verified (it opens with the key, quick_check and
cipher_integrity_check pass, row counts equal the source's), and only then renamed into place.
A live database is never copied as a plain file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from teiretsu_desktop import __version__
from teiretsu_desktop.domain.errors import BackupError, StoreExists
from teiretsu_desktop.store.atomic import atomic_replace, atomic_write_bytes
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.engine import key_pragma
from teiretsu_desktop.store.health import integrity_problems, row_counts
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.location import check_location
from teiretsu_desktop.store.paths import DataDir
from teiretsu_desktop.store.zip_members import DAMAGED_MEMBER, REFUSED_FLAGS, ZIP_READ_FAILURES

FORMAT = "teiretsu-backup"
VERSION = 1
MEMBERS = ("manifest.json", "cases.db", "keyslots.json")
MAX_MEMBER_BYTES = {"manifest.json": 1_000_000, "keyslots.json": 1_000_000, "cases.db": 64 * 1024**3}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    sha256: str
    row_counts: dict[str, int]


def _open_copy(path: Path, key: DatabaseKey) -> Any:
    import sqlcipher3  # the store's driver; imported here to keep module import light

    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(key_pragma(key))
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _verify_copy(path: Path, key: DatabaseKey, expected_counts: dict[str, int]) -> None:
    conn = _open_copy(path, key)
    try:
        problems = integrity_problems(conn)
        if problems:
            raise BackupError(
                "バックアップの検証に失敗しました / The backup copy failed its checks: " + "; ".join(problems)
            )
        counts = row_counts(conn)
    finally:
        conn.close()
    if counts != expected_counts:
        raise BackupError(
            "バックアップの件数が一致しません / The backup copy's row counts differ from the store's."
        )


Progress = Callable[[int, int], bool]  # (pages copied, total pages) -> keep going?
BACKUP_STEP_PAGES = 1024


class BackupCancelled(BackupError):
    pass


def create_backup(
    store: Store,
    keyslots_bytes: bytes,
    out: Path,
    *,
    db_id: str,
    created_at: str,
    progress: Progress | None = None,
    witness: dict[str, str] | None = None,
    prepare: Callable[[Any], None] | None = None,
) -> BackupInfo:
    """`progress` may stop the copy between steps (returning False); nothing is left behind then.
    `prepare` may change the copy's rows before it is verified (a device's store gets its own identity
    this way); the copy is then verified against its own counts."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=out.parent))
    # Noted in the data folder, so that a backup killed half-way is cleaned up at the next start.
    _note_work(store.data_dir, work, add=True)
    copy_path = work / "cases.db"
    try:
        raw = store.engine.raw_connection()
        try:
            source: Any = raw.driver_connection
            target = _open_copy(copy_path, store.key)
            try:
                # One read transaction: the counts and the copied pages come from the same snapshot.
                source.execute("BEGIN")
                try:
                    counts = row_counts(source)
                    if progress is None:
                        source.backup(target)
                    else:

                        def report(_status: int, remaining: int, total: int) -> None:
                            if not progress(total - remaining, total):
                                raise BackupCancelled(
                                    "バックアップを中止しました / The backup was cancelled."
                                )

                        source.backup(target, pages=BACKUP_STEP_PAGES, progress=report)
                finally:
                    source.execute("COMMIT")
                if prepare is not None:
                    prepare(target)
                    counts = row_counts(target)  # what the copy holds now is what it must hold after
                target.execute("PRAGMA journal_mode = DELETE").fetchall()
            finally:
                target.close()
        finally:
            raw.close()
        _verify_copy(copy_path, store.key, counts)

        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "db_id": db_id,
            "created_at": created_at,
            "app_version": __version__,
            "row_counts": counts,
            "cases_db_sha256": _sha256_file(copy_path),
            "keyslots_sha256": hashlib.sha256(keyslots_bytes).hexdigest(),
            **(witness or {}),  # the audit head and the authority's fingerprint at backup time
        }
        zip_tmp = work / "backup.zip"
        with zipfile.ZipFile(zip_tmp, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(
                "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
            )
            archive.write(copy_path, "cases.db")
            archive.writestr("keyslots.json", keyslots_bytes)
        os.chmod(zip_tmp, 0o600)  # it holds the encrypted store and every key slot: the owner's only
        with open(zip_tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        atomic_replace(zip_tmp, out)
        return BackupInfo(out, _sha256_file(out), counts)
    except OSError as exc:
        raise BackupError(f"バックアップを書き込めません / Cannot write the backup: {exc.strerror}") from None
    finally:
        _remove_work(work)
        _note_work(store.data_dir, work, add=False)


WORK_PREFIX = ".teiretsu-backup-"
WORK_NOTE = "backups-in-progress.json"


def _remove_work(work: Path) -> None:
    if not work.name.startswith(WORK_PREFIX):
        return  # never delete anything this program did not make
    for leftover in work.glob("*"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    with contextlib.suppress(OSError):
        work.rmdir()


def _note_work(data_dir: DataDir, work: Path, *, add: bool) -> None:
    note = data_dir.root / WORK_NOTE
    try:
        noted = [str(p) for p in json.loads(note.read_text(encoding="utf-8"))] if note.exists() else []
    except (ValueError, TypeError, OSError):
        noted = []
    noted = [p for p in noted if p != str(work)] + ([str(work)] if add else [])
    with contextlib.suppress(OSError):
        if noted:
            atomic_write_bytes(note, json.dumps(noted).encode("utf-8"))
        else:
            note.unlink(missing_ok=True)


def clean_interrupted_backups(data_dir: DataDir) -> int:
    """At start: remove the work folders of backups that were killed before they finished."""
    note = data_dir.root / WORK_NOTE
    if not note.exists():
        return 0
    try:
        noted = [Path(str(p)) for p in json.loads(note.read_text(encoding="utf-8"))]
    except (ValueError, TypeError, OSError):
        noted = []
    removed = 0
    for work in noted:
        if work.is_dir():
            _remove_work(work)
            removed += 1
    with contextlib.suppress(OSError):
        note.unlink()
    return removed


@dataclass(frozen=True)
class BackupContents:
    manifest: dict[str, Any]
    keyslots: bytes


UNREADABLE: tuple[type[BaseException], ...] = (KeyError, *ZIP_READ_FAILURES)  # a member missing too


def _bad(reason: str) -> BackupError:
    return BackupError(f"バックアップファイルが不正です ({reason}) / Not a valid backup file ({reason}).")


def read_backup(path: Path) -> tuple[BackupContents, zipfile.ZipFile]:
    """Check the archive's shape without extracting anything. The caller closes the ZipFile."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupError(f"バックアップファイルがありません / No such backup file: {path}") from None
    except ZIP_READ_FAILURES:
        raise _bad("ZIPではありません / not a ZIP archive") from None
    try:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        if sorted(names) != sorted(MEMBERS):
            raise _bad("内容が違います / unexpected members")
        for info in infos:
            if info.flag_bits & REFUSED_FLAGS:
                raise _bad("暗号化または対応していない形式です / encrypted or unsupported member")
            if info.file_size > MAX_MEMBER_BYTES[info.filename]:
                raise _bad("大きすぎます / member too large")
        manifest = json.loads(archive.read("manifest.json").decode("utf-8"))
        if (
            not isinstance(manifest, dict)
            or manifest.get("format") != FORMAT
            or manifest.get("version") != VERSION
        ):
            raise _bad("形式が違います / unknown format")
        keyslots = archive.read("keyslots.json")
        if hashlib.sha256(keyslots).hexdigest() != manifest.get("keyslots_sha256"):
            raise _bad("鍵ファイルが一致しません / key slots do not match the manifest")
        return BackupContents(manifest, keyslots), archive
    except BackupError:
        archive.close()
        raise
    except UNREADABLE:
        archive.close()
        raise _bad("読み取れません / unreadable") from None


def restore_backup(path: Path, data_dir: DataDir, unwrap: Callable[[bytes], DatabaseKey]) -> dict[str, Any]:
    """Restore into a data directory that holds no store. `unwrap` turns the backup's key-slot bytes into
    the database key (it asks for a passphrase or the recovery key). Returns the manifest."""
    if data_dir.db.exists() or data_dir.keyslots.exists():
        raise StoreExists(
            f"復元先に既にデータがあります。空のフォルダを指定してください / {data_dir.root} already holds a store."
        )
    check_location(data_dir.root)
    contents, archive = read_backup(path)
    key = unwrap(contents.keyslots)
    existed = data_dir.root.exists()
    data_dir.ensure_private_root()
    db_tmp = data_dir.root / ".cases.db.restoring"
    restored = False
    try:
        with archive, archive.open("cases.db") as member, open(db_tmp, "wb") as handle:
            digest = hashlib.sha256()
            for chunk in iter(lambda: member.read(1 << 20), b""):
                digest.update(chunk)
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if digest.hexdigest() != contents.manifest.get("cases_db_sha256"):
            raise _bad("データベースが一致しません / database digest mismatch")
        _verify_copy(db_tmp, key, dict(contents.manifest.get("row_counts", {})))
        # The database first, the key slots last: a store "exists" only once both are in place.
        atomic_replace(db_tmp, data_dir.db)
        for stale in (data_dir.db.with_name("cases.db-wal"), data_dir.db.with_name("cases.db-shm")):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
        atomic_write_bytes(data_dir.keyslots, contents.keyslots)
        restored = True
    except DAMAGED_MEMBER:
        raise _bad("壊れています (CRC) / damaged archive") from None
    except OSError as exc:
        raise BackupError(f"復元できません / Cannot restore: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            db_tmp.unlink()
        key.wipe()
        if not restored:
            # A refused restore leaves the target as it was: the database placed before the key slots
            # failed is removed again, and a folder made for this restore goes with it.
            if not data_dir.keyslots.exists():
                with contextlib.suppress(FileNotFoundError):
                    data_dir.db.unlink()
            if not existed:
                with contextlib.suppress(OSError):
                    data_dir.root.rmdir()
    return contents.manifest
