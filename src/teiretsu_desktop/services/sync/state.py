"""What this store knows of its sync group: the center, its own identity, the sync keys, the devices."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.errors import SyncRefused
from teiretsu_desktop.security.devices import DeviceEntry, DeviceIdentity, b64, unb64
from teiretsu_desktop.store.models import StoreMeta

CENTER = "sync.center"
DEVICE = "sync.device"
KEYS = "sync.keys"
ENVELOPES = "sync.envelopes"
LAST_EXPORT = "sync.last_export"
KITS = "sync.kits"  # at the hub: the visit kits checked out, with their keys

NOT_IN_GROUP = SyncRefused(
    "not_initialised",
    "この端末は同期の設定がされていません。拠点（事務所PC）で 管理者 が同期を始め、この端末を登録してください / "
    "This device is not part of a sync group; an administrator sets one up at the hub.",
)


@dataclass
class SyncState:
    center: str
    center_code: str
    identity: DeviceIdentity
    keys: dict[int, bytes]
    envelopes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def generation(self) -> int:
        return max(self.keys)


def _meta(session: Session, key: str) -> str | None:
    row = session.get(StoreMeta, key)
    return None if row is None else row.value


def put_meta(session: Session, key: str, value: str) -> None:
    row = session.get(StoreMeta, key)
    if row is None:
        session.add(StoreMeta(key=key, value=value))
    else:
        row.value = value
    session.flush()


def load(session: Session) -> SyncState | None:
    center, device, keys = _meta(session, CENTER), _meta(session, DEVICE), _meta(session, KEYS)
    if center is None or device is None or keys is None:
        return None
    center_data = json.loads(center)
    return SyncState(
        center=str(center_data["center"]),
        center_code=str(center_data["center_code"]),
        identity=DeviceIdentity.from_json(device),
        keys={int(gen): unb64(key) for gen, key in json.loads(keys).items()},
        envelopes=list(json.loads(_meta(session, ENVELOPES) or "[]")),
    )


def require(session: Session) -> SyncState:
    state = load(session)
    if state is None:
        raise NOT_IN_GROUP
    return state


def save(session: Session, state: SyncState) -> None:
    put_meta(session, CENTER, json.dumps({"center": state.center, "center_code": state.center_code}))
    put_meta(session, DEVICE, state.identity.to_json())
    put_meta(session, KEYS, json.dumps({str(g): b64(k) for g, k in sorted(state.keys.items())}))
    put_meta(session, ENVELOPES, json.dumps(state.envelopes))


def registry(session: Session) -> dict[str, DeviceEntry]:
    rows = session.execute(text("SELECT entry FROM sync_device")).scalars()
    entries = [DeviceEntry.from_json(json.loads(r)) for r in rows]
    return {e.device_id: e for e in entries}


def put_entry(session: Session, entry: DeviceEntry) -> bool:
    """Keep an authority-signed entry (the caller verified it). A revocation is never undone; returns
    whether anything changed."""
    current = session.execute(
        text("SELECT entry, revoked FROM sync_device WHERE id = :i"), {"i": entry.device_id}
    ).first()
    if current is not None and (current[1] or current[0] == entry.text()):
        return False
    session.execute(
        text(
            "INSERT INTO sync_device (id, entry, revoked) VALUES (:i, :e, :r) "
            "ON CONFLICT (id) DO UPDATE SET entry = excluded.entry, revoked = excluded.revoked"
        ),
        {"i": entry.device_id, "e": entry.text(), "r": int(entry.revoked)},
    )
    return True


def load_last_export(session: Session) -> str | None:
    return _meta(session, LAST_EXPORT)


def case_series(session: Session) -> str:
    """This device's case-number series: empty at the hub and outside a sync group."""
    device = _meta(session, DEVICE)
    if device is None:
        return ""
    device_id = DeviceIdentity.from_json(device).device_id
    entry = session.execute(text("SELECT entry FROM sync_device WHERE id = :i"), {"i": device_id}).scalar()
    return "" if entry is None else str(DeviceEntry.from_json(json.loads(entry)).body["series"])


def is_hub(session: Session) -> bool | None:
    """Whether this store is its group's hub; None outside a sync group."""
    device = _meta(session, DEVICE)
    if device is None:
        return None
    device_id = DeviceIdentity.from_json(device).device_id
    entry = session.execute(text("SELECT entry FROM sync_device WHERE id = :i"), {"i": device_id}).scalar()
    return entry is not None and bool(DeviceEntry.from_json(json.loads(entry)).body["hub"])


def may_export_statistics(session: Session) -> bool:
    """The year's bundle comes from the hub (or a store outside any group), never from a device."""
    return is_hub(session) is not False
