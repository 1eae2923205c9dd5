"""Setting up a sync group at the hub, enrolling a device, revoking a lost one (管理者 only).

A device starts as a verified copy of the hub's store (the backup format, so `restore` installs it),
holding its own identity: it has everything the hub had, and from then on the two exchange packets.
"""

from __future__ import annotations

import json
import os
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied, SyncRefused
from teiretsu_desktop.security import audit, authority
from teiretsu_desktop.security.devices import DeviceEntry, DeviceIdentity, seal_sync_key
from teiretsu_desktop.security.keyslots import KeySlots
from teiretsu_desktop.security.kit_expiry import KIT
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.sync import state as sync_state
from teiretsu_desktop.store.backup import create_backup
from teiretsu_desktop.store.models import CenterProfile, StoreMeta, new_id, utc_now
from teiretsu_desktop.store.sync import merge


def _authority(session: StaffSession) -> Ed25519PrivateKey:
    session.require(Permission.MANAGE_DEVICES)
    raw = session.credentials.authority if session.credentials is not None else None
    if raw is None:
        raise PermissionDenied(
            "端末の登録と取り消しには、管理者のパスフレーズ（または回復キー）での解錠が必要です / "
            "Enrolling or revoking a device needs an administrator's unlock."
        )
    return authority.load_private(raw)


def _name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 80 or any(ord(c) < 32 for c in name):
        raise InvalidInput("端末名は1〜80文字で入力してください / A device name has 1–80 characters.")
    return name


def init_hub(session: StaffSession, name: str) -> DeviceEntry:
    """Make this store the hub of a new sync group: from now on every change is logged."""
    signer = _authority(session)
    name = _name(name)
    with session.transaction() as uow:
        s = uow.session
        if sync_state.load(s) is not None:
            raise SyncRefused(
                "already", "この端末はすでに同期グループに入っています / Already in a sync group."
            )
        profile = s.query(CenterProfile).first()
        identity = DeviceIdentity.generate(new_id())
        entry = DeviceEntry.signed(
            {
                "id": identity.device_id, "name": name, "hub": True, "kit": False, "series": "", "signing": identity.signing_public(),
                "box": identity.box_public(), "enrolled_at": utc_now(), "fork_vv": {}, "fork_audit_seq": 0,
                "revoked_at": None,
            },
            signer,
        )  # fmt: skip
        sync_state.save(
            s,
            sync_state.SyncState(
                center=new_id(),
                center_code=profile.center_code if profile else "",
                identity=identity,
                keys={1: os.urandom(32)},
            ),
        )
        sync_state.put_entry(s, entry)
        merge.set_capture(s.connection(), True)
        audit.append(s, actor_id=session.actor.staff_id, action="sync_hub_initialised", target_kind="device",
                     target_id=identity.device_id)  # fmt: skip
    return entry


def at_hub(s: Session, state: sync_state.SyncState) -> dict[str, DeviceEntry]:
    entries = sync_state.registry(s)
    own = entries.get(state.identity.device_id)
    if own is None or not own.hub:
        raise InvalidInput(
            "端末の登録と取り消しは拠点（事務所PC）でのみできます / Devices are enrolled and revoked at the hub."
        )
    return entries


def next_series(entries: list[DeviceEntry]) -> str:
    used = {str(e.body["series"]) for e in entries}
    for letter in string.ascii_uppercase[1:]:
        if letter not in used:
            return letter
    for a in string.ascii_uppercase[1:]:
        for b in string.ascii_uppercase:
            if a + b not in used:
                return a + b
    raise SyncRefused("full", "登録できる端末の数を超えました / Too many devices.")


def enroll(session: StaffSession, name: str, out: Path) -> DeviceEntry:
    """Enrol a device and write its store: a verified copy of the hub's, with the device's identity.
    IT installs it on the device with `restore`; its staff unlock it with their own passphrases."""
    signer = _authority(session)
    name = _name(name)
    with session.transaction() as uow:
        s = uow.session
        state = sync_state.require(s)
        entries = at_hub(s, state)
        connection = s.connection()
        merge.number_own(connection, state.identity.device_id, merge.Columns(connection))
        identity = DeviceIdentity.generate(new_id())
        fork_seq = audit.head(s).seq + 1  # the entry below: the device's own chain branches after it
        entry = DeviceEntry.signed(
            {
                "id": identity.device_id, "name": name, "hub": False, "kit": False, "series": next_series(list(entries.values())),
                "signing": identity.signing_public(), "box": identity.box_public(), "enrolled_at": utc_now(),
                "fork_vv": merge.version_vector(connection), "fork_audit_seq": fork_seq, "revoked_at": None,
            },
            signer,
        )  # fmt: skip
        sync_state.put_entry(s, entry)
        audit.append(s, actor_id=session.actor.staff_id, action="sync_device_enrolled", target_kind="device",
                     target_id=identity.device_id, detail={"series": str(entry.body["series"])})  # fmt: skip
    device_json = identity.to_json()

    def become_device(copy: Any) -> None:
        copy.execute("UPDATE store_meta SET value = ? WHERE key = ?", (device_json, sync_state.DEVICE))
        # What is the hub's own: changes it logged after the enrolment (it numbers them itself), what it
        # last sent, and the keys of the visit kits it checked out.
        copy.execute("DELETE FROM sync_log")
        copy.execute("DELETE FROM store_meta WHERE key IN (?, ?)", (sync_state.LAST_EXPORT, sync_state.KITS))

    data_dir = session.store.data_dir
    create_backup(
        session.store,
        data_dir.keyslots.read_bytes(),
        out,
        db_id=KeySlots.load(data_dir.keyslots).db_id,
        created_at=utc_now(),
        prepare=become_device,
    )
    return entry


def revoke(session: StaffSession, device_id: str) -> DeviceEntry:
    """Revoke a lost device: its packets are refused from now on, and the sync key is rotated, sealed
    to each remaining device, so that it cannot read what is sent after."""
    signer = _authority(session)
    with session.transaction() as uow:
        s = uow.session
        state = sync_state.require(s)
        entries = at_hub(s, state)
        target = entries.get(device_id)
        if target is None:
            raise InvalidInput("その端末は登録されていません / No such device.")
        if target.hub:
            raise InvalidInput("拠点の端末は取り消せません / The hub cannot be revoked.")
        if target.revoked:
            return target
        revoked = DeviceEntry.signed({**target.body, "revoked_at": utc_now()}, signer)
        sync_state.put_entry(s, revoked)
        generation = state.generation + 1
        key = os.urandom(32)
        state.keys[generation] = key
        state.envelopes = [
            seal_sync_key(key, e, center=state.center, generation=generation)
            for e in entries.values()
            if not e.revoked and not e.kit and e.device_id not in (device_id, state.identity.device_id)
        ]
        sync_state.save(s, state)
        audit.append(s, actor_id=session.actor.staff_id, action="sync_device_revoked", target_kind="device",
                     target_id=device_id, detail={"key_generation": generation})  # fmt: skip
    return revoked


def devices(session: StaffSession) -> list[DeviceEntry]:
    """The group's devices, by enrolment; refused outside a group (the command line says so)."""
    session.require(Permission.SYNC)
    with session.uow(write=False) as uow:
        sync_state.require(uow.session)
        return sorted(sync_state.registry(uow.session).values(), key=lambda e: str(e.body["enrolled_at"]))


def devices_if_any(session: StaffSession) -> list[DeviceEntry]:
    """The group's devices, or none outside a group (the 端末 tab before sync has begun)."""
    session.require(Permission.SYNC)
    with session.uow(write=False) as uow:
        if sync_state.load(uow.session) is None:
            return []
    return devices(session)


def pending_count(session: StaffSession) -> int:
    with session.uow(write=False) as uow:
        return int(uow.session.execute(text("SELECT count(*) FROM sync_log")).scalar() or 0)


def init_hub_for_views(session: StaffSession, name: str) -> Outcome[DeviceEntry]:
    return Outcome(init_hub(session, name), Changes.of(ChangeKind.SYNC))


def enroll_for_views(session: StaffSession, name: str, out: Path) -> Outcome[DeviceEntry]:
    return Outcome(enroll(session, name, out), Changes.of(ChangeKind.SYNC))


def revoke_for_views(session: StaffSession, device_id: str) -> Outcome[DeviceEntry]:
    return Outcome(revoke(session, device_id), Changes.of(ChangeKind.SYNC))


@dataclass(frozen=True)
class SyncStatus:
    in_group: bool
    device_name: str
    hub: bool
    pending: int
    kit_until: str | None = None  # this store is a visit kit, until then


def status(session: StaffSession) -> SyncStatus:
    with session.uow(write=False) as uow:
        state = sync_state.load(uow.session)
        pending = int(uow.session.execute(text("SELECT count(*) FROM sync_log")).scalar() or 0)
        kit = uow.session.get(StoreMeta, KIT)
        if kit is not None:
            return SyncStatus(False, "", False, pending, str(json.loads(kit.value)["expires_at"]))
        if state is None:
            return SyncStatus(False, "", False, pending)
        me = state.identity.device_id
        entry = sync_state.registry(uow.session).get(me)
        last = sync_state.load_last_export(uow.session)
        sent = int(json.loads(last)["vv"].get(me, 0)) if last else 0
        pending += int(
            uow.session.execute(
                text("SELECT count(*) FROM sync_write WHERE origin = :o AND counter > :c"),
                {"o": me, "c": sent},
            ).scalar()
            or 0
        )
        return SyncStatus(True, entry.name if entry else "", bool(entry and entry.hub), pending)
