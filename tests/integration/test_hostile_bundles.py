"""Issue 14, attacks 9-11: bundles and key files as a hostile center or a forger would make them
(R-IMP-05). Validly signed bundles are made here with a test center's own key."""

from __future__ import annotations

import base64
import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, select, text

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security import audit, authority
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.signing import key_id, public_key_text
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.settings import center_info, change_center_code
from teiretsu_desktop.stats.bundle_format import canonical, payload_sha256, read_bundle, write_bundle
from teiretsu_desktop.stats.export import authority_fingerprint, center_public_key, export_bundle, reopen_year
from teiretsu_desktop.stats.workspace import Workspace
from teiretsu_desktop.store.models import AuditEntry, StoreMeta

FY = 2024
FORGER = "130009"


@pytest.fixture
def good(admin: StaffSession, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    generate_demo_data(admin, persons=60, seed=4, today=date(2025, 3, 1))
    path = tmp_path / "good.bundle"
    export_bundle(admin, FY, "prefecture", path)
    raw = read_bundle(path.read_bytes())
    return raw.manifest, json.loads(raw.payload_bytes)


def _signed(key: Ed25519PrivateKey, manifest: dict[str, Any], payload: dict[str, Any]) -> bytes:
    body = canonical(payload)
    full = {
        **manifest,
        "center_id": FORGER,
        "key_id": key_id(key.public_key()),
        "payload_sha256": payload_sha256(body),
    }
    return write_bundle(full, body, key.sign(canonical(full)))


def _workspace(tmp_path: Path, key: Ed25519PrivateKey) -> Workspace:
    workspace = Workspace(tmp_path / "ws")
    workspace.trust(FORGER, public_key_text(key.public_key(), FORGER))
    return workspace


def test_9_a_deeply_nested_file_is_refused_and_the_valid_ones_still_import(
    admin: StaffSession, good: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    """Attack 9: deeply nested JSON crashed the import with RecursionError and stopped the whole batch."""
    key = Ed25519PrivateKey.generate()
    workspace = _workspace(tmp_path, key)
    manifest, payload = good
    deep = tmp_path / "deep.bundle"
    with zipfile.ZipFile(deep, "w") as archive:  # unsigned: the depth is refused before anything else
        archive.writestr("manifest.json", b"[" * 3000 + b"]" * 3000)  # Python's json recursed past 1000
        archive.writestr("payload.json", b"{}")
        archive.writestr("signature.b64", base64.b64encode(b"\0" * 64))
    valid = tmp_path / "valid.bundle"
    valid.write_bytes(_signed(key, manifest, payload))
    report = workspace.import_files([deep, valid])
    by_name = {f.name: f for f in report.files}
    assert by_name["deep.bundle"].status == "refused" and "入れ子" in by_name["deep.bundle"].message
    assert by_name["valid.bundle"].status == "new" and report.written


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"fiscal_year": 2100, "period": "FY2100"}, "事業の期間"),
        ({"fiscal_year": 2005, "period": "FY2005"}, "事業の期間"),
        ({"sequence": 10**40}, "連番"),
    ],
)
def test_11_a_signed_bundle_out_of_range_is_refused(
    good: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path, change: dict[str, Any], reason: str
) -> None:
    """Attack 11: validly signed bundles were accepted with fiscal year 2100 or a sequence of 10^40
    (which blocks every later bundle of that year)."""
    key = Ed25519PrivateKey.generate()
    workspace = _workspace(tmp_path, key)
    manifest, payload = good
    path = tmp_path / "forged.bundle"
    path.write_bytes(_signed(key, {**manifest, **change}, payload))
    result = workspace.import_files([path]).files[0]
    assert result.status == "refused" and reason in result.message


def test_11_contradicting_or_absurd_cells_are_refused_and_large_ones_flagged(
    good: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    """Attack 11: contradicting tables and values up to 10,000,000 in a cell were accepted."""
    key = Ed25519PrivateKey.generate()
    workspace = _workspace(tmp_path, key)
    manifest, payload = good

    def with_cell(tid: str, value: int, *, column: int = 0) -> dict[str, Any]:
        tables = json.loads(json.dumps(payload["tables"]))
        tables[tid]["cells"][0][column] = value
        return {**payload, "tables": tables}

    contradicting = with_cell(
        "residence_at_release", payload["tables"]["residence_at_release"]["cells"][0][0] + 7
    )
    huge = with_cell("caseload", 10_000_000)
    large = with_cell("caseload", 6_000)
    files: list[Path] = []
    for name, body in (("contradicting", contradicting), ("huge", huge), ("large", large)):
        path = tmp_path / f"{name}.bundle"
        path.write_bytes(_signed(key, {**manifest, "sequence": len(files) + 1}, body))
        files.append(path)
    results = {f.name: f for f in workspace.import_files(files, dry_run=True).files}
    assert results["contradicting.bundle"].status == "refused"
    assert "合計が一致しません" in results["contradicting.bundle"].message
    assert results["huge.bundle"].status == "refused" and "大きすぎる" in results["huge.bundle"].message
    assert results["large.bundle"].status == "new"
    assert any("6000" in w for w in results["large.bundle"].warnings)


def test_10_a_key_cannot_be_swapped_or_registered_twice(admin: StaffSession, tmp_path: Path) -> None:
    """Attack 10: a file naming 130001 but holding another center's key silently replaced 130001's key;
    a lookalike code (13OOO1) registered the same key under a second center."""
    workspace = Workspace(tmp_path / "ws")
    real = center_public_key(admin)  # names 130001
    first = workspace.trust("130001", real)
    other = Ed25519PrivateKey.generate()
    swapped = public_key_text(other.public_key(), "130001")
    with pytest.raises(InvalidInput, match="別の鍵"):
        workspace.trust("130001", swapped)
    for lookalike in ("13OOO1", "１３０００１", "13001"):
        with pytest.raises(InvalidInput, match="6桁"):
            workspace.trust(lookalike, real)
    same_key_elsewhere = real.replace("130001", "130002")
    with pytest.raises(InvalidInput, match="既にセンター 130001"):
        workspace.trust("130002", same_key_elsewhere)
    assert workspace.registry()["130001"]["key_id"] == first
    new = workspace.trust("130001", swapped, replace_fingerprint=key_id(other.public_key()))
    assert workspace.registry()["130001"]["key_id"] == new != first
    assert any('"key_replaced"' in line for line in (workspace.root / "audit.jsonl").read_text().splitlines())


def _rewrite_chain(admin: StaffSession, how: str) -> None:
    """What an insider with the key can do to the audit log: drop the append-only triggers, rewrite,
    trim or empty the chain with every hash recomputed, put the triggers back."""
    with admin.uow() as uow:
        s = uow.session
        triggers = [
            str(r[0])
            for r in s.execute(
                text("SELECT sql FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'")
            )
        ]
        s.execute(text("DROP TRIGGER audit_log_no_update"))
        s.execute(text("DROP TRIGGER audit_log_no_delete"))
        if how == "trimmed":
            s.execute(delete(AuditEntry).where(AuditEntry.seq > 6))  # keeps the authority's record
        elif how in ("emptied", "emptied-and-forgotten"):
            s.execute(delete(AuditEntry))
            if how == "emptied-and-forgotten":
                s.execute(delete(StoreMeta).where(StoreMeta.key == "bundle.chain_reported"))
        previous = audit.GENESIS
        for entry in s.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
            if how == "rewritten" and entry.seq == 2:
                entry.detail = '{"rewritten": true}'
            entry.prev_hash = previous
            entry.hash = audit.entry_hash(entry)
            previous = entry.hash
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        meta = s.get(StoreMeta, audit.HEAD_KEY)
        assert meta is not None
        meta.value = (
            audit.ChainHead(last.seq, last.hash).text() if last else audit.ChainHead(0, audit.GENESIS).text()
        )
        for sql in triggers:
            s.execute(text(sql))
        uow.commit()


@pytest.mark.parametrize("how", ["rewritten", "trimmed", "emptied", "emptied-and-forgotten"])
def test_2_a_rewritten_trimmed_or_emptied_chain_is_caught_at_the_next_import(
    admin: StaffSession, tmp_path: Path, how: str
) -> None:
    """Attack 2: a fully re-hashed chain, a trimmed tail with a corrected head, or an empty log all
    passed verify, and the prefecture never compared the audit head between a center's bundles."""
    generate_demo_data(admin, persons=30, seed=5, today=date(2025, 3, 1))
    workspace = Workspace(tmp_path / "ws")
    workspace.trust("130001", center_public_key(admin))
    first = tmp_path / "first.bundle"
    export_bundle(admin, FY, "prefecture", first)
    assert workspace.import_files([first]).files[0].status == "new"
    _rewrite_chain(admin, how)
    # The store alone cannot tell a rewritten or cleverly trimmed chain; an emptied one loses the
    # record of the authority, which verify does see.
    assert maintenance.verify(admin).ok == (not how.startswith("emptied"))
    reopen_year(admin, FY, "再集計")
    second = tmp_path / "second.bundle"
    export_bundle(admin, FY, "prefecture", second)
    result = workspace.import_files([second]).files[0]
    assert result.status == "refused" and "[chain]" in result.message, result.message


def test_an_untouched_chain_continues_and_a_new_authority_is_refused(
    admin: StaffSession, tmp_path: Path
) -> None:
    generate_demo_data(admin, persons=30, seed=6, today=date(2025, 3, 1))
    workspace = Workspace(tmp_path / "ws")
    workspace.trust("130001", center_public_key(admin))
    for name in ("a", "b"):
        path = tmp_path / f"{name}.bundle"
        if name == "b":
            reopen_year(admin, FY, "再集計")
        export_bundle(admin, FY, "prefecture", path)
        result = workspace.import_files([path]).files[0]
        assert result.status in ("new", "replaces") and not result.warnings, (result.message, result.warnings)
    with admin.uow() as uow:  # someone with the key pins an authority of their own
        authority.write_pin(uow.session, authority.raw_public(authority.new_authority().public_key()), 99)
        uow.commit()
    reopen_year(admin, FY, "再集計")
    third = tmp_path / "c.bundle"
    export_bundle(admin, FY, "prefecture", third)
    result = workspace.import_files([third]).files[0]
    assert result.status == "refused" and "[authority]" in result.message


def test_a_backup_carries_the_audit_head_and_the_authority(admin: StaffSession, tmp_path: Path) -> None:
    made = maintenance.backup(admin, tmp_path / "b.zip").path
    with zipfile.ZipFile(made) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    with admin.uow(write=False) as uow:
        pin = authority.read_pin(uow.session)
        head = audit.head(uow.session).text()
    assert pin is not None and manifest["authority"] == authority.fingerprint(pin.public)
    assert manifest["audit_chain_head"] == head


def test_an_older_store_gets_a_six_digit_center_code(admin: StaffSession) -> None:
    with pytest.raises(InvalidInput, match="6桁"):
        change_center_code(admin, "13A")
    with pytest.raises(InvalidInput, match="13 で始まる"):
        change_center_code(admin, "270001")
    change_center_code(admin, "130003")
    assert center_info(admin).center_code == "130003"
    assert "130003" in center_public_key(admin)


def test_the_authority_is_pinned_when_the_key_is_registered(admin: StaffSession, tmp_path: Path) -> None:
    """Build item 1: the prefecture pins the center's authority on trust, before any bundle."""
    generate_demo_data(admin, persons=20, seed=8, today=date(2025, 3, 1))
    workspace = Workspace(tmp_path / "ws")
    with pytest.raises(InvalidInput, match="指紋の形"):
        workspace.trust("130001", center_public_key(admin), authority="not-a-fingerprint")
    workspace.trust("130001", center_public_key(admin), authority="AAAA-BBBB-CCCC-DDDD")  # not this center's
    path = tmp_path / "a.bundle"
    export_bundle(admin, FY, "prefecture", path)
    result = workspace.import_files([path]).files[0]
    assert result.status == "refused" and "[authority]" in result.message
    real = authority_fingerprint(admin)
    assert real is not None
    workspace.trust("130001", center_public_key(admin), authority=real)  # the same key, pinned again
    assert workspace.import_files([path]).files[0].status == "new"
