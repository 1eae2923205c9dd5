"""The case list sorted by name walks an index on the person's ふりがな (issue 19).

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_person_kana", "person", ["family_kana", "given_kana"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_person_kana", table_name="person")
