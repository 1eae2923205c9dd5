"""The database key (DEK) in memory.

Python cannot guarantee that a secret is wiped, but we keep the key in one mutable buffer that
`wipe()` overwrites, hand out hex only at the moment a connection is keyed, and never persist it.
"""

from __future__ import annotations

import secrets

DEK_BYTES = 32


class DatabaseKey:
    __slots__ = ("_buf",)

    def __init__(self, raw: bytes | bytearray) -> None:
        if len(raw) != DEK_BYTES:
            raise ValueError("database key must be 32 bytes")
        self._buf = bytearray(raw)

    @classmethod
    def generate(cls) -> DatabaseKey:
        return cls(secrets.token_bytes(DEK_BYTES))

    def raw(self) -> bytes:
        if not self._buf:
            raise ValueError("database key has been wiped")
        return bytes(self._buf)

    def hex(self) -> str:
        return self.raw().hex()

    def wipe(self) -> None:
        for i in range(len(self._buf)):
            self._buf[i] = 0
        self._buf = bytearray()

    @property
    def wiped(self) -> bool:
        return not self._buf

    def __repr__(self) -> str:  # never print key material
        return "DatabaseKey(<hidden>)"
