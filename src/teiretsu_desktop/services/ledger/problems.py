"""The rows an import refused or warned about, as an .xlsx the staff can work through and fix."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.services.ledger.files import neutralise
from teiretsu_desktop.services.ledger.importer import ImportReport
from teiretsu_desktop.store.atomic import atomic_write_bytes

HEADERS = ("種類", "シート", "行", "列", "内容")


def save_problems(report: ImportReport, path: Path) -> int:
    """Write every error and warning (errors first) and return how many; the person chose the file."""
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput("一覧は .xlsx で保存します / The list is saved as .xlsx.")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "取込の問題"
    sheet.append(list(HEADERS))
    problems = [("誤り", e) for e in report.errors] + [("注意", w) for w in report.warnings]
    for kind, problem in problems:
        sheet.append(
            [kind, problem.sheet, problem.row, neutralise(problem.column), neutralise(problem.message)]
        )
    for letter, width in zip("ABCDE", (6, 16, 6, 16, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    atomic_write_bytes(path, out.getvalue())
    return len(problems)
