"""Name search reads the person ids from its index (issue 19).

`ix_person_name_key` held the key only: a search as one types read each matching row of person_name
from the table for its person id — for 「や」 at 100,000 persons about 4,000 scattered pages, 0.1–0.2 s
on the first search after an unlock. The index now carries the person id too, so a prefix search
reads only the index's few pages.

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_person_name_key_person", "person_name", ["key", "person_id"], unique=False)
    op.drop_index("ix_person_name_key", table_name="person_name")


def downgrade() -> None:
    op.create_index("ix_person_name_key", "person_name", ["key"], unique=False)
    op.drop_index("ix_person_name_key_person", table_name="person_name")
