from __future__ import annotations

import hashlib
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
