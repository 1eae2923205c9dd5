"""A person across episodes: a later case records the earlier case it follows, and how (issue 17).

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE (no batch copy): a copy of support_case would drop the triggers of migration
    # 0012. No foreign key: a case is never deleted while another follows it (episodes.py reads a
    # missing one as unknown), and SQLite cannot add one without copying the table.
    op.add_column("support_case", sa.Column("follows_case_id", sa.String(length=36), nullable=True))
    op.add_column("support_case", sa.Column("follows_kind", sa.String(length=16), nullable=True))
    op.create_index("ix_support_case_follows_case_id", "support_case", ["follows_case_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_support_case_follows_case_id", table_name="support_case")
    op.drop_column("support_case", "follows_kind")  # ALTER TABLE DROP COLUMN, no copy (see upgrade)
    op.drop_column("support_case", "follows_case_id")
