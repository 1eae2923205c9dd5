"""Who may be whom: the administrator authority and the signed staff roster (issue 14, attack 1; ADR 0011).

Every passphrase slot unwraps the same database key, so the key alone cannot say who is an
administrator: a 事務 who had it wrote a 管理者 slot with a passphrase of their own. Roles are therefore
stated in a **roster** signed by an Ed25519 **authority** key whose private half is wrapped only in
管理者 slots and in the recovery slot. The roster names each staff member (id, login, role) and a
commitment to a per-staff **secret** that only that member's own slots carry. At unlock:

- the roster's signature must verify under the authority pinned in the store (and recorded in the
  audit chain when it was established), and its serial may not go back;
- the slot used must belong to a roster entry whose commitment matches the secret inside the slot, so
  a slot written by anyone else for that staff member is refused;
- the session's role is the roster's, and the store's staff row must agree with it.

A store made before this existed has no authority until an administrator runs `upgrade-keys`. Its
members' old slots are bound by the hash of the slot itself (they carry no secret) until the
administrator gives them a new passphrase.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from teiretsu_desktop.domain.errors import TeiretsuError
from teiretsu_desktop.domain.roles import Role

if TYPE_CHECKING:  # the store is needed only to read or write the pin, not to check a roster
    from sqlalchemy.orm import Session

PIN_PUBLIC = "security.authority_public"
PIN_SERIAL = "security.roster_serial"
LEGACY = "slot:"  # a commitment to an old slot itself, for members who have no secret yet


class TamperDetected(TeiretsuError):
    """The key-slot file or the staff table says something the authority did not sign."""

    exit_code = 11

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(
            "鍵ファイルまたはスタッフの情報が、管理者の署名と一致しません（改ざんの疑い）。この操作は記録され"
            f"ました。管理者に連絡してください（{reason}） / The key slots or staff records do not match what "
            "the administrator signed; this was recorded."
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public: bytes) -> str:
    """What the recovery sheet, backups and bundles show: 4 groups of 4 hex digits."""
    digest = hashlib.sha256(b"teiretsu authority\0" + public).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def commitment(secret: bytes) -> str:
    return hashlib.sha256(b"teiretsu staff secret\0" + secret).hexdigest()


def legacy_commitment(slot_ciphertext: str) -> str:
    return LEGACY + hashlib.sha256(slot_ciphertext.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class Member:
    login: str
    role: Role
    commitment: str
    box: str = ""  # X25519 public key (derived from the secret): a rotated key is sealed to it


def box_private(secret: bytes) -> X25519PrivateKey:
    """The member's X25519 key, derived from their secret, so that a new database key can be sealed to
    them at a rotation without their passphrase (ADR 0011)."""
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"teiretsu staff box").derive(secret)
    return X25519PrivateKey.from_private_bytes(seed)


def box_public(secret: bytes) -> str:
    raw = (
        box_private(secret)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return _b64(raw)


def member(login: str, role: Role, secret: bytes) -> Member:
    return Member(login, role, commitment(secret), box_public(secret))


def _envelope_key(shared: bytes, db_id: str, staff_id: str) -> bytes:
    info = b"teiretsu envelope\0" + db_id.encode() + b"\0" + staff_id.encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal(dek: bytes, box: str, *, db_id: str, staff_id: str) -> dict[str, str]:
    """The new database key for one member, readable only with their secret."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(base64.b64decode(box)))
    nonce = os.urandom(12)
    sealed = AESGCM(_envelope_key(shared, db_id, staff_id)).encrypt(nonce, dek, staff_id.encode())
    raw_ephemeral = ephemeral.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return {"ephemeral": _b64(raw_ephemeral), "nonce": _b64(nonce), "ciphertext": _b64(sealed)}


def unseal(envelope: dict[str, str], secret: bytes, *, db_id: str, staff_id: str) -> bytes:
    """Raises ValueError when the envelope is not this member's (or was altered)."""
    try:
        peer = X25519PublicKey.from_public_bytes(base64.b64decode(envelope["ephemeral"]))
        shared = box_private(secret).exchange(peer)
        return AESGCM(_envelope_key(shared, db_id, staff_id)).decrypt(
            base64.b64decode(envelope["nonce"]), base64.b64decode(envelope["ciphertext"]), staff_id.encode()
        )
    except (InvalidTag, KeyError, TypeError) as exc:
        raise ValueError("not this member's envelope") from exc


@dataclass
class Roster:
    db_id: str
    serial: int
    members: dict[str, Member] = field(default_factory=dict)  # by staff id
    signature: str = ""

    def body(self) -> bytes:
        return _canonical(
            {
                "db_id": self.db_id,
                "serial": self.serial,
                "members": {
                    sid: {"login": m.login, "role": m.role.value, "commitment": m.commitment, "box": m.box}
                    for sid, m in sorted(self.members.items())
                },
            }
        )

    def signed(self, authority: Ed25519PrivateKey) -> Roster:
        """A copy with the next serial, signed."""
        copy = Roster(self.db_id, self.serial + 1, dict(self.members))
        copy.signature = _b64(authority.sign(copy.body()))
        return copy

    def verify(self, public: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(base64.b64decode(self.signature), self.body())
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_json(self) -> dict[str, Any]:
        return {**json.loads(self.body()), "signature": self.signature}

    @classmethod
    def from_json(cls, data: Any) -> Roster:
        if not isinstance(data, dict) or set(data) != {"db_id", "serial", "members", "signature"}:
            raise ValueError("not a roster")
        members = {}
        for sid, m in dict(data["members"]).items():
            if not isinstance(m, dict) or set(m) != {"login", "role", "commitment", "box"}:
                raise ValueError("not a roster member")
            members[str(sid)] = Member(str(m["login"]), Role(m["role"]), str(m["commitment"]), str(m["box"]))
        serial = data["serial"]
        if type(serial) is not int:
            raise ValueError("roster serial")
        return cls(str(data["db_id"]), serial, members, str(data["signature"]))


@dataclass(frozen=True)
class Pin:
    """What the store remembers of the authority: its public key and the newest roster serial seen."""

    public: bytes
    serial: int


def read_pin(session: Session) -> Pin | None:
    from teiretsu_desktop.store.models import StoreMeta

    public = session.get(StoreMeta, PIN_PUBLIC)
    serial = session.get(StoreMeta, PIN_SERIAL)
    if public is None:
        return None
    return Pin(base64.b64decode(public.value), int(serial.value) if serial else 0)


def write_pin(session: Session, public: bytes, serial: int) -> None:
    from teiretsu_desktop.store.models import StoreMeta

    for key, value in ((PIN_PUBLIC, _b64(public)), (PIN_SERIAL, str(serial))):
        row = session.get(StoreMeta, key)
        if row is None:
            session.add(StoreMeta(key=key, value=value))
        else:
            row.value = value


def new_authority() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def load_private(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)
