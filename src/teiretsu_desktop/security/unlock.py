"""Unlocking a store: key slot → database key → keyed engine → staff session.

A key rotation writes the new slots to `keyslots.pending.json` before it re-encrypts the database
(see security.rotation). Opening resolves that state: if the database still opens with the key of the
current slots, the rotation never committed and the pending file is discarded; if only the pending key
opens it, the rotation committed and the pending file is promoted. Either way exactly one key works.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from teiretsu_desktop.domain.errors import (
    CorruptStore,
    InvalidInput,
    NotADatabase,
    StoreNotFound,
    WrongCredentials,
)
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import audit, authority, kit_expiry, os_keyring, unlock_failures
from teiretsu_desktop.security.authority import TamperDetected
from teiretsu_desktop.security.keyslots import KIND_PASSPHRASE, KeySlots, Slot, SlotPayload
from teiretsu_desktop.security.session import Actor, StaffSession
from teiretsu_desktop.security.unlock_throttle import UnlockThrottle
from teiretsu_desktop.store.atomic import atomic_replace
from teiretsu_desktop.store.backup import clean_interrupted_backups
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import Staff, utc_now
from teiretsu_desktop.store.paths import DataDir
from teiretsu_desktop.store.schema import head_revision

# Opens one slot of the file: what it wraps, and which slot it was (None for the recovery slot).
Opener = Callable[[KeySlots], tuple[SlotPayload, Slot | None]]


def load_slots(data_dir: DataDir) -> KeySlots:
    if not data_dir.exists():
        raise StoreNotFound(
            f"データが見つかりません。初期設定 (init) か復元 (restore) をしてください / No store in {data_dir.root}."
        )
    return KeySlots.load(data_dir.keyslots)


@dataclass(frozen=True)
class Opened:
    store: Store
    slots: KeySlots
    payload: SlotPayload
    slot: Slot | None
    renewed: bool = False  # the key came from a rotation's envelope: the slot should be written again


def _open_with(data_dir: DataDir, slots: KeySlots, opener: Opener, migrate: bool) -> Opened:
    payload, slot = opener(slots)
    try:
        return Opened(
            Store.open(data_dir, DatabaseKey(payload.dek.raw()), migrate=migrate), slots, payload, slot
        )
    except NotADatabase:
        staff_id = slot.staff_id if slot is not None else None
        envelope = slots.envelopes.get(staff_id) if staff_id else None
        if envelope is None or payload.secret is None or staff_id is None:
            raise
    try:  # the key was rotated since this slot was written: the new key was sealed to this member
        dek = authority.unseal(envelope, payload.secret, db_id=slots.db_id, staff_id=staff_id)
    except ValueError:
        raise CorruptStore("鍵の更新の記録が壊れています / The key rotation envelope is damaged.") from None
    store = Store.open(data_dir, DatabaseKey(dek), migrate=migrate)
    return Opened(store, slots, payload.with_dek(DatabaseKey(dek)), slot, renewed=True)


def open_store(data_dir: DataDir, opener: Opener, *, migrate: bool = True) -> Opened:
    """Open the store with the key a slot wraps (or that a rotation sealed to its member); resolves an
    interrupted rotation."""
    slots = load_slots(data_dir)
    clean_interrupted_backups(data_dir)  # the work folders of a backup killed half-way
    pending = data_dir.keyslots_pending
    try:
        opened = _open_with(data_dir, slots, opener, migrate)
    except NotADatabase:
        if not pending.exists():
            raise
        opened = _open_with(data_dir, KeySlots.load(pending), opener, migrate)
        atomic_replace(pending, data_dir.keyslots)
    else:
        if pending.exists():
            pending.unlink()
    if opened.store.db_id() != opened.slots.db_id:
        opened.store.close()
        raise CorruptStore("鍵ファイルが別のデータのものです / The key-slot file belongs to another store.")
    return opened


def _take_up_rotation(data_dir: DataDir, opened: Opened, passphrase: str) -> None:
    """After a rotation: this member's passphrase slot now wraps the new key, their envelope goes, and
    their keyring slot on this device is written again (or removed)."""
    slot = opened.slot
    if not opened.renewed or slot is None or slot.staff_id is None or slot.login is None:
        return
    slots = opened.slots
    slots.set_passphrase(
        opened.payload, staff_id=slot.staff_id, login=slot.login, passphrase=passphrase, now=utc_now()
    )
    slots.envelopes.pop(slot.staff_id, None)
    keyring = slots.keyring_slot(slot.staff_id)
    if keyring is not None:
        wrapping = os_keyring.fetch_wrapping_key(slots.db_id, slot.staff_id)
        slots.slots.remove(keyring)
        if wrapping is not None:
            slots.set_keyring(opened.payload, staff_id=slot.staff_id, login=slot.login, wrapping_key=wrapping,
                              now=utc_now())  # fmt: skip
    slots.save(data_dir.keyslots)


def _tamper(store: Store, reason: str) -> TamperDetected:
    """Record the alarm in the audit chain (the store is open), close it, and say what was refused."""
    # A damaged store must still refuse: the alarm is best effort.
    with contextlib.suppress(Exception), store.uow(actor_id=None) as uow:
        audit.append(uow.session, actor_id=None, action="tamper_detected", detail={"reason": reason})
        uow.commit()
    store.close()
    return TamperDetected(reason)


def check_authority(opened: Opened) -> Role | None:
    """The role the signed roster gives the slot's owner, or None for a store not yet upgraded.

    Raises TamperDetected (after recording it) when the key file or the staff table says what the
    administrator authority did not sign."""
    store, slots, slot, payload = opened.store, opened.slots, opened.slot, opened.payload
    with store.uow(write=False) as uow:
        pin = authority.read_pin(uow.session)
        staff = uow.session.get(Staff, slot.staff_id) if slot is not None and slot.staff_id else None
        staff_view = (staff.login, staff.role, staff.active) if staff is not None else None
    if pin is None:
        if slots.authority_public is not None or slots.roster is not None:
            raise _tamper(store, "管理者の署名鍵が保存されていないのに、鍵ファイルにはあります")
        return None
    roster = slots.roster
    if slots.authority_public != pin.public:
        raise _tamper(store, "鍵ファイルの管理者の署名鍵が、このデータのものと違います")
    if roster is None or roster.db_id != slots.db_id or not roster.verify(pin.public):
        raise _tamper(store, "スタッフ名簿の署名が正しくありません")
    if roster.serial < pin.serial:
        raise _tamper(store, f"古いスタッフ名簿 ({roster.serial}) に戻されています ({pin.serial})")
    if slot is None:  # the recovery slot: it must hold this store's authority
        held = payload.authority
        if held is None or authority.raw_public(authority.load_private(held).public_key()) != pin.public:
            raise _tamper(store, "回復キーの枠が管理者の署名鍵を持っていません")
        return Role.ADMIN
    member = roster.members.get(slot.staff_id or "")
    if member is None or member.login != slot.login:
        raise _tamper(store, f"名簿にない鍵の枠です ({slot.login})")
    if member.commitment.startswith(authority.LEGACY):
        genuine = slot.kind == KIND_PASSPHRASE and member.commitment == authority.legacy_commitment(
            slot.ciphertext
        )
    else:
        genuine = payload.secret is not None and authority.commitment(payload.secret) == member.commitment
    if not genuine:
        raise _tamper(store, f"{slot.login} の鍵の枠が、本人のものではありません")
    if staff_view is None or staff_view != (member.login, member.role.value, True):
        raise _tamper(store, f"{slot.login} の役割または状態が、署名された名簿と違います")
    if roster.serial > pin.serial:
        with store.uow(actor_id=None) as uow:  # the file is ahead (a change whose pin was not yet written)
            authority.write_pin(uow.session, pin.public, roster.serial)
            uow.commit()
    return member.role


def _actor(
    store: Store, *, login: str | None = None, staff_id: str | None = None, role: Role | None = None
) -> Actor:
    with store.uow(write=False) as uow:
        query = select(Staff).where(Staff.active.is_(True))
        query = query.where(Staff.login == login) if login else query.where(Staff.id == staff_id)
        staff = uow.session.scalars(query).first()
    if staff is None:
        store.close()
        raise WrongCredentials("このスタッフは登録されていません / This staff member is not active.")
    return Actor(staff.id, staff.login, staff.display_name, role or Role(staff.role))


def _record_unlock(store: Store, data_dir: DataDir, actor: Actor, method: str) -> None:
    """One audit entry per earlier failed attempt, then one for this success, in one transaction.

    The failures file can be written by anyone with file access, so its lines enter the chain marked
    unauthenticated and dated now (the time they claim is kept as `reported_at`), never back-dated."""
    failures = unlock_failures.read_all(data_dir.unlock_failures)
    with store.uow(actor_id=actor.staff_id) as uow:
        for failure in failures.valid:
            detail: dict[str, str | int | bool | None] = {
                "login": failure.login,
                "method": failure.method,
                "reported_at": failure.at,
                "unauthenticated": True,
            }
            if failure.unknown_login:
                detail["unknown_login"] = True
            audit.append(uow.session, actor_id=None, action="unlock_failed", detail=detail)
        if failures.discarded:
            audit.append(
                uow.session,
                actor_id=None,
                action="unlock_failures_discarded",
                detail={"lines": failures.discarded},
            )
        audit.append(uow.session, actor_id=actor.staff_id, action="unlock", detail={"method": method})
        uow.commit()
    unlock_failures.clear(data_dir.unlock_failures)


def _record_failure(data_dir: DataDir, login: str | None, method: str) -> None:
    """Write the failure without what was typed unless it is a staff name that exists."""
    try:
        known = login is not None and login in load_slots(data_dir).logins()
    except (CorruptStore, StoreNotFound, OSError):
        known = False
    unlock_failures.record(
        data_dir.unlock_failures,
        login=login if known else None,
        method=method,
        unknown_login=login is not None and not known,
    )


def resolve_login(data_dir: DataDir, login: str | None) -> str:
    """The staff name to unlock as; may be left out when the store has exactly one staff member."""
    if login:
        return login
    logins = load_slots(data_dir).logins()
    if len(logins) == 1:
        return logins[0]
    raise InvalidInput("スタッフ名を指定してください (--user) / Name the staff member with --user.")


def unlock_with_passphrase(
    data_dir: DataDir,
    login: str,
    passphrase: str,
    *,
    for_inspection: bool = False,
    throttle: UnlockThrottle | None = None,
) -> StaffSession:
    """Unlock as `login`. `for_inspection` (verify) neither migrates nor writes the unlock entry, so a
    damaged store is inspected without being written to. Before the throttle allows the next attempt,
    TooManyAttempts is raised and the passphrase is not even looked at."""
    (throttle or UnlockThrottle(data_dir.unlock_failures)).check(login)
    try:
        opened = open_store(
            data_dir, lambda s: s.open_passphrase(login, passphrase), migrate=not for_inspection
        )
    except WrongCredentials:
        _record_failure(data_dir, login, "passphrase")
        raise
    kit_expiry.refuse_expired(opened.store)
    role = check_authority(opened)
    actor = _actor(opened.store, login=login, role=role)
    if not for_inspection:
        _take_up_rotation(data_dir, opened, passphrase)
        _record_unlock(opened.store, data_dir, actor, "passphrase")
    return StaffSession(
        opened.store, actor, "passphrase", audited=not for_inspection, credentials=opened.payload
    )


def unlock_with_keyring(data_dir: DataDir, login: str) -> StaffSession:
    """Quick unlock on this device. Raises WrongCredentials when the keyring entry is gone."""
    slots = load_slots(data_dir)
    staff_slot = slots.passphrase_slot(login)
    keyring_slot = slots.keyring_slot(staff_slot.staff_id) if staff_slot and staff_slot.staff_id else None
    wrapping = (
        os_keyring.fetch_wrapping_key(slots.db_id, keyring_slot.staff_id)
        if keyring_slot and keyring_slot.staff_id
        else None
    )
    if keyring_slot is None or wrapping is None:
        raise WrongCredentials(
            "この端末のキーリングに鍵がありません。パスフレーズで解除してください / "
            "No keyring entry on this device; unlock with your passphrase."
        )

    def opener(current: KeySlots) -> tuple[SlotPayload, Slot | None]:
        slot = current.keyring_slot(keyring_slot.staff_id or "")
        if slot is None:
            raise WrongCredentials("キーリングの鍵が一致しません / The keyring secret does not match.")
        return current.open_keyring(slot, wrapping), slot

    try:
        opened = open_store(data_dir, opener)
    except WrongCredentials:
        _record_failure(data_dir, login, "keyring")
        raise
    kit_expiry.refuse_expired(opened.store)
    role = check_authority(opened)
    actor = _actor(opened.store, login=login, role=role)
    if opened.renewed and opened.slot is not None:  # the passphrase slot keeps its envelope until used
        opened.slots.set_keyring(opened.payload, staff_id=opened.slot.staff_id or "", login=login,
                                 wrapping_key=wrapping, now=utc_now())  # fmt: skip
        opened.slots.save(data_dir.keyslots)
    _record_unlock(opened.store, data_dir, actor, "keyring")
    return StaffSession(opened.store, actor, "keyring", credentials=opened.payload)


def open_with_recovery(data_dir: DataDir, code: str) -> Opened:
    """Open with the recovery key; the caller must reset a passphrase and audit the use."""
    try:
        opened = open_store(data_dir, lambda s: (s.open_recovery(code), None))
    except WrongCredentials:
        _record_failure(data_dir, None, "recovery")
        raise
    check_authority(opened)
    return opened


def prepare() -> None:
    """What an unlock reads besides the key slots, loaded ahead while the passphrase is typed (issue 19):
    the schema revisions the store is checked against."""
    head_revision()
