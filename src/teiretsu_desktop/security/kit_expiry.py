"""A visit kit refuses to open after its expiry (issue 18; services/sync/kits.py makes kits)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from teiretsu_desktop.domain.errors import SyncRefused
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.models import StoreMeta

KIT = "sync.kit"  # in a kit's store: what it is, for whom, until when


class KitExpired(SyncRefused):
    def __init__(self, until: str) -> None:
        super().__init__(
            "expired",
            f"この訪問キットは期限（{until[:10]}）を過ぎたため開けません。拠点でチェックインしてください / "
            "This visit kit has expired; check it in at the hub.",
        )


def refuse_expired(store: Store) -> None:
    """Called at every unlock: an expired kit is closed again before anyone reads it."""
    with store.uow(write=False) as uow:
        row = uow.session.get(StoreMeta, KIT)
        until = str(json.loads(row.value)["expires_at"]) if row is not None else None
    if until is not None and datetime.fromisoformat(until) < datetime.now(UTC):
        store.close()
        raise KitExpired(until)
