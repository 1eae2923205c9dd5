"""Reminders a caseworker sets on a case, often from a date in a note (「次回は12月10日」; issue 17).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_reminder",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=True),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["support_case.id"],
            name=op.f("fk_case_reminder_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_reminder")),
    )
    op.create_index("ix_case_reminder_due_on", "case_reminder", ["due_on"], unique=False)
    op.create_index("ix_case_reminder_case_id", "case_reminder", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_case_reminder_case_id", table_name="case_reminder")
    op.drop_index("ix_case_reminder_due_on", table_name="case_reminder")
    op.drop_table("case_reminder")
