"""What an import did, or would do: each row new, updated, unchanged, conflicting or refused, and every
problem by its row (as Excel numbers it) and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from teiretsu_desktop.domain.errors import Cancelled


class RowOutcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    CONFLICTING = "conflicting"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {
            "new": "新規",
            "updated": "更新",
            "unchanged": "変更なし",
            "conflicting": "競合",
            "refused": "取込不可",
        }[self.value]


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str
    sheet: str = ""

    def __str__(self) -> str:
        where = f"{self.sheet} " if self.sheet else ""
        return f"{where}{self.row}行目 {self.column}: {self.message}"


class ImportCancelled(Cancelled):
    """Raised inside the transaction when the person cancels: nothing is written."""


@dataclass
class ImportReport:
    file: str
    encoding: str | None = None
    sheets: list[str] = field(default_factory=list)
    rows: int = 0
    outcomes: dict[RowOutcome, int] = field(default_factory=lambda: dict.fromkeys(RowOutcome, 0))
    persons_created: int = 0
    fields_changed: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    changed_cases: set[str] = field(default_factory=set, repr=False)
    changed_persons: set[str] = field(default_factory=set, repr=False)

    def count(self, outcome: RowOutcome) -> int:
        return self.outcomes[outcome]

    @property
    def blocked(self) -> bool:
        """Rows that cannot go in: without skip_invalid, nothing is written."""
        return bool(self.errors) or self.count(RowOutcome.CONFLICTING) > 0

    def summary(self) -> str:
        parts = "・".join(f"{o.label} {self.count(o)}" for o in RowOutcome)
        return f"{self.rows}行: {parts} (新しい対象者 {self.persons_created}人、変更する項目 {self.fields_changed})"


def describe(report: ImportReport, limit: int = 50) -> list[str]:
    lines = [str(e) for e in report.errors[:limit]]
    if len(report.errors) > limit:
        lines.append(f"… ほか {len(report.errors) - limit} 件")
    return lines
