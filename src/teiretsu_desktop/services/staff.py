"""Staff accounts: add, remove, passphrases, recovery and the optional keyring slot.

The staff row lives in the encrypted store; the passphrase slot and the signed roster, which is what
says who holds which role (ADR 0011), live in the key-slot file. Each operation commits the row and its
audit entry first, writes the slot file (roster included) second and pins the roster's serial in the
store last, so an interruption leaves at worst a staff member without a slot, which `passwd --for`
mends, or a file ahead of its pin, which the next unlock accepts and pins.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import audit, authority, os_keyring
from teiretsu_desktop.security.authority import Member, Roster
from teiretsu_desktop.security.keyslots import KIND_KEYRING, KeySlots, SlotPayload
from teiretsu_desktop.security.passphrase_policy import check_new
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.rotation import rotate_database_key
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.staff_keys import new_secret, payload_for, pin, resign, session_authority
from teiretsu_desktop.security.unlock import open_with_recovery
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.settings import load_settings
from teiretsu_desktop.services.setup import check_login
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import Staff, StoreMeta, sealed_columns, utc_now
from teiretsu_desktop.store.paths import DataDir
from teiretsu_desktop.store.sealed import MARKER, FieldAccess


@dataclass(frozen=True)
class StaffInfo:
    staff_id: str
    login: str
    display_name: str
    role: Role
    active: bool
    has_passphrase: bool
    has_keyring: bool


def list_staff(session: StaffSession) -> list[StaffInfo]:
    slots = KeySlots.load(session.store.data_dir.keyslots)
    with session.uow(write=False) as uow:
        rows = uow.session.scalars(select(Staff).order_by(Staff.login)).all()
    return [
        StaffInfo(
            s.id,
            s.login,
            s.display_name,
            Role(s.role),
            s.active,
            slots.passphrase_slot(s.login) is not None,
            slots.keyring_slot(s.id) is not None,
        )
        for s in rows
    ]


def _staff_by_login(session: StaffSession, login: str) -> Staff:
    with session.uow(write=False) as uow:
        staff = uow.session.scalars(select(Staff).where(Staff.login == login)).first()
    if staff is None or not staff.active:
        raise InvalidInput(f"スタッフ {login} は登録されていません / No active staff member {login}.")
    return staff


def add_staff(
    session: StaffSession, *, login: str, display_name: str, role: Role, passphrase: str
) -> Outcome[StaffInfo]:
    session.require(Permission.MANAGE_STAFF)
    check_login(login)
    value = check_new(passphrase, login=login, known_words=(display_name,))
    if not display_name.strip():
        raise InvalidInput("氏名を入力してください / Enter the staff member's name.")
    data_dir = session.store.data_dir
    slots = KeySlots.load(data_dir.keyslots)
    if slots.authority_public is not None:
        session_authority(session.credentials)  # refuse before anything is written
    with session.uow() as uow:
        if uow.session.scalars(select(Staff).where(Staff.login == login)).first() is not None:
            raise InvalidInput(f"スタッフ名 {login} は使われています / The staff name {login} is taken.")
        staff = Staff(
            login=login, display_name=display_name.strip(), role=role.value, active=True, created_at=utc_now()
        )
        uow.session.add(staff)
        uow.session.flush()
        audit.append(
            uow.session,
            actor_id=session.actor.staff_id,
            action="staff_added",
            target_kind="staff",
            target_id=staff.id,
            detail={"role": role.value},
        )
        uow.commit()
    signer = session_authority(session.credentials) if slots.authority_public is not None else None
    secret = new_secret()
    resign(slots, signer, lambda m: m.__setitem__(staff.id, authority.member(login, role, secret)))
    payload = payload_for(
        session.store.key, slots, secret=secret, role=role, signer=signer, fields=_field_key(session)
    )
    slots.set_passphrase(payload, staff_id=staff.id, login=login, passphrase=value, now=utc_now())
    slots.save(data_dir.keyslots)
    _pin(session, slots)
    info = StaffInfo(staff.id, login, staff.display_name, role, True, True, False)
    return Outcome(info, Changes.of(ChangeKind.STAFF, staff.id))


def remove_staff(session: StaffSession, login: str) -> Outcome[None]:
    """Deactivate the account and delete every slot it had; its past audit entries stay attributable."""
    session.require(Permission.MANAGE_STAFF)
    if login == session.actor.login:
        raise InvalidInput("自分自身は削除できません / You cannot remove yourself.")
    target = _staff_by_login(session, login)
    data_dir = session.store.data_dir
    slots = KeySlots.load(data_dir.keyslots)
    signer = session_authority(session.credentials) if slots.authority_public is not None else None
    with session.uow() as uow:
        admins = uow.session.scalars(
            select(Staff).where(Staff.active.is_(True), Staff.role == Role.ADMIN.value, Staff.id != target.id)
        ).all()
        if target.role == Role.ADMIN.value and not admins:
            raise InvalidInput("最後の管理者は削除できません / The last administrator cannot be removed.")
        row = uow.session.get(Staff, target.id)
        assert row is not None
        row.active = False
        row.removed_at = utc_now()
        audit.append(
            uow.session,
            actor_id=session.actor.staff_id,
            action="staff_removed",
            target_kind="staff",
            target_id=target.id,
        )
        uow.commit()
    slots.remove_staff(target.id)
    resign(slots, signer, lambda m: m.pop(target.id, None))
    slots.save(data_dir.keyslots)
    _pin(session, slots)
    os_keyring.delete_wrapping_key(slots.db_id, target.id)
    return Outcome(None, Changes.of(ChangeKind.STAFF, target.id))


def change_own_passphrase(session: StaffSession, *, current: str, new: str) -> None:
    """The same slot contents (key, secret, for an administrator the authority) under a new passphrase:
    nobody else's signature is needed, because the secret proves the slot is this member's."""
    data_dir = session.store.data_dir
    slots = KeySlots.load(data_dir.keyslots)
    payload, _slot = slots.open_passphrase(session.actor.login, current)  # WrongCredentials if wrong
    if slots.authority_public is not None and payload.secret is None:
        raise InvalidInput(
            "鍵の更新 (upgrade-keys) の後は、最初のパスフレーズ変更を管理者に依頼してください (passwd --for) / "
            "After the key upgrade, ask an administrator to set your next passphrase."
        )
    value = check_new(new, login=session.actor.login, known_words=(session.actor.display_name,))
    session.record("passphrase_changed", target_kind="staff", target_id=session.actor.staff_id)
    slots.set_passphrase(
        payload,
        staff_id=session.actor.staff_id,
        login=session.actor.login,
        passphrase=value,
        now=utc_now(),
    )
    slots.save(data_dir.keyslots)


def reset_passphrase(session: StaffSession, *, login: str, new: str) -> Outcome[None]:
    """An administrator gives a staff member a new (temporary) passphrase."""
    session.require(Permission.MANAGE_STAFF)
    if login == session.actor.login:
        raise PermissionDenied(
            "自分のパスフレーズは passwd で変更してください / Use passwd for your own passphrase."
        )
    target = _staff_by_login(session, login)
    value = check_new(new, login=login, known_words=(target.display_name,))
    slots = KeySlots.load(session.store.data_dir.keyslots)
    signer = session_authority(session.credentials) if slots.authority_public is not None else None
    session.record("passphrase_reset", target_kind="staff", target_id=target.id)
    # A new secret: whatever the old passphrase opened no longer proves who this is.
    secret = new_secret()
    role = Role(target.role)
    resign(slots, signer, lambda m: m.__setitem__(target.id, authority.member(login, role, secret)))
    slots.slots = [s for s in slots.slots if not (s.kind == KIND_KEYRING and s.staff_id == target.id)]
    payload = payload_for(
        session.store.key, slots, secret=secret, role=role, signer=signer, fields=_field_key(session)
    )
    slots.set_passphrase(payload, staff_id=target.id, login=login, passphrase=value, now=utc_now())
    slots.save(session.store.data_dir.keyslots)
    _pin(session, slots)
    return Outcome(None, Changes.of(ChangeKind.STAFF, target.id))


def recover_with_recovery_key(data_dir: DataDir, *, code: str, login: str, new_passphrase: str) -> str:
    """Forgotten passphrase: the recovery key sets a new passphrase for `login`.

    The code has left the safe and been typed, so a new recovery key is issued and returned (shown once).
    """
    opened = open_with_recovery(data_dir, code)
    store, slots, recovered = opened.store, opened.slots, opened.payload
    try:
        with store.uow(write=False) as uow:
            staff = uow.session.scalars(
                select(Staff).where(Staff.login == login, Staff.active.is_(True))
            ).first()
        if staff is None:
            raise InvalidInput(f"スタッフ {login} は登録されていません / No active staff member {login}.")
        value = check_new(new_passphrase, login=login)
        with store.uow(actor_id=None) as uow:
            audit.append(
                uow.session,
                actor_id=None,
                action="recovery_key_used",
                target_kind="staff",
                target_id=staff.id,
            )
            audit.append(
                uow.session, actor_id=None, action="passphrase_reset", target_kind="staff", target_id=staff.id
            )
            audit.append(uow.session, actor_id=None, action="recovery_key_issued")
            uow.commit()
        now = utc_now()
        signer = authority.load_private(recovered.authority) if recovered.authority is not None else None
        secret = new_secret()
        role = Role(staff.role)
        resign(slots, signer, lambda m: m.__setitem__(staff.id, authority.member(login, role, secret)))
        payload = payload_for(
            store.key, slots, secret=secret, role=role, signer=signer, fields=recovered.fields
        )
        slots.set_passphrase(payload, staff_id=staff.id, login=login, passphrase=value, now=now)
        new_code = slots.set_recovery(recovered.with_dek(DatabaseKey(store.key.raw())), now=now)
        slots.save(data_dir.keyslots)
        with store.uow(actor_id=None) as uow:
            pin(uow.session, slots)
            uow.commit()
        return new_code
    finally:
        store.close()


def enable_keyring(session: StaffSession) -> Outcome[None]:
    """Keep a wrapping key for this staff member in the OS keyring of this device, if the center allows."""
    if not load_settings(session).allow_keyring_unlock:
        raise PermissionDenied(
            "センターの設定でキーリングでの解除は許可されていません / The center does not allow keyring unlock."
        )
    data_dir = session.store.data_dir
    slots = KeySlots.load(data_dir.keyslots)
    payload = session.credentials
    if slots.authority_public is not None and (payload is None or payload.secret is None):
        raise PermissionDenied(
            "キーリングの解除は、鍵の更新後にパスフレーズを新しくしてから使えます / "
            "Set a new passphrase after the key upgrade before using the keyring."
        )
    wrapping = os_keyring.store_wrapping_key(slots.db_id, session.actor.staff_id)
    slots.set_keyring(
        payload if payload is not None else session.store.key,
        staff_id=session.actor.staff_id,
        login=session.actor.login,
        wrapping_key=wrapping,
        now=utc_now(),
    )
    session.record("keyring_enabled", target_kind="staff", target_id=session.actor.staff_id)
    slots.save(data_dir.keyslots)
    return Outcome(None, Changes.of(ChangeKind.STAFF, session.actor.staff_id))


def disable_keyring(session: StaffSession) -> Outcome[None]:
    data_dir = session.store.data_dir
    slots = KeySlots.load(data_dir.keyslots)
    slots.slots = [
        s for s in slots.slots if not (s.kind == KIND_KEYRING and s.staff_id == session.actor.staff_id)
    ]
    session.record("keyring_disabled", target_kind="staff", target_id=session.actor.staff_id)
    slots.save(data_dir.keyslots)
    os_keyring.delete_wrapping_key(slots.db_id, session.actor.staff_id)
    return Outcome(None, Changes.of(ChangeKind.STAFF, session.actor.staff_id))


def _field_key(session: StaffSession) -> bytes | None:
    return session.credentials.fields if session.credentials is not None else None


def _pin(session: StaffSession, slots: KeySlots) -> None:
    with session.uow() as uow:
        pin(uow.session, slots)
        uow.commit()


@dataclass(frozen=True)
class Colleague:
    staff_id: str
    display_name: str
    role: Role


def list_colleagues(session: StaffSession) -> list[Colleague]:
    """Active staff to assign cases to; any role that reads cases may see who its colleagues are."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(Staff).where(Staff.active.is_(True)).order_by(Staff.display_name)
        ).scalars()
        return [Colleague(s.id, s.display_name, Role(s.role)) for s in rows]


@dataclass(frozen=True)
class UpgradeResult:
    recovery_code: str
    fingerprint: str
    legacy_logins: list[str]  # members whose next passphrase an administrator sets (passwd --for)


def upgrade_keys(session: StaffSession, *, passphrase: str) -> UpgradeResult:
    """Give a store made before ADR 0011 its administrator authority and signed roster.

    The acting administrator's slot is written again with their secret and the authority; every other
    member's existing slot is bound by its own hash until an administrator sets their next passphrase;
    keyring slots are removed (set them up again); a new recovery key holds the authority."""
    session.require(Permission.MANAGE_STAFF)
    if session.actor.role is not Role.ADMIN:
        raise PermissionDenied("鍵の更新は管理者だけができます / Only an administrator can upgrade the keys.")
    data_dir = session.store.data_dir
    slots = KeySlots.load(data_dir.keyslots)
    if slots.authority_public is not None:
        raise InvalidInput("このデータの鍵は更新済みです / The keys of this store are already upgraded.")
    acting, _slot = slots.open_passphrase(session.actor.login, passphrase)  # WrongCredentials
    with session.uow(write=False) as uow:
        rows = list(uow.session.scalars(select(Staff).where(Staff.active.is_(True))))
    signer = authority.new_authority()
    public = authority.raw_public(signer.public_key())
    secret = new_secret()
    members: dict[str, Member] = {}
    legacy: list[str] = []
    for row in rows:
        if row.id == session.actor.staff_id:
            members[row.id] = authority.member(row.login, Role(row.role), secret)
            continue
        slot = slots.passphrase_slot(row.login)
        members[row.id] = Member(
            row.login, Role(row.role), authority.legacy_commitment(slot.ciphertext if slot else "none")
        )
        legacy.append(row.login)
    slots.authority_public = public
    slots.roster = Roster(slots.db_id, 0, members).signed(signer)
    slots.slots = [s for s in slots.slots if s.kind != KIND_KEYRING]
    now = utc_now()
    held = authority.private_bytes(signer)
    fields = secrets.token_bytes(32)
    slots.set_passphrase(
        SlotPayload(DatabaseKey(acting.dek.raw()), secret, held, fields),
        staff_id=session.actor.staff_id, login=session.actor.login, passphrase=passphrase, now=now,
    )  # fmt: skip
    code = slots.set_recovery(SlotPayload(DatabaseKey(acting.dek.raw()), None, held, fields), now=now)
    fingerprint = authority.fingerprint(public)
    # Seal what is stored in plaintext: every sensitive column, read and written again with the key.
    sealing = FieldAccess(sealed=True, key=fields)
    with session.store.uow(actor_id=session.actor.staff_id, fields=sealing) as uow:
        for model, column in sealed_columns():
            for record in uow.session.scalars(select(model)):
                if getattr(record, column):
                    flag_modified(record, column)
        uow.session.add(StoreMeta(key=MARKER, value="1"))
        uow.commit()
    with session.uow() as uow:
        audit.append(uow.session, actor_id=session.actor.staff_id, action="authority_established",
                     detail={"fingerprint": fingerprint, "upgraded": True})  # fmt: skip
        audit.append(uow.session, actor_id=session.actor.staff_id, action="recovery_key_issued")
        pin(uow.session, slots)
        uow.commit()
    slots.save(data_dir.keyslots)
    session.credentials = SlotPayload(DatabaseKey(acting.dek.raw()), secret, held, fields)
    session.fields = sealing
    return UpgradeResult(code, fingerprint, sorted(legacy))


def remove_staff_and_rotate(session: StaffSession, login: str, *, passphrase: str) -> Outcome[str]:
    """Remove a member and rotate the database key at once (revocation that works, ADR 0011), for the
    window: the rotated session is locked again — the window asks for a fresh unlock — and the new
    recovery key is returned to be shown once."""
    session.require(Permission.ROTATE_KEY)
    KeySlots.load(session.store.data_dir.keyslots).open_passphrase(session.actor.login, passphrase)
    remove_staff(session, login)
    rotated, result = rotate_database_key(session, passphrase)
    rotated.lock()
    # No changes announced: the window locks now (nothing may reload on the session the rotation closed).
    return Outcome(result.recovery_code, Changes())
