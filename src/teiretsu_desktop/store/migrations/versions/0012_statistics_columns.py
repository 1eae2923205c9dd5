"""The year's tables read indexes, not every case and activity (issue 12; DESIGN §4).

Two derived columns, kept by triggers so that every writer (services, ledger import, demo generator,
a future sync) keeps them true without knowing of them:
- `support_case.follow_up_began`: the day the case entered フォローアップ中 (the first such state change;
  for a case in follow-up with no recorded change — an imported one — its 帰住日, else its 依頼日). NULL
  for a case that never entered follow-up. The caseload splits a coordination case into its
  coordination and follow-up episodes by it, from a covering index instead of joining the history.
- `activity.business_line`: the line of the activity's case, so that a year's 延べ contacts per line are
  one range of an index instead of a lookup of the case for each of a year's activities. It follows the
  case when its line changes (特別調整 ↔ 一般調整).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TRIGGERS = (
    # The first recorded entry into follow-up decides the day (recomputed, so the order in which the
    # case's new state and its history row are written does not matter).
    "CREATE TRIGGER case_follow_up_began_ai AFTER INSERT ON case_state_change "
    "WHEN NEW.to_state = 'follow_up' BEGIN "
    "UPDATE support_case SET follow_up_began = (SELECT min(changed_on) FROM case_state_change "
    "WHERE case_id = NEW.case_id AND to_state = 'follow_up') WHERE id = NEW.case_id; END",
    "CREATE TRIGGER case_follow_up_state_ai AFTER INSERT ON support_case "
    "WHEN NEW.state = 'follow_up' AND NEW.follow_up_began IS NULL BEGIN "
    "UPDATE support_case SET follow_up_began = coalesce(NEW.release_date, NEW.request_date) "
    "WHERE id = NEW.id; END",
    "CREATE TRIGGER case_follow_up_state_au AFTER UPDATE OF state ON support_case "
    "WHEN NEW.state = 'follow_up' AND NEW.follow_up_began IS NULL BEGIN "
    "UPDATE support_case SET follow_up_began = coalesce(NEW.release_date, NEW.request_date) "
    "WHERE id = NEW.id; END",
    "CREATE TRIGGER activity_line_ai AFTER INSERT ON activity BEGIN "
    "UPDATE activity SET business_line = (SELECT business_line FROM support_case WHERE id = NEW.case_id) "
    "WHERE rowid = NEW.rowid; END",
    "CREATE TRIGGER activity_line_au AFTER UPDATE OF case_id ON activity BEGIN "
    "UPDATE activity SET business_line = (SELECT business_line FROM support_case WHERE id = NEW.case_id) "
    "WHERE rowid = NEW.rowid; END",
    "CREATE TRIGGER case_line_au AFTER UPDATE OF business_line ON support_case "
    "WHEN NEW.business_line IS NOT OLD.business_line BEGIN "
    "UPDATE activity SET business_line = NEW.business_line WHERE case_id = NEW.id; END",
)


def upgrade() -> None:
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("follow_up_began", sa.Date(), nullable=True))
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("business_line", sa.String(length=16), nullable=True))
    op.execute(
        "UPDATE support_case SET follow_up_began = coalesce("
        "(SELECT min(changed_on) FROM case_state_change c "
        " WHERE c.case_id = support_case.id AND c.to_state = 'follow_up'), "
        "CASE WHEN state = 'follow_up' THEN coalesce(release_date, request_date) END)"
    )
    op.execute(
        "UPDATE activity SET business_line = "
        "(SELECT business_line FROM support_case WHERE support_case.id = activity.case_id)"
    )
    for trigger in TRIGGERS:
        op.execute(trigger)
    # The caseload: every case open at some time in a year, read from the index alone.
    op.execute(
        "CREATE INDEX ix_support_case_span ON support_case (closure_date, request_date, business_line, "
        "person_id, center_role, release_date, follow_up_began, state)"
    )
    # Follow-up episodes and their contacts, driven from the cases that entered follow-up.
    op.execute(
        "CREATE INDEX ix_support_case_follow_up ON support_case (follow_up_began, business_line, "
        "closure_date, release_date, person_id, center_role, state, id) WHERE follow_up_began IS NOT NULL"
    )
    op.execute("CREATE INDEX ix_activity_line_time ON activity (business_line, occurred_at, case_id)")
    # The other tables, each from an index alone: a case row is wide (sealed text), and reading a year's
    # rows one by one through a 128 MiB page cache evicts what the other tables just read.
    op.execute(
        "CREATE INDEX ix_support_case_returns ON support_case (business_line, release_date, state, "
        "center_role, release_destination_kind, destination_kind, person_id, expected_release, "
        "readmission, readmission_date, id)"
    )
    op.execute(
        "CREATE INDEX ix_support_case_endings ON support_case (business_line, closure_date, state, closure_reason)"
    )
    op.execute("CREATE INDEX ix_support_case_requester ON support_case (id, requester)")


def downgrade() -> None:
    for index in ("ix_support_case_requester", "ix_support_case_endings", "ix_support_case_returns",
                  "ix_activity_line_time"):  # fmt: skip
        op.execute(f"DROP INDEX {index}")
    op.execute("DROP INDEX ix_support_case_follow_up")
    op.execute("DROP INDEX ix_support_case_span")
    for name in ("case_follow_up_began_ai", "case_follow_up_state_ai", "case_follow_up_state_au",
                 "activity_line_ai", "activity_line_au", "case_line_au"):  # fmt: skip
        op.execute(f"DROP TRIGGER {name}")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("business_line")
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.drop_column("follow_up_began")
