"""The append-only, hash-chained audit log (DESIGN §3, R-AUD-01/02).

Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting,
inserting or reordering any entry breaks the chain from that point. The head (last seq and hash) is
also kept in store_meta, which catches a truncated tail, and it travels in every statistics bundle so
that the prefecture can compare it with later bundles.

`detail` holds ids, codes and counts only — never a name or narrative.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from teiretsu_desktop.store.models import AuditEntry, StoreMeta, new_id, utc_now

GENESIS = "0" * 64
HEAD_KEY = "audit_head"

DetailValue = str | int | bool | None


def _canonical(fields: Mapping[str, object]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(entry: AuditEntry) -> str:
    fields = {
        "seq": entry.seq,
        "id": entry.id,
        "at": entry.at,
        "actor_id": entry.actor_id,
        "action": entry.action,
        "target_kind": entry.target_kind,
        "target_id": entry.target_id,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash,
    }
    return hashlib.sha256(_canonical(fields)).hexdigest()


@dataclass(frozen=True)
class ChainHead:
    seq: int
    hash: str

    def text(self) -> str:
        return f"{self.seq}:{self.hash}"


def head(session: Session) -> ChainHead:
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return ChainHead(last.seq, last.hash) if last else ChainHead(0, GENESIS)


def append(
    session: Session,
    *,
    actor_id: str | None,
    action: str,
    target_kind: str | None = None,
    target_id: str | None = None,
    detail: Mapping[str, DetailValue] | None = None,
    at: str | None = None,
) -> AuditEntry:
    """Add one entry in the caller's transaction; it is kept only if the caller commits.

    Writers run under BEGIN IMMEDIATE, so two appends can never pick the same sequence number.
    """
    prev = head(session)
    entry = AuditEntry(
        seq=prev.seq + 1,
        id=new_id(),
        at=at or utc_now(),
        actor_id=actor_id,
        action=action,
        target_kind=target_kind,
        target_id=target_id,
        detail=json.dumps(dict(detail or {}), sort_keys=True, ensure_ascii=False),
        prev_hash=prev.hash,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    meta = session.get(StoreMeta, HEAD_KEY)
    head_text = ChainHead(entry.seq, entry.hash).text()
    if meta is None:
        session.add(StoreMeta(key=HEAD_KEY, value=head_text))
    else:
        meta.value = head_text
    session.flush()
    return entry


def verify(session: Session) -> list[str]:
    """Every break in the chain, in order; empty when the log is intact."""
    problems: list[str] = []
    expected_prev = GENESIS
    expected_seq = 1
    last = ChainHead(0, GENESIS)
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        if entry.seq != expected_seq:
            problems.append(f"監査ログ #{entry.seq}: 番号が飛んでいます (期待 {expected_seq}) / sequence gap")
        if entry.prev_hash != expected_prev:
            problems.append(
                f"監査ログ #{entry.seq}: 前の記録とつながりません / does not link to the previous entry"
            )
        if entry_hash(entry) != entry.hash:
            problems.append(f"監査ログ #{entry.seq}: 内容が変更されています / entry was modified")
        expected_prev = entry.hash
        expected_seq = entry.seq + 1
        last = ChainHead(entry.seq, entry.hash)
    meta = session.get(StoreMeta, HEAD_KEY)
    recorded = meta.value if meta else ChainHead(0, GENESIS).text()
    if recorded != last.text():
        problems.append(
            "監査ログの末尾が記録と一致しません / the log's last entry does not match the recorded head"
        )
    return problems
