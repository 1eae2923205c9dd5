"""The dashboard's reminders read the case dates and the decided candidates from covering indexes
(issue 19).

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

REMINDER_COLUMNS = [
    "state", "business_line", "expected_release", "detention_expiry", "release_date", "follow_up_planned_end",
    "request_date", "person_id", "primary_staff_id", "secondary_staff_id", "id",
]  # fmt: skip


def upgrade() -> None:
    op.create_index("ix_support_case_reminders", "support_case", REMINDER_COLUMNS, unique=False)
    op.create_index(
        "ix_placement_candidate_status", "placement_candidate", ["status", "case_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_placement_candidate_status", table_name="placement_candidate")
    op.drop_index("ix_support_case_reminders", table_name="support_case")
