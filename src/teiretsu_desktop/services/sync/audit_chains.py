"""Every device's audit chain, as the hub keeps it (issue 18, item 4).

Each device appends to its own hash chain, which branches from the hub's at the entry of its
enrolment (`fork_audit_seq`). Its packets carry the entries the hub has not acknowledged; the hub
keeps them in sync_audit, and `verify` checks each chain: numbered without gaps from its branch point,
each entry's hash over its content, each linked to the one before — the first to the hub's own entry
it branched from.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from teiretsu_desktop.security.audit import entry_hash
from teiretsu_desktop.services.sync import state as sync_state
from teiretsu_desktop.store.models import AuditEntry


def problems(session: Session) -> list[str]:
    """Every break in the other devices' chains this store holds; empty outside a sync group."""
    own = sync_state.load(session)
    if own is None:
        return []
    entries = sync_state.registry(session)
    me = entries.get(own.identity.device_id)
    found: list[str] = []
    devices = (
        session.execute(text("SELECT DISTINCT device_id FROM sync_audit ORDER BY device_id")).scalars().all()
    )
    for device in devices:
        entry = entries.get(str(device))
        name = entry.name if entry else str(device)[:8]
        if entry is None:
            found.append(f"端末 {name} の監査ログ: 登録されていない端末です / chain of an unknown device")
            continue
        expected_seq = int(entry.body["fork_audit_seq"]) + 1
        expected_prev: str | None = None
        if me is not None and me.hub:
            branch = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == expected_seq - 1))
            expected_prev = branch
        rows = session.execute(
            text("SELECT * FROM sync_audit WHERE device_id = :d ORDER BY seq"), {"d": device}
        ).all()
        for row in rows:
            link = AuditEntry(
                seq=row.seq, id=row.id, at=row.at, actor_id=row.actor_id, action=row.action,
                target_kind=row.target_kind, target_id=row.target_id, detail=row.detail, prev_hash=row.prev_hash,
            )  # fmt: skip
            if row.seq != expected_seq:
                found.append(f"端末 {name} の監査ログ #{row.seq}: 番号が飛んでいます / sequence gap")
            if expected_prev is not None and row.prev_hash != expected_prev:
                found.append(f"端末 {name} の監査ログ #{row.seq}: 前の記録とつながりません / broken link")
            if entry_hash(link) != row.hash:
                found.append(
                    f"端末 {name} の監査ログ #{row.seq}: 内容が変更されています / entry was modified"
                )
            expected_seq, expected_prev = row.seq + 1, row.hash
    return found


def chains(session: Session) -> int:
    return int(session.execute(text("SELECT count(DISTINCT device_id) FROM sync_audit")).scalar() or 0)


AUDIT_FIELDS = (
    "seq",
    "id",
    "at",
    "actor_id",
    "action",
    "target_kind",
    "target_id",
    "detail",
    "prev_hash",
    "hash",
)


def keep(session: Session, device_id: str, entries: list[dict[str, object]]) -> None:
    """Keep another device's audit entries as it sent them (an entry already kept stays as it was)."""
    for entry in entries:
        session.execute(
            text(
                "INSERT OR IGNORE INTO sync_audit (device_id, seq, id, at, actor_id, action, target_kind, target_id,"
                " detail, prev_hash, hash) VALUES (:device_id, :seq, :id, :at, :actor_id, :action, :target_kind,"
                " :target_id, :detail, :prev_hash, :hash)"
            ),
            {**{f: entry[f] for f in AUDIT_FIELDS}, "device_id": device_id},
        )
