"""Case-window drafts (unsaved edits survive a lock or a crash) and the recorded time of a note.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "form_draft",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["support_case.id"],
            name=op.f("fk_form_draft_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_form_draft_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_draft")),
        sa.UniqueConstraint("case_id", "staff_id", name=op.f("uq_form_draft_case_id")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recorded_at", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("recorded_by", sa.String(length=36), nullable=True))
    with op.batch_alter_table("activity_revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("occurred_at", sa.DateTime(), nullable=True))
    # Entries written before this version: the best known recording time is their last change.
    op.execute(
        "UPDATE activity SET recorded_at = updated_at, recorded_by = updated_by WHERE recorded_at IS NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("activity_revision", schema=None) as batch_op:
        batch_op.drop_column("occurred_at")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("recorded_by")
        batch_op.drop_column("recorded_at")
    op.drop_table("form_draft")
