"""Unlocking a store: key slot → database key → keyed engine → staff session.

A key rotation writes the new slots to `keyslots.pending.json` before it re-encrypts the database
(see security.rotation). Opening resolves that state: if the database still opens with the key of the
current slots, the rotation never committed and the pending file is discarded; if only the pending key
opens it, the rotation committed and the pending file is promoted. Either way exactly one key works.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from teiretsu_desktop.domain.errors import (
    CorruptStore,
    InvalidInput,
    NotADatabase,
    StoreNotFound,
    WrongCredentials,
)
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import audit, os_keyring, unlock_failures
from teiretsu_desktop.security.keyslots import KeySlots
from teiretsu_desktop.security.session import Actor, StaffSession
from teiretsu_desktop.security.unlock_throttle import UnlockThrottle
from teiretsu_desktop.store.atomic import atomic_replace
from teiretsu_desktop.store.backup import clean_interrupted_backups
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import Staff
from teiretsu_desktop.store.paths import DataDir

Unwrap = Callable[[KeySlots], DatabaseKey]


def load_slots(data_dir: DataDir) -> KeySlots:
    if not data_dir.exists():
        raise StoreNotFound(
            f"データが見つかりません。初期設定 (init) か復元 (restore) をしてください / No store in {data_dir.root}."
        )
    return KeySlots.load(data_dir.keyslots)


def open_store(data_dir: DataDir, unwrap: Unwrap, *, migrate: bool = True) -> tuple[Store, KeySlots]:
    """Open the store with the key that `unwrap` takes from the slots; resolves an interrupted rotation."""
    slots = load_slots(data_dir)
    key = unwrap(slots)
    clean_interrupted_backups(data_dir)  # the work folders of a backup killed half-way
    pending = data_dir.keyslots_pending
    try:
        store = Store.open(data_dir, key, migrate=migrate)
    except NotADatabase:
        if not pending.exists():
            raise
        pending_slots = KeySlots.load(pending)
        store = Store.open(data_dir, unwrap(pending_slots), migrate=migrate)
        atomic_replace(pending, data_dir.keyslots)
        slots = pending_slots
    else:
        if pending.exists():
            pending.unlink()
    if store.db_id() != slots.db_id:
        store.close()
        raise CorruptStore("鍵ファイルが別のデータのものです / The key-slot file belongs to another store.")
    return store, slots


def _actor(store: Store, *, login: str | None = None, staff_id: str | None = None) -> Actor:
    with store.uow(write=False) as uow:
        query = select(Staff).where(Staff.active.is_(True))
        query = query.where(Staff.login == login) if login else query.where(Staff.id == staff_id)
        staff = uow.session.scalars(query).first()
    if staff is None:
        store.close()
        raise WrongCredentials("このスタッフは登録されていません / This staff member is not active.")
    return Actor(staff.id, staff.login, staff.display_name, Role(staff.role))


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
        store, _slots = open_store(
            data_dir, lambda s: s.unwrap_passphrase(login, passphrase)[0], migrate=not for_inspection
        )
    except WrongCredentials:
        _record_failure(data_dir, login, "passphrase")
        raise
    actor = _actor(store, login=login)
    if not for_inspection:
        _record_unlock(store, data_dir, actor, "passphrase")
    return StaffSession(store, actor, "passphrase", audited=not for_inspection)


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

    def unwrap(current: KeySlots) -> DatabaseKey:
        slot = current.keyring_slot(keyring_slot.staff_id or "")
        if slot is None:
            raise WrongCredentials("キーリングの鍵が一致しません / The keyring secret does not match.")
        return current.unwrap_keyring(slot, wrapping)

    try:
        store, _ = open_store(data_dir, unwrap)
    except WrongCredentials:
        _record_failure(data_dir, login, "keyring")
        raise
    actor = _actor(store, login=login)
    _record_unlock(store, data_dir, actor, "keyring")
    return StaffSession(store, actor, "keyring")


def open_with_recovery(data_dir: DataDir, code: str) -> tuple[Store, KeySlots]:
    """Open with the recovery key; the caller must reset a passphrase and audit the use."""
    try:
        return open_store(data_dir, lambda s: s.unwrap_recovery(code))
    except WrongCredentials:
        _record_failure(data_dir, None, "recovery")
        raise
