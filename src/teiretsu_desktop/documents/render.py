"""Rendering a form definition with its data into an A4 PDF in memory (nothing is written to disk)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from teiretsu_desktop.documents.context import FormContext, wareki
from teiretsu_desktop.documents.definitions import PLACEHOLDER, Block, FormDefinition
from teiretsu_desktop.documents.fonts import FONT_NAME, register_japanese_font
from teiretsu_desktop.documents.ruby import RubyParagraph

MARGIN = 18 * mm
CAUTION = "取扱注意 ― 要配慮個人情報を含みます。目的外の利用・複写・第三者への提供はできません。"


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    items: tuple[str, ...]  # what was disclosed, for the 提供記録
    pages: int


def _styles(size: float) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT_NAME, fontSize=size, leading=size * 1.55, wordWrap="CJK")
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontSize=size * 1.7, leading=size * 2.3, alignment=1, spaceAfter=6
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontSize=size * 1.15,
            leading=size * 1.7,
            spaceBefore=8,
            spaceAfter=3,
            textColor=colors.HexColor("#1f3a5f"),
        ),
        "cell": ParagraphStyle("cell", parent=base, leading=size * 1.4),
        "label": ParagraphStyle(
            "label", parent=base, leading=size * 1.4, textColor=colors.HexColor("#333333")
        ),
        "entry": ParagraphStyle("entry", parent=base, spaceBefore=6, textColor=colors.HexColor("#1f3a5f")),
    }


def _fill(text: str, ctx: FormContext) -> str:
    """Placeholders are replaced by escaped data, so a name with < or & cannot become markup."""
    return PLACEHOLDER.sub(lambda m: escape(ctx.values.get(m.group(1), "")), text)


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _grid(data: list[list[Any]], widths: list[float], header: bool = False) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0, splitByRow=True)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7f8c8d")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1) if not header else (-1, 0), colors.HexColor("#ecf0f1")),
    ]
    table.setStyle(TableStyle(style))
    return table


class _Builder:
    def __init__(self, form: FormDefinition, ctx: FormContext, groups: frozenset[str], width: float) -> None:
        self.form, self.ctx, self.groups, self.width = form, ctx, groups, width
        self.styles = _styles(form.font_size)
        self.items: list[str] = []

    def allowed(self, group: str | None) -> bool:
        return group is None or group in self.groups

    def block(self, block: Block) -> list[Flowable]:
        if not self.allowed(block.group):
            return []
        handler = getattr(self, f"_{block.type}")
        result: list[Flowable] = handler(block)
        return result

    def _title(self, b: Block) -> list[Flowable]:
        return [Paragraph(_fill(b.text, self.ctx), self.styles["title"])]

    def _section(self, b: Block) -> list[Flowable]:
        return [Paragraph(_fill(b.text or b.heading, self.ctx), self.styles["heading"])]

    def _text(self, b: Block) -> list[Flowable]:
        filled = _fill(b.text, self.ctx).replace("\n", "<br/>")
        return [Paragraph(filled, self.styles["body"]), Spacer(1, 2 * mm)]

    def _ruby_text(self, b: Block) -> list[Flowable]:
        text = PLACEHOLDER.sub(lambda m: self.ctx.values.get(m.group(1), ""), b.text)
        return [RubyParagraph(text, FONT_NAME, b.size or self.form.font_size * 1.6), Spacer(1, 3 * mm)]

    def _fields(self, b: Block) -> list[Flowable]:
        rows = [r for r in b.rows if self.allowed(r.group)]
        if not rows:
            return []
        data = []
        for row in rows:
            value = self.ctx.values.get(row.value, "")
            if value:
                self.items.append(row.label)
            data.append([_para(row.label, self.styles["label"]), _para(value, self.styles["cell"])])
        out: list[Flowable] = [Paragraph(escape(b.heading), self.styles["heading"])] if b.heading else []
        return [*out, _grid(data, [self.width * 0.28, self.width * 0.72])]

    def _list(self, b: Block) -> list[Flowable]:
        records = self.ctx.lists.get(b.source, [])
        header = [_para(c.label, self.styles["label"]) for c in b.columns]
        body = [[_para(r.get(c.value, ""), self.styles["cell"]) for c in b.columns] for r in records]
        if records:
            self.items.append(b.heading or b.source)
        if not body:
            body = [
                [_para("(なし)", self.styles["cell"])]
                + [_para("", self.styles["cell"]) for _ in b.columns[1:]]
            ]
        widths = [self.width / len(b.columns)] * len(b.columns)
        out: list[Flowable] = [Paragraph(escape(b.heading), self.styles["heading"])] if b.heading else []
        return [*out, _grid([header, *body], widths, header=True)]

    def _activities(self, b: Block) -> list[Flowable]:
        out: list[Flowable] = [Paragraph(escape(b.heading), self.styles["heading"])] if b.heading else []
        if self.ctx.activities:
            self.items.append(b.heading or "支援経過")
        for a in self.ctx.activities:
            when = f"{wareki(a.occurred_at.date())} {a.occurred_at:%H:%M}"
            head = "　".join(
                x
                for x in (when, a.kind.label, a.place or "", f"担当 {a.staff_name}" if a.staff_name else "")
                if x
            )
            out.append(Paragraph(escape(head), self.styles["entry"]))
            # Each entry is its own paragraph, so a long note flows onto the next page line by line.
            out.append(_para(a.narrative or "(閲覧権限がありません)", self.styles["body"]))
        if not self.ctx.activities:
            out.append(_para("(この期間の記録はありません)", self.styles["body"]))
        return out

    def _blank(self, b: Block) -> list[Flowable]:
        data = [[""] for _ in range(max(1, b.lines))]
        table = Table(data, colWidths=[self.width], rowHeights=[9 * mm] * len(data))
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#95a5a6"))]))
        out: list[Flowable] = [Paragraph(escape(b.heading), self.styles["heading"])] if b.heading else []
        return [*out, table]

    def _signature(self, b: Block) -> list[Flowable]:
        data = [[_para(label, self.styles["label"]), ""] for label in b.labels]
        table = Table(data, colWidths=[self.width * 0.3, self.width * 0.7], rowHeights=[12 * mm] * len(data))
        table.setStyle(
            TableStyle(
                [("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
            )
        )
        return [Spacer(1, 4 * mm), table]


def _numbered_canvas(header: str, title: str, mark: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        """Draws "page n / N" once the page count is known (two passes over saved page states)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT_NAME, 8)
                self.setFillColor(colors.HexColor("#555555"))
                width, height = A4
                self.drawString(MARGIN, height - 12 * mm, header or title)
                if mark:
                    self.setFont(FONT_NAME, 11)
                    self.setFillColor(colors.HexColor("#b03a2e"))
                    self.drawRightString(width - MARGIN, height - 12 * mm, mark)
                    self.setFont(FONT_NAME, 8)
                    self.setFillColor(colors.HexColor("#555555"))
                self.drawRightString(width - MARGIN, 10 * mm, f"{self._pageNumber} / {total}")
                self.drawString(MARGIN, 10 * mm, CAUTION)
                super().showPage()
            super().save()

    return NumberedCanvas


def render(
    form: FormDefinition, ctx: FormContext, *, groups: frozenset[str], mark: str = "", font: str | None = None
) -> Rendered:
    """`groups` are what the reader may receive (need-to-know); `mark` is stamped on every page."""
    register_japanese_font(font)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 4 * mm, bottomMargin=MARGIN,
        title=form.title, author="Teiretsu Desktop", subject=form.id, creator="Teiretsu Desktop",
    )  # fmt: skip
    builder = _Builder(form, ctx, groups, document.width)
    story: list[Flowable] = []
    for block in form.blocks:
        story += builder.block(block)
    header = _fill(form.running_header, ctx) if form.running_header else form.title
    document.build(story, canvasmaker=_numbered_canvas(re.sub(r"<[^>]+>", "", header), form.title, mark))
    return Rendered(buffer.getvalue(), tuple(dict.fromkeys(builder.items)), document.page)
