"""The statistics bundle file: a ZIP of exactly three members, written canonically and read defensively.

- `manifest.json`: canonical JSON (sorted keys, no spaces): format version, center, key id, bundle
  id, period, sequence, creation date, app version, payload SHA-256, audit-chain head, policy, table
  versions. The Ed25519 signature covers exactly these bytes.
- `payload.json`: the tables (interior cells; null = suppressed).
- `signature.b64`: the signature.

The reader never extracts: it checks every member (names, sizes, ratio, flags) and reads with caps.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import stat
import zipfile
from dataclasses import dataclass
from typing import Any

from teiretsu_desktop.domain.errors import TeiretsuError
from teiretsu_desktop.store.zip_members import REFUSED_FLAGS, ZIP_READ_FAILURES

FORMAT_VERSION = 2  # 2: the manifest carries the audit witness and the authority (ADR 0011); 1 is read
PAYLOAD_VERSION = 1
MEMBERS = ("manifest.json", "payload.json", "signature.b64")
MAX_FILE_BYTES = 2_000_000
MAX_MEMBER_BYTES = {"manifest.json": 20_000, "payload.json": 1_000_000, "signature.b64": 200}
MAX_RATIO = 50
ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed, so the same content gives the same bytes


class BundleError(TeiretsuError):
    """A refused bundle. `code` names the check that failed."""

    exit_code = 16

    def __init__(self, code: str, message: str) -> None:
        super().__init__(
            f"集計ファイルを受け付けられません [{code}]: {message} / bundle refused [{code}]: {message}"
        )
        self.code = code


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def write_bundle(manifest: dict[str, Any], payload_bytes: bytes, signature: bytes) -> bytes:
    return _pack(canonical(manifest), payload_bytes, signature)


def _pack(manifest_bytes: bytes, payload_bytes: bytes, signature: bytes) -> bytes:
    """Stored (not compressed) members with fixed metadata: the same content always gives the same
    bytes, on any machine, so the reader can demand the canonical form (see check_canonical)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in (
            ("manifest.json", manifest_bytes),
            ("payload.json", payload_bytes),
            ("signature.b64", base64.b64encode(signature)),
        ):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)
    return out.getvalue()


def check_canonical(raw: RawBundle, data: bytes) -> None:
    """The signature covers the manifest (and through it the payload); this covers every other byte
    of the container, so flipping any byte of a bundle fails verification."""
    if _pack(raw.manifest_bytes, raw.payload_bytes, raw.signature) != data:
        raise BundleError("non-canonical", "ファイルの構造が正規の形ではありません (改変の可能性)")


@dataclass(frozen=True)
class RawBundle:
    manifest_bytes: bytes
    manifest: dict[str, Any]
    payload_bytes: bytes
    signature: bytes


def _check_member(info: zipfile.ZipInfo) -> None:
    name = info.filename
    if name not in MEMBERS:
        if (
            "/" in name
            or "\\" in name
            or ".." in name
            or name.startswith("/")
            or (len(name) > 1 and name[1] == ":")
        ):
            raise BundleError("path", f"危険なファイル名 {name!r}")
        raise BundleError("member", f"想定外の内容 {name!r}")
    if info.is_dir():
        raise BundleError("member", f"フォルダは入れられません {name!r}")
    mode = info.external_attr >> 16
    if mode and stat.S_ISLNK(mode):
        raise BundleError("symlink", f"シンボリックリンクは入れられません {name!r}")
    if info.flag_bits & REFUSED_FLAGS:
        raise BundleError("encrypted", f"暗号化または対応していない形式の内容は受け付けません {name!r}")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise BundleError("compression", f"対応していない圧縮方式 {name!r}")
    if info.file_size > MAX_MEMBER_BYTES[name]:
        raise BundleError("size", f"{name} が大きすぎます")
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10_000:
        raise BundleError("ratio", f"{name} の圧縮率が異常です")


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    limit = MAX_MEMBER_BYTES[info.filename]
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise BundleError("size", f"{info.filename} が大きすぎます")
    if data[:4] in (b"PK\x03\x04", b"\x1f\x8b\x08\x00") or data[:2] == b"\x1f\x8b":
        raise BundleError("nested", f"{info.filename} に別のアーカイブが入っています")
    return data


MAX_JSON_DEPTH = 16  # the manifest and the payload nest four levels; more is not a bundle


def json_depth(raw: bytes) -> int:
    """The deepest nesting of [ and { outside strings, found without parsing (a parser would recurse)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return deepest


def load_json(raw: bytes, name: str, code: str) -> Any:
    """JSON from a bundle member, with its depth bounded before it is parsed; `code` names the member in
    the refusal."""
    if json_depth(raw) > MAX_JSON_DEPTH:
        raise BundleError(code, f"{name} の入れ子が深すぎます")
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleError(code, f"{name} を読めません") from None


def read_bundle(data: bytes) -> RawBundle:
    if len(data) > MAX_FILE_BYTES:
        raise BundleError("oversize", "ファイルが大きすぎます")
    if not data.startswith(b"PK\x03\x04"):
        raise BundleError("not-zip", "集計ファイルの形式ではありません")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except ZIP_READ_FAILURES as exc:
        raise BundleError("corrupt", f"ファイルが壊れています ({type(exc).__name__})") from None
    with archive:
        if len(infos) > len(MEMBERS) + 2:
            raise BundleError("entries", "内容の数が多すぎます")
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            raise BundleError("duplicate", "同じ名前の内容が重複しています")
        for info in infos:
            _check_member(info)
        if sorted(names) != sorted(MEMBERS):
            raise BundleError(
                "missing", f"必要な内容がありません ({', '.join(sorted(set(MEMBERS) - set(names)))})"
            )
        try:
            contents = {info.filename: _read_capped(archive, info) for info in infos}
        except ZIP_READ_FAILURES as exc:
            raise BundleError("corrupt", f"内容を読めません ({type(exc).__name__})") from None
    manifest = load_json(contents["manifest.json"], "manifest.json", "manifest")
    if not isinstance(manifest, dict):
        raise BundleError("manifest", "manifest.json の形式が違います")
    try:
        signature = base64.b64decode(contents["signature.b64"], validate=True)
    except ValueError:
        raise BundleError("signature", "署名の形式が違います") from None
    if len(signature) != 64:
        raise BundleError("signature", "署名の長さが違います")
    return RawBundle(contents["manifest.json"], manifest, contents["payload.json"], signature)


def payload_sha256(payload_bytes: bytes) -> str:
    return hashlib.sha256(payload_bytes).hexdigest()
