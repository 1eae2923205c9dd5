"""The key-slot file: the database key (DEK) wrapped once per way in (DESIGN §3, R-KEY-01..04).

Like LUKS key slots. Each slot wraps the same 32-byte DEK with AES-256-GCM under a key-encryption key
(KEK) derived from one secret:

- `passphrase`: one per staff member, KEK = Argon2id(passphrase, salt, parameters stored in the slot);
- `recovery`: one per store, KEK = HKDF-SHA256(recovery code) — the code already has 144 random bits,
  so a slow KDF would add nothing;
- `keyring`: optional per device, KEK = 32 random bytes kept in the OS keyring.

The associated data binds each wrap to the file format version, the database id, the slot id, its kind,
its owner and its KDF parameters: moving a slot to another store, or editing any of those, makes
unwrapping fail with InvalidTag. The file holds no plaintext key material.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import os
import secrets
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from teiretsu_desktop.domain.errors import CorruptStore, WrongCredentials
from teiretsu_desktop.security import recovery_code
from teiretsu_desktop.security.authority import Roster
from teiretsu_desktop.security.passphrase_policy import normalize
from teiretsu_desktop.store.atomic import atomic_write_bytes
from teiretsu_desktop.store.keys import DatabaseKey

FORMAT = "teiretsu-keyslots"
VERSION = 2  # 2: with the administrator authority and the signed roster (ADR 0011); 1 is still read
AAD_VERSION = 1  # bound into every wrap: unchanged, so that slots written by version 1 still open

# Argon2id: 64 MiB, 4 lanes, and as many passes (at least 8) as take CALIBRATION_SECONDS on this
# machine, measured once per process when a passphrase is set (R-KEY-03, issue 14).
ARGON2_MEMORY_KIB = 65536
ARGON2_ITERATIONS = 8
ARGON2_LANES = 4
CALIBRATION_SECONDS = 0.5
# Parameters outside these are refused whatever a slot file asks for: too low is a weakened slot,
# too high would hang the unlock or exhaust memory (a hostile file).
MIN_MEMORY_KIB = 65536
MIN_ITERATIONS = 3
MAX_MEMORY_KIB = 1_048_576
MAX_ITERATIONS = 200
MAX_LANES = 16
BAD_KDF = (
    "鍵ファイルの鍵導出の設定が許される範囲の外です（改ざんの疑い）。バックアップから復元してください / "
    "The key-slot file asks for key-derivation parameters outside the allowed range."
)

KIND_PASSPHRASE = "passphrase"  # noqa: S105 - a slot kind, not a secret
KIND_RECOVERY = "recovery"
KIND_KEYRING = "keyring"

WRONG_PASSPHRASE = "スタッフ名またはパスフレーズが違います / Wrong staff name or passphrase."  # noqa: S105 - a message, not a secret
WRONG_RECOVERY = "回復キーが違います / The recovery key does not match this store."
MAX_FILE_BYTES = 1_000_000


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Slot:
    slot_id: str
    kind: str
    kdf: dict[str, Any]
    nonce: str
    ciphertext: str
    staff_id: str | None = None
    login: str | None = None
    created_at: str | None = None

    def aad(self, db_id: str) -> bytes:
        return _canonical(
            {
                "format": FORMAT,
                "version": AAD_VERSION,
                "db_id": db_id,
                "slot_id": self.slot_id,
                "kind": self.kind,
                "staff_id": self.staff_id,
                "login": self.login,
                "kdf": self.kdf,
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        allowed = set(cls.__dataclass_fields__)
        if not isinstance(data, dict) or set(data) - allowed:
            raise ValueError("unexpected slot fields")
        return cls(**data)


def check_kdf(kdf: dict[str, Any]) -> tuple[int, int, int]:
    """The Argon2id parameters of a slot, or CorruptStore when they are not ones this program writes."""
    try:
        if kdf.get("alg") != "argon2id":
            raise ValueError("unsupported kdf")
        values = [kdf["memory_kib"], kdf["iterations"], kdf["lanes"]]
        if not all(type(v) is int for v in values):
            raise ValueError("not integers")
        memory, iterations, lanes = values
        _unb64(kdf["salt"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise CorruptStore(BAD_KDF) from None
    if not (
        MIN_MEMORY_KIB <= memory <= MAX_MEMORY_KIB
        and MIN_ITERATIONS <= iterations <= MAX_ITERATIONS
        and 1 <= lanes <= MAX_LANES
        and memory >= 8 * lanes
    ):
        raise CorruptStore(BAD_KDF)
    return memory, iterations, lanes


def iterations_for(seconds_per_pass: float, target: float) -> int:
    """Passes that take `target` seconds at `seconds_per_pass`, at least 8 and at most MAX_ITERATIONS."""
    return max(ARGON2_ITERATIONS, min(MAX_ITERATIONS, math.ceil(target / max(seconds_per_pass, 1e-4))))


@functools.cache
def calibrated_iterations() -> int:
    """Passes of Argon2id (64 MiB, 4 lanes) that take CALIBRATION_SECONDS on this machine."""
    probe = 4
    started = time.perf_counter()
    Argon2id(
        salt=b"\0" * 16, length=32, iterations=probe, lanes=ARGON2_LANES, memory_cost=ARGON2_MEMORY_KIB
    ).derive(b"x")
    return iterations_for((time.perf_counter() - started) / probe, CALIBRATION_SECONDS)


def derive_passphrase_kek(passphrase: str, kdf: dict[str, Any]) -> bytes:
    memory, iterations, lanes = check_kdf(kdf)
    return Argon2id(
        salt=_unb64(kdf["salt"]), length=32, iterations=iterations, lanes=lanes, memory_cost=memory
    ).derive(normalize(passphrase).encode("utf-8"))


def derive_recovery_kek(secret: bytes, kdf: dict[str, Any]) -> bytes:
    if kdf.get("alg") != "hkdf-sha256":
        raise ValueError("unsupported kdf")
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=_unb64(kdf["salt"]), info=b"teiretsu recovery slot"
    ).derive(secret)


def new_argon2_kdf() -> dict[str, Any]:
    return {
        "alg": "argon2id",
        "salt": _b64(secrets.token_bytes(16)),
        "memory_kib": ARGON2_MEMORY_KIB,
        "iterations": calibrated_iterations(),
        "lanes": ARGON2_LANES,
    }


@dataclass
class SlotPayload:
    """What a slot wraps: the database key, and (issue 14) the staff member's secret — the roster's
    commitment proves whose slot it is — and, in 管理者 and recovery slots, the authority's private key.
    A slot written before that wraps only the 32-byte database key."""

    dek: DatabaseKey
    secret: bytes | None = None
    authority: bytes | None = None
    fields: bytes | None = None  # the field key, for roles that may read 罪名・診断・生活歴・支援経過

    def encode(self) -> bytes:
        if self.secret is None and self.authority is None and self.fields is None:
            return self.dek.raw()
        return _canonical(
            {
                "v": 2,
                "dek": _b64(self.dek.raw()),
                "secret": _b64(self.secret) if self.secret is not None else None,
                "authority": _b64(self.authority) if self.authority is not None else None,
                "fields": _b64(self.fields) if self.fields is not None else None,
            }
        )

    @classmethod
    def decode(cls, plain: bytes) -> SlotPayload:
        if len(plain) == 32:
            return cls(DatabaseKey(plain))
        data = json.loads(plain.decode("utf-8"))
        if not isinstance(data, dict) or data.get("v") != 2:
            raise ValueError("unknown slot payload")
        secret, authority, fields = data.get("secret"), data.get("authority"), data.get("fields")
        return cls(
            DatabaseKey(_unb64(data["dek"])),
            _unb64(secret) if secret else None,
            _unb64(authority) if authority else None,
            _unb64(fields) if fields else None,
        )

    def with_dek(self, dek: DatabaseKey) -> SlotPayload:
        return SlotPayload(dek, self.secret, self.authority, self.fields)


@dataclass
class KeySlots:
    """The slots of one store. Mutating methods change this object; `save()` writes it atomically."""

    db_id: str
    slots: list[Slot] = field(default_factory=list)
    authority_public: bytes | None = None  # the administrator authority (None: a store not yet upgraded)
    roster: Roster | None = None
    # After a key rotation: the new database key sealed to each remaining member (by staff id), taken
    # up and removed at their next unlock (ADR 0011).
    envelopes: dict[str, dict[str, str]] = field(default_factory=dict)

    # -- file -------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise cls._damaged(path.name, "too large")
        return cls.parse(path.read_bytes(), name=path.name)

    @classmethod
    def parse(cls, raw: bytes, *, name: str = "keyslots.json") -> KeySlots:
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a key-slot file")
            if data.get("version") not in (1, VERSION):
                raise ValueError(f"unsupported key-slot version {data.get('version')}")
            authority = data.get("authority")
            roster = data.get("roster")
            envelopes = data.get("envelopes", {})
            if not isinstance(envelopes, dict) or not all(
                isinstance(e, dict) and set(e) == {"ephemeral", "nonce", "ciphertext"}
                for e in envelopes.values()
            ):
                raise ValueError("envelopes")
            return cls(
                db_id=str(data["db_id"]),
                slots=[Slot.from_json(s) for s in data["slots"]],
                authority_public=_unb64(authority) if authority else None,
                roster=Roster.from_json(roster) if roster else None,
                envelopes={str(k): {str(a): str(b) for a, b in v.items()} for k, v in envelopes.items()},
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise cls._damaged(name, str(exc)) from None

    @staticmethod
    def _damaged(name: str, reason: str) -> CorruptStore:
        return CorruptStore(
            f"鍵ファイル {name} が壊れています。バックアップから復元してください / "
            f"The key-slot file {name} is damaged ({reason}); restore from a backup."
        )

    def to_bytes(self) -> bytes:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION if self.authority_public else 1,
            "db_id": self.db_id,
            "slots": [s.to_json() for s in self.slots],
        }
        if self.authority_public is not None:
            body["authority"] = _b64(self.authority_public)
        if self.roster is not None:
            body["roster"] = self.roster.to_json()
        if self.envelopes:
            body["envelopes"] = self.envelopes
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())

    # -- wrapping ---------------------------------------------------------------------------------

    def _wrap(self, slot: Slot, kek: bytes, payload: SlotPayload) -> Slot:
        nonce = os.urandom(12)
        sealed = AESGCM(kek).encrypt(nonce, payload.encode(), slot.aad(self.db_id))
        return replace(slot, nonce=_b64(nonce), ciphertext=_b64(sealed))

    def _unwrap(self, slot: Slot, kek: bytes) -> SlotPayload:
        plain = AESGCM(kek).decrypt(_unb64(slot.nonce), _unb64(slot.ciphertext), slot.aad(self.db_id))
        return SlotPayload.decode(plain)

    @staticmethod
    def _payload(dek: DatabaseKey | SlotPayload) -> SlotPayload:
        return dek if isinstance(dek, SlotPayload) else SlotPayload(dek)

    # -- passphrase slots -------------------------------------------------------------------------

    def logins(self) -> list[str]:
        return sorted(s.login for s in self.slots if s.kind == KIND_PASSPHRASE and s.login)

    def passphrase_slot(self, login: str) -> Slot | None:
        return next((s for s in self.slots if s.kind == KIND_PASSPHRASE and s.login == login), None)

    def set_passphrase(
        self, dek: DatabaseKey | SlotPayload, *, staff_id: str, login: str, passphrase: str, now: str
    ) -> Slot:
        """Add or replace the passphrase slot of one staff member."""
        self.slots = [s for s in self.slots if not (s.kind == KIND_PASSPHRASE and s.staff_id == staff_id)]
        kdf = new_argon2_kdf()
        template = Slot(
            str(uuid.uuid4()), KIND_PASSPHRASE, kdf, "", "", staff_id=staff_id, login=login, created_at=now
        )
        slot = self._wrap(template, derive_passphrase_kek(passphrase, kdf), self._payload(dek))
        self.slots.append(slot)
        return slot

    def open_passphrase(self, login: str, passphrase: str) -> tuple[SlotPayload, Slot]:
        slot = self.passphrase_slot(login)
        if slot is None:
            # Spend the same time as a real attempt so that timing does not reveal which names exist.
            derive_passphrase_kek(passphrase, new_argon2_kdf())
            raise WrongCredentials(WRONG_PASSPHRASE)
        kek = derive_passphrase_kek(passphrase, slot.kdf)  # CorruptStore for a hostile KDF
        try:
            return self._unwrap(slot, kek), slot
        except (InvalidTag, ValueError, KeyError, TypeError):
            raise WrongCredentials(WRONG_PASSPHRASE) from None

    def unwrap_passphrase(self, login: str, passphrase: str) -> tuple[DatabaseKey, Slot]:
        payload, slot = self.open_passphrase(login, passphrase)
        return payload.dek, slot

    def remove_staff(self, staff_id: str) -> int:
        before = len(self.slots)
        self.slots = [s for s in self.slots if s.staff_id != staff_id]
        return before - len(self.slots)

    # -- recovery slot ----------------------------------------------------------------------------

    def set_recovery(self, dek: DatabaseKey | SlotPayload, *, now: str) -> str:
        """Replace the recovery slot; returns the new code, which is shown once and never stored."""
        code, secret = recovery_code.generate()
        kdf = {"alg": "hkdf-sha256", "salt": _b64(secrets.token_bytes(16))}
        template = Slot(str(uuid.uuid4()), KIND_RECOVERY, kdf, "", "", created_at=now)
        slot = self._wrap(template, derive_recovery_kek(secret, kdf), self._payload(dek))
        self.slots = [s for s in self.slots if s.kind != KIND_RECOVERY] + [slot]
        return code

    def open_recovery(self, code: str) -> SlotPayload:
        secret = recovery_code.parse(code)
        for slot in self.slots:
            if slot.kind == KIND_RECOVERY:
                try:
                    return self._unwrap(slot, derive_recovery_kek(secret, slot.kdf))
                except (InvalidTag, ValueError, KeyError, TypeError):
                    break
        raise WrongCredentials(WRONG_RECOVERY)

    def unwrap_recovery(self, code: str) -> DatabaseKey:
        return self.open_recovery(code).dek

    # -- keyring slots ----------------------------------------------------------------------------

    def keyring_slot(self, staff_id: str) -> Slot | None:
        return next((s for s in self.slots if s.kind == KIND_KEYRING and s.staff_id == staff_id), None)

    def set_keyring(
        self, dek: DatabaseKey | SlotPayload, *, staff_id: str, login: str, wrapping_key: bytes, now: str
    ) -> Slot:
        self.slots = [s for s in self.slots if not (s.kind == KIND_KEYRING and s.staff_id == staff_id)]
        template = Slot(
            str(uuid.uuid4()),
            KIND_KEYRING,
            {"alg": "raw"},
            "",
            "",
            staff_id=staff_id,
            login=login,
            created_at=now,
        )
        slot = self._wrap(template, wrapping_key, self._payload(dek))
        self.slots.append(slot)
        return slot

    def open_keyring(self, slot: Slot, wrapping_key: bytes) -> SlotPayload:
        try:
            return self._unwrap(slot, wrapping_key)
        except (InvalidTag, ValueError, KeyError, TypeError):
            raise WrongCredentials(
                "キーリングの鍵が一致しません / The keyring secret does not match."
            ) from None

    def unwrap_keyring(self, slot: Slot, wrapping_key: bytes) -> DatabaseKey:
        return self.open_keyring(slot, wrapping_key).dek
