"""申請支援: several applications of one kind, each with its 交付日 and 更新期限 (issue 17).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("application_support", schema=None) as batch_op:
        batch_op.add_column(sa.Column("issued_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("renew_by", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("application_support", schema=None) as batch_op:
        batch_op.drop_column("renew_by")
        batch_op.drop_column("issued_on")
