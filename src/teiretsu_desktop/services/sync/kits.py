"""Visit kits: the cases chosen for a prison or detention visit, on a laptop that goes through the gate
(issue 18, item 5; Primero's "mark for offline").

A kit is a store of its own — its own database key, one passphrase slot for the staff member it is
for (their passphrase, typed at check-out), no recovery slot and no administrator: nobody can add a
member to it. It holds only the chosen cases and what they are made of (the person, names, consents,
notes, candidates, …), never another person; the 罪名 only when chosen. It expires (default 7 days):
an expired kit refuses to open and can only be checked in. The hub keeps the kit's key, so check-in
needs no passphrase: the kit's notes and edits are merged like a device's packet (the kit is enrolled
as a device of its own, so the other devices accept what it wrote), and the kit is wiped.

Table names in the SQL here come from _SELECTIONS and the sync tables, columns from PRAGMA table_info;
every value is bound (hence the S608 exemptions).
"""

from __future__ import annotations

import json
import secrets
import shutil
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from teiretsu_desktop.domain.errors import InvalidInput, StoreExists, SyncRefused
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import audit, authority, staff_keys
from teiretsu_desktop.security.authority import Roster
from teiretsu_desktop.security.devices import DeviceEntry, DeviceIdentity, b64, unb64
from teiretsu_desktop.security.keyslots import KeySlots, SlotPayload
from teiretsu_desktop.security.kit_expiry import KIT, KitExpired
from teiretsu_desktop.security.permissions import Permission, allows
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.sync import audit_chains
from teiretsu_desktop.services.sync import devices as sync_devices
from teiretsu_desktop.services.sync import state as sync_state
from teiretsu_desktop.services.sync.exchange import changes_of
from teiretsu_desktop.store import sealed
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import StoreMeta, new_id, utc_now
from teiretsu_desktop.store.paths import DataDir
from teiretsu_desktop.store.sync import merge
from teiretsu_desktop.store.sync.capture import columns_of
from teiretsu_desktop.store.sync.tables import ROWID_TABLES
from teiretsu_desktop.store.sync.writes import Write, content_key

HELD = sync_state.KITS
DEFAULT_DAYS = 7
MAX_DAYS = 31
OFFENCE = "offence"

# What a kit copies of the chosen cases, table by table: a WHERE over the ids chosen so far. The
# order follows the references, so every row a copied row refers to is copied first.
_SELECTIONS: tuple[tuple[str, str], ...] = (
    ("center_profile", "1 = 1"),
    ("setting", "1 = 1"),
    ("staff", "1 = 1"),
    ("agency", "1 = 1"),
    ("person", "id IN (SELECT person_id FROM support_case WHERE id IN :cases)"),
    ("person_name", "person_id IN :persons"),
    ("disability", "person_id IN :persons"),
    ("certificate", "person_id IN :persons"),
    ("support_case", "id IN :cases"),
    ("case_state_change", "case_id IN :cases"),
    ("case_review", "case_id IN :cases"),
    ("consent", "case_id IN :cases OR (case_id IS NULL AND person_id IN :persons)"),
    ("disclosure", "case_id IN :cases"),
    ("activity", "case_id IN :cases"),
    ("activity_revision", "activity_id IN (SELECT id FROM activity WHERE case_id IN :cases)"),
    ("placement_candidate", "case_id IN :cases"),
    ("placement_attempt", "candidate_id IN (SELECT id FROM placement_candidate WHERE case_id IN :cases)"),
    ("application_support", "case_id IN :cases"),
    ("eligibility_check", "case_id IN :cases"),
    ("assessment", "case_id IN :cases"),
    ("plan_item", "case_id IN :cases"),
    ("case_meeting", "case_id IN :cases"),
    ("meeting_attendee", "meeting_id IN (SELECT id FROM case_meeting WHERE case_id IN :cases)"),
    ("meeting_decision", "meeting_id IN (SELECT id FROM case_meeting WHERE case_id IN :cases)"),
    ("case_reminder", "case_id IN :cases"),
)


@dataclass(frozen=True)
class KitInfo:
    kit_id: str
    staff_name: str
    cases: int
    checked_out_at: str
    expires_at: str
    status: str  # out, in


def _held(s: Any) -> dict[str, dict[str, Any]]:
    row = s.get(StoreMeta, HELD)
    return dict(json.loads(row.value)) if row is not None else {}


def _bind(sql: str, cases: list[str], persons: list[str]) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {}
    for name, values in (("cases", cases), ("persons", persons)):
        names = [f"{name}_{i}" for i in range(len(values))]
        params.update(zip(names, values, strict=True))
        sql = sql.replace(f":{name}", "(" + ", ".join(f":{n}" for n in names) + ")" if names else "(NULL)")
    return sql, params


def check_out(
    session: StaffSession,
    case_ids: list[str],
    *,
    staff_login: str,
    staff_passphrase: str,
    out: Path,
    days: int = DEFAULT_DAYS,
    include_offence: bool = False,
) -> Outcome[KitInfo]:
    """Write a kit of `case_ids` for one staff member into the empty folder `out`."""
    session.require(Permission.MANAGE_DEVICES)
    raw_authority = session.credentials.authority if session.credentials is not None else None
    if raw_authority is None:
        raise InvalidInput(
            "訪問キットの作成には管理者の解錠が必要です / Checking out needs an administrator."
        )
    if not case_ids:
        raise InvalidInput("ケースを選んでください / Choose the cases for the visit.")
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"期限は1〜{MAX_DAYS}日です / A kit lasts 1–{MAX_DAYS} days.")
    kit_dir = DataDir(out)
    if kit_dir.db.exists() or kit_dir.keyslots.exists():
        raise StoreExists(f"既にデータがあります / {out} already holds a store; choose an empty folder.")
    hub_slots = KeySlots.load(session.store.data_dir.keyslots)
    payload, _slot = hub_slots.open_passphrase(staff_login, staff_passphrase)  # theirs, or WrongCredentials
    payload.dek.wipe()
    now = datetime.now(UTC)
    expires = (now + timedelta(days=days)).isoformat(timespec="seconds")
    with session.transaction() as uow:
        s = uow.session
        state = sync_state.require(s)
        entries = sync_devices.at_hub(s, state)
        hub = s.connection()
        merge.number_own(hub, state.identity.device_id, merge.Columns(hub))
        found = (
            s.execute(*_in("SELECT id FROM support_case WHERE id IN :cases", case_ids, [])).scalars().all()
        )
        if len(set(found)) != len(set(case_ids)):
            raise InvalidInput("選んだケースが見つかりません / A chosen case does not exist.")
        staff = s.execute(
            text("SELECT id, login, display_name, role FROM staff WHERE login = :l AND active"),
            {"l": staff_login},
        ).first()
        if staff is None:
            raise InvalidInput("その職員は登録されていません / No such staff member.")
        role = Role(staff.role)
        kit_identity = DeviceIdentity.generate(new_id())
        entry = DeviceEntry.signed(
            {
                "id": kit_identity.device_id, "name": f"訪問キット {now.date().isoformat()}", "hub": False, "kit": True,
                "series": sync_devices.next_series(list(entries.values())), "signing": kit_identity.signing_public(),
                "box": kit_identity.box_public(), "enrolled_at": utc_now(), "fork_vv": merge.version_vector(hub),
                "fork_audit_seq": 0, "revoked_at": None,
            },
            authority.load_private(raw_authority),
        )  # fmt: skip
        sync_state.put_entry(s, entry)
        key = DatabaseKey.generate()
        kit_db_id = _make_kit_store(kit_dir, key, staff, role, staff_passphrase, payload.fields, hub)
        copied = _copy(hub, kit_dir, key, case_ids, include_offence)
        kit_store = Store.open(kit_dir, DatabaseKey(key.raw()), migrate=False)
        try:
            with kit_store.uow() as kit_uow:
                kit = kit_uow.session
                kit.add(StoreMeta(key=KIT, value=json.dumps(
                    {"id": kit_identity.device_id, "staff_id": staff.id, "expires_at": expires, "center": state.center}
                )))  # fmt: skip
                kit.add(StoreMeta(key=sync_state.DEVICE, value=kit_identity.to_json()))
                for other in [*entries.values(), entry]:
                    sync_state.put_entry(kit, other)
                merge.set_capture(kit.connection(), True)
                audit.append(kit, actor_id=session.actor.staff_id, action="sync_kit_checked_out",
                             target_kind="device", target_id=kit_identity.device_id, detail={"cases": len(case_ids)})  # fmt: skip
                kit_uow.commit()
        finally:
            kit_store.close()
        held = _held(s)
        held[kit_identity.device_id] = {
            "staff_name": staff.display_name, "cases": len(case_ids), "checked_out_at": now.isoformat(timespec="seconds"),
            "expires_at": expires, "status": "out", "db_id": kit_db_id, "key": b64(key.raw()), "rows": copied,
        }  # fmt: skip
        sync_state.put_meta(s, HELD, json.dumps(held))
        audit.append(s, actor_id=session.actor.staff_id, action="sync_kit_checked_out", target_kind="device",
                     target_id=kit_identity.device_id, detail={"cases": len(case_ids), "offence": include_offence})  # fmt: skip
    key.wipe()
    info = KitInfo(kit_identity.device_id, staff.display_name, len(case_ids), now.isoformat(timespec="seconds"),
                   expires, "out")  # fmt: skip
    return Outcome(info, Changes.of(ChangeKind.SYNC))


def _in(sql: str, cases: list[str], persons: list[str]) -> tuple[Any, dict[str, Any]]:
    bound, params = _bind(sql, cases, persons)
    return text(bound), params


def _make_kit_store(
    kit_dir: DataDir,
    key: DatabaseKey,
    staff: Any,
    role: Role,
    passphrase: str,
    fields: bytes | None,
    hub: Connection,
) -> str:
    """A new store whose only slot is the staff member's, signed by a one-time authority that is then
    forgotten: the kit's roster cannot be changed by anyone."""
    db_id = new_id()
    signer = authority.new_authority()
    secret = staff_keys.new_secret()
    members = {str(staff.id): authority.member(str(staff.login), role, secret)}
    for other in hub.execute(text("SELECT id, login, role FROM staff WHERE id != :i"), {"i": staff.id}).all():
        members[str(other.id)] = authority.member(str(other.login), Role(other.role), secrets.token_bytes(32))
    roster = Roster(db_id, 0, members).signed(signer)
    slots = KeySlots(db_id=db_id, authority_public=authority.raw_public(signer.public_key()), roster=roster)
    may_read = allows(role, Permission.READ_SENSITIVE)
    slots.set_passphrase(
        SlotPayload(DatabaseKey(key.raw()), secret, None, fields if may_read else None),
        staff_id=str(staff.id), login=str(staff.login), passphrase=passphrase, now=utc_now(),
    )  # fmt: skip
    store = Store.create(kit_dir, DatabaseKey(key.raw()), db_id)
    try:
        with store.uow() as uow:
            staff_keys.pin(uow.session, slots)
            uow.session.add(StoreMeta(key=sealed.MARKER, value="1"))
            uow.commit()
    finally:
        store.close()
    slots.save(kit_dir.keyslots)
    return db_id


def _copy(
    hub: Connection, kit_dir: DataDir, key: DatabaseKey, case_ids: list[str], include_offence: bool
) -> int:
    """Copy the chosen cases' rows, and their merge state, from the hub into the kit."""
    persons = list(
        hub.execute(*_in("SELECT person_id FROM support_case WHERE id IN :cases", case_ids, [])).scalars()
    )
    store = Store.open(kit_dir, DatabaseKey(key.raw()), migrate=False)
    copied = 0
    try:
        with store.uow() as uow:
            kit = uow.session.connection()
            kit.exec_driver_sql("DELETE FROM center_profile")
            kit.exec_driver_sql("DELETE FROM staff")
            keys: list[tuple[str, str]] = []
            for table, where in _SELECTIONS:
                columns = columns_of(hub, table)
                names = ", ".join(f'"{c}"' for c in columns)
                rows = hub.execute(
                    *_in(f'SELECT {names} FROM "{table}" WHERE {where}', case_ids, persons)  # noqa: S608
                ).all()
                if not rows:
                    continue
                values = [dict(zip(columns, row, strict=True)) for row in rows]
                if table == "support_case" and not include_offence:
                    for value in values:
                        value[OFFENCE] = None
                insert = text(
                    f'INSERT INTO "{table}" ({names}) VALUES ({", ".join(f":{c}" for c in columns)})'  # noqa: S608
                )
                kit.execute(insert, values)
                copied += len(values)
                keys.extend(
                    (table, content_key(table, v) if table in ROWID_TABLES else str(v["id"])) for v in values
                )
            for table, record in keys:
                for kind in ("sync_record", "sync_field"):
                    for row in hub.execute(
                        text(f"SELECT * FROM {kind} WHERE tbl = :t AND key = :k"),  # noqa: S608
                        {"t": table, "k": record},
                    ).all():
                        data = dict(row._mapping)
                        offence = (
                            kind == "sync_field" and table == "support_case" and data["field"] == OFFENCE
                        )
                        if offence and not include_offence:
                            continue  # the merge state holds the 罪名's values too
                        kit.execute(
                            text(
                                f"INSERT INTO {kind} ({', '.join(data)}) VALUES ({', '.join(':' + c for c in data)})"  # noqa: S608
                            ),
                            data,
                        )
            uow.commit()
    finally:
        store.close()
    return copied


def kits(session: StaffSession) -> list[KitInfo]:
    """What is checked out, by whom, until when (and what came back)."""
    session.require(Permission.SYNC)
    with session.uow(write=False) as uow:
        return [
            KitInfo(
                kit_id, k["staff_name"], int(k["cases"]), k["checked_out_at"], k["expires_at"], k["status"]
            )
            for kit_id, k in sorted(_held(uow.session).items(), key=lambda item: item[1]["checked_out_at"])
        ]


def check_in(session: StaffSession, kit_folder: Path) -> Outcome[int]:
    """Merge what was written in the kit into the hub, then wipe the kit. Returns the writes merged."""
    session.require(Permission.SYNC)
    kit_dir = DataDir(kit_folder)
    try:
        kit_db_id = KeySlots.load(kit_dir.keyslots).db_id
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"訪問キットが見つかりません / No visit kit in {kit_folder}.") from exc
    with session.uow(write=False) as uow:
        held = _held(uow.session)
    found = [
        (kit_id, k) for kit_id, k in held.items() if k.get("db_id") == kit_db_id and k["status"] == "out"
    ]
    if not found:
        raise InvalidInput(
            "この拠点でチェックアウトした訪問キットではありません / Not a kit checked out here."
        )
    kit_id, record = found[0]
    with session.uow(write=False) as uow:
        entry = sync_state.registry(uow.session).get(kit_id)
    if entry is not None and entry.revoked:
        raise SyncRefused(
            "revoked", "この訪問キットは取り消されています。チェックインできません / This kit was revoked."
        )
    kit_store = Store.open(kit_dir, DatabaseKey(unb64(record["key"])), migrate=False)
    try:
        with kit_store.uow() as kit_uow:
            kit = kit_uow.session.connection()
            # Numbered, and the capture on again: a kit whose check-in is refused goes on logging.
            merge.number_own(kit, kit_id, merge.Columns(kit))
            rows = kit.execute(
                text("SELECT * FROM sync_write WHERE origin = :o ORDER BY counter"), {"o": kit_id}
            ).all()
            # The kit numbered its writes knowing only itself; they follow everything the hub had at
            # check-out (the kit's entry says what), so that a device never applies a note before its case.
            fork = entry.fork_vv() if entry is not None else {}
            writes = [replace(w, deps={**fork, **w.deps}) for w in (Write.from_row(r) for r in rows)]
            audit_rows = [
                dict(r._mapping) for r in kit.execute(text("SELECT * FROM audit_log ORDER BY seq")).all()
            ]
            kit_uow.commit()
    finally:
        kit_store.close()
    with session.transaction() as uow:
        s = uow.session
        state = sync_state.require(s)
        hub = s.connection()
        columns = merge.Columns(hub)
        hub.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        with merge.applying(hub, state.identity.device_id, columns):
            done, waiting = merge.apply_received(hub, writes, columns)
        if waiting:
            raise SyncRefused(
                "apply", "訪問キットの変更を適用できません / The kit's changes cannot be applied."
            )
        audit_chains.keep(s, kit_id, audit_rows)
        held = _held(s)
        held[kit_id] = {**held[kit_id], "status": "in", "key": None, "checked_in_at": utc_now()}
        sync_state.put_meta(s, HELD, json.dumps(held))
        audit.append(s, actor_id=session.actor.staff_id, action="sync_kit_checked_in", target_kind="device",
                     target_id=kit_id, detail={"writes": len(done)})  # fmt: skip
        changes = changes_of(s, done, columns)
    _wipe(kit_folder)
    return Outcome(len(done), changes | Changes.of(ChangeKind.SYNC))


def _wipe(folder: Path) -> None:
    """The kit's key is gone from the hub; its files go too (without the key they are noise)."""
    for path in folder.iterdir():
        if path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)


__all__ = ["KitExpired", "KitInfo", "check_in", "check_out", "kits"]
