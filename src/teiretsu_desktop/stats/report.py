"""The prefecture's report: centers side by side and their total, per table, for one 年度.

A suppressed cell is carried as an interval, never as zero: a total over centers with suppressed
cells is "at least" the published sum plus one per suppressed cell (secondary suppression means a
suppressed cell may be large, so there is no upper bound).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from teiretsu_desktop.documents.fonts import FONT_NAME, register_japanese_font
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.wareki import fiscal_year_label
from teiretsu_desktop.stats.policies import HANDLING
from teiretsu_desktop.stats.schema import table_shapes
from teiretsu_desktop.stats.tables import empty_tables
from teiretsu_desktop.stats.workspace import Workspace
from teiretsu_desktop.store.atomic import atomic_write_bytes


@dataclass(frozen=True)
class Interval:
    low: int
    exact: bool

    def text(self) -> str:
        return str(self.low) if self.exact else f"{self.low}以上"


@dataclass(frozen=True)
class ReportRow:
    table: str
    row: str
    column: str
    by_center: dict[str, int | None]
    total: Interval
    per_100k: dict[str, float] | None = None


def _labels() -> dict[str, tuple[str, dict[str, str], dict[str, str]]]:
    return {
        x.id: (
            x.title,
            dict(zip(x.rows, x.row_labels, strict=True)),
            dict(zip(x.columns, x.column_labels, strict=True)),
        )
        for x in empty_tables()
    }


def aggregate(
    workspace: Workspace, fiscal_year: int, population: dict[str, int] | None = None
) -> tuple[list[str], list[ReportRow]]:
    bundles = workspace.bundles_for(fiscal_year)
    if not bundles:
        raise InvalidInput(
            f"{fiscal_year}年度の集計はまだ取り込まれていません / no bundles for FY{fiscal_year}"
        )
    centers = sorted(bundles)
    rows: list[ReportRow] = []
    for tid, (_version, row_codes, column_codes) in table_shapes().items():
        for r, row in enumerate(row_codes):
            for c, column in enumerate(column_codes):
                values = {center: bundles[center].cells[tid][r][c] for center in centers}
                published = sum(v for v in values.values() if v is not None)
                hidden = sum(1 for v in values.values() if v is None)
                per = None
                if population:
                    per = {ctr: round(v * 100_000 / population[ctr], 2) for ctr, v in values.items()
                           if v is not None and population.get(ctr)}  # fmt: skip
                rows.append(
                    ReportRow(tid, row, column, values, Interval(published + hidden, hidden == 0), per)
                )
    return centers, rows


def _matrix(centers: list[str], rows: list[ReportRow]) -> list[list[str]]:
    labels = _labels()
    header = ["表", "行", "列", *centers, "合計"]
    body = []
    for r in rows:
        title, row_labels, column_labels = labels[r.table]
        cells = ["秘匿" if r.by_center[c] is None else str(r.by_center[c]) for c in centers]
        body.append([title, row_labels[r.row], column_labels[r.column], *cells, r.total.text()])
    return [header, *body]


def handling(workspace: Workspace, fiscal_year: int) -> str:
    """取扱注意 when any centre's bundle carries exact counts (the prefecture policy)."""
    policies = {b.manifest.get("policy") for b in workspace.bundles_for(fiscal_year).values()}
    return HANDLING["prefecture"] if "prefecture" in policies else HANDLING["public"]


def write_report(
    workspace: Workspace, fiscal_year: int, fmt: str, out: Path, population: dict[str, int] | None = None
) -> int:
    centers, rows = aggregate(workspace, fiscal_year, population)
    mark = handling(workspace, fiscal_year)
    matrix = [[mark], *_matrix(centers, rows)]
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(matrix)
        atomic_write_bytes(out, buffer.getvalue().encode("utf-8-sig"), 0o644)
    elif fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = f"FY{fiscal_year}"
        for line in matrix:
            sheet.append([int(x) if x.isdigit() else x for x in line])
        data = io.BytesIO()
        book.save(data)
        atomic_write_bytes(out, data.getvalue(), 0o644)
    elif fmt == "pdf":
        atomic_write_bytes(out, _pdf(fiscal_year, centers, rows, matrix[1:], mark), 0o644)
    else:
        raise InvalidInput("形式は csv / xlsx / pdf です / format must be csv, xlsx or pdf")
    return len(rows)


def _chart(centers: list[str], rows: list[ReportRow]) -> Drawing:
    """New persons per center and business line (suppressed cells drawn as 0 and labelled in the table)."""
    caseload = [r for r in rows if r.table == "caseload" and r.column == "new"]
    lines = [r.row for r in caseload]
    data = [[r.by_center[c] or 0 for r in caseload] for c in centers]
    drawing = Drawing(260 * mm, 90 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40 * mm, 10 * mm, 200 * mm, 70 * mm
    chart.data = data or [[0]]
    chart.categoryAxis.categoryNames = [_labels()["caseload"][1][line] for line in lines]
    chart.categoryAxis.labels.fontName = FONT_NAME
    chart.valueAxis.labels.fontName = FONT_NAME
    chart.valueAxis.valueMin = 0
    drawing.add(chart)
    drawing.add(String(40 * mm, 84 * mm, "業務別の新規人数 (センター別)", fontName=FONT_NAME, fontSize=10))
    return drawing


def _pdf(
    fiscal_year: int, centers: list[str], rows: list[ReportRow], matrix: list[list[str]], mark: str
) -> bytes:
    register_japanese_font()
    style = ParagraphStyle("t", fontName=FONT_NAME, fontSize=14, leading=20)
    small = ParagraphStyle("s", fontName=FONT_NAME, fontSize=7, leading=9, wordWrap="CJK")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm, title=f"FY{fiscal_year} report")  # fmt: skip
    table = Table([[Paragraph(cell, small) for cell in line] for line in matrix], repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.3, "#7f8c8d"), ("BACKGROUND", (0, 0), (-1, 0), "#ecf0f1")])
    )
    story = [
        Paragraph(f"<font color='#c0392b'>{mark}</font>", style),
        Paragraph(f"地域生活定着支援センター 集計 {fiscal_year_label(fiscal_year)} ({len(centers)}センター)", style),
        Paragraph("「秘匿」は少数のため非公表の値です。合計の「以上」は秘匿を含むため下限のみを示します。", small),
        Spacer(1, 4 * mm), _chart(centers, rows), Spacer(1, 4 * mm), table,
    ]  # fmt: skip
    doc.build(story)
    return buffer.getvalue()
