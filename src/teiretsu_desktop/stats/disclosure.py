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
5. Audit, with what a reader knows: a hidden cell is at least 1 (zeros are published) and, by the
   method, either below k (primary), or no larger than the smallest count still published in its table
   (secondary suppression takes the smallest), or within k−1 of its value in the previous bundle
   (differencing). From the shared totals a reader can narrow that range. A hidden cell is protected
   while at least `protection(k)` + 1 values remain possible for it (six for k = 10: knowing "at least
   2" of a hidden count is unavoidable when two other cells are hidden, knowing "1 to 4" is not). While
   some cell is not protected, more cells are suppressed (the smallest published count of the tables
   that gave the narrowing bound); if that cannot be reached the exporter refuses to write the bundle.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from teiretsu_desktop.domain.errors import TeiretsuError
from teiretsu_desktop.stats.policies import POLICIES
from teiretsu_desktop.stats.tables import EVENT_COLUMNS, LINKED_TOTALS, Table

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
    intervals: dict[str, list[tuple[int, int | None]]] = field(default_factory=dict)  # per hidden cell


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


Interval = tuple[int, int | None]  # None: unbounded above


def reader_bounds(table: Published, k: int, previous: list[list[Cell]] | None = None) -> list[Interval]:
    """What a reader knows of each hidden cell of `table` before using any other table."""
    persons = person_columns(table.id, table.columns)
    published = [v for row in table.cells for c, v in enumerate(row) if c in persons and v]
    smallest = min(published) if published else None
    bounds: list[Interval] = []
    for r, c in table.suppressed():
        high: int | None = max(k - 1, smallest) if smallest is not None else None
        old = previous[r][c] if previous and r < len(previous) and c < len(previous[r]) else None
        if old is not None and high is not None:
            high = max(high, old + k - 1)
        bounds.append((1, high))
    return bounds


def feasible_intervals(
    tables: Mapping[str, Published], k: int, previous: Mapping[str, list[list[Cell]]] | None = None
) -> dict[str, list[Interval]]:
    """For each suppressed cell, the range of values consistent with everything published.

    The relations between tables are the shared totals of LINKED_TOTALS: each member bounds the
    total N by its published sum plus the sum of its hidden cells' bounds, and N bounds each hidden
    cell in turn. Without a link a hidden cell keeps the bounds its suppression gives it.
    """
    previous = previous or {}
    # Unbounded is infinity while computing (sums and comparisons need no special cases).
    bounds = {
        tid: [
            (float(lo), math.inf if hi is None else float(hi))
            for lo, hi in reader_bounds(t, k, previous.get(tid))
        ]
        for tid, t in tables.items()
    }
    for group in LINKED_TOTALS:
        members = [tid for tid in group if tid in tables]
        if len(members) < 2:
            continue
        low_total = max(tables[t].published_sum() + sum(lo for lo, _hi in bounds[t]) for t in members)
        high_total = min(tables[t].published_sum() + sum(hi for _lo, hi in bounds[t]) for t in members)
        for tid in members:
            cells, published = bounds[tid], tables[tid].published_sum()
            narrowed = []
            for i, (lo, hi) in enumerate(cells):
                others_low = sum(other[0] for j, other in enumerate(cells) if j != i)
                others_high = sum(other[1] for j, other in enumerate(cells) if j != i)
                narrowed.append(
                    (
                        max(lo, low_total - published - others_high),
                        min(hi, high_total - published - others_low),
                    )
                )
            bounds[tid] = narrowed
    return {
        tid: [(int(lo), None if hi == math.inf else int(hi)) for lo, hi in cells]
        for tid, cells in bounds.items()
        if cells
    }


def protection(k: int) -> int:
    """How far apart the lowest and highest possible value of a hidden cell must stay."""
    return k // 2


def exposed_cells(
    tables: Mapping[str, Published], k: int, previous: Mapping[str, list[list[Cell]]] | None = None
) -> dict[str, int]:
    """Per table, how many hidden cells a reader can narrow below `protection(k)`."""
    counts = {
        tid: sum(1 for low, high in ranges if high is not None and high - low < protection(k))
        for tid, ranges in feasible_intervals(tables, k, previous).items()
    }
    return {tid: n for tid, n in counts.items() if n}


def audit(
    tables: Mapping[str, Published], k: int, previous: Mapping[str, list[list[Cell]]] | None = None
) -> dict[str, list[Interval]]:
    exposed = exposed_cells(tables, k, previous)
    if exposed:
        raise DisclosureAuditFailed(
            f"秘匿したセルが他の公表値から推定できます ({', '.join(exposed)}) / a suppressed cell of "
            f"{', '.join(exposed)} could be narrowed from the published counts; the bundle was not written."
        )
    return feasible_intervals(tables, k, previous)


def _suppress_smallest(table: Published) -> bool:
    persons = person_columns(table.id, table.columns)
    positives = [
        (v, r, c) for r, row in enumerate(table.cells) for c, v in enumerate(row) if c in persons and v
    ]
    if not positives:
        return False
    _value, r, c = min(positives)
    table.cells[r][c] = None
    return True


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
                if not member.suppressed() and _suppress_smallest(member) is not None:
                    report.secondary += 1
    # Until every hidden cell is protected: each round hides one more count, the one that leaves the
    # fewest cells exposed (ties: the smaller count), so that as little as possible is lost; each round
    # hides a cell, so this ends.
    while exposed_cells(out, k, previous):
        candidates = []
        for group in LINKED_TOTALS:
            for tid in (t for t in group if t in out):
                trial = {name: replace(t, cells=[list(row) for row in t.cells]) for name, t in out.items()}
                hidden = _suppress_smallest(trial[tid])
                if hidden is not None:
                    candidates.append((sum(exposed_cells(trial, k, previous).values()), hidden, tid))
        if not candidates:
            break
        _exposed, _value, best = min(candidates)
        _suppress_smallest(out[best])
        report.secondary += 1
    report.intervals = audit(out, k, previous)
    return out, report
