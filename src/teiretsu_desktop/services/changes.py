"""What a use case touched, returned with its value, so that every open view can refresh.

A service that changes anything returns `Outcome(value, changes)`; the GUI's operation bridge
(gui/operations.py) broadcasts the changes — no view announces changes by hand. Each change names the
kind of record, its id, and the case it belongs to (if any), so that a case window reloads only the
tabs a change concerns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class ChangeKind(StrEnum):
    PERSON = "person"
    CASE = "case"
    ACTIVITY = "activity"
    DRAFT = "draft"  # a visit-note or form draft of the acting staff member
    CANDIDATE = "candidate"
    APPLICATION = "application"
    REVIEW = "review"
    CONSENT = "consent"
    DISCLOSURE = "disclosure"
    CONSULTATION = "consultation"
    AGENCY = "agency"
    NETWORK_ACTIVITY = "network_activity"
    STAFF = "staff"
    SETTINGS = "settings"
    STATISTICS = "statistics"  # a year exported (locked) or reopened
    REMINDER = "reminder"  # a dashboard reminder done or put off
    ASSESSMENT = "assessment"  # a new version of a case's アセスメント
    PLAN = "plan"  # an item of a case's 支援計画
    MEETING = "meeting"  # a meeting about a case, its attendees or decisions
    SYNC = "sync"  # packets applied, a conflict resolved, a device enrolled or revoked


class Change(NamedTuple):
    kind: ChangeKind
    record_id: str | None
    case_id: str | None


@dataclass(frozen=True)
class Changes:
    entries: frozenset[Change] = field(default_factory=frozenset)

    @classmethod
    def of(cls, kind: ChangeKind, *ids: str, case: str | None = None) -> Changes:
        """Records of one kind; `case` is the case they belong to (a case change is its own case)."""
        if kind is ChangeKind.CASE and case is None:
            return cls(frozenset(Change(kind, i, i) for i in ids))
        if not ids:
            return cls(frozenset({Change(kind, None, case)}))
        return cls(frozenset(Change(kind, i, case) for i in ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.entries | other.entries)

    @property
    def kinds(self) -> frozenset[ChangeKind]:
        return frozenset(c.kind for c in self.entries)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(c.record_id for c in self.entries if c.record_id is not None)

    def touches(self, *kinds: ChangeKind) -> bool:
        return any(c.kind in kinds for c in self.entries)

    def touches_record(self, kind: ChangeKind, record_id: str) -> bool:
        return Change(kind, record_id, None) in self.entries or any(
            c.kind is kind and c.record_id == record_id for c in self.entries
        )

    def kinds_for_case(self, case_id: str) -> frozenset[ChangeKind]:
        """What changed in or under one case (its record, notes, candidates, …)."""
        return frozenset(c.kind for c in self.entries if c.case_id == case_id)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes
