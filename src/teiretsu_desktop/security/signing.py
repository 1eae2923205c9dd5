"""The center's Ed25519 signing key: made at init (or on first export), kept inside the encrypted store."""

from __future__ import annotations

import base64
import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy.orm import Session

from teiretsu_desktop.store.models import StoreMeta

KEY_NAME = "signing_key_ed25519"


def _raw_public(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public: Ed25519PublicKey) -> str:
    return hashlib.sha256(_raw_public(public)).hexdigest()[:16]


def ensure_signing_key(session: Session) -> Ed25519PrivateKey:
    """The center's key, created (in the caller's transaction) if the store has none yet."""
    row = session.get(StoreMeta, KEY_NAME)
    if row is not None:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(row.value))
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    session.add(StoreMeta(key=KEY_NAME, value=base64.b64encode(raw).decode("ascii")))
    session.flush()
    return key


def public_key_text(public: Ed25519PublicKey, center_code: str) -> str:
    """The exportable public key: one line the prefecture can register (`stats trust`)."""
    return f"teiretsu-center-key v1 {center_code} {base64.b64encode(_raw_public(public)).decode('ascii')}\n"


def parse_public_key_text(text: str) -> tuple[str, Ed25519PublicKey]:
    parts = text.strip().split()
    if len(parts) != 4 or parts[:2] != ["teiretsu-center-key", "v1"]:
        raise ValueError("not a Teiretsu center key")
    raw = base64.b64decode(parts[3], validate=True)
    if len(raw) != 32:
        raise ValueError("bad key length")
    return parts[2], Ed25519PublicKey.from_public_bytes(raw)
