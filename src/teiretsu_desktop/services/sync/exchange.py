"""Exchanging change packets through a folder (a USB stick, an SMB share, a Syncthing folder).

`export` writes one packet with every write the other devices may not have yet; `import_folder` reads
every packet in the folder that this device has not applied, each in its own transaction: applied
completely, or refused/quarantined with the reason and nothing of it applied. Applying is idempotent,
so a packet read twice, or packets in any order, end the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError, IntegrityError

from teiretsu_desktop.domain.errors import SyncRefused
from teiretsu_desktop.security import audit, authority
from teiretsu_desktop.security import sync_packet as packet
from teiretsu_desktop.security.authority import Roster
from teiretsu_desktop.security.devices import DeviceEntry, open_sync_key
from teiretsu_desktop.security.keyslots import KeySlots
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.sync import audit_chains
from teiretsu_desktop.services.sync import state as sync_state
from teiretsu_desktop.store.atomic import atomic_write_bytes
from teiretsu_desktop.store.models import new_id, utc_now
from teiretsu_desktop.store.sync import merge
from teiretsu_desktop.store.sync.tables import COUNTED, DELETED, REPLICATED, ROWID_TABLES
from teiretsu_desktop.store.sync.writes import VersionVector, Write

MAX_PACKET_FILE = packet.MAX_BODY + packet.MAX_HEADER + 1024

REFUSALS = {
    "malformed": "同期パケットの形式が正しくありません（壊れているか、同期パケットではありません）",
    "foreign": "別のセンターの同期パケットです。このセンターのフォルダーか確認してください",
    "unknown_device": "登録されていない端末の同期パケットです。拠点で端末を登録してください",
    "revoked": "登録を取り消された端末の同期パケットです。適用しません",
    "signature": "同期パケットの署名が一致しません（改ざんの疑い）。適用しません",
    "key": "同期パケットを復号できません（同期鍵が違います）。拠点から新しいパケットを受け取ってください",
    "apply": "同期パケットをこの端末の記録に適用できません",
}
ENGLISH = {
    "malformed": "not a well-formed change packet",
    "foreign": "a packet of another center",
    "unknown_device": "a packet from a device that is not enrolled",
    "revoked": "a packet from a revoked device",
    "signature": "the packet's signature does not verify (tampered?)",
    "key": "the packet cannot be decrypted with this center's sync keys",
    "apply": "the packet cannot be applied to this store",
}


def refused(reason: str, detail: str = "") -> SyncRefused:
    extra = f"（{detail}）" if detail else ""
    return SyncRefused(reason, f"{REFUSALS[reason]}{extra} / {ENGLISH[reason]}")


@dataclass(frozen=True)
class ExportResult:
    path: Path | None
    writes: int
    audit_entries: int


@dataclass(frozen=True)
class PacketResult:
    file_name: str
    outcome: str  # applied, refused, own, seen
    applied: int = 0
    waiting: int = 0
    reason: str = ""
    message: str = ""
    changes: Changes = field(default_factory=Changes)


@dataclass
class ImportReport:
    results: list[PacketResult] = field(default_factory=list)

    @property
    def applied(self) -> int:
        return sum(r.applied for r in self.results)

    @property
    def refused(self) -> list[PacketResult]:
        return [r for r in self.results if r.outcome == "refused"]

    @property
    def changes(self) -> Changes:
        """What the applied packets changed, for the open views to reload."""
        total = Changes()
        for result in self.results:
            total = total | result.changes
        return total


# What the views call the records of each replicated table (services/changes.py).
TABLE_KINDS: dict[str, ChangeKind] = {
    "person": ChangeKind.PERSON, "person_name": ChangeKind.PERSON, "disability": ChangeKind.PERSON,
    "certificate": ChangeKind.PERSON, "support_case": ChangeKind.CASE, "case_state_change": ChangeKind.CASE,
    "case_review": ChangeKind.REVIEW, "consent": ChangeKind.CONSENT, "disclosure": ChangeKind.DISCLOSURE,
    "activity": ChangeKind.ACTIVITY, "activity_revision": ChangeKind.ACTIVITY, "consultation": ChangeKind.CONSULTATION,
    "placement_candidate": ChangeKind.CANDIDATE, "placement_attempt": ChangeKind.CANDIDATE,
    "application_support": ChangeKind.APPLICATION, "eligibility_check": ChangeKind.CASE,
    "assessment": ChangeKind.ASSESSMENT, "plan_item": ChangeKind.PLAN, "case_meeting": ChangeKind.MEETING,
    "meeting_attendee": ChangeKind.MEETING, "meeting_decision": ChangeKind.MEETING, "case_reminder": ChangeKind.REMINDER,
    "reminder_action": ChangeKind.REMINDER, "agency": ChangeKind.AGENCY, "network_activity": ChangeKind.NETWORK_ACTIVITY,
    "selection_advice": ChangeKind.NETWORK_ACTIVITY, "staff": ChangeKind.STAFF, "setting": ChangeKind.SETTINGS,
    "center_profile": ChangeKind.SETTINGS,
}  # fmt: skip


def changes_of(s: Any, writes: list[Write], columns: merge.Columns) -> Changes:
    total = Changes()
    for write in writes:
        kind = TABLE_KINDS[write.tbl]
        case_id: str | None = write.key if write.tbl == "support_case" else None
        if case_id is None and "case_id" in columns.of(write.tbl):
            case_id = write.fields.get("case_id")
            if case_id is None and write.tbl not in ROWID_TABLES:
                case_id = s.execute(
                    text(f'SELECT case_id FROM "{write.tbl}" WHERE id = :k'),  # noqa: S608 (a REPLICATED name)
                    {"k": write.key},
                ).scalar()
        record = None if write.tbl in ROWID_TABLES else write.key
        total = total | (Changes.of(kind, record, case=case_id) if record else Changes.of(kind, case=case_id))
    return total


def _peers(session: Any) -> dict[str, dict[str, Any]]:
    rows = session.execute(text("SELECT device_id, vv FROM sync_peer")).all()
    return {str(d): json.loads(v) for d, v in rows}


def _low_water(entries: dict[str, DeviceEntry], peers: dict[str, dict[str, Any]], me: str) -> VersionVector:
    """What every other device is known to have: nothing below it needs sending again."""
    others = [e for e in entries.values() if e.device_id != me and not e.revoked and not e.kit]
    if not others:
        return {}
    vectors = [
        {k: int(v) for k, v in peers[e.device_id]["vv"].items()} if e.device_id in peers else e.fork_vv()
        for e in others
    ]
    origins = set().union(*vectors)
    return {o: min(v.get(o, 0) for v in vectors) for o in origins}


def _writes_after(s: Any, low: VersionVector) -> list[Write]:
    """The log's writes beyond `low`, read through the (origin, counter) key, not the whole log."""
    origins = s.execute(text("SELECT DISTINCT origin FROM sync_write")).scalars().all()
    writes: list[Write] = []
    for origin in sorted(origins):
        rows = s.execute(
            text("SELECT * FROM sync_write WHERE origin = :o AND counter > :c ORDER BY counter"),
            {"o": origin, "c": low.get(str(origin), 0)},
        ).all()
        writes.extend(Write.from_row(r) for r in rows)
    return writes


def _number(session: Any, state: sync_state.SyncState) -> None:
    connection = session.connection()
    merge.number_own(connection, state.identity.device_id, merge.Columns(connection))


def export(session: StaffSession, folder: Path) -> ExportResult:
    """Write one packet for the other devices into `folder` (nothing when there is nothing new)."""
    session.require(Permission.SYNC)
    with session.transaction() as uow:
        s = uow.session
        state = sync_state.require(s)
        me = state.identity.device_id
        entries = sync_state.registry(s)
        if me not in entries or entries[me].revoked:
            raise refused("revoked")
        _number(s, state)
        connection = s.connection()
        vv = merge.version_vector(connection)
        peers = _peers(s)
        low = _low_water(entries, peers, me)
        writes = _writes_after(s, low)
        own = entries[me]
        acked = [
            int(p.get("audit", {}).get(me, 0)) for d, p in peers.items() if d in entries and entries[d].hub
        ]
        since = max([int(own.body["fork_audit_seq"]), *acked]) if not own.hub else None
        audit_rows = (
            s.execute(text("SELECT * FROM audit_log WHERE seq > :s ORDER BY seq"), {"s": since}).all()
            if since is not None
            else []
        )
        last = sync_state.load_last_export(s)
        marker = json.dumps({"vv": vv, "low": low, "audit": len(audit_rows)}, sort_keys=True)
        if not writes and not audit_rows and last == marker:
            return ExportResult(None, 0, 0)
        audit_seen = {
            str(d): int(n)
            for d, n in s.execute(text("SELECT device_id, max(seq) FROM sync_audit GROUP BY device_id"))
        }
        packet_id = new_id()
        header = {
            "center": state.center,
            "center_code": state.center_code,
            "device": me,
            "packet_id": packet_id,
            "created_at": utc_now(),
            "key_generation": state.generation,
            "vv": vv,
            "audit_seen": audit_seen,
            "devices": [e.to_json() for e in entries.values()],
            "envelopes": state.envelopes,
            "roster": _roster_json(session),
        }
        payload = {
            "writes": [w.to_packet() for w in writes],
            "audit": [
                [
                    r.seq,
                    r.id,
                    r.at,
                    r.actor_id,
                    r.action,
                    r.target_kind,
                    r.target_id,
                    r.detail,
                    r.prev_hash,
                    r.hash,
                ]
                for r in audit_rows
            ],
        }
        data = packet.encode(header, payload, state.keys[state.generation], state.identity)
        name = f"teiretsu-{state.center[:8]}-{me[:8]}-{vv.get(me, 0):08d}-{packet_id[:8]}{packet.SUFFIX}"
        path = folder / name
        atomic_write_bytes(path, data)
        sync_state.put_meta(s, sync_state.LAST_EXPORT, marker)
        audit.append(s, actor_id=session.actor.staff_id, action="sync_packet_exported", target_kind="device",
                     target_id=me, detail={"writes": len(writes), "audit_entries": len(audit_rows)})  # fmt: skip
    return ExportResult(path, len(writes), len(audit_rows))


def _roster_json(session: StaffSession) -> dict[str, Any] | None:
    roster = KeySlots.load(session.store.data_dir.keyslots).roster
    return roster.to_json() if roster is not None else None


def _newer_roster(session: StaffSession, s: Any, offered: Any) -> Roster | None:
    """The hub's signed staff roster, when the packet carries a newer one than this device's: who may
    unlock here, and with which role, follows the hub (a member removed there can no longer unlock
    here, a changed role agrees with the staff row that travels beside it). Only the authority's
    signature counts; an older serial is ignored."""
    if offered is None:
        return None
    try:
        roster = Roster.from_json(offered)
    except (ValueError, TypeError, KeyError):
        raise refused("malformed", "roster") from None
    pin = authority.read_pin(s)
    current = KeySlots.load(session.store.data_dir.keyslots)
    if pin is None or current.roster is None or roster.db_id != current.db_id:
        return None  # a kit or a store of its own: its roster is not the hub's
    if not roster.verify(pin.public):
        raise refused("signature", "roster")
    if roster.serial <= max(pin.serial, current.roster.serial):
        return None
    authority.write_pin(s, pin.public, roster.serial)
    return roster


def _key_for(state: sync_state.SyncState, header: dict[str, Any]) -> bytes:
    generation = int(header["key_generation"])
    if generation in state.keys:
        return state.keys[generation]
    for envelope in header["envelopes"]:
        mine = isinstance(envelope, dict) and envelope.get("device") == state.identity.device_id
        if mine and envelope.get("generation") == generation:
            try:
                key = open_sync_key(envelope, state.identity, center=state.center)
            except ValueError:
                break
            state.keys[generation] = key
            return key
    raise refused("key")


def _writes(payload: dict[str, Any], columns: merge.Columns) -> list[Write]:
    writes = []
    for item in payload["writes"]:
        try:
            write = Write.from_packet(item)
        except ValueError:
            raise refused("malformed", "write") from None
        if write.tbl not in REPLICATED:
            raise refused("malformed", "table")
        table_columns = columns.of(write.tbl)
        allowed = set(table_columns) | {DELETED}
        if not set(write.fields) <= allowed or not set(write.preds) <= allowed:
            raise refused("malformed", "column")
        if len(write.key) > 64 or len(write.at) > 40 or len(write.origin) > 36:
            raise refused("malformed", "size")
        if write.tbl in ROWID_TABLES and (write.op == "U" or set(write.fields) != set(table_columns)):
            raise refused("malformed", "row")  # such rows are only added or removed, whole
        if not isinstance(write.fields.get(COUNTED, 0), int | None):
            raise refused("malformed", "revision")
        writes.append(write)
    return writes


def _audit_rows(payload: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for item in payload["audit"]:
        if not isinstance(item, list) or len(item) != 10:
            raise refused("malformed", "audit")
        seq, entry_id, at, actor, action, kind, target, detail, prev_hash, entry_hash = item
        texts = (entry_id, at, action, detail, prev_hash, entry_hash)
        optional = (actor, kind, target)
        if not (isinstance(seq, int) and all(isinstance(v, str) for v in texts)
                and all(v is None or isinstance(v, str) for v in optional)):  # fmt: skip
            raise refused("malformed", "audit")
        rows.append({"seq": seq, "id": entry_id, "at": at, "actor_id": actor, "action": action,
                     "target_kind": kind, "target_id": target, "detail": detail, "prev_hash": prev_hash,
                     "hash": entry_hash})  # fmt: skip
    return rows


def _apply(session: StaffSession, data: bytes, file_name: str, packet_id: str) -> PacketResult:
    with session.transaction() as uow:
        s = uow.session
        state = sync_state.require(s)
        try:
            envelope = packet.decode(data)
        except packet.PacketFormatError as exc:
            raise refused("malformed", str(exc)) from None
        header = envelope.header
        if header["center"] != state.center:
            raise refused("foreign", str(header.get("center_code", ""))[:16])
        device = str(header["device"])
        if device == state.identity.device_id:
            return PacketResult(file_name, "own")
        pin = authority.read_pin(s)
        entries = sync_state.registry(s)
        offered: list[DeviceEntry] = []
        for item in header["devices"]:
            try:
                entry = DeviceEntry.from_json(item)
            except (ValueError, TypeError):
                raise refused("malformed", "device entry") from None
            if pin is None or not entry.verify(pin.public):
                raise refused("signature", "device entry")
            offered.append(entry)
        for entry in offered:
            known = entries.get(entry.device_id)
            if known is None or (entry.revoked and not known.revoked):
                entries[entry.device_id] = entry
        sender = entries.get(device)
        if sender is None:
            raise refused("unknown_device")
        if sender.revoked:
            raise refused("revoked")
        if sender.kit:  # a kit's writes come back only through the hub's check-in
            raise refused("unknown_device", "visit kit")
        if not sender.verify_packet(envelope.signed, envelope.signature):
            raise refused("signature")
        key = _key_for(state, header)
        try:
            payload = packet.decrypt(envelope, key)
        except packet.PacketFormatError:
            raise refused("signature", "body") from None
        connection = s.connection()
        columns = merge.Columns(connection)
        writes = _writes(payload, columns)
        if any(w.origin not in entries for w in writes):
            raise refused("malformed", "origin")
        audit_rows = _audit_rows(payload)
        for entry in offered:
            sync_state.put_entry(s, entry)
        sync_state.save(s, state)  # a sync key opened from an envelope is kept
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        with merge.applying(connection, state.identity.device_id, columns):
            try:
                done, waiting = merge.apply_received(connection, writes, columns)
            except IntegrityError as exc:
                raise refused("apply", type(exc.orig).__name__) from None
            applied = len(done)
            changes = changes_of(s, done, columns)
        audit_chains.keep(s, device, audit_rows)
        peer = {"vv": {str(k): int(v) for k, v in header["vv"].items() if isinstance(v, int)},
                "audit": {str(k): int(v) for k, v in header["audit_seen"].items() if isinstance(v, int)}}  # fmt: skip
        s.execute(
            text(
                "INSERT INTO sync_peer (device_id, vv, seen_at) VALUES (:d, :v, :t) "
                "ON CONFLICT (device_id) DO UPDATE SET vv = excluded.vv, seen_at = excluded.seen_at"
            ),
            {"d": device, "v": json.dumps(peer, sort_keys=True), "t": utc_now()},
        )
        newer_roster = _newer_roster(session, s, header.get("roster"))
        _note_packet(s, packet_id, file_name, device, "applied", None)
        audit.append(s, actor_id=session.actor.staff_id, action="sync_packet_applied", target_kind="device",
                     target_id=device, detail={"writes": applied, "waiting": waiting})  # fmt: skip
        s.flush()
    if newer_roster is not None:  # after the commit: the store's pin already names its serial
        slots = KeySlots.load(session.store.data_dir.keyslots)
        slots.roster = newer_roster
        slots.save(session.store.data_dir.keyslots)
    return PacketResult(file_name, "applied", applied, waiting, changes=changes)


def _note_packet(
    s: Any, packet_id: str, file_name: str, device: str | None, outcome: str, reason: str | None
) -> None:
    s.execute(
        text(
            "INSERT INTO sync_packet (packet_id, file_name, device_id, at, outcome, reason) VALUES (:p, :f, :d, :t, :o, :r) "
            "ON CONFLICT (packet_id) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason, at = excluded.at"
        ),
        {"p": packet_id, "f": file_name[:255], "d": device, "t": utc_now(), "o": outcome, "r": reason},
    )


def _take_device_entries(session: StaffSession, files: list[Path]) -> None:
    """First pass: keep every authority-signed device entry the folder's packets carry, in a transaction
    of its own — a revocation must hold even when the packet that brought it is refused, and before a
    packet of the revoked device that sorts earlier is read."""
    offered: list[DeviceEntry] = []
    for path in files:
        try:
            if path.stat().st_size > MAX_PACKET_FILE:
                continue
            with open(path, "rb") as handle:
                header = packet.read_header(handle)
            for item in header["devices"]:
                offered.append(DeviceEntry.from_json(item))
        except (OSError, ValueError, TypeError, KeyError):  # PacketFormatError is a ValueError
            continue  # a bad file is refused, with its reason, when it is read in the second pass
    if not offered:
        return
    with session.transaction() as uow:
        pin = authority.read_pin(uow.session)
        if pin is None:
            return
        for entry in offered:
            if entry.verify(pin.public):
                sync_state.put_entry(uow.session, entry)


def import_bytes(session: StaffSession, data: bytes, file_name: str, *, retry: bool = False) -> PacketResult:
    """Apply one packet, or record why not. Nothing of a refused packet is applied."""
    session.require(Permission.SYNC)
    packet_id = hashlib.sha256(data).hexdigest()
    with session.uow(write=False) as uow:
        seen = uow.session.execute(
            text("SELECT outcome FROM sync_packet WHERE packet_id = :p"), {"p": packet_id}
        ).scalar()
    if seen == "applied" or (seen == "refused" and not retry):
        return PacketResult(file_name, "seen")
    try:
        return _apply(session, data, file_name, packet_id)
    except DatabaseError as exc:  # a reference checked at commit, a value the table refuses
        failure = refused("apply", type(exc.orig).__name__)
    except (ValueError, TypeError, KeyError, OverflowError) as exc:  # content no check above foresaw
        failure = refused("malformed", type(exc).__name__)
    except SyncRefused as exc:
        failure = exc
    with session.transaction() as uow:
        _note_packet(uow.session, packet_id, file_name, None, "refused", failure.reason)
        audit.append(uow.session, actor_id=session.actor.staff_id, action="sync_packet_refused",
                     detail={"reason": failure.reason})  # fmt: skip
    return PacketResult(file_name, "refused", reason=failure.reason, message=failure.user_message)


Progress = Callable[[int, int], object]


def import_folder(session: StaffSession, folder: Path, *, progress: Progress | None = None,
                  retry: bool = False) -> ImportReport:  # fmt: skip
    """Apply every packet in the folder this device has not applied yet."""
    session.require(Permission.SYNC)
    if not folder.is_dir():
        raise refused("malformed", "folder")
    files = sorted(p for p in folder.iterdir() if p.name.endswith(packet.SUFFIX) and p.is_file())
    _take_device_entries(session, files)
    report = ImportReport()
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files))
        try:
            if path.stat().st_size > MAX_PACKET_FILE:
                raise refused("malformed", "size")
            data = path.read_bytes()
        except SyncRefused as exc:
            report.results.append(
                PacketResult(path.name, "refused", reason=exc.reason, message=exc.user_message)
            )
            continue
        except OSError as exc:
            report.results.append(
                PacketResult(path.name, "refused", reason="malformed", message=str(exc.strerror))
            )
            continue
        report.results.append(import_bytes(session, data, path.name, retry=retry))
    if progress is not None:
        progress(len(files), len(files))
    return report


def import_for_views(
    session: StaffSession, folder: Path, progress: Progress | None = None
) -> Outcome[ImportReport]:
    """`import_folder` for the GUI: the report, with what changed for the open views."""
    report = import_folder(session, folder, progress=progress)
    return Outcome(report, report.changes | Changes.of(ChangeKind.SYNC))


def export_for_views(session: StaffSession, folder: Path) -> Outcome[ExportResult]:
    return Outcome(export(session, folder), Changes.of(ChangeKind.SYNC))
