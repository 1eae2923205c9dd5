"""Q9-6: a network activity's scope, what it was if left out, its provider and 開拓済み status; and the
実施日時 of a visit-note draft, so that it survives a lock or a crash with the text.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("note_draft", schema=None) as batch_op:
        batch_op.add_column(sa.Column("occurred_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("network_activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scope", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("exclusion", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("agency_id", sa.String(length=36), nullable=True))
        batch_op.add_column(
            sa.Column("already_developed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_network_activity_agency_id_agency"), "agency", ["agency_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("network_activity", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_network_activity_agency_id_agency"), type_="foreignkey")
        batch_op.drop_column("already_developed")
        batch_op.drop_column("agency_id")
        batch_op.drop_column("exclusion")
        batch_op.drop_column("scope")
    with op.batch_alter_table("note_draft", schema=None) as batch_op:
        batch_op.drop_column("occurred_at")
