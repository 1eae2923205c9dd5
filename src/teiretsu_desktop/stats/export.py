"""Exporting the year's signed, anonymised bundle (center side)."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from teiretsu_desktop import __version__
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security import audit, authority
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.signing import KEY_NAME, ensure_signing_key, key_id, public_key_text
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.sync import state as sync_state
from teiretsu_desktop.stats import schema
from teiretsu_desktop.stats.bundle_format import (
    FORMAT_VERSION,
    PAYLOAD_VERSION,
    canonical,
    payload_sha256,
    write_bundle,
)
from teiretsu_desktop.stats.disclosure import ProtectionReport, Published, protect
from teiretsu_desktop.stats.policies import POLICIES
from teiretsu_desktop.stats.tables import Table, compute_tables
from teiretsu_desktop.store.atomic import atomic_write_bytes
from teiretsu_desktop.store.models import AuditEntry, CenterProfile, StoreMeta
from teiretsu_desktop.store.queries.year_locks import lock_key


def _meta_key(kind: str, fiscal_year: int) -> str:
    key = f"stats.{kind}.{fiscal_year}"
    assert kind != "locked" or key == lock_key(fiscal_year)  # the import reads the locks by that key
    return key


@dataclass(frozen=True)
class ExportPreview:
    fiscal_year: int
    policy: str
    k: int
    tables: dict[str, Table]
    published: dict[str, Published]
    report: ProtectionReport
    payload: bytes
    locked: bool
    # The manifest fields the file will carry, as known before it is signed (the bundle ID and the
    # signature are made when it is written; the audit head may move by then).
    manifest: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    sequence: int
    manifest: dict[str, Any]


def year_tables(session: StaffSession, fiscal_year: int) -> dict[str, Table]:
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        return compute_tables(uow.session, fiscal_year)


def _payload(published: dict[str, Published]) -> bytes:
    tables = {
        tid: {"version": p.version, "rows": list(p.rows), "columns": list(p.columns), "cells": p.cells}
        for tid, p in sorted(published.items())
    }
    return canonical({"format_version": PAYLOAD_VERSION, "tables": tables})


def preview_export(session: StaffSession, fiscal_year: int, policy: str) -> ExportPreview:
    """Exactly what would leave the center, after disclosure control, checked as the prefecture will."""
    session.require(Permission.EXPORT_STATS)
    if policy not in POLICIES:
        raise InvalidInput(
            f"秘匿の方針は {' / '.join(POLICIES)} です / policy must be one of {', '.join(POLICIES)}"
        )
    with session.uow(write=False) as uow:
        s = uow.session
        tables = compute_tables(s, fiscal_year)
        last = s.get(StoreMeta, _meta_key("last", fiscal_year))
        locked = s.get(StoreMeta, lock_key(fiscal_year)) is not None
        previous = json.loads(last.value)["cells"] if last else None
        published, report = protect(tables, policy=policy, previous=previous)
        payload = _payload(published)
        schema.check_payload(json.loads(payload))
        center = s.execute(select(CenterProfile)).scalars().first()
        key_row = s.get(StoreMeta, KEY_NAME)
        sequence_row = s.get(StoreMeta, _meta_key("sequence", fiscal_year))
        pin = authority.read_pin(s)
        manifest = {
            "center_id": center.center_code if center else "",
            "key_id": key_id(Ed25519PrivateKey.from_private_bytes(base64.b64decode(key_row.value)).public_key())
            if key_row else "(書き出し時に作成)",
            "period": f"FY{fiscal_year}",
            "sequence": str(int(sequence_row.value) + 1 if sequence_row else 1),
            "created_on": date.today().isoformat(),
            "app_version": __version__,
            "payload_sha256": payload_sha256(payload),
            "audit_chain_head": audit.head(s).text(),
            "authority": authority.fingerprint(pin.public) if pin else "none",
            "policy": policy,
            "k": str(POLICIES[policy]),
            "signed_off_role": session.actor.role.value,
        }  # fmt: skip
    return ExportPreview(
        fiscal_year, policy, POLICIES[policy], tables, published, report, payload, locked, manifest
    )


def export_bundle(session: StaffSession, fiscal_year: int, policy: str, out: Path) -> Outcome[ExportResult]:
    """Sign off and write the bundle; the year is then locked until reopened with a reason."""
    session.require(Permission.EXPORT_STATS)
    session.require(Permission.SIGN_OFF_STATS)
    with session.uow(write=False) as uow:
        if not sync_state.may_export_statistics(uow.session):
            raise InvalidInput(
                "統計の提出データは拠点（事務所PC）から書き出してください。この端末はセンターの記録の一部しか持っていない"
                "ことがあります / Export the statistics bundle from the hub: a device may not hold the whole record."
            )
    preview = preview_export(session, fiscal_year, policy)
    if preview.locked:
        raise InvalidInput(
            f"{fiscal_year}年度は書き出し後にロックされています。理由を記録して再開してください (stats reopen) / "
            "the year is locked; reopen it with a reason first."
        )
    with session.uow() as uow:
        s = uow.session
        center = s.execute(select(CenterProfile)).scalars().first()
        assert center is not None
        key = ensure_signing_key(s)
        sequence_row = s.get(StoreMeta, _meta_key("sequence", fiscal_year))
        sequence = int(sequence_row.value) + 1 if sequence_row else 1
        head = audit.head(s)
        previous = _previous_witness(s)
        pin = authority.read_pin(s)
        bundle_id = str(uuid.uuid4())
        manifest: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "center_id": center.center_code,
            "key_id": key_id(key.public_key()),
            "bundle_id": bundle_id,
            "period": f"FY{fiscal_year}",
            "fiscal_year": fiscal_year,
            "sequence": sequence,
            "created_on": date.today().isoformat(),
            "app_version": __version__,
            "payload_sha256": payload_sha256(preview.payload),
            "audit_chain_head": head.text(),
            # The witness: the chain's hash now at the length the previous bundle reported. A chain
            # rewritten or trimmed since then no longer gives the hash the prefecture saw.
            "audit_chain_previous": previous,
            "authority": authority.fingerprint(pin.public) if pin else "none",
            "policy": policy,
            "k": preview.k,
            "table_versions": {tid: p.version for tid, p in sorted(preview.published.items())},
            "signed_off_role": session.actor.role.value,
        }
        schema.check_manifest(manifest)
        signature = key.sign(canonical(manifest))
        data = write_bundle(manifest, preview.payload, signature)
        atomic_write_bytes(out, data)
        cells = {tid: p.cells for tid, p in preview.published.items()}
        reported = s.get(StoreMeta, WITNESS_KEY)
        if reported is None:
            s.add(StoreMeta(key=WITNESS_KEY, value=head.text()))
        else:
            reported.value = head.text()
        for kind, value in (
            ("sequence", str(sequence)),
            ("last", json.dumps({"sequence": sequence, "cells": cells})),
            ("locked", bundle_id),
        ):
            row = s.get(StoreMeta, _meta_key(kind, fiscal_year))
            if row is None:
                s.add(StoreMeta(key=_meta_key(kind, fiscal_year), value=value))
            else:
                row.value = value
        audit.append(
            s,
            actor_id=session.actor.staff_id,
            action="stats_exported",
            detail={
                "fiscal_year": fiscal_year,
                "policy": policy,
                "sequence": sequence,
                "bundle": manifest["bundle_id"],
            },
        )
        uow.commit()
    result = ExportResult(out, bundle_id, sequence, manifest)
    return Outcome(result, Changes.of(ChangeKind.STATISTICS))


def reopen_year(session: StaffSession, fiscal_year: int, reason: str) -> None:
    session.require(Permission.SIGN_OFF_STATS)
    if not reason.strip():
        raise InvalidInput("再開の理由を入力してください / Give a reason for reopening the year.")
    with session.uow() as uow:
        row = uow.session.get(StoreMeta, lock_key(fiscal_year))
        if row is None:
            raise InvalidInput(f"{fiscal_year}年度はロックされていません / the year is not locked.")
        uow.session.delete(row)
        audit.append(
            uow.session, actor_id=session.actor.staff_id, action="stats_year_reopened",
            detail={"fiscal_year": fiscal_year, "reason": reason.strip()[:200]},
        )  # fmt: skip
        uow.commit()


WITNESS_KEY = "bundle.chain_reported"  # the audit head the last bundle reported, whatever its year


def _previous_witness(s: Session) -> str:
    """`M:hash` — the hash of audit entry M now, where M is the length the last bundle reported."""
    reported = s.get(StoreMeta, WITNESS_KEY)
    if reported is None:
        return audit.ChainHead(0, audit.GENESIS).text()
    length = int(reported.value.split(":", 1)[0])
    entry = s.get(AuditEntry, length)
    return f"{length}:{entry.hash if entry is not None else 'missing'}"


def center_public_key(session: StaffSession) -> str:
    session.require(Permission.EXPORT_STATS)
    with session.uow() as uow:
        center = uow.session.execute(select(CenterProfile)).scalars().first()
        assert center is not None
        key = ensure_signing_key(uow.session)
        text = public_key_text(key.public_key(), center.center_code)
        uow.commit()
    return text


def authority_fingerprint(session: StaffSession) -> str | None:
    """The administrator authority's fingerprint, which the prefecture pins (None: not yet upgraded)."""
    with session.uow(write=False) as uow:
        pin = authority.read_pin(uow.session)
    return authority.fingerprint(pin.public) if pin else None
