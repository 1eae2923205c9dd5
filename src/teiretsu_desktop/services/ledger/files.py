"""Reading and writing ledger files: .xlsx (sheet 台帳) or .csv (UTF-8 with BOM), chosen by extension."""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
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
MAX_COLUMNS = 200
MAX_CELL = 10_000  # characters in one cell
MAX_UNPACKED = 200 * 1024 * 1024  # bytes of an .xlsx once unzipped (a zip bomb is refused unread)
MAX_MEMBERS = 1_000
# A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection"): written
# as text, never as a formula, and a CSV cell gets a leading apostrophe that the import removes again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


def _checked(table: list[list[str]]) -> list[list[str]]:
    for number, row in enumerate(table, start=1):
        for column, value in enumerate(row, start=1):
            if len(value) > MAX_CELL:
                raise InvalidInput(
                    f"{number}行目 {column}列: セルが長すぎます (最大 {MAX_CELL}文字) / cell too long"
                )
            if CONTROL.search(value):
                raise InvalidInput(
                    f"{number}行目 {column}列: 制御文字 (NUL など) が入っています / control character in a cell"
                )
    return table


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
        if path.stat().st_size > MAX_UNPACKED:
            raise InvalidInput("CSVファイルが大きすぎます / The CSV file is too large.")
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput("CSVはUTF-8 (BOM付き) で保存してください / Save the CSV as UTF-8.") from None
        table: list[list[str]] = []
        try:
            for row in csv.reader(io.StringIO(text)):
                if len(table) > MAX_ROWS + 1:
                    raise InvalidInput(f"行が多すぎます (最大 {MAX_ROWS}) / Too many rows.")
                table.append([_restore(c) for c in row[:MAX_COLUMNS]])
        except csv.Error as exc:
            raise InvalidInput(f"CSVとして読めません ({exc}) / Not a readable CSV file.") from None
    else:
        table = _read_xlsx(path)
    table = _checked(table)
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


# What a damaged or hostile .xlsx makes the zip, zlib, XML and openpyxl layers raise. defusedxml's
# refusals (entities, external references) are ValueErrors; a broken XML part is a SyntaxError.
XLSX_FAILURES = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error, OSError, EOFError, KeyError,
    ValueError, TypeError, SyntaxError, IndexError, AttributeError, NotImplementedError, RuntimeError,
)  # fmt: skip


def _read_xlsx(path: Path) -> list[list[str]]:
    """The sheet 台帳 as text, in bounded memory: the zip is checked before anything is unpacked, XML is
    parsed by defusedxml (openpyxl uses it when installed: no entities, no external references), and the
    declared sheet size is ignored — only cells that exist are read, up to the row and column limits."""
    unreadable = "Excelファイルとして読めません / Not a readable .xlsx file."
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
                raise InvalidInput("Excelファイルが大きすぎます (展開後) / The .xlsx unpacks too large.")
    except XLSX_FAILURES:
        raise InvalidInput(unreadable) from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except XLSX_FAILURES:
        raise InvalidInput(unreadable) from None
    try:
        if SHEET not in book.sheetnames:
            raise InvalidInput(
                f"シート「{SHEET}」がありません (あるシート: {'、'.join(book.sheetnames)}) / No sheet named {SHEET}."
            )
        sheet = book[SHEET]
        sheet.reset_dimensions()  # a forged <dimension ref="A1:XFD1048576"> must not size anything
        table: list[list[str]] = []
        blank = 0  # empty rows are kept only when a filled row follows (a far cell must not fill memory)
        for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            if len(table) + blank > MAX_ROWS + 1:
                raise InvalidInput(f"行が多すぎます (最大 {MAX_ROWS}) / Too many rows.")
            if all(v is None for v in row):
                blank += 1
                continue
            table.extend([[] for _ in range(blank)])
            blank = 0
            table.append([_cell(v) for v in row])
        return table
    except InvalidInput:
        raise
    except XLSX_FAILURES:
        raise InvalidInput(unreadable) from None
    finally:
        book.close()


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
        writer.writerows([neutralise(c) for c in row] for row in rows)
        atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
        return
    book = _workbook(headers)
    sheet = book[SHEET]
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # openpyxl takes a leading "=" for a formula: store it as text
                cell.data_type = "s"
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
