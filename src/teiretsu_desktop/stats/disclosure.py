"""Disclosure control for the bundle (DESIGN §5, R-EXP-02..04; DOMAIN §6.5).

Policies (chosen at export, written in the manifest):
- `prefecture` (k = 1): exact counts. The prefecture runs the program and needs the real numbers of a
  centre of ~18 returnees a year; the bundle is for internal use (取扱注意 on every report).
- `public` (k = 10): for publication, with the steps below.
Only counts of persons are suppressed; counts of events (contacts, consultations, meetings, visits) and
0/1 flags are published as they are (EVENT_COLUMNS).

1. Only interior cells are published (no margins), and columns that an accounting identity would tie
   to the others are left out (caseload's 前年度からの継続 = 年度末継続 − 新規 + 終結 is derived by
   the prefecture instead).
2. Primary suppression: every count from 1 to k−1 is suppressed (marked, not zeroed).
3. Differencing: against the previous bundle for the same center and year, a published cell that
   changed by 0 < |Δ| < k is suppressed.
4. Secondary suppression: tables that count the same population (LINKED_TOTALS) share a total; when
   one has a suppressed cell, each of the others gets its smallest published count suppressed too, so
   that the shared total stays unknown.
5. Audit: the feasible range of every suppressed cell, given everything published, is computed; the
   exporter refuses to write a bundle in which any range is narrower than k.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from teiretsu_desktop.domain.errors import TeiretsuError
from teiretsu_desktop.stats.tables import EVENT_COLUMNS, LINKED_TOTALS, Table

POLICIES = {"prefecture": 1, "public": 10}
HANDLING = {"prefecture": "取扱注意 (都道府県内限り・実数)", "public": "公表用 (10未満秘匿)"}
EXCLUDED_COLUMNS: dict[str, frozenset[str]] = {"caseload": frozenset({"carried_over"})}

Cell = int | None  # None: suppressed


class DisclosureAuditFailed(TeiretsuError):
    exit_code = 15


@dataclass
class Published:
    id: str
    version: int
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: list[list[Cell]]
    true_values: list[list[int]] = field(repr=False, default_factory=list)  # never written to a bundle

    def suppressed(self) -> list[tuple[int, int]]:
        return [(r, c) for r, row in enumerate(self.cells) for c, v in enumerate(row) if v is None]

    def published_sum(self) -> int:
        return sum(v for row in self.cells for v in row if v is not None)


@dataclass
class ProtectionReport:
    policy: str
    k: int
    primary: int = 0
    differencing: int = 0
    secondary: int = 0
    intervals: dict[str, list[tuple[int, int | None]]] = field(default_factory=dict)


def person_columns(table_id: str, columns: tuple[str, ...]) -> set[int]:
    """Positions of the columns that count persons (the only ones suppressed)."""
    events = EVENT_COLUMNS.get(table_id, frozenset())
    return {i for i, column in enumerate(columns) if column not in events}


def _select(table: Table) -> Published:
    excluded = EXCLUDED_COLUMNS.get(table.id, frozenset())
    keep = [i for i, c in enumerate(table.columns) if c not in excluded]
    values = [[row[i] for i in keep] for row in table.cells]
    return Published(table.id, table.version, table.rows, tuple(table.columns[i] for i in keep),
                     [list(r) for r in values], values)  # fmt: skip


def feasible_intervals(tables: Mapping[str, Published]) -> dict[str, list[tuple[int, int | None]]]:
    """For each suppressed cell, the range of values consistent with everything published.

    The only relations between published cells are the shared totals of LINKED_TOTALS (and that
    every suppressed cell is at least 1). If some table of a group has nothing suppressed, the
    shared total N is known and a table's suppressed cells sum to N − its published sum; otherwise
    N is unknown and every suppressed cell is unbounded above.
    """
    intervals: dict[str, list[tuple[int, int | None]]] = {}
    group_of = {tid: group for group in LINKED_TOTALS for tid in group}
    for tid, table in tables.items():
        hidden = table.suppressed()
        if not hidden:
            continue
        known_total = None
        for other in group_of.get(tid, ()):
            if other != tid and other in tables and not tables[other].suppressed():
                known_total = tables[other].published_sum()
        if known_total is None:
            intervals[tid] = [(1, None)] * len(hidden)
        else:
            hidden_sum = known_total - table.published_sum()
            intervals[tid] = [(1, hidden_sum - (len(hidden) - 1))] * len(hidden)
    return intervals


def audit(tables: Mapping[str, Published], k: int) -> dict[str, list[tuple[int, int | None]]]:
    intervals = feasible_intervals(tables)
    for tid, ranges in intervals.items():
        for low, high in ranges:
            if high is not None and high - low < k:
                raise DisclosureAuditFailed(
                    f"秘匿したセルが他の公表値から推定できます ({tid}: {low}〜{high}) / a suppressed cell of {tid} "
                    "could be recomputed; the bundle was not written."
                )
    return intervals


def protect(
    tables: Mapping[str, Table], *, policy: str, previous: Mapping[str, list[list[Cell]]] | None = None
) -> tuple[dict[str, Published], ProtectionReport]:
    if policy not in POLICIES:
        raise DisclosureAuditFailed(
            f"秘匿の方針は {', '.join(POLICIES)} のいずれかです / unknown policy {policy}"
        )
    k = POLICIES[policy]
    report = ProtectionReport(policy, k)
    out = {tid: _select(t) for tid, t in tables.items()}
    for table in out.values():
        persons = person_columns(table.id, table.columns)
        for row in table.cells:
            for c, value in enumerate(row):
                if c in persons and value is not None and 0 < value < k:
                    row[c] = None
                    report.primary += 1
    for tid, before in (previous or {}).items():
        current = out.get(tid)
        if current is None or len(before) != len(current.cells):
            continue
        persons = person_columns(tid, current.columns)
        for r, row in enumerate(current.cells):
            for c, value in enumerate(row):
                old = before[r][c] if c < len(before[r]) else None
                if c in persons and value is not None and old is not None and 0 < abs(value - old) < k:
                    row[c] = None
                    report.differencing += 1
    for group in LINKED_TOTALS:
        members = [out[t] for t in group if t in out]
        if any(m.suppressed() for m in members):
            for member in members:
                if not member.suppressed():
                    positives = [
                        (v, r, c) for r, row in enumerate(member.cells) for c, v in enumerate(row) if v
                    ]
                    if positives:
                        _value, r, c = min(positives)
                        member.cells[r][c] = None
                        report.secondary += 1
    report.intervals = audit(out, k)
    return out, report
