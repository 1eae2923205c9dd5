"""Signing staff changes with the administrator authority (ADR 0011).

Used by the services that add, reset or remove staff, recover with the recovery key, rotate the key
and upgrade an old store. The key-slot file is written first and the store's pin of the roster serial
second: a crash between them leaves the file ahead, which the next unlock accepts and pins.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.errors import PermissionDenied
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import authority
from teiretsu_desktop.security.authority import Member, Roster
from teiretsu_desktop.security.keyslots import KeySlots, SlotPayload
from teiretsu_desktop.security.permissions import Permission, allows
from teiretsu_desktop.store.keys import DatabaseKey

NO_AUTHORITY = (
    "スタッフの変更には管理者の署名鍵が必要です。管理者のパスフレーズで解除し直してください / "
    "Staff changes need the administrator authority: unlock with an administrator's passphrase."
)


def new_secret() -> bytes:
    return secrets.token_bytes(32)


def session_authority(credentials: SlotPayload | None) -> Ed25519PrivateKey:
    if credentials is None or credentials.authority is None:
        raise PermissionDenied(NO_AUTHORITY)
    return authority.load_private(credentials.authority)


def payload_for(
    dek: DatabaseKey,
    slots: KeySlots,
    *,
    secret: bytes,
    role: Role,
    signer: Ed25519PrivateKey | None,
    fields: bytes | None,
) -> SlotPayload:
    """What a new slot of a staff member wraps: in an upgraded store their secret, for an administrator
    the authority, and for a role that may read sensitive fields the field key; in a store not yet
    upgraded only the key (as before)."""
    if slots.authority_public is None:
        return SlotPayload(DatabaseKey(dek.raw()))
    held = authority.private_bytes(signer) if role is Role.ADMIN and signer is not None else None
    readable = fields if allows(role, Permission.READ_SENSITIVE) else None
    return SlotPayload(DatabaseKey(dek.raw()), secret, held, readable)


def resign(
    slots: KeySlots, signer: Ed25519PrivateKey | None, change: Callable[[dict[str, Member]], object]
) -> None:
    """Apply `change` to the roster's members and sign the result with the next serial (upgraded
    stores only; an old store keeps no roster)."""
    if slots.authority_public is None or slots.roster is None:
        return
    if signer is None:
        raise PermissionDenied(NO_AUTHORITY)
    members = dict(slots.roster.members)
    change(members)
    slots.roster = Roster(slots.roster.db_id, slots.roster.serial, members).signed(signer)


def pin(session: Session, slots: KeySlots) -> None:
    """Remember the roster serial in the store, so that an older roster file is refused later."""
    if slots.authority_public is not None and slots.roster is not None:
        authority.write_pin(session, slots.authority_public, slots.roster.serial)
