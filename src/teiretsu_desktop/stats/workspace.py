"""The prefecture's aggregation workspace: trusted center keys, imported bundles, nothing personal.

A workspace is a folder: `registry.json` (center code → public key), `index.json` (center and year →
the bundle in force), `bundles/` (the accepted files, as received) and `audit.jsonl` (a hash chain of
key and import events). Every write is atomic; an import is checked completely (a dry run) before
anything is written, and a refused file changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from teiretsu_desktop.domain.center_code import CENTER_CODE
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.signing import key_id, parse_public_key_text
from teiretsu_desktop.stats import schema
from teiretsu_desktop.stats.bundle_format import (
    BundleError,
    check_canonical,
    load_json,
    payload_sha256,
    read_bundle,
)
from teiretsu_desktop.stats.disclosure import person_columns
from teiretsu_desktop.store.atomic import atomic_write_bytes

GENESIS = "0" * 64


def witness_problem(seen: dict[str, Any], manifest: dict[str, Any]) -> tuple[str, str]:
    """(refusal, note) for a center's new bundle against what its earlier bundles reported (ADR 0011).

    Each bundle reports its audit chain's head `N:hash` and the chain's hash now at the length the
    previous bundle reported. A chain rewritten, trimmed or emptied since gives a hash (or a length)
    the prefecture has already seen differently; an authority other than the one first seen means the
    roles were re-signed by someone else."""
    if "audit_chain_previous" not in manifest:
        return "", "旧形式の集計ファイルのため、監査ログと署名鍵を照合できません"
    heads: dict[str, str] = seen.get("heads", {})
    first = seen.get("authority")
    if first and manifest["authority"] != first:
        return (
            f"[authority] 管理者の署名鍵が前回と違います (前回 {first}、今回 {manifest['authority']})。センターに確認してください",
            "",
        )
    for point in (str(manifest["audit_chain_previous"]), str(manifest["audit_chain_head"])):
        length, digest = point.split(":", 1)
        if length in heads and heads[length] != digest:
            return (
                f"[chain] 前回の集計ファイル以降に、監査ログが書き換えられたか削られています (#{length})",
                "",
            )
    head_length, head_digest = str(manifest["audit_chain_head"]).split(":", 1)
    if heads.get(head_length) == head_digest:
        return "", ""  # this very chain point was seen before (the same bundle, or one exported with it)
    previous_length = str(manifest["audit_chain_previous"]).split(":", 1)[0]
    if heads and previous_length == "0":
        return "[chain] 前回の集計の記録がありません (監査ログが消されたか、別のデータです)", ""
    if previous_length != "0" and previous_length not in heads:
        return "", "前回の集計ファイルを取り込んでいないため、監査ログの続きを照合できません"
    return "", ""


def remember_witness(seen: dict[str, Any], manifest: dict[str, Any]) -> None:
    if "audit_chain_previous" not in manifest:
        return
    length, digest = str(manifest["audit_chain_head"]).split(":", 1)
    seen.setdefault("heads", {})[length] = digest
    if manifest["authority"] != "none":
        seen.setdefault("authority", manifest["authority"])


@dataclass(frozen=True)
class VerifiedBundle:
    manifest: dict[str, Any]
    cells: dict[str, list[list[int | None]]]
    sha256: str
    data: bytes


@dataclass
class FileResult:
    name: str
    status: str  # new | replaces | duplicate | refused
    message: str = ""
    center: str = ""
    fiscal_year: int = 0
    sequence: int = 0
    warnings: list[str] = field(default_factory=list)  # accepted, but worth a look (implausible values)


@dataclass
class ImportReport:
    files: list[FileResult] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False

    @property
    def errors(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "refused"]


class Workspace:
    def __init__(self, root: Path) -> None:
        self.root = root

    # -- files ------------------------------------------------------------------------------------

    def _read_json(self, name: str, default: Any) -> Any:
        path = self.root / name
        if not path.exists():
            return default
        return json.loads(path.read_text(encoding="utf-8"))

    def _write_json(self, name: str, value: Any) -> None:
        atomic_write_bytes(
            self.root / name,
            json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"),
            0o644,
        )

    def registry(self) -> dict[str, dict[str, str]]:
        return dict(self._read_json("registry.json", {}))

    def index(self) -> dict[str, dict[str, dict[str, Any]]]:
        return dict(self._read_json("index.json", {}))

    def _audit(self, event: str, **detail: Any) -> None:
        path = self.root / "audit.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        prev = json.loads(lines[-1])["hash"] if lines else GENESIS
        entry = {
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "event": event,
            "detail": detail,
            "prev": prev,
        }
        entry["hash"] = hashlib.sha256(
            json.dumps(entry, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        atomic_write_bytes(
            path,
            ("\n".join([*lines, json.dumps(entry, ensure_ascii=False, sort_keys=True)]) + "\n").encode(),
            0o644,
        )

    def verify_audit(self) -> list[str]:
        path = self.root / "audit.jsonl"
        problems, prev = [], GENESIS
        for number, line in enumerate(
            path.read_text(encoding="utf-8").splitlines() if path.exists() else [], 1
        ):
            entry = json.loads(line)
            recorded = entry.pop("hash")
            if (
                entry["prev"] != prev
                or hashlib.sha256(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
                != recorded
            ):
                problems.append(f"audit line {number}")
            prev = recorded
        return problems

    # -- keys -------------------------------------------------------------------------------------

    def trust(
        self,
        center: str,
        key_text: str,
        *,
        replace_fingerprint: str | None = None,
        authority: str | None = None,
    ) -> str:
        """Register a center's public key; audited. The center code is the operator's, checked against
        the file (never taken from it). Replacing a registered key needs the new key's fingerprint typed
        back (`replace_fingerprint`), and one key is never registered for two centers."""
        if authority is not None and not schema.FINGERPRINT.fullmatch(authority.upper()):
            raise InvalidInput(
                "管理者の署名鍵の指紋の形が違います (例: 5426-CB80-25F0-1C4E) / not a fingerprint."
            )
        if not CENTER_CODE.fullmatch(center):
            raise InvalidInput(
                "センターコードは半角数字6桁です (例: 130001) / The center code is six ASCII digits."
            )
        try:
            named, public = parse_public_key_text(key_text)
        except ValueError as exc:
            raise InvalidInput(f"公開鍵ファイルの形式が違います / not a center key: {exc}") from None
        if named != center:
            raise InvalidInput(f"この鍵はセンター {named} のものです / the key belongs to center {named}")
        registry = self.registry()
        fingerprint = key_id(public)
        for other, entry in registry.items():
            if other != center and entry.get("key_id") == fingerprint:
                raise InvalidInput(
                    f"この鍵は既にセンター {other} の鍵として登録されています / The key is registered for {other}."
                )
        current = registry.get(center)
        if current is not None and current.get("key_id") == fingerprint and authority is None:
            return fingerprint  # the same key again: nothing to do
        if (
            current is not None
            and current.get("key_id") != fingerprint
            and replace_fingerprint != fingerprint
        ):
            raise InvalidInput(
                f"センター {center} には別の鍵 ({current.get('key_id')}) が登録されています。差し替えるには、新しい鍵の"
                f"指紋 {fingerprint} をセンターに電話等で確かめてから指定してください / "
                f"Center {center} already has a key; confirm the new fingerprint to replace it."
            )
        self.root.mkdir(parents=True, exist_ok=True)
        raw = key_text.strip().split()[3]
        registry[center] = {
            "public_key": raw,
            "key_id": key_id(public),
            "added_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        pinned = authority.upper() if authority else (current or {}).get("authority")
        if pinned:  # the center's administrator authority, pinned on trust (ADR 0011)
            registry[center]["authority"] = pinned
        pinned = authority.upper() if authority else (current or {}).get("authority")
        if pinned:  # the center's administrator authority, pinned on trust (ADR 0011)
            registry[center]["authority"] = pinned
        self._write_json("registry.json", registry)
        if current is not None and current.get("key_id") == fingerprint:
            self._audit("authority_pinned", center=center, authority=str(pinned))
        elif current is not None:
            self._audit(
                "key_replaced", center=center, key_id=fingerprint, previous=str(current.get("key_id"))
            )
        else:
            self._audit("key_added", center=center, key_id=fingerprint)
        return fingerprint

    def _public_key(self, center: str) -> Ed25519PublicKey | None:
        entry = self.registry().get(center)
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(entry["public_key"])) if entry else None

    # -- import -----------------------------------------------------------------------------------

    def verify(self, data: bytes) -> VerifiedBundle:
        raw = read_bundle(data)
        center = raw.manifest.get("center_id")
        public = self._public_key(str(center)) if isinstance(center, str) else None
        if public is None:
            raise BundleError("unknown-key", f"センター {center!r} の公開鍵が登録されていません")
        try:
            public.verify(raw.signature, raw.manifest_bytes)
        except InvalidSignature:
            raise BundleError("bad-signature", "署名が一致しません (改ざんまたは別の鍵)") from None
        if raw.manifest.get("key_id") != key_id(public):
            raise BundleError("unknown-key", "登録された鍵と異なる鍵で署名されています")
        schema.check_manifest(raw.manifest)
        if payload_sha256(raw.payload_bytes) != raw.manifest["payload_sha256"]:
            raise BundleError("payload-hash", "内容が manifest と一致しません")
        payload = load_json(raw.payload_bytes, "payload.json", "payload")
        cells = schema.check_payload(payload)
        check_canonical(raw, data)
        k = int(raw.manifest["k"])
        shapes = schema.table_shapes()
        for tid, rows in cells.items():
            persons = person_columns(tid, shapes[tid][2])
            for row in rows:
                if any(v is not None and 0 < v < k for c, v in enumerate(row) if c in persons):
                    raise BundleError("disclosure", f"{tid} に k={k} 未満の公表値があります")
        return VerifiedBundle(raw.manifest, cells, hashlib.sha256(data).hexdigest(), data)

    def import_files(self, files: list[Path], *, dry_run: bool = False) -> ImportReport:
        report = ImportReport(dry_run=dry_run)
        index = self.index()
        witness: dict[str, dict[str, Any]] = self._read_json("witness.json", {})
        registry = self.registry()
        accepted: list[tuple[VerifiedBundle, FileResult]] = []
        for path in files:
            result = FileResult(path.name, "refused")
            report.files.append(result)
            try:
                data = path.read_bytes()
                bundle = self.verify(data)
            except BundleError as exc:
                result.message = exc.user_message
                continue
            except OSError as exc:
                result.message = f"読めません: {exc.strerror}"
                continue
            except Exception as exc:
                result.message = f"[unreadable] 集計ファイルとして読めません ({type(exc).__name__})"
                continue
            flagged = schema.implausible_cells(bundle.cells)
            if flagged:
                result.warnings = [f"ありえない大きさの値: {x}" for x in flagged[:10]]
            seen = witness.get(str(bundle.manifest["center_id"]), {})
            pinned = registry.get(str(bundle.manifest["center_id"]), {}).get("authority")
            if pinned:  # the fingerprint the center gave when its key was registered comes first
                seen = {**seen, "authority": pinned}
            refusal, note = witness_problem(seen, bundle.manifest)
            if refusal:
                result.message = refusal
                continue
            if note:
                result.warnings.append(note)
            m = bundle.manifest
            result.center, result.fiscal_year, result.sequence = (
                m["center_id"],
                m["fiscal_year"],
                m["sequence"],
            )
            current = index.get(m["center_id"], {}).get(str(m["fiscal_year"]))
            if current and current["sha256"] == bundle.sha256:
                result.status, result.message = "duplicate", "取込済みです (変更なし)"
                continue
            if current and int(current["sequence"]) >= m["sequence"]:
                result.message = (
                    f"[older] 取込済みの版 (連番 {current['sequence']}) より古い、または同じ連番です"
                )
                continue
            if any(
                a.manifest["center_id"] == m["center_id"] and a.manifest["fiscal_year"] == m["fiscal_year"]
                for a, _ in accepted
            ):
                result.message = "[conflict] 同じセンター・年度の集計が同時に指定されています"
                continue
            result.status = "replaces" if current else "new"
            accepted.append((bundle, result))
        if dry_run or not accepted:
            return report
        (self.root / "bundles").mkdir(parents=True, exist_ok=True)
        for bundle, _result in accepted:
            m = bundle.manifest
            name = f"{m['center_id']}-FY{m['fiscal_year']}-{m['sequence']:04d}.bundle"
            atomic_write_bytes(self.root / "bundles" / name, bundle.data, 0o644)
            index.setdefault(m["center_id"], {})[str(m["fiscal_year"])] = {
                "file": name, "sequence": m["sequence"], "sha256": bundle.sha256, "bundle_id": m["bundle_id"],
                "policy": m["policy"], "k": m["k"],
            }  # fmt: skip
        # The index is the commit point: until it is replaced, the workspace still shows the old state.
        self._write_json("index.json", index)
        for bundle, _result in accepted:  # what later bundles of each center are compared with
            remember_witness(witness.setdefault(str(bundle.manifest["center_id"]), {}), bundle.manifest)
        self._write_json("witness.json", witness)
        for bundle, result in accepted:
            self._audit("bundle_imported", center=result.center, fiscal_year=result.fiscal_year,
                        sequence=result.sequence, status=result.status, sha256=bundle.sha256)  # fmt: skip
        report.written = True
        return report

    def bundles_for(self, fiscal_year: int) -> dict[str, VerifiedBundle]:
        out = {}
        for center, years in sorted(self.index().items()):
            entry = years.get(str(fiscal_year))
            if entry:
                out[center] = self.verify((self.root / "bundles" / entry["file"]).read_bytes())
        return out
