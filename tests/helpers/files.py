from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from pathlib import Path

from hypothesis import strategies as st


def digests(paths: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def flip_byte(path: Path, offset: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        value = handle.read(1)[0]
        handle.seek(offset)
        handle.write(bytes([value ^ 0xFF]))


def mutate(blob: bytearray, data: st.DataObject) -> bytes:
    """One to four flips, cuts, insertions or splices of a good file, for the readers' fuzz tests."""
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["flip", "cut", "insert", "splice"]))
        at = data.draw(st.integers(0, max(0, len(blob) - 1)))
        if action == "flip" and blob:
            blob[at] ^= data.draw(st.integers(1, 255))
        elif action == "cut":
            del blob[at : at + data.draw(st.integers(1, 64))]
        elif action == "insert":
            blob[at:at] = data.draw(st.binary(min_size=1, max_size=64))
        else:
            blob[at:] = data.draw(st.binary(max_size=256))
    return bytes(blob)


def with_zip_member_flags(archive: bytes, name: str, flags: int) -> bytes:
    """The archive with general-purpose `flags` added to one member's local and central headers
    (zipfile resets them when writing, so a hostile archive is made by patching its bytes)."""
    out = bytearray(archive)
    encoded = name.encode()
    for signature, flags_at, name_length_at, name_at in (
        (b"PK\x03\x04", 6, 26, 30),
        (b"PK\x01\x02", 8, 28, 46),
    ):
        at = out.find(signature)
        while at != -1:
            (length,) = struct.unpack_from("<H", out, at + name_length_at)
            if out[at + name_at : at + name_at + length] == encoded:
                (current,) = struct.unpack_from("<H", out, at + flags_at)
                struct.pack_into("<H", out, at + flags_at, current | flags)
            at = out.find(signature, at + 4)
    return bytes(out)


def zip_with_damaged_member(members: dict[str, bytes], name: str) -> bytes:
    """An archive of `members`, the member `name` deflated and its compressed stream then damaged (what
    zlib refuses, not a checksum a reader might skip)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in members.items():
            kind = zipfile.ZIP_DEFLATED if member == name else zipfile.ZIP_STORED
            archive.writestr(member, data, compress_type=kind)
    raw = bytearray(out.getvalue())
    start = raw.index(name.encode()) + len(name)  # the member's local header ends; its data follows
    raw[start + 8 : start + 24] = b"\xff" * 16
    return bytes(raw)
