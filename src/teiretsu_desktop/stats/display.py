"""A year's table as people read it: the seed's orientation with 合計 where a sum means something.

Totals are for reading only; the bundle carries the cells (the prefecture adds its own totals). A
column total is given where the columns split one population (参考1's age bands); a row total where the
rows do (per person, or — for the caseload, where one person may be in two lines — as 延べ).
"""

from __future__ import annotations

from dataclasses import dataclass

from teiretsu_desktop.stats.tables import Table

# table id -> (row total label or None, column total?)
TOTALS: dict[str, tuple[str | None, bool]] = {
    "caseload": ("合計 (延べ)", False),
    "coordination_by_role": ("合計 (延べ)", False),
    "consultations": ("合計", False),
    "settled_by_disability": ("合計", True),
    "residence_at_release": ("合計", False),
    "suspect_outcomes": ("合計", False),
    "council_participation": (None, False),
    "network_activities": ("合計", False),
    "follow_up_durations": ("合計", True),
    "readmission_fiscal": (None, False),
    "readmission_calendar": (None, False),
}

TABLE_HELP = {
    "caseload": "業務別の人数 (フォローアップは帰住日から別業務)",
    "coordination_by_role": "コーディネートの所在地・帰住地センター別",
    "consultations": "相談支援の件数と延べ回数",
    "settled_by_disability": "参考1 帰住者の障害・年齢 (帰住地センターのみ)",
    "residence_at_release": "参考2 矯正施設退所時点の居住先",
    "council_participation": "設問IV-9 協議会等",
    "network_activities": "連携活動",
    "follow_up_durations": "フォローアップの期間",
    "suspect_outcomes": "被疑者等支援の結果",
    "readmission_fiscal": "再入所 (年度コホート)",
    "readmission_calendar": "再入所 (暦年コホート)",
}


@dataclass(frozen=True)
class Shown:
    title: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]


def with_totals(table: Table) -> Shown:
    row_total, column_total = TOTALS.get(table.id, (None, False))
    labels = list(table.column_labels)
    cells = [list(row) for row in table.cells]
    if column_total:
        labels.append("合計")
        cells = [[*row, sum(row)] for row in cells]
    rows = list(table.row_labels)
    if row_total is not None:
        rows.append(row_total)
        cells.append([sum(column) for column in zip(*cells, strict=True)] if cells else [])
    return Shown(table.title, tuple(rows), tuple(labels), tuple(tuple(row) for row in cells))


# What a reader needs to know to read the numbers right (shown under the table on the 統計 screen).
TABLE_NOTES = {
    "caseload": "1人が年度内に複数の業務 (例: 特別調整のあとフォローアップ) を受けることがあるため、合計は延べ人数で、"
    "実人数とは一致しません。",
    "coordination_by_role": "1人が所在地センターと帰住地センターの両方で数えられることはありません。合計は延べ人数です。",
    "consultations": "件数は相談の数、延べ回数は対応の回数です。",
    "settled_by_disability": "帰住した人を最初の帰住で1回だけ数えます。年齢は帰住日の年齢で、生年月日がない人は年齢不明です。",
    "residence_at_release": "矯正施設を退所した時点の居住先です。その後の転居は数えません。",
    "readmission_fiscal": "再入所「不明」は「無」として数えません。",
    "readmission_calendar": "再入所「不明」は「無」として数えません。",
}
