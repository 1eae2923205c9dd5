"""The fiscal-year tables: versioned definitions (docs/statistics.md) and their computation.

Every table counts persons or events from coded fields and dates only. A person is placed in a 年度
by the date each table names; ages are taken on that date; 不明 re-admission is its own row.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from teiretsu_desktop.domain.codes import (
    BusinessLine,
    CenterRole,
    ClosureReason,
    CouncilKind,
    DestinationKind,
    NetworkActivityKind,
    NetworkExclusion,
    NetworkScope,
    Requester,
)
from teiretsu_desktop.domain.network_rules import counts_as_recorded
from teiretsu_desktop.domain.wareki import add_months, fiscal_year_range
from teiretsu_desktop.store.queries import stats_sources


@dataclass(frozen=True)
class Table:
    id: str
    version: int
    title: str
    rows: tuple[str, ...]
    row_labels: tuple[str, ...]
    columns: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]

    def value(self, row: str, column: str) -> int:
        return self.cells[self.rows.index(row)][self.columns.index(column)]


def _table(
    table_id: str,
    version: int,
    title: str,
    rows: list[tuple[str, str]],
    columns: list[tuple[str, str]],
    counts: dict[tuple[str, str], int],
) -> Table:
    return Table(
        table_id, version, title,
        tuple(r for r, _ in rows), tuple(label for _, label in rows),
        tuple(c for c, _ in columns), tuple(label for _, label in columns),
        tuple(tuple(int(counts.get((r, c), 0)) for c, _ in columns) for r, _ in rows),
    )  # fmt: skip


def _within(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


CASELOAD_COLUMNS = [
    ("new", "新規"),
    ("carried_over", "前年度からの継続"),
    ("closed", "終結"),
    ("open_at_year_end", "年度末継続"),
]


def caseload(counts: dict[tuple[str, str, str], int], contacts: dict[str, int]) -> Table:
    """Persons per business line as the seed counts them: フォローアップ is its own line from the 帰住日
    (DOMAIN §10.1). 新規 (began in the year), 前年度からの継続 (open on 1 April), 終結 (ended in the year),
    年度末継続 (open on 31 March); 延べ contacts (activities in the year)."""
    values = {(line, column): n for (line, role, column), n in counts.items() if role == "*"}
    values.update({(line, "contacts"): n for line, n in contacts.items()})
    return _table(
        "caseload", 2, "業務別の人数 (新規・継続・終結・年度末継続) と延べ対応回数",
        [(str(b), b.label) for b in BusinessLine],
        [*CASELOAD_COLUMNS, ("contacts", "延べ対応回数")],
        values,
    )  # fmt: skip


def coordination_by_role(counts: dict[tuple[str, str, str], int]) -> Table:
    """コーディネート by the centre's role in 広域調整 (所在地 / 帰住地 / 単独)."""
    rows = [
        (f"{line}:{role}", f"{line.label} ({role.label})")
        for line in (BusinessLine.SPECIAL, BusinessLine.GENERAL)
        for role in CenterRole
    ]
    values = {(f"{line}:{role}", column): n for (line, role, column), n in counts.items() if role != "*"}
    return _table("coordination_by_role", 1, "コーディネート業務の人数 (所在地・帰住地センター別)",
                  rows, CASELOAD_COLUMNS, values)  # fmt: skip


def consultations(counts: dict[tuple[str, str], int]) -> Table:
    """相談支援: consultations received (anonymous and one-off included) by who consulted, and 延べ回数."""
    return _table(
        "consultations", 1, "相談支援の件数 (相談者別) と延べ回数",
        [(str(r), r.label) for r in Requester], [("consultations", "相談件数"), ("contacts", "延べ回数")],
        dict(counts),
    )  # fmt: skip


DISABILITY_ROWS = [
    ("physical", "身体障害あり"), ("intellectual", "知的障害あり"), ("mental", "精神障害あり"),
    ("physical+intellectual", "身体+知的"), ("physical+mental", "身体+精神"), ("intellectual+mental", "知的+精神"),
    ("physical+intellectual+mental", "身体+知的+精神"), ("other", "その他"),
]  # fmt: skip


def disability_combination(kinds: set[str]) -> str:
    """発達 counts as 精神; 疑い only, or no disability (age only), is その他 (as in the seed's 参考1)."""
    groups = {"physical" if k == "physical" else "intellectual" if k == "intellectual" else "mental"
              for k in kinds if k in ("physical", "intellectual", "mental", "developmental")}  # fmt: skip
    if not groups:
        return "other"
    return "+".join(g for g in ("physical", "intellectual", "mental") if g in groups)


ReturnedGroups = list[
    tuple[str, str, str, int]
]  # (destination kind, age band, disability kinds csv, persons)


def settled_by_disability(groups: ReturnedGroups) -> Table:
    """Persons who returned to a destination in the year (coordination lines), by disability
    combination and age on the 帰住日 (65歳以上 / 65歳未満)."""
    counts: Counter[tuple[str, str]] = Counter()
    for _dest, band, kinds, persons in groups:
        counts[(disability_combination(set(filter(None, kinds.split(",")))), band)] += persons
    return _table(
        "settled_by_disability", 2, "参考1 帰住した者の障害・年齢別内訳 (帰住日の年齢)",
        DISABILITY_ROWS, [("65_plus", "65歳以上"), ("under_65", "65歳未満"), ("unknown", "年齢不明")], dict(counts),
    )  # fmt: skip


def residence_at_release(groups: ReturnedGroups) -> Table:
    counts: Counter[tuple[str, str]] = Counter()
    for dest, _band, _kinds, persons in groups:
        counts[(dest, "persons")] += persons
    return _table(
        "residence_at_release", 2, "参考2 矯正施設退所時点の居住先内訳",
        [(str(d), d.label) for d in DestinationKind if d is not DestinationKind.UNDECIDED], [("persons", "人数")],
        dict(counts),
    )  # fmt: skip


def council_participation(rows: list[stats_sources.NetworkRow]) -> Table:
    """設問IV-9: meetings of each kind of council the centre attended and hosted (開催 and 参加 apart),
    and whether it took part at all (1/0)."""
    counts: Counter[tuple[str, str]] = Counter()
    for kind, council, _participants, hosted, *_ in rows:
        if kind == "council" and council:
            counts[(council, "hosted" if hosted else "attended")] += 1
    for council in CouncilKind:
        if counts[(str(council), "attended")] or counts[(str(council), "hosted")]:
            counts[(str(council), "participated")] = 1
    return _table(
        "council_participation", 2, "設問IV-9 協議会等への参加 (参加・開催の回数、参加の有無)",
        [(str(c), c.label) for c in CouncilKind],
        [("attended", "参加回数"), ("hosted", "開催回数"), ("participated", "参加あり(1/0)")], dict(counts),
    )  # fmt: skip


def network_activities(rows: list[stats_sources.NetworkRow]) -> Table:
    """Q9-6: events that count under their kind (地域で行う取組; not ordinary case meetings, meetings with
    already-linked bodies, follow-up visits, visits to providers already 開拓済み, or prefecture-wide
    events), their 延べ participants, and — apart — the events recorded but left out."""
    counts: Counter[tuple[str, str]] = Counter()
    for kind, _council, participants, _hosted, scope, exclusion, developed in rows:
        counted = counts_as_recorded(
            NetworkActivityKind(kind),
            NetworkScope(scope) if scope else None,
            NetworkExclusion(exclusion) if exclusion else None,
            developed,
        )
        if not counted:
            counts[(kind, "excluded")] += 1
            continue
        counts[(kind, "events")] += 1
        counts[(kind, "participants")] += sum(int(v) for v in json.loads(participants or "{}").values())
    return _table(
        "network_activities", 2, "連携活動 (回数・延べ参加者数、設問Q9-6の除外)",
        [(str(k), k.label) for k in NetworkActivityKind],
        [("events", "回数"), ("participants", "延べ参加者数"), ("excluded", "記録のみ (数えないもの)")], dict(counts),
    )  # fmt: skip


FOLLOW_UP_BANDS = [
    ("lt_6m", "6か月未満"),
    ("6_12m", "6か月以上1年未満"),
    ("1_2y", "1年以上2年未満"),
    ("ge_2y", "2年以上"),
]


def follow_up_durations(spans: list[tuple[date, date | None, int]], start: date, end: date) -> Table:
    """Follow-up (フォローアップ業務, and coordination cases in follow-up) closed in the year or open at its end,
    by time since 帰住日 (to the closure date, or to 31 March); `spans` counts cases per pair of dates."""
    counts: Counter[tuple[str, str]] = Counter()
    limits: dict[date, tuple[date, date, date]] = {}  # per 帰住日: many spans share one (issue 19)
    for release, closure, cases in spans:
        until = closure if closure and closure <= end else end
        six, twelve, twenty_four = limits.get(release) or limits.setdefault(
            release, (add_months(release, 6), add_months(release, 12), add_months(release, 24))
        )
        if until < six:
            band = "lt_6m"
        elif until < twelve:
            band = "6_12m"
        elif until < twenty_four:
            band = "1_2y"
        else:
            band = "ge_2y"
        counts[(band, "closed" if _within(closure, start, end) else "open")] += cases
    return _table(
        "follow_up_durations", 1, "フォローアップの期間 (帰住日から終結日または年度末まで)",
        FOLLOW_UP_BANDS, [("closed", "年度内に終結"), ("open", "年度末に継続中")], dict(counts),
    )  # fmt: skip


ENTRY_OUTCOMES = (
    ClosureReason.SUSPENDED_PROSECUTION, ClosureReason.NOT_PROSECUTED, ClosureReason.RELEASED_PENDING,
    ClosureReason.FINE, ClosureReason.SUSPENDED_SENTENCE, ClosureReason.IMPRISONMENT,
    ClosureReason.PROTECTIVE_MEASURE,
)  # fmt: skip
SUSPECT_OUTCOMES = [
    *((str(r), r.label) for r in ENTRY_OUTCOMES),
    ("settled", "地域生活に定着 (終結)"), ("to_consultation", "相談支援へ移行"), ("prosecuted", "起訴・実刑等で身柄拘束継続"),
    ("closed_other", "その他の終結"), ("declined", "辞退"), ("withdrawn", "取下げ"), ("released_unplaced", "調整がつかないまま釈放"),
    ("other_exit", "死亡・移管"),
]  # fmt: skip
_SUSPECT_REASONS = {row for row, _ in SUSPECT_OUTCOMES[: len(ENTRY_OUTCOMES) + 3]}


def suspect_outcomes(endings: list[tuple[str, str | None, int]]) -> Table:
    """被疑者等支援 cases that ended in the year, by how they ended — the outcome of the procedure
    (起訴猶予 … 保護処分) from whatever stage the support had reached."""
    counts: Counter[tuple[str, str]] = Counter()
    for state, reason, persons in endings:
        if state == "closed":
            row = reason if reason in _SUSPECT_REASONS else "closed_other"
        elif state in ("declined", "withdrawn", "released_unplaced"):
            row = state
        else:
            row = "other_exit"
        counts[(row, "persons")] += persons
    return _table("suspect_outcomes", 2, "被疑者等支援の結果 (年度内に終了したもの)", SUSPECT_OUTCOMES,
                  [("persons", "人数")], dict(counts))  # fmt: skip


READMISSION_ROWS = [
    ("supported_yes", "支援実施・再入所あり"), ("supported_no", "支援実施・再入所なし"), ("supported_unknown", "支援実施・不明"),
    ("declined_yes", "辞退・再入所あり"), ("declined_no", "辞退・再入所なし"), ("declined_unknown", "辞退・不明"),
]  # fmt: skip


def readmission(counts: dict[tuple[str, str], int], *, cohort: str) -> Table:
    """特別調整: supported (帰住した) against declined (辞退), by re-admission 有/無/不明 — 不明 is never 無.
    Cohort: the persons who left the 刑事施設 in the 年度, or in the 暦年 the 年度 starts in (labelled).
    Re-admissions are counted by the cohort period's end and by the end of the following 暦年."""
    table_id = "readmission_calendar" if cohort == "calendar" else "readmission_fiscal"
    title = (
        "再入所: 支援実施者と辞退者 (" + ("暦年" if cohort == "calendar" else "年度") + "コホート・退所日)"
    )
    return _table(
        table_id, 2, title, READMISSION_ROWS,
        [("persons", "人数"), ("by_period_end", "うち期間末までに再入所"), ("by_next_year_end", "うち翌年末までに再入所")],
        dict(counts),
    )  # fmt: skip


def compute_tables(session: Session, fiscal_year: int) -> dict[str, Table]:
    start, end = fiscal_year_range(fiscal_year)
    returned = stats_sources.returned_groups(session, start, end)
    network = stats_sources.network_rows(session, start, end)
    counts = stats_sources.caseload_counts(session, start, end)
    contacts, consultation_contacts = stats_sources.contacts_by_line(session, start, end)
    tables = [
        caseload(counts, contacts),
        coordination_by_role(counts),
        consultations(stats_sources.consultation_counts(session, start, end, consultation_contacts)),
        settled_by_disability(returned),
        residence_at_release(returned),
        council_participation(network),
        network_activities(network),
        follow_up_durations(stats_sources.follow_up_spans(session, start, end), start, end),
        suspect_outcomes(stats_sources.suspect_endings(session, start, end)),
        readmission(stats_sources.readmission_counts(session, start, end), cohort="fiscal"),
        readmission(
            stats_sources.readmission_counts(session, date(start.year, 1, 1), date(start.year, 12, 31)),
            cohort="calendar",
        ),
    ]
    return {t.id: t for t in tables}


def empty_tables() -> list[Table]:
    """Every table computed over no data: its definition (id, version, rows, columns, labels)."""
    start, end = date(2000, 4, 1), date(2001, 3, 31)
    return [
        caseload({}, {}), coordination_by_role({}), consultations({}), settled_by_disability([]),
        residence_at_release([]),
        council_participation([]), network_activities([]), follow_up_durations([], start, end),
        suspect_outcomes([]), readmission({}, cohort="fiscal"), readmission({}, cohort="calendar"),
    ]  # fmt: skip


# Columns that count events or are 0/1 flags, not persons: never suppressed (a count of meetings or
# contacts identifies nobody, and hiding a 1 that says "participated" hides nothing).
EVENT_COLUMNS: dict[str, frozenset[str]] = {
    "caseload": frozenset({"contacts"}),
    "consultations": frozenset({"consultations", "contacts"}),
    "council_participation": frozenset({"attended", "hosted", "participated"}),
    "network_activities": frozenset({"events", "participants", "excluded"}),
}

# Tables that count the same population: their totals are equal, which disclosure control must know.
LINKED_TOTALS: tuple[tuple[str, ...], ...] = (("settled_by_disability", "residence_at_release"),)
