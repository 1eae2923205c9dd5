"""A center's devices and the keys that bind their packets (issue 18, ADR 0018).

Each device has an identity: an Ed25519 key that signs its packets and an X25519 key to which a new
sync key is sealed when the hub rotates it. The hub's 管理者 enrols a device by signing an entry with
the administrator authority (security.authority), and revokes it the same way; every device checks
entries against the authority pinned in its store, so a device cannot enrol another, nor un-revoke
itself. Packets are encrypted with the center's sync key (AES-256-GCM), which lives inside the
encrypted store — every staff slot unwraps the database key and so reaches it — and is rotated at a
revocation: the new key is sealed to each remaining device, so a lost laptop cannot read later packets.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class DeviceIdentity:
    """This device's private keys, kept in its encrypted store (store_meta)."""

    device_id: str
    signing: bytes  # Ed25519 private
    box: bytes  # X25519 private

    @classmethod
    def generate(cls, device_id: str) -> DeviceIdentity:
        return cls(
            device_id, _raw_private(Ed25519PrivateKey.generate()), _raw_private(X25519PrivateKey.generate())
        )

    def signing_public(self) -> str:
        return b64(_raw_public(Ed25519PrivateKey.from_private_bytes(self.signing).public_key()))

    def box_public(self) -> str:
        return b64(_raw_public(X25519PrivateKey.from_private_bytes(self.box).public_key()))

    def sign(self, data: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.signing).sign(data)

    def to_json(self) -> str:
        return json.dumps({"id": self.device_id, "signing": b64(self.signing), "box": b64(self.box)})

    @classmethod
    def from_json(cls, text: str) -> DeviceIdentity:
        data = json.loads(text)
        return cls(str(data["id"]), unb64(data["signing"]), unb64(data["box"]))


ENTRY_FIELDS = frozenset(
    {
        "id",
        "name",
        "hub",
        "kit",
        "series",
        "signing",
        "box",
        "enrolled_at",
        "fork_vv",
        "fork_audit_seq",
        "revoked_at",
    }
)


@dataclass(frozen=True)
class DeviceEntry:
    """One device as the authority signed it. `fork_vv` is what the device had when it was copied
    from the hub; `fork_audit_seq` where its own audit chain branches from the hub's."""

    body: dict[str, Any]
    signature: str

    @property
    def device_id(self) -> str:
        return str(self.body["id"])

    @property
    def name(self) -> str:
        return str(self.body["name"])

    @property
    def revoked(self) -> bool:
        return self.body.get("revoked_at") is not None

    @property
    def hub(self) -> bool:
        return bool(self.body["hub"])

    @property
    def kit(self) -> bool:
        """A visit kit: it never sends packets (its writes come back through the hub at check-in) and
        receives no sync key."""
        return bool(self.body["kit"])

    def fork_vv(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in dict(self.body["fork_vv"]).items()}

    @classmethod
    def signed(cls, body: dict[str, Any], authority: Ed25519PrivateKey) -> DeviceEntry:
        if set(body) != ENTRY_FIELDS:
            raise ValueError("device entry fields")
        return cls(dict(body), b64(authority.sign(b"teiretsu device\0" + canonical(body))))

    def verify(self, authority_public: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(authority_public).verify(
                unb64(self.signature), b"teiretsu device\0" + canonical(self.body)
            )
        except (InvalidSignature, ValueError):
            return False
        return True

    def verify_packet(self, data: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(unb64(str(self.body["signing"]))).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_json(self) -> dict[str, Any]:
        return {"body": self.body, "signature": self.signature}

    def text(self) -> str:
        return canonical(self.to_json()).decode("utf-8")

    @classmethod
    def from_json(cls, data: Any) -> DeviceEntry:
        if not isinstance(data, dict) or set(data) != {"body", "signature"}:
            raise ValueError("device entry")
        body, signature = data["body"], data["signature"]
        if not isinstance(body, dict) or set(body) != ENTRY_FIELDS or not isinstance(signature, str):
            raise ValueError("device entry")
        if not isinstance(body["fork_vv"], dict) or not isinstance(body["fork_audit_seq"], int):
            raise ValueError("device entry")
        return cls(body, signature)


def _envelope_key(shared: bytes, center: str, device_id: str, generation: int) -> bytes:
    info = f"teiretsu sync key\0{center}\0{device_id}\0{generation}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal_sync_key(key: bytes, entry: DeviceEntry, *, center: str, generation: int) -> dict[str, Any]:
    """A new sync key for one device, readable only with its X25519 key."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(unb64(str(entry.body["box"]))))
    nonce = os.urandom(12)
    wrapped = AESGCM(_envelope_key(shared, center, entry.device_id, generation)).encrypt(nonce, key, None)
    return {
        "device": entry.device_id,
        "generation": generation,
        "ephemeral": b64(_raw_public(ephemeral.public_key())),
        "nonce": b64(nonce),
        "ciphertext": b64(wrapped),
    }


def open_sync_key(envelope: dict[str, Any], identity: DeviceIdentity, *, center: str) -> bytes:
    try:
        shared = X25519PrivateKey.from_private_bytes(identity.box).exchange(
            X25519PublicKey.from_public_bytes(unb64(str(envelope["ephemeral"])))
        )
        key = _envelope_key(shared, center, identity.device_id, int(envelope["generation"]))
        return AESGCM(key).decrypt(unb64(str(envelope["nonce"])), unb64(str(envelope["ciphertext"])), None)
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        raise ValueError("not this device's envelope") from exc
