"""Facts as they were when they happened: the residence at release, when a disability became known,
and the reason for a move back in a case's history; an index to find when cases entered a state.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("release_destination_kind", sa.String(length=4), nullable=True))
    with op.batch_alter_table("disability", schema=None) as batch_op:
        batch_op.add_column(sa.Column("identified_on", sa.Date(), nullable=True))
    with op.batch_alter_table("case_state_change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=True))
        batch_op.create_index(
            "ix_case_state_change_to_state", ["to_state", "case_id", "changed_on"], unique=False
        )
    # Cases released before this version: the destination stored now is the best record of it.
    op.execute(
        "UPDATE support_case SET release_destination_kind = destination_kind "
        "WHERE release_date IS NOT NULL AND destination_kind IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("case_state_change", schema=None) as batch_op:
        batch_op.drop_index("ix_case_state_change_to_state")
        batch_op.drop_column("reason")
    with op.batch_alter_table("disability", schema=None) as batch_op:
        batch_op.drop_column("identified_on")
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.drop_column("release_destination_kind")
