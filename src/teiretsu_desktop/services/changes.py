"""What a use case touched, so that every open view can refresh (the GUI's data_changed signal)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Kinds of records touched ("person", "case", "activity", …) and the ids of those records."""

    kinds: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, kind: str, *ids: str) -> Changes:
        return cls(frozenset({kind}), frozenset(ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.ids | other.ids)

    def touches(self, kind: str) -> bool:
        return kind in self.kinds


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes
