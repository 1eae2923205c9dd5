"""Rotating the database key with `PRAGMA rekey` so that a crash at any point leaves exactly one working key.

1. The new slots (new DEK wrapped for the acting administrator's passphrase, this device's keyring
   slots and a new recovery key) are written to `keyslots.pending.json`.
2. The database is re-encrypted in one rollback-journal transaction (WAL is checkpointed and switched
   off for the rekey, then back on). A crash before commit rolls back to the old key at next open.
3. The store is reopened with the new key, the rotation is audited, and the pending file replaces the
   key-slot file. unlock.open_store finishes step 3 if the process died between 2 and 3.

Other staff members' passphrase slots cannot be re-wrapped without their passphrases, so the new key is
sealed to each member of the signed roster (an X25519 key derived from their secret, ADR 0011) and they
take it up at their next unlock. Members without a secret (a store upgraded from before) are dropped and
get a temporary passphrase from an administrator (`passwd --for`). That is the point of a rotation after
someone leaves: no old slot file, and no backup's slots, open the store any more.
"""

from __future__ import annotations

from dataclasses import dataclass

from teiretsu_desktop.domain.errors import WrongCredentials
from teiretsu_desktop.security import audit, authority, os_keyring
from teiretsu_desktop.security.keyslots import KIND_KEYRING, KIND_PASSPHRASE, KeySlots, SlotPayload
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.atomic import atomic_replace
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import utc_now
from teiretsu_desktop.store.rekey import rekey_file


@dataclass(frozen=True)
class RotationResult:
    recovery_code: str
    dropped_logins: list[str]


def rotate_database_key(session: StaffSession, passphrase: str) -> tuple[StaffSession, RotationResult]:
    """Rotate the DEK. `passphrase` is the acting administrator's, checked against their slot first.

    Returns a new session on the re-keyed store; the old session is closed.
    """
    session.require(Permission.ROTATE_KEY)
    data_dir = session.store.data_dir
    current = KeySlots.load(data_dir.keyslots)
    acting, _slot = current.open_passphrase(session.actor.login, passphrase)  # raises WrongCredentials

    now = utc_now()
    new_key = DatabaseKey.generate()
    # The authority and the signed roster stay: who is who does not change with the key. Every slot
    # keeps what it wrapped besides the key (a member's secret, an administrator's authority).
    fresh = KeySlots(db_id=current.db_id, authority_public=current.authority_public, roster=current.roster)
    fresh.set_passphrase(
        acting.with_dek(DatabaseKey(new_key.raw())),
        staff_id=session.actor.staff_id, login=session.actor.login, passphrase=passphrase, now=now,
    )  # fmt: skip
    for slot in current.slots:
        if slot.kind == KIND_KEYRING and slot.staff_id:
            wrapping = os_keyring.fetch_wrapping_key(current.db_id, slot.staff_id)
            if wrapping is None:
                continue
            try:
                kept = current.open_keyring(slot, wrapping)
            except WrongCredentials:
                continue  # a stale keyring entry: that device unlocks with the passphrase next time
            fresh.set_keyring(
                kept.with_dek(DatabaseKey(new_key.raw())),
                staff_id=slot.staff_id, login=slot.login or "", wrapping_key=wrapping, now=now,
            )  # fmt: skip
    code = fresh.set_recovery(SlotPayload(DatabaseKey(new_key.raw()), None, acting.authority), now=now)
    # Every other member of the signed roster keeps their slot, and the new key is sealed to them: they
    # take it up at their next unlock. Anyone not in the roster (removed) has no way in any more.
    members = current.roster.members if current.roster is not None else {}
    for slot in current.slots:
        if slot.kind != KIND_PASSPHRASE or not slot.staff_id or slot.staff_id == session.actor.staff_id:
            continue
        member = members.get(slot.staff_id)
        if member is None or not member.box or member.login != slot.login:
            continue
        fresh.slots.append(slot)
        fresh.envelopes[slot.staff_id] = authority.seal(
            new_key.raw(), member.box, db_id=current.db_id, staff_id=slot.staff_id
        )
    dropped = sorted(
        {s.login for s in current.slots if s.login and s.login not in fresh.logins()} - {session.actor.login}
    )

    fresh.save(data_dir.keyslots_pending)
    old_key = session.store.key
    session.store.engine.dispose()  # no other connection may hold the file during the rekey
    rekey_file(data_dir.db, old_key, new_key)
    session.store.close()

    reopened = Store.open(data_dir, DatabaseKey(new_key.raw()), migrate=False)
    new_key.wipe()
    new_session = StaffSession(
        reopened, session.actor, session.method, credentials=acting.with_dek(DatabaseKey(reopened.key.raw()))
    )
    with new_session.uow() as uow:
        audit.append(
            uow.session,
            actor_id=session.actor.staff_id,
            action="key_rotated",
            detail={"dropped_slots": len(dropped), "recovery_key_reissued": True},
        )
        uow.commit()
    atomic_replace(data_dir.keyslots_pending, data_dir.keyslots)
    return new_session, RotationResult(code, dropped)
