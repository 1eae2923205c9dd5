"""Applying writes: this device's own (numbering what the triggers logged) and the other devices'.

Merge is per record and field (ADR 0018). Each field written since its record was created keeps the
set of *current* writes: a write removes the writes it had seen (its `preds`) and adds itself. Two
devices that change one field without seeing each other leave two current writes — a conflict, kept
with both values until a person chooses (the choice is a new write that has seen both). The value in
the table is always the current write with the latest time (then device, then counter), so every
device shows the same value for the same set of writes, in whatever order they arrived.

Writes are applied in causal order: a write waits in sync_inbox until the writes of its origin before
it, and every write its origin had when it numbered it (`deps`), have been applied here. So a record is
always created before it is changed or referred to.

Everything here runs inside the caller's one transaction, with capture off.

Table and column names in the SQL below come from REPLICATED and from PRAGMA table_info, never from a
packet: services.sync.exchange checks a packet's tables and columns against them before anything is
applied (hence the S608 exemptions); every value is bound.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from teiretsu_desktop.store.sync.capture import columns_of
from teiretsu_desktop.store.sync.tables import (
    COUNTED,
    DELETED,
    LATEST_WINS,
    REPLICATED,
    ROWID_TABLES,
    key_column,
)
from teiretsu_desktop.store.sync.writes import VersionVector, Write, canonical, content_key


def now() -> str:
    """A write's time, in the capture triggers' format (times are compared as text)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def set_capture(conn: Connection, enabled: bool) -> None:
    conn.execute(text("UPDATE sync_capture SET enabled = :e WHERE id = 1"), {"e": 1 if enabled else 0})


@contextmanager
def applying(conn: Connection, device_id: str, columns: Columns) -> Iterator[None]:
    """The block writes what is not this device's new change (another device's writes, a chosen value):
    first this device's logged changes are numbered, so that they merge as made before it; the capture
    triggers are off inside and on again after. An error leaves them off, but the transaction they are
    in rolls back with it."""
    set_capture(conn, False)
    number_local(conn, device_id, columns)
    yield
    set_capture(conn, True)


def number_own(conn: Connection, device_id: str, columns: Columns) -> None:
    """This device's logged changes numbered now (before an export, an enrolment, a check-out)."""
    with applying(conn, device_id, columns):
        pass


def version_vector(conn: Connection) -> VersionVector:
    rows = conn.execute(text("SELECT origin, max(counter) FROM sync_write GROUP BY origin")).all()
    return {str(o): int(c) for o, c in rows}


def _order(dot: dict[str, Any]) -> tuple[str, str, int]:
    return (str(dot["at"]), str(dot["o"]), int(dot["c"]))


class Columns:
    """The columns of the replicated tables, read once per transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._cache: dict[str, list[str]] = {}

    def of(self, table: str) -> list[str]:
        if table not in self._cache:
            self._cache[table] = columns_of(self._conn, table)
        return self._cache[table]


def _record(conn: Connection, write: Write) -> dict[str, Any] | None:
    row = conn.execute(
        text(
            "SELECT created, base_rev, updates, deleted, set_aside FROM sync_record WHERE tbl = :t AND key = :k"
        ),
        {"t": write.tbl, "k": write.key},
    ).first()
    return None if row is None else dict(row._mapping)


def _current(conn: Connection, table: str, key: str, field: str) -> list[dict[str, Any]]:
    dots = conn.execute(
        text("SELECT dots FROM sync_field WHERE tbl = :t AND key = :k AND field = :f"),
        {"t": table, "k": key, "f": field},
    ).scalar()
    return [] if dots is None else list(json.loads(dots))


def current_preds(conn: Connection, table: str, key: str, fields: list[str]) -> dict[str, list[list[Any]]]:
    """What a write of these fields made here now supersedes: every current write of each field."""
    return {f: [[d["o"], d["c"]] for d in _current(conn, table, key, f)] for f in fields}


def _save_field(conn: Connection, table: str, key: str, field: str, dots: list[dict[str, Any]]) -> None:
    # Two devices that wrote the same value did not disagree: nobody needs to choose.
    distinct = {canonical(d["v"]) for d in dots}
    conflict = 1 if len(distinct) > 1 and field not in LATEST_WINS else 0
    conn.execute(
        text(
            "INSERT INTO sync_field (tbl, key, field, dots, conflict) VALUES (:t, :k, :f, :d, :c) "
            "ON CONFLICT (tbl, key, field) DO UPDATE SET dots = excluded.dots, conflict = excluded.conflict"
        ),
        {"t": table, "k": key, "f": field, "d": canonical(sorted(dots, key=_order)), "c": conflict},
    )


def _where_key(table: str) -> str:
    return f'"{key_column(table)}" = :key'


def _rowid_of(conn: Connection, table: str, values: dict[str, Any]) -> int | None:
    where = " AND ".join(f'"{c}" IS :{c}' for c in values)
    return conn.execute(text(f'SELECT rowid FROM "{table}" WHERE {where} LIMIT 1'), values).scalar()  # noqa: S608


def _collision_columns(error: IntegrityError) -> list[str]:
    found = re.search(r"UNIQUE constraint failed: (.*)", str(error.orig))
    return [part.strip().split(".")[-1] for part in found.group(1).split(",")] if found else []


def _insert_row(
    conn: Connection, table: str, key: str, values: dict[str, Any], created: dict[str, Any]
) -> None:
    """Insert the row; when it collides with another device's row on a unique value (two laptops gave
    one person the same 障害 with different dates, or confirmed the same 要件), the later of the two (by
    its insert's time, device, counter) is set aside — on every device the same one."""
    names = ", ".join(f'"{c}"' for c in values)
    params = ", ".join(f":{c}" for c in values)
    savepoint = conn.begin_nested()
    try:
        conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({params})'), values)  # noqa: S608
        savepoint.commit()
        return
    except IntegrityError as error:
        savepoint.rollback()
        unique = _collision_columns(error)
        if not unique:
            raise
    where = " AND ".join(f'"{c}" IS :{c}' for c in unique)
    other = conn.execute(
        text(f'SELECT rowid AS sync_rowid, * FROM "{table}" WHERE {where}'),  # noqa: S608
        {c: values[c] for c in unique},
    ).first()
    if other is None:
        raise RuntimeError("unique collision without a colliding row")
    other_values = {c: other._mapping[c] for c in values}
    other_key = content_key(table, other_values) if table in ROWID_TABLES else str(other_values["id"])
    other_record = conn.execute(
        text("SELECT created FROM sync_record WHERE tbl = :t AND key = :k"), {"t": table, "k": other_key}
    ).scalar()
    other_dot = json.loads(other_record) if other_record else {"at": "", "o": "", "c": 0}
    reason = (
        "同じ値（"
        + "・".join(unique)
        + "）の記録が別の端末で作られたため保留 / collided on "
        + ",".join(unique)
    )
    if _order(created) > _order(other_dot):
        _set_aside(conn, table, key, values, reason)
        return
    _set_aside(conn, table, other_key, other_values, reason)
    conn.execute(text(f'DELETE FROM "{table}" WHERE rowid = :r'), {"r": other._mapping["sync_rowid"]})  # noqa: S608
    conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({params})'), values)  # noqa: S608


def _set_aside(conn: Connection, table: str, key: str, values: dict[str, Any], reason: str) -> None:
    conn.execute(
        text(
            "INSERT INTO sync_record (tbl, key, updates, deleted, set_aside, row) VALUES (:t, :k, 0, 0, :r, :row) "
            "ON CONFLICT (tbl, key) DO UPDATE SET set_aside = excluded.set_aside, row = excluded.row"
        ),
        {"r": reason, "row": canonical(values), "t": table, "k": key},
    )


def _materialize_existence(conn: Connection, table: str, key: str, deleted: bool, columns: Columns) -> None:
    if table not in ROWID_TABLES:
        if deleted:
            conn.execute(text(f'DELETE FROM "{table}" WHERE id = :key'), {"key": key})  # noqa: S608
        return
    stored = conn.execute(
        text("SELECT row, created, set_aside FROM sync_record WHERE tbl = :t AND key = :k"),
        {"t": table, "k": key},
    ).first()
    assert stored is not None
    values = {c: v for c, v in json.loads(stored.row or "{}").items() if c in columns.of(table)}
    rowid = _rowid_of(conn, table, values)
    if deleted and rowid is not None:
        conn.execute(text(f'DELETE FROM "{table}" WHERE rowid = :r'), {"r": rowid})  # noqa: S608
    elif not deleted and rowid is None and stored.set_aside is None:
        created = json.loads(stored.created) if stored.created else {"at": "", "o": "", "c": 0}
        _insert_row(conn, table, key, values, created)


def apply(conn: Connection, write: Write, columns: Columns, *, local: bool = False) -> bool:
    """Apply one write (idempotent: a write already applied changes nothing). `local` writes were
    made here and are already in the table: only the merge state is brought up to date. Returns
    whether the write was new."""
    if conn.execute(
        text("SELECT 1 FROM sync_write WHERE origin = :o AND counter = :c"),
        {"o": write.origin, "c": write.counter},
    ).first():
        return False
    if write.tbl not in REPLICATED:
        raise ValueError(f"table {write.tbl} does not travel")
    conn.execute(
        text(
            "INSERT INTO sync_write (origin, counter, tbl, key, op, at, base_rev, fields, preds, deps) "
            "VALUES (:origin, :counter, :tbl, :key, :op, :at, :base_rev, :fields, :preds, :deps)"
        ),
        write.row(),
    )
    dot = {"o": write.origin, "c": write.counter, "at": write.at}
    record = _record(conn, write)
    table_columns = columns.of(write.tbl)
    if write.op == "I" and record is None:
        conn.execute(
            text(
                "INSERT INTO sync_record (tbl, key, created, base_rev, updates, deleted, row) "
                "VALUES (:t, :k, :c, :b, 0, 0, :row)"
            ),
            {
                "t": write.tbl,
                "k": write.key,
                "c": canonical(dot),
                "b": write.fields.get(COUNTED),
                "row": canonical(write.fields) if write.tbl in ROWID_TABLES else None,
            },
        )
        if write.tbl in ROWID_TABLES:
            _save_field(conn, write.tbl, write.key, DELETED, [{**dot, "v": False}])
        if not local:
            _insert_row(conn, write.tbl, write.key, {c: write.fields.get(c) for c in table_columns}, dot)
        return True
    if record is None:  # a record older than sync: its base is what every device was copied with
        record = {"created": None, "base_rev": write.base_rev, "updates": 0, "deleted": 0, "set_aside": None}
        conn.execute(
            text(
                "INSERT INTO sync_record (tbl, key, base_rev, updates, deleted, row) VALUES (:t, :k, :b, 0, 0, :row)"
            ),
            {
                "t": write.tbl,
                "k": write.key,
                "b": write.base_rev,
                "row": canonical(write.fields) if write.tbl in ROWID_TABLES else None,
            },
        )
    if write.op in ("I", "D"):
        # Existence is a field too: a delete and a concurrent re-adding of the same row (rowid tables)
        # end the same way on every device.
        seen = {(str(o), int(c)) for o, c in write.preds.get(DELETED, [])}
        dots = [d for d in _current(conn, write.tbl, write.key, DELETED) if (d["o"], d["c"]) not in seen]
        dots.append({**dot, "v": write.op == "D"})
        _save_field(conn, write.tbl, write.key, DELETED, dots)
        deleted = bool(max(dots, key=_order)["v"])
        conn.execute(
            text("UPDATE sync_record SET deleted = :d WHERE tbl = :t AND key = :k"),
            {"d": int(deleted), "t": write.tbl, "k": write.key},
        )
        if not local:
            _materialize_existence(conn, write.tbl, write.key, deleted, columns)
        return True
    updates = int(record["updates"]) + 1
    conn.execute(
        text("UPDATE sync_record SET updates = :u WHERE tbl = :t AND key = :k"),
        {"u": updates, "t": write.tbl, "k": write.key},
    )
    winners: dict[str, Any] = {}
    for field, value in write.fields.items():
        if field not in table_columns or field == COUNTED:
            continue
        seen = {(str(o), int(c)) for o, c in write.preds.get(field, [])}
        dots = [d for d in _current(conn, write.tbl, write.key, field) if (d["o"], d["c"]) not in seen]
        dots.append({**dot, "v": value})
        _save_field(conn, write.tbl, write.key, field, dots)
        winners[field] = max(dots, key=_order)["v"]
    if COUNTED in table_columns and record["base_rev"] is not None:
        winners[COUNTED] = int(record["base_rev"]) + updates
    if winners and not record["deleted"] and not record["set_aside"]:
        if local:  # the table already has this device's values; only the counted revision may differ
            winners = {COUNTED: winners[COUNTED]} if COUNTED in winners else {}
        if winners:
            assignments = ", ".join(f'"{f}" = :v_{i}' for i, f in enumerate(winners))
            params = {f"v_{i}": v for i, v in enumerate(winners.values())}
            conn.execute(
                text(f'UPDATE "{write.tbl}" SET {assignments} WHERE id = :key'),  # noqa: S608
                {**params, "key": write.key},
            )
    return True


def number_local(conn: Connection, device_id: str, columns: Columns) -> int:
    """Turn what the capture triggers logged into this device's numbered writes. Runs before every
    export and every apply, so that a local change is always merged as what it was: made after the
    writes applied here before it."""
    rows = conn.execute(
        text("SELECT seq, tbl, op, key, old_rev, row, changed, at FROM sync_log ORDER BY seq")
    ).all()
    if not rows:
        return 0
    vv = version_vector(conn)
    counter = vv.get(device_id, 0)
    made = 0
    for _seq, table, op, key, old_rev, row_json, changed, at in rows:
        values: dict[str, Any] = json.loads(row_json)
        if table in ROWID_TABLES:
            key = content_key(table, values)
        if op == "U":
            names = [c for c in (changed or "").split(",") if c and c != COUNTED]
            if not names:
                continue
            fields = {c: values.get(c) for c in names}
            preds = current_preds(conn, table, key, names)
        elif op == "I":
            fields, preds = values, current_preds(conn, table, key, [DELETED])
        else:
            fields = dict(values) if table in ROWID_TABLES else {DELETED: True}
            preds = current_preds(conn, table, key, [DELETED])
        counter += 1
        made += 1
        write = Write(device_id, counter, table, str(key), op, at, old_rev, fields, preds, dict(vv))
        apply(conn, write, columns, local=True)
    conn.execute(text("DELETE FROM sync_log WHERE seq <= :s"), {"s": rows[-1][0]})
    return made


def applicable(write: Write, vv: VersionVector) -> bool:
    if vv.get(write.origin, 0) != write.counter - 1:
        return False
    return all(
        vv.get(device, 0) >= counter for device, counter in write.deps.items() if device != write.origin
    )


def apply_received(conn: Connection, writes: list[Write], columns: Columns) -> tuple[list[Write], int]:
    """Apply, in causal order, every received or waiting write whose predecessors are here; keep the
    rest in the inbox. Returns (the writes applied now, how many still wait)."""
    vv = version_vector(conn)
    waiting = [Write.from_row(r) for r in conn.execute(text("SELECT * FROM sync_inbox")).all()]
    in_inbox = {w.dot for w in waiting}
    queues: dict[str, dict[int, Write]] = {}
    for write in [*waiting, *writes]:
        if write.counter > vv.get(write.origin, 0):  # else applied before: a duplicate
            queues.setdefault(write.origin, {})[write.counter] = write
    applied: list[Write] = []
    progress = True
    while progress:
        progress = False
        for origin, queue in queues.items():
            while (ready := queue.get(vv.get(origin, 0) + 1)) is not None and applicable(ready, vv):
                apply(conn, ready, columns)
                vv[origin] = ready.counter
                del queue[ready.counter]
                applied.append(ready)
                progress = True
    left = [w for queue in queues.values() for w in queue.values() if w.counter > vv.get(w.origin, 0)]
    done = [dot for dot in in_inbox if dot[1] <= vv.get(dot[0], 0)]
    for origin, counter in done:
        conn.execute(
            text("DELETE FROM sync_inbox WHERE origin = :o AND counter = :c"), {"o": origin, "c": counter}
        )
    for write in left:
        if write.dot not in in_inbox:
            conn.execute(
                text(
                    "INSERT INTO sync_inbox (origin, counter, tbl, key, op, at, base_rev, fields, preds, deps) "
                    "VALUES (:origin, :counter, :tbl, :key, :op, :at, :base_rev, :fields, :preds, :deps)"
                ),
                write.row(),
            )
    return applied, len(left)
