"""Advice given to an agency while it selects someone (指針 第4 4(1)): not a case (issue 17).

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "selection_advice",
        sa.Column("advised_on", sa.Date(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("agency_id", sa.String(length=36), nullable=True),
        sa.Column("agency_name", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("advice", sa.Text(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selection_advice")),
    )
    op.create_index("ix_selection_advice_advised_on", "selection_advice", ["advised_on"], unique=False)
    op.create_index("ix_selection_advice_case_id", "selection_advice", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_selection_advice_case_id", table_name="selection_advice")
    op.drop_index("ix_selection_advice_advised_on", table_name="selection_advice")
    op.drop_table("selection_advice")
