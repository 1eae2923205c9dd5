"""Meetings about a case with attendees and decisions; the specific office a case's request came from
(issue 17).

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "case_meeting",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("shared_items", sa.Text(), nullable=False),
        sa.Column("person_present", sa.Boolean(), nullable=False),
        sa.Column("center_attendees", sa.String(length=200), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["support_case.id"],
            name=op.f("fk_case_meeting_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_meeting")),
    )
    op.create_index("ix_case_meeting_case_id", "case_meeting", ["case_id"], unique=False)
    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("agency_id", sa.String(length=36), nullable=True),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("recipient_kind", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("disclosure_id", sa.String(length=36), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["case_meeting.id"],
            name=op.f("fk_meeting_attendee_meeting_id_case_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendee")),
    )
    op.create_index("ix_meeting_attendee_meeting_id", "meeting_attendee", ["meeting_id"], unique=False)
    op.create_table(
        "meeting_decision",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),  # sealed (ADR 0016)
        sa.Column("responsible", sa.String(length=100), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("reminder_id", sa.String(length=36), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["case_meeting.id"],
            name=op.f("fk_meeting_decision_meeting_id_case_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_decision")),
    )
    op.create_index("ix_meeting_decision_meeting_id", "meeting_decision", ["meeting_id"], unique=False)
    # Plain ALTER TABLE (no batch copy): a copy of support_case would drop migration 0012's triggers.
    op.add_column("support_case", sa.Column("requester_agency_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    op.drop_column("support_case", "requester_agency_id")
    op.drop_index("ix_meeting_decision_meeting_id", table_name="meeting_decision")
    op.drop_table("meeting_decision")
    op.drop_index("ix_meeting_attendee_meeting_id", table_name="meeting_attendee")
    op.drop_table("meeting_attendee")
    op.drop_index("ix_case_meeting_case_id", table_name="case_meeting")
    op.drop_table("case_meeting")
