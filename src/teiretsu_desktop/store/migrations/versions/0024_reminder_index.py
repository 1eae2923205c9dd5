"""The dashboard's reminders kept in the store: the derived table, its staleness triggers (issue 19,
ADR 0019).

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

# What the reminder rules read, as of this revision: (table, subject prefix, the column naming the
# subject, the columns whose change matters on UPDATE — None: any).
SOURCES: tuple[tuple[str, str, str, tuple[str, ...] | None], ...] = (
    ("support_case", "c", "id", (
        "person_id", "business_line", "state", "expected_release", "detention_expiry", "release_date",
        "follow_up_planned_end", "request_date",
    )),
    ("case_review", "c", "case_id", None),
    ("placement_candidate", "c", "case_id", None),
    ("application_support", "c", "case_id", None),
    ("case_reminder", "c", "case_id", None),
    ("consent", "p", "person_id", None),
    ("certificate", "p", "person_id", None),
    ("person", "p", "id", ("care_valid_until",)),
)  # fmt: skip


def _mark(prefix: str, ref: str) -> str:
    # Table and column names of this module only, never a value.
    subject = f"'{prefix}:' || {ref}"
    delete = f"DELETE FROM reminder_due WHERE subject = {subject};"  # noqa: S608
    return f"{delete} INSERT OR IGNORE INTO reminder_stale (subject) VALUES ({subject});"  # noqa: S608


def _triggers() -> list[str]:
    made = []
    for table, prefix, column, watched in SOURCES:
        made.append(
            f"CREATE TRIGGER reminder_{table}_ai AFTER INSERT ON {table} "
            f"BEGIN {_mark(prefix, 'NEW.' + column)} END"
        )
        made.append(
            f"CREATE TRIGGER reminder_{table}_ad AFTER DELETE ON {table} "
            f"BEGIN {_mark(prefix, 'OLD.' + column)} END"
        )
        of = f" OF {', '.join(watched)}" if watched else ""
        made.append(
            f"CREATE TRIGGER reminder_{table}_au AFTER UPDATE{of} ON {table} "
            f"BEGIN {_mark(prefix, 'OLD.' + column)} {_mark(prefix, 'NEW.' + column)} END"
        )
    return made


def upgrade() -> None:
    op.create_table(
        "reminder_due",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subject", sa.String(40), nullable=False),
        sa.Column("reminder_key", sa.String(400), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("shown_from", sa.Date(), nullable=False),
        sa.Column("shown_until", sa.Date(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=True),
        sa.Column("person_id", sa.String(36), nullable=True),
        sa.Column("business_line", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_due")),
    )
    op.create_index(
        "ix_reminder_due_window",
        "reminder_due",
        ["due", "shown_from", "shown_until", "kind", "case_id", "reminder_key"],
    )
    op.create_index("ix_reminder_due_subject", "reminder_due", ["subject"])
    op.create_table(
        "reminder_stale",
        sa.Column("subject", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_reminder_stale")),
    )
    # The dashboard no longer reads every open case's dates (migration 0022's covering index).
    op.drop_index("ix_support_case_reminders", table_name="support_case")
    bind = op.get_bind()
    for trigger in _triggers():
        bind.exec_driver_sql(trigger)
    # No rows yet and no signature in store_meta: the dashboard's first read computes every open case's
    # and dated record's reminders (services/reminder_index.py).


def downgrade() -> None:
    bind = op.get_bind()
    for table, _prefix, _column, _watched in SOURCES:
        for kind in ("ai", "au", "ad"):
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS reminder_{table}_{kind}")
    op.create_index(
        "ix_support_case_reminders", "support_case",
        ["state", "business_line", "expected_release", "detention_expiry", "release_date", "follow_up_planned_end",
         "request_date", "person_id", "primary_staff_id", "secondary_staff_id", "id"],
    )  # fmt: skip
    op.drop_table("reminder_stale")
    op.drop_index("ix_reminder_due_subject", table_name="reminder_due")
    op.drop_index("ix_reminder_due_window", table_name="reminder_due")
    op.drop_table("reminder_due")
