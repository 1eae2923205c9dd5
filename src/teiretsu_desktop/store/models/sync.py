"""The tables that let a center's devices share one record (issue 18, ADR 0018, docs/sync.md).

Core tables rather than mapped classes: the sync engine reads and writes them in bulk with SQL, never
as objects, and none of them is a mergeable record itself.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, PrimaryKeyConstraint, String, Table, Text

from teiretsu_desktop.store.models.base import Base

# One row (id 1): whether the capture triggers log changes. Off while a packet is applied, so that the
# changes of other devices are not logged again as this device's own.
sync_capture = Table(
    "sync_capture",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("enabled", Integer, nullable=False),
)

# What the capture triggers saw, not yet numbered: consumed when this device next exports or applies.
sync_log = Table(
    "sync_log",
    Base.metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("tbl", String(64), nullable=False),
    Column("op", String(1), nullable=False),
    Column("key", String(64), nullable=False),
    Column("old_rev", Integer, nullable=True),
    Column("row", Text, nullable=False),
    Column("changed", Text, nullable=True),
    Column("at", String(32), nullable=False),
    sqlite_autoincrement=True,
)


def _write_columns() -> list[Column[object]]:
    return [
        Column("origin", String(36), nullable=False),
        Column("counter", Integer, nullable=False),
        Column("tbl", String(64), nullable=False),
        Column("key", String(64), nullable=False),
        Column("op", String(1), nullable=False),
        Column("at", String(32), nullable=False),
        Column("base_rev", Integer, nullable=True),
        Column("fields", Text, nullable=False),  # JSON: column -> stored value (sealed text stays sealed)
        Column("preds", Text, nullable=False),  # JSON: column -> the writes this one supersedes
        Column("deps", Text, nullable=False),  # JSON: the origin's version vector when it was numbered
    ]


# The change log: every applied write, this device's and the others', by (device, counter).
sync_write = Table("sync_write", Base.metadata, *_write_columns(), PrimaryKeyConstraint("origin", "counter"))

# Writes received before the writes they follow: applied when those arrive.
sync_inbox = Table("sync_inbox", Base.metadata, *_write_columns(), PrimaryKeyConstraint("origin", "counter"))

# Per record: how it was created (the insert's write; none for records older than sync), how many
# updates it has had since its base revision, whether it is deleted, and whether it was set aside
# because it collided with another device's record on a unique value.
sync_record = Table(
    "sync_record",
    Base.metadata,
    Column("tbl", String(64), nullable=False),
    Column("key", String(64), nullable=False),
    Column("created", Text, nullable=True),  # JSON dot of the insert
    Column("base_rev", Integer, nullable=True),
    Column("updates", Integer, nullable=False),
    Column("deleted", Integer, nullable=False),
    Column("row", Text, nullable=True),  # the full row of the insert, kept while set aside
    Column("set_aside", Text, nullable=True),  # why it is not in its table
    PrimaryKeyConstraint("tbl", "key"),
)

# Per field written since the record was created: the concurrent writes that are current (one, or
# several when two devices changed it without seeing each other — a conflict), with their values.
sync_field = Table(
    "sync_field",
    Base.metadata,
    Column("tbl", String(64), nullable=False),
    Column("key", String(64), nullable=False),
    Column("field", String(64), nullable=False),
    Column("dots", Text, nullable=False),
    Column("conflict", Integer, nullable=False),
    PrimaryKeyConstraint("tbl", "key", "field"),
)

# The center's devices as the authority signed them (enrolment, revocation).
sync_device = Table(
    "sync_device",
    Base.metadata,
    Column("id", String(36), primary_key=True),
    Column("entry", Text, nullable=False),  # the signed entry, canonical JSON
    Column("revoked", Integer, nullable=False),
)

# What each peer said it had, from its latest packet: what this device still has to send.
sync_peer = Table(
    "sync_peer",
    Base.metadata,
    Column("device_id", String(36), primary_key=True),
    Column("vv", Text, nullable=False),
    Column("seen_at", String(32), nullable=False),
)

# Every packet this device has looked at: applied, or quarantined with the reason.
sync_packet = Table(
    "sync_packet",
    Base.metadata,
    Column("packet_id", String(64), primary_key=True),
    Column("file_name", String(255), nullable=False),
    Column("device_id", String(36), nullable=True),
    Column("at", String(32), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("reason", Text, nullable=True),
)

# Other devices' audit chains, as they sent them; `verify` checks each link.
sync_audit = Table(
    "sync_audit",
    Base.metadata,
    Column("device_id", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("id", String(36), nullable=False),
    Column("at", String(32), nullable=False),
    Column("actor_id", String(36), nullable=True),
    Column("action", String(64), nullable=False),
    Column("target_kind", String(64), nullable=True),
    Column("target_id", String(64), nullable=True),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    PrimaryKeyConstraint("device_id", "seq"),
)
