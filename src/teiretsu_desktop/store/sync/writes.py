"""A write: one change of one record by one device, the unit the change log holds and packets carry."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from teiretsu_desktop.store.sync.tables import ROWID_TABLES

Dot = tuple[str, int]  # (device id, that device's counter)
VersionVector = dict[str, int]  # device id -> the highest counter of its writes applied here


def canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_key(table: str, row: dict[str, Any]) -> str:
    """How a row of a rowid table is known on every device: a digest of its content."""
    assert table in ROWID_TABLES
    return hashlib.sha256(f"{table}\0{canonical(row)}".encode()).hexdigest()[:40]


@dataclass(frozen=True)
class Write:
    origin: str
    counter: int
    tbl: str
    key: str
    op: str  # I, U or D
    at: str
    base_rev: int | None
    fields: dict[str, Any]
    preds: dict[str, list[list[Any]]]  # field -> [[device, counter], ...] it supersedes
    deps: VersionVector

    @property
    def dot(self) -> Dot:
        return (self.origin, self.counter)

    def row(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "counter": self.counter,
            "tbl": self.tbl,
            "key": self.key,
            "op": self.op,
            "at": self.at,
            "base_rev": self.base_rev,
            "fields": canonical(self.fields),
            "preds": canonical(self.preds),
            "deps": canonical(self.deps),
        }

    @classmethod
    def from_row(cls, row: Any) -> Write:
        m = row._mapping if hasattr(row, "_mapping") else row
        return cls(
            origin=str(m["origin"]),
            counter=int(m["counter"]),
            tbl=str(m["tbl"]),
            key=str(m["key"]),
            op=str(m["op"]),
            at=str(m["at"]),
            base_rev=None if m["base_rev"] is None else int(m["base_rev"]),
            fields=json.loads(m["fields"]),
            preds=json.loads(m["preds"]),
            deps={str(k): int(v) for k, v in json.loads(m["deps"]).items()},
        )

    def to_packet(self) -> list[Any]:
        return [self.origin, self.counter, self.tbl, self.key, self.op, self.at, self.base_rev, self.fields,
                self.preds, self.deps]  # fmt: skip

    @classmethod
    def from_packet(cls, item: Any) -> Write:
        """A write as a packet carries it; anything malformed raises ValueError."""
        if not isinstance(item, list) or len(item) != 10:
            raise ValueError("write")
        origin, counter, tbl, key, op, at, base_rev, fields, preds, deps = item
        if not (
            isinstance(origin, str) and isinstance(counter, int) and counter > 0 and isinstance(tbl, str)
        ):
            raise ValueError("write")
        if not (isinstance(key, str) and op in ("I", "U", "D") and isinstance(at, str)):
            raise ValueError("write")
        if not (base_rev is None or isinstance(base_rev, int)):
            raise ValueError("write")
        if not (isinstance(fields, dict) and isinstance(preds, dict) and isinstance(deps, dict)):
            raise ValueError("write")
        for value in fields.values():
            if not (value is None or isinstance(value, (str, int, float, bool))):
                raise ValueError("write")
        for dots in preds.values():
            if not isinstance(dots, list) or not all(
                isinstance(d, list) and len(d) == 2 and isinstance(d[0], str) and isinstance(d[1], int)
                for d in dots
            ):
                raise ValueError("write")
        if not all(isinstance(k, str) and isinstance(v, int) for k, v in deps.items()):
            raise ValueError("write")
        return cls(origin, counter, tbl, key, op, at, base_rev, fields, preds, deps)
