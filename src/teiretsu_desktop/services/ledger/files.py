"""Reading and writing ledger files: .xlsx (sheet 台帳) or .csv (UTF-8 with BOM), chosen by extension."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.datavalidation import DataValidation

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.services.ledger.columns import CHOICES_SHEET, COLUMNS, HELP_SHEET, SHEET
from teiretsu_desktop.services.ledger.protect import encrypt_xlsx
from teiretsu_desktop.store.atomic import atomic_write_bytes

MAX_ROWS = 200_000


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InvalidInput(
            f"台帳は .xlsx か .csv にしてください / The ledger must be .xlsx or .csv: {path.name}"
        )
    return suffix


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows as text. Raises InvalidInput for a file that is not a ledger at all."""
    kind = _kind(path)
    if not path.exists():
        raise InvalidInput(f"ファイルがありません / No such file: {path}")
    if path.stat().st_size == 0:
        raise InvalidInput("ファイルが空です / The file is empty.")
    if kind == ".csv":
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput("CSVはUTF-8 (BOM付き) で保存してください / Save the CSV as UTF-8.") from None
        table = [row for row in csv.reader(io.StringIO(text))]
    else:
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError):
            raise InvalidInput("Excelファイルとして読めません / Not a readable .xlsx file.") from None
        try:
            if SHEET not in book.sheetnames:
                raise InvalidInput(
                    f"シート「{SHEET}」がありません (あるシート: {'、'.join(book.sheetnames)}) / No sheet named {SHEET}."
                )
            table = [[_cell(v) for v in row] for row in book[SHEET].iter_rows(values_only=True)]
        finally:
            book.close()
    while table and not any(c.strip() for c in table[-1]):
        table.pop()
    if not table:
        raise InvalidInput("ファイルが空です / The file is empty.")
    if len(table) - 1 > MAX_ROWS:
        raise InvalidInput(f"行が多すぎます (最大 {MAX_ROWS}) / Too many rows.")
    header = [h.strip() for h in table[0]]
    while header and not header[-1]:
        header.pop()
    return header, [row + [""] * (len(header) - len(row)) for row in table[1:]]


def write_table(path: Path, rows: Sequence[Sequence[str]], *, password: str | None = None) -> None:
    """Write the ledger atomically (the file is a deliberate export of personal data): an .xlsx is
    password-protected when `password` is given; a .csv cannot be, so it needs `password` None."""
    kind = _kind(path)
    headers = [c.header for c in COLUMNS]
    if kind == ".csv" and password is not None:
        raise InvalidInput(
            "CSVにはパスワードをかけられません。.xlsx にしてください / A CSV cannot be password-protected; use .xlsx."
        )
    if kind == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(rows)
        atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
        return
    book = _workbook(headers)
    sheet = book[SHEET]
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    atomic_write_bytes(path, encrypt_xlsx(data, password) if password is not None else data)


def _workbook(headers: list[str]) -> Workbook:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(headers)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(
            10, len(column.header) * 2 + 2
        )
    help_sheet = book.create_sheet(HELP_SHEET)
    help_sheet.append(["列", "説明", "必須"])
    for column in COLUMNS:
        help_sheet.append([column.header, column.help, "必須" if column.required else ""])
    choices = book.create_sheet(CHOICES_SHEET)
    coded = [c for c in COLUMNS if c.choices is not None]
    for col_index, column in enumerate(coded, start=1):
        assert column.choices is not None
        choices.cell(1, col_index, column.header)
        labels = column.choices.labels()
        for row_index, label in enumerate(labels, start=2):
            choices.cell(row_index, col_index, label)
        if column.read.__qualname__.startswith("_codes"):
            continue  # several values in one cell: no drop-down
        letter = choices.cell(1, col_index).column_letter
        target = sheet.cell(1, [c.key for c in COLUMNS].index(column.key) + 1).column_letter
        validation = DataValidation(
            type="list",
            formula1=f"'{CHOICES_SHEET}'!${letter}$2:${letter}${len(labels) + 1}",
            allow_blank=True,
        )
        validation.add(f"{target}2:{target}{MAX_ROWS}")
        sheet.add_data_validation(validation)
    return book


def write_template(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput("テンプレートは .xlsx です / The template is an .xlsx file.")
    out = io.BytesIO()
    _workbook([c.header for c in COLUMNS]).save(out)
    atomic_write_bytes(path, out.getvalue())
