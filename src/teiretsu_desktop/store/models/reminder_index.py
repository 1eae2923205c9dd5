"""Every reminder the rules give, kept in the store so that the dashboard is one indexed query (issue 19,
ADR 0019).

Derived, never edited and never synchronised: the rules (domain/reminders.py) compute the rows in
Python; triggers (migration 0024) delete a case's or person's rows and mark it stale whenever a record
the rules read changes, on every write path — services, the ledger import, a sync packet, a kit. The
dashboard first recomputes what is stale, then reads.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, Integer, String, Table

from teiretsu_desktop.store.models.base import Base

# One row per reminder a case or person has now, shown or not yet shown.
reminder_due = Table(
    "reminder_due",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "subject", String(40), nullable=False
    ),  # "c:<case id>" or "p:<person id>": what it is derived from
    Column(
        "reminder_key", String(400), nullable=False
    ),  # domain.reminders.reminder_key: what 完了 applies to
    Column("kind", String(32), nullable=False),
    Column("due", Date, nullable=False),
    Column("shown_from", Date, nullable=False),
    Column("shown_until", Date, nullable=True),  # None: until done
    Column("title", String(200), nullable=False),
    Column("case_id", String(36), nullable=True),
    Column("person_id", String(36), nullable=True),
    Column("business_line", String(32), nullable=True),
    # The dashboard's window from the index alone (the key: to leave out what is done).
    Index("ix_reminder_due_window", "due", "shown_from", "shown_until", "kind", "case_id", "reminder_key"),
    Index("ix_reminder_due_subject", "subject"),
)

# Cases and persons whose rows are to be recomputed ("c:<id>", "p:<id>"), filled by the triggers.
reminder_stale = Table(
    "reminder_stale",
    Base.metadata,
    Column("subject", String(40), primary_key=True),
)
