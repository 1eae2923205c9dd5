"""Backup, restore and verification of a center's store."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from teiretsu_desktop.security import audit, authority
from teiretsu_desktop.security.keyslots import KeySlots
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import open_with_recovery, unlock_with_passphrase
from teiretsu_desktop.services.sync import audit_chains
from teiretsu_desktop.store.backup import BackupInfo, Progress, create_backup, restore_backup
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import AuditEntry, Staff, utc_now
from teiretsu_desktop.store.paths import DataDir


def backup(session: StaffSession, out: Path, progress: Progress | None = None) -> BackupInfo:
    session.require(Permission.BACKUP)
    data_dir = session.store.data_dir
    keyslots_bytes = data_dir.keyslots.read_bytes()
    db_id = KeySlots.load(data_dir.keyslots).db_id
    # Audit first so that the backup itself contains the record of its making.
    session.record("backup", detail={"file": out.name})
    with session.uow(write=False) as uow:
        pin = authority.read_pin(uow.session)
        witness = {
            "audit_chain_head": audit.head(uow.session).text(),
            "authority": authority.fingerprint(pin.public) if pin else "none",
        }
    return create_backup(
        session.store, keyslots_bytes, out, db_id=db_id, created_at=utc_now(), progress=progress,
        witness=witness,
    )  # fmt: skip


def restore(
    backup_file: Path, data_dir: DataDir, unwrap: Callable[[KeySlots], DatabaseKey]
) -> dict[str, Any]:
    """Restore into an empty data directory; `unwrap` takes the key from the backup's own slots."""

    def from_bytes(raw: bytes) -> DatabaseKey:
        return unwrap(KeySlots.parse(raw))

    return restore_backup(backup_file, data_dir, from_bytes)


def record_restore(session: StaffSession, manifest: dict[str, Any]) -> None:
    session.record("restore", detail={"backup_created_at": str(manifest.get("created_at"))})


def restore_as(backup_file: Path, data_dir: DataDir, login: str, passphrase: str) -> dict[str, Any]:
    """Restore with a staff member's passphrase (as it was at backup time) and audit the restore."""
    manifest = restore(backup_file, data_dir, lambda slots: slots.unwrap_passphrase(login, passphrase)[0])
    session = unlock_with_passphrase(data_dir, login, passphrase)
    try:
        record_restore(session, manifest)
    finally:
        session.lock()
    return manifest


def record_restore_with_recovery(data_dir: DataDir, code: str, manifest: dict[str, Any]) -> None:
    store = open_with_recovery(data_dir, code).store
    try:
        with store.uow() as uow:
            audit.append(uow.session, actor_id=None, action="recovery_key_used")
            audit.append(
                uow.session,
                actor_id=None,
                action="restore",
                detail={"backup_created_at": str(manifest.get("created_at"))},
            )
            uow.commit()
    finally:
        store.close()


def _authority_problems(session: StaffSession) -> list[str]:
    """The key file's authority and roster against the store: the pin, the audit entry that established
    the authority, and every staff row (attack 1: `UPDATE staff SET role='admin'` must not pass)."""
    slots = KeySlots.load(session.store.data_dir.keyslots)
    with session.uow(write=False) as uow:
        pin = authority.read_pin(uow.session)
        established = uow.session.execute(
            select(AuditEntry.detail).where(AuditEntry.action == "authority_established").order_by(AuditEntry.seq)
        ).scalars().first()  # fmt: skip
        rows = {
            s.id: (s.login, s.role) for s in uow.session.scalars(select(Staff).where(Staff.active.is_(True)))
        }
    if pin is None:
        if slots.authority_public is None:
            return []  # a store not yet upgraded (upgrade-keys); nothing is signed to compare
        return [
            "鍵ファイルに管理者の署名鍵があるのに、データにありません / an authority in the key file only"
        ]
    problems = []
    if established is None or json.loads(established).get("fingerprint") != authority.fingerprint(pin.public):
        problems.append(
            "管理者の署名鍵が、監査ログに記録されたものと違います / the authority differs from the audit record"
        )
    roster = slots.roster
    if slots.authority_public != pin.public or roster is None or not roster.verify(pin.public):
        return [
            *problems,
            "スタッフ名簿の署名が正しくありません / the staff roster is not signed by the authority",
        ]
    if roster.serial < pin.serial:
        problems.append("古いスタッフ名簿に戻されています / an older roster was put back")
    signed = {sid: (m.login, m.role.value) for sid, m in roster.members.items()}
    for sid in sorted(rows.keys() | signed.keys()):
        if rows.get(sid) != signed.get(sid):
            login = (rows.get(sid) or signed.get(sid) or ("?", ""))[0]
            problems.append(
                f"スタッフ {login} の役割または状態が署名された名簿と違います / staff {login} differs from the roster"
            )
    return problems


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: StaffSession) -> VerifyReport:
    """quick_check, cipher_integrity_check and the audit chain. Writes an audit entry only when healthy."""
    report = VerifyReport()
    integrity = session.store.integrity_problems()
    report.problems.extend(integrity)
    report.checks.append("quick_check / cipher_integrity_check: " + ("ok" if not integrity else "FAILED"))
    try:
        schema = session.store.schema_problems()
    except Exception as exc:  # a damaged page may make reading the schema itself fail
        schema = [f"スキーマを読めません / cannot read the schema ({type(exc).__name__})"]
    report.problems.extend(schema)
    report.checks.append("schema (tables, indexes, triggers): " + ("ok" if not schema else "FAILED"))
    try:
        staff_problems = _authority_problems(session)
    except Exception as exc:  # a damaged key file or page: reported, not raised
        staff_problems = [
            f"署名された名簿を確かめられません / cannot check the signed roster ({type(exc).__name__})"
        ]
    report.problems.extend(staff_problems)
    report.checks.append("signed staff roster: " + ("ok" if not staff_problems else "FAILED"))
    try:
        with session.uow(write=False) as uow:
            chain = audit.verify(uow.session)
    except Exception as exc:  # a damaged page may make reading the log itself fail
        chain = [f"監査ログを読めません / cannot read the audit log ({type(exc).__name__})"]
    report.problems.extend(chain)
    report.checks.append("audit chain: " + ("ok" if not chain else "FAILED"))
    try:
        with session.uow(write=False) as uow:
            device_chains = audit_chains.problems(uow.session)
            held = audit_chains.chains(uow.session)
    except Exception as exc:  # as above: reported, not raised
        device_chains, held = (
            [f"端末の監査ログを読めません / cannot read the devices' chains ({type(exc).__name__})"],
            0,
        )
    report.problems.extend(device_chains)
    report.checks.append(f"devices' audit chains ({held}): " + ("ok" if not device_chains else "FAILED"))
    if report.ok:
        session.record("verify", detail={"result": "ok"})
    return report
