"""What two devices must agree on after they have exchanged everything: the replicated tables (rowid
tables without their rowids, which are each device's own) and the conflict queue."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.sync.capture import columns_of
from teiretsu_desktop.store.sync.tables import REPLICATED


def record(session: StaffSession) -> dict[str, Any]:
    dump: dict[str, Any] = {}
    with session.uow(write=False) as uow:
        connection = uow.session.connection()
        for table in REPLICATED:
            columns = ", ".join(f'"{c}"' for c in columns_of(connection, table))
            rows = connection.execute(text(f'SELECT {columns} FROM "{table}"')).all()
            dump[table] = sorted((tuple(r) for r in rows), key=repr)
        dump["conflicts"] = sorted(
            tuple(r)
            for r in connection.execute(
                text("SELECT tbl, key, field, dots FROM sync_field WHERE conflict = 1")
            ).all()
        )
        dump["set_aside"] = sorted(
            tuple(r)
            for r in connection.execute(text("SELECT tbl, key FROM sync_record WHERE set_aside IS NOT NULL"))
        )
    return dump
