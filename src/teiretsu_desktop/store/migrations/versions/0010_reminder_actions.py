"""What staff decided about a dashboard reminder: done (完了) or put off (後で), with the reason (issue 16).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder_action",
        sa.Column("reminder_key", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("acted_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_action")),
    )
    with op.batch_alter_table("reminder_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reminder_action_reminder_key"), ["reminder_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reminder_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminder_action_reminder_key"))
    op.drop_table("reminder_action")
