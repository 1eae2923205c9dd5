"""The recovery key: a high-entropy code printed once at set-up and kept in the office safe.

144 random bits plus a 16-bit checksum, written as 32 Crockford base32 characters in 8 groups of 4.
The checksum lets us tell a typo ("check the code") from a wrong code.
"""

from __future__ import annotations

import hashlib
import secrets

from teiretsu_desktop.domain.errors import WrongCredentials

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_DECODE = {c: i for i, c in enumerate(_ALPHABET)} | {"O": 0, "I": 1, "L": 1}
RANDOM_BYTES = 18


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(b"teiretsu-recovery" + body).digest()[:2]


def _encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    chars = [_ALPHABET[(number >> (5 * i)) & 31] for i in range(len(data) * 8 // 5)]
    return "".join(reversed(chars))


def generate() -> tuple[str, bytes]:
    """A new recovery code (formatted for printing) and the secret bytes it stands for."""
    body = secrets.token_bytes(RANDOM_BYTES)
    text = _encode(body + _checksum(body))
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4)), body


def parse(code: str) -> bytes:
    """The secret bytes of a typed code; spaces, hyphens and case do not matter."""
    cleaned = "".join(ch for ch in code.upper() if ch not in " -\t\u3000")
    if len(cleaned) != 32 or any(ch not in _DECODE for ch in cleaned):
        raise WrongCredentials(
            "回復キーの形式が違います (4文字×8組) / The recovery key should be 8 groups of 4 characters."
        )
    number = 0
    for ch in cleaned:
        number = (number << 5) | _DECODE[ch]
    data = number.to_bytes(20, "big")
    body, check = data[:RANDOM_BYTES], data[RANDOM_BYTES:]
    if _checksum(body) != check:
        raise WrongCredentials(
            "回復キーに入力の誤りがあります。もう一度確認してください / The recovery key has a typo; check it."
        )
    return body
