"""受入先調整: each candidate's dated attempts with outcome and reason (issue 17).

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "placement_attempt",
        sa.Column("candidate_id", sa.String(length=36), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["placement_candidate.id"],
            name=op.f("fk_placement_attempt_candidate_id_placement_candidate"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_attempt")),
    )  # fmt: skip
    op.create_index("ix_placement_attempt_candidate_id", "placement_attempt", ["candidate_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_placement_attempt_candidate_id", table_name="placement_attempt")
    op.drop_table("placement_attempt")
