"""Reading and writing ledger files: .xlsx, or text as Excel writes it (CSV in UTF-8, Shift_JIS or UTF-16;
「Unicode テキスト」 with tabs). Written ledgers are .xlsx or UTF-8 CSV with a BOM, chosen by extension."""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import charset_normalizer
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.services.ledger.columns import (
    CHOICES_SHEET,
    COLUMNS,
    HELP_SHEET,
    LEDGER_RULES,
    SHEET,
    STATE_NOTES,
)
from teiretsu_desktop.services.ledger.protect import encrypt_xlsx
from teiretsu_desktop.store.atomic import atomic_write_bytes
from teiretsu_desktop.store.zip_members import ZIP_READ_FAILURES

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


READABLE = (".xlsx", ".csv", ".txt", ".tsv")  # Excel's 「Unicode テキスト」 is a tab-separated .txt


def _kind(path: Path, allowed: tuple[str, ...] = (".xlsx", ".csv")) -> str:
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise InvalidInput(
            f"台帳は {'・'.join(allowed)} のファイルにしてください / The ledger must be {', '.join(allowed)}: {path.name}"
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


@dataclass(frozen=True)
class RawSheet:
    """A sheet's cells as text; `rows[0]` is the sheet's row 1 (blank rows kept, so numbers match Excel)."""

    name: str
    rows: list[list[str]]


@dataclass(frozen=True)
class RawFile:
    name: str
    encoding: str | None  # how a text file was encoded, as the dry run shows it; None for .xlsx
    sheets: list[RawSheet]


# Labels for the encodings Excel writes, as a person recognises them.
ENCODING_LABELS = {
    "utf-8-sig": "UTF-8 (BOM付き)",
    "utf-8": "UTF-8",
    "cp932": "Shift_JIS (cp932)",
    "utf-16": "UTF-16 (Unicode テキスト)",
    "euc_jp": "EUC-JP",
}


def _decode(data: bytes) -> tuple[str, str]:
    """Text and its encoding. A byte-order mark decides; else UTF-8 if the bytes are valid UTF-8; else
    what charset-normalizer finds among the encodings Japanese Excel and older systems write."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=["cp932", "euc_jp", "utf_16"]).best()
    if best is None:
        raise InvalidInput(
            "文字コードが分かりません。Excelで「CSV UTF-8」か「CSV」で保存し直してください / "
            "Unknown text encoding; save the file again as CSV UTF-8."
        )
    name = {"shift_jis": "cp932", "cp932": "cp932", "euc_jp": "euc_jp"}.get(best.encoding, best.encoding)
    if name.startswith("utf_16"):
        name = "utf-16"
    codec = "utf-16-le" if name == "utf-16" and best.encoding == "utf_16_le" else name
    return data.decode(codec), name


def _read_text_table(path: Path) -> RawFile:
    if path.stat().st_size > MAX_UNPACKED:
        raise InvalidInput("ファイルが大きすぎます / The file is too large.")
    try:
        text, encoding = _decode(path.read_bytes())
    except (UnicodeDecodeError, LookupError):
        raise InvalidInput(
            "文字コードが正しくありません。Excelで「CSV UTF-8」で保存し直してください / "
            "The text encoding is damaged; save the file again as CSV UTF-8."
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    table: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(table) > MAX_ROWS + 1:
                raise InvalidInput(f"行が多すぎます (最大 {MAX_ROWS}) / Too many rows.")
            table.append([_restore(c) for c in row[:MAX_COLUMNS]])
    except csv.Error as exc:
        raise InvalidInput(f"CSVとして読めません ({exc}) / Not a readable CSV file.") from None
    return RawFile(path.name, encoding, [RawSheet(path.stem, _checked(table))])


def read_file(path: Path) -> RawFile:
    """Every sheet's cells as text (only 台帳 when the file has it). Raises InvalidInput for a file that is
    not a ledger at all: wrong kind, empty, too large, unreadable, hostile."""
    kind = _kind(path, READABLE)
    if not path.exists():
        raise InvalidInput(f"ファイルがありません / No such file: {path}")
    if path.stat().st_size == 0:
        raise InvalidInput("ファイルが空です / The file is empty.")
    raw = _read_text_table(path) if kind != ".xlsx" else RawFile(path.name, None, _read_xlsx(path))
    sheets = []
    for sheet in raw.sheets:
        rows = sheet.rows
        while rows and not any(c.strip() for c in rows[-1]):
            rows.pop()
        if rows:
            sheets.append(RawSheet(sheet.name, rows))
    if not sheets:
        raise InvalidInput("ファイルが空です / The file is empty.")
    return RawFile(raw.name, raw.encoding, sheets)


# What a damaged or hostile .xlsx makes the zip, zlib, XML and openpyxl layers raise. defusedxml's
# refusals (entities, external references) are ValueErrors; a broken XML part is a SyntaxError.
XLSX_FAILURES: tuple[type[BaseException], ...] = (
    *ZIP_READ_FAILURES, KeyError, TypeError, SyntaxError, IndexError, AttributeError, RuntimeError,
)  # fmt: skip


def _read_xlsx(path: Path) -> list[RawSheet]:
    """The sheet 台帳 — or, in a center's own workbook, every sheet — as text, in bounded memory: the zip
    is checked before anything is unpacked, XML is parsed by defusedxml (openpyxl uses it when installed:
    no entities, no external references), and the declared sheet size is ignored — only cells that exist
    are read, up to the row and column limits (for all sheets together)."""
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
        names = [SHEET] if SHEET in book.sheetnames else [
            n for n in book.sheetnames if n not in (HELP_SHEET, CHOICES_SHEET)
        ]  # fmt: skip
        sheets: list[RawSheet] = []
        total = 0
        for name in names:
            sheet = book[name]
            if not hasattr(sheet, "iter_rows"):
                continue  # a chart sheet
            sheet.reset_dimensions()  # a forged <dimension ref="A1:XFD1048576"> must not size anything
            table: list[list[str]] = []
            blank = 0  # empty rows are kept only when a filled row follows (a far cell must not fill memory)
            for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
                if total + len(table) + blank > MAX_ROWS + 1:
                    raise InvalidInput(f"行が多すぎます (最大 {MAX_ROWS}) / Too many rows.")
                if all(v is None for v in row):
                    blank += 1
                    continue
                table.extend([[] for _ in range(blank)])
                blank = 0
                cells = [_cell(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                table.append(cells)
            total += len(table)
            sheets.append(RawSheet(name, _checked(table)))
        return sheets
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


def _help_sheet(book: Workbook) -> None:
    sheet = book.create_sheet(HELP_SHEET)
    sheet.append(["列", "説明", "書き方", "例", "集計での使われ方", "必須"])
    for column in COLUMNS:
        sheet.append(
            [column.header, column.help or column.header, column.format, column.example, column.feeds,
             "必須" if column.required else ""]
        )  # fmt: skip
    sheet.append([])
    sheet.append(["状態", "年度の集計での数え方"])
    for state, how in STATE_NOTES:
        sheet.append([f"状態: {state}", how])
    sheet.append([])
    sheet.append(["きまり", "説明"])
    for rule, how in LEDGER_RULES:
        sheet.append([rule, how])
    for letter, width in zip("ABCDEF", (26, 80, 34, 24, 30, 6), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "B2"


def _workbook(headers: list[str]) -> Workbook:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(headers)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(1, index)
        sheet.column_dimensions[cell.column_letter].width = max(10, len(column.header) * 2 + 2)
        # Hovering a header shows what the column is (the 説明 sheet says it in full).
        cell.comment = Comment(f"{column.help or column.header}\n書き方: {column.format}", "Teiretsu")
    _help_sheet(book)
    choices = book.create_sheet(CHOICES_SHEET)
    coded = [c for c in COLUMNS if c.choices is not None]
    for col_index, column in enumerate(coded, start=1):
        assert column.choices is not None
        choices.cell(1, col_index, column.header)
        labels = column.choices.labels()
        for row_index, label in enumerate(labels, start=2):
            choices.cell(row_index, col_index, label)
        if column.multiple:
            continue  # several values in one cell: no drop-down (the 選択肢 sheet lists them)
        letter = choices.cell(1, col_index).column_letter
        target = sheet.cell(1, [c.key for c in COLUMNS].index(column.key) + 1).column_letter
        # A list to choose from; other spellings (男性, グループホーム, …) stay allowed: the import reads them.
        validation = DataValidation(
            type="list",
            formula1=f"'{CHOICES_SHEET}'!${letter}$2:${letter}${len(labels) + 1}",
            allow_blank=True,
            showErrorMessage=False,
            showInputMessage=True,
            promptTitle=column.header[:32],
            prompt=(column.help or "選択肢から選びます")[:250],
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
