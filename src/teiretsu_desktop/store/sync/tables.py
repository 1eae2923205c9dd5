"""Which tables travel between a center's devices, and how each is keyed (ADR 0018).

Everything a case record is made of travels. What stays on one device: the store's own facts
(store_meta: its id, keys, this device's identity), the audit log (each device keeps its own chain;
the others' chains travel beside the records, into sync_audit), the drafts a staff member is typing on
this device, the search index (rebuilt from person_name) and the sync tables themselves.

Tables keyed by a UUID `id` merge record by record and field by field. The few keyed by an integer
rowid (state history, note revisions, a person's names and disabilities) hold rows that are only ever
added or removed, never edited: a row is known by a digest of its content, so the same row added on
two devices is one row, and rowids may differ between devices.
"""

from __future__ import annotations

# Frozen with migration 0023: a migration that adds a table or column here must install its capture
# triggers again (store.sync.capture.install), or its changes would not travel.
REPLICATED: tuple[str, ...] = (
    "center_profile",
    "staff",
    "setting",
    "agency",
    "person",
    "person_name",
    "disability",
    "certificate",
    "reminder_action",
    "selection_advice",
    "network_activity",
    "support_case",
    "case_state_change",
    "case_review",
    "consent",
    "disclosure",
    "activity",
    "activity_revision",
    "consultation",
    "placement_candidate",
    "placement_attempt",
    "application_support",
    "eligibility_check",
    "assessment",
    "plan_item",
    "case_meeting",
    "meeting_attendee",
    "meeting_decision",
    "case_reminder",
)

ROWID_TABLES = frozenset({"person_name", "disability", "case_state_change", "activity_revision"})

# Changed on every save, so two devices' saves of one record always both change them: the latest write
# wins without asking anyone. `revision` is not merged at all: it counts the record's writes.
DELETED = "_deleted"  # a record's existence, merged like a field
LATEST_WINS = frozenset({"updated_at", "updated_by", DELETED})
COUNTED = "revision"


def key_column(table: str) -> str:
    return "rowid" if table in ROWID_TABLES else "id"
