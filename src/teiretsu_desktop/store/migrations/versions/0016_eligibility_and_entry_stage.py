"""特別調整's six requirements as a checklist, and the entry stage's 保護カード and 更生緊急保護 (issue 17).

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

COLUMNS = ("protection_card", "emergency_aid_applied_on", "emergency_aid_until")


def upgrade() -> None:
    op.create_table(
        "eligibility_check",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("requirement", sa.String(length=20), nullable=False),
        sa.Column("met", sa.Boolean(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name=op.f("fk_eligibility_check_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_eligibility_check")),
        sa.UniqueConstraint("case_id", "requirement", name="uq_eligibility_check_case_requirement"),
    )  # fmt: skip
    # Plain ALTER TABLE, no batch copy (a copy would drop the triggers of migration 0012).
    op.add_column("support_case", sa.Column("protection_card", sa.Boolean(), nullable=True))
    op.add_column("support_case", sa.Column("emergency_aid_applied_on", sa.Date(), nullable=True))
    op.add_column("support_case", sa.Column("emergency_aid_until", sa.Date(), nullable=True))


def downgrade() -> None:
    for column in reversed(COLUMNS):
        op.drop_column("support_case", column)
    op.drop_table("eligibility_check")
