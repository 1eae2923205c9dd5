"""Consent as a scoped record and every provision as a 提供記録 (issue 13).

A consent can be prepared before it is signed (status, prepared_on; given_on and given_by empty until
then), names agencies from the directory as well as kinds of recipient, and records who was present
(a family member is present, not the giver). A 提供記録 names the agency and the day of the provision,
and can be neither changed nor removed within the three years APPI 規則21条 sets.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

RETENTION_TRIGGERS = (
    "CREATE TRIGGER disclosure_no_update BEFORE UPDATE ON disclosure "
    "BEGIN SELECT RAISE(ABORT, 'disclosure records are kept as written'); END",
    # The legal minimum; a purge after the center's own retention may remove older rows.
    "CREATE TRIGGER disclosure_kept_three_years BEFORE DELETE ON disclosure "
    "WHEN old.disclosed_at > strftime('%Y-%m-%dT%H:%M:%S', 'now', '-3 years') "
    "BEGIN SELECT RAISE(ABORT, 'disclosure records are kept for three years'); END",
)


def upgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=12), nullable=False, server_default="given"))
        batch_op.add_column(sa.Column("agency_ids", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("prepared_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("present", sa.Text(), nullable=True))
        batch_op.alter_column("given_on", existing_type=sa.Date(), nullable=True)
        batch_op.alter_column("given_by", existing_type=sa.String(length=16), nullable=True)
    with op.batch_alter_table("disclosure", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agency_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("provided_on", sa.Date(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_disclosure_agency_id_agency"), "agency", ["agency_id"], ["id"]
        )
    op.execute("UPDATE disclosure SET provided_on = substr(disclosed_at, 1, 10) WHERE provided_on IS NULL")
    for statement in RETENTION_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS disclosure_kept_three_years")
    op.execute("DROP TRIGGER IF EXISTS disclosure_no_update")
    with op.batch_alter_table("disclosure", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_disclosure_agency_id_agency"), type_="foreignkey")
        batch_op.drop_column("provided_on")
        batch_op.drop_column("agency_id")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.alter_column("given_by", existing_type=sa.String(length=16), nullable=False)
        batch_op.alter_column("given_on", existing_type=sa.Date(), nullable=False)
        batch_op.drop_column("present")
        batch_op.drop_column("prepared_on")
        batch_op.drop_column("agency_ids")
        batch_op.drop_column("status")
