"""One center, several devices: the change log, the merge state and the capture triggers (issue 18).

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from teiretsu_desktop.store.sync import capture

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

# The replicated tables as of this revision (store/sync/tables.py may grow; this list may not).
TABLES = (
    "center_profile", "staff", "setting", "agency", "person", "person_name", "disability", "certificate",
    "reminder_action", "selection_advice", "network_activity", "support_case", "case_state_change",
    "case_review", "consent", "disclosure", "activity", "activity_revision", "consultation",
    "placement_candidate", "placement_attempt", "application_support", "eligibility_check", "assessment",
    "plan_item", "case_meeting", "meeting_attendee", "meeting_decision", "case_reminder",
)  # fmt: skip


def _write_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("origin", sa.String(36), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.Column("tbl", sa.String(64), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("op", sa.String(1), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("base_rev", sa.Integer(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("preds", sa.Text(), nullable=False),
        sa.Column("deps", sa.Text(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "sync_capture",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("enabled", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_capture")),
    )
    op.execute("INSERT INTO sync_capture (id, enabled) VALUES (1, 0)")
    op.create_table(
        "sync_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tbl", sa.String(64), nullable=False),
        sa.Column("op", sa.String(1), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("old_rev", sa.Integer(), nullable=True),
        sa.Column("row", sa.Text(), nullable=False),
        sa.Column("changed", sa.Text(), nullable=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_log")),
        sqlite_autoincrement=True,
    )
    for name in ("sync_write", "sync_inbox"):
        op.create_table(
            name, *_write_columns(), sa.PrimaryKeyConstraint("origin", "counter", name=f"pk_{name}")
        )
    op.create_table(
        "sync_record",
        sa.Column("tbl", sa.String(64), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("created", sa.Text(), nullable=True),
        sa.Column("base_rev", sa.Integer(), nullable=True),
        sa.Column("updates", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.Column("row", sa.Text(), nullable=True),
        sa.Column("set_aside", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("tbl", "key", name="pk_sync_record"),
    )
    op.create_table(
        "sync_field",
        sa.Column("tbl", sa.String(64), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("dots", sa.Text(), nullable=False),
        sa.Column("conflict", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "key", "field", name="pk_sync_field"),
    )
    op.create_table(
        "sync_device",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
        sa.Column("revoked", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_device")),
    )
    op.create_table(
        "sync_peer",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("vv", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_packet",
        sa.Column("packet_id", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("packet_id", name=op.f("pk_sync_packet")),
    )
    op.create_table(
        "sync_audit",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor_id", sa.String(36), nullable=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target_kind", sa.String(64), nullable=True),
        sa.Column("target_id", sa.String(64), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq", name="pk_sync_audit"),
    )
    capture.install(op.get_bind(), TABLES)


def downgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        for kind in ("ai", "au", "ad"):
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS sync_{table}_{kind}")
    for name in (
        "sync_audit", "sync_packet", "sync_peer", "sync_device", "sync_field", "sync_record", "sync_inbox",
        "sync_write", "sync_log", "sync_capture",
    ):  # fmt: skip
        op.drop_table(name)
