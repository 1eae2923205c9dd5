"""Indexes found by the benchmark: the case list's default order and the statistics' date windows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.create_index("ix_support_case_updated_at", ["updated_at"], unique=False)
        batch_op.create_index("ix_support_case_line_release", ["business_line", "release_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.drop_index("ix_support_case_line_release")
        batch_op.drop_index("ix_support_case_updated_at")
