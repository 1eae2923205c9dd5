"""A center's own ledger: where its header row is, which of our columns each of its columns is, and the
mapping saved for next time (a TOML file `import-ledger --mapping` takes).

A workbook may hold a title row above the header, merged cells, one sheet per business line and a total
row at the end (../shared/fixtures/center-ledgers). The header is the row, among the first fifteen, that
names the most of our columns; a row that says 計/合計 is a total, not a case. A sheet named after a
business line (特別調整, 一般調整, …) gives its rows that 業務区分 when no column or default does.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.ledger_vocabulary import (
    HEADER_SYNONYMS,
    AmbiguousValue,
    UnknownValue,
    fold,
    match_code,
)
from teiretsu_desktop.services.ledger.columns import BY_HEADER, COLUMNS, CellError, Column
from teiretsu_desktop.services.ledger.files import RawFile, read_file
from teiretsu_desktop.store.atomic import atomic_write_bytes

LEAVE_OUT = ""  # a mapping target: the column is not imported
MANY_ALLOWED = ("備考",)  # several of a center's columns may go to 備考 (joined, each with its name)
HEADER_SEARCH_ROWS = 15
TOTAL_WORDS = frozenset({"計", "合計", "総計", "小計", "計:", "合計:"})
MAPPING_VERSION = 1

_BY_FOLDED: dict[str, tuple[str, str]] = {}
for _column in COLUMNS:
    _BY_FOLDED[fold(_column.header)] = (_column.header, "列名が同じ")
for _target, _synonyms in HEADER_SYNONYMS.items():
    assert _target in BY_HEADER, _target
    for _synonym in _synonyms:
        _BY_FOLDED.setdefault(fold(_synonym), (_target, f"「{_target}」の別名"))
_PARENTHESES = re.compile(r"\(.*?\)|※.*$")


def _by_name(header: str) -> tuple[str, str] | None:
    folded = fold(header)
    if folded in _BY_FOLDED:
        return _BY_FOLDED[folded]
    bare = _PARENTHESES.sub("", folded)
    return _BY_FOLDED.get(bare) if bare else None


@dataclass(frozen=True)
class SheetTable:
    name: str
    header_row: int  # as Excel numbers it
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (Excel row number, cells padded to the header)
    total_rows: list[int]  # rows read as a 計/合計 line and left out


@dataclass(frozen=True)
class Ledger:
    name: str
    encoding: str | None
    sheets: list[SheetTable]
    unread_sheets: list[str] = field(default_factory=list)  # sheets with no header row we recognise

    @property
    def headers(self) -> list[str]:
        seen: dict[str, None] = {}
        for sheet in self.sheets:
            for h in sheet.header:
                if h:
                    seen.setdefault(h, None)
        return list(seen)

    def samples(self, header: str, limit: int = 5) -> list[str]:
        found: list[str] = []
        for sheet in self.sheets:
            if header not in sheet.header:
                continue
            index = sheet.header.index(header)
            for _number, cells in sheet.rows:
                value = cells[index].strip()
                if value and value not in found:
                    found.append(value)
                    if len(found) >= limit:
                        return found
        return found

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sheets)


def _find_header(rows: list[list[str]]) -> int | None:
    best, best_score = None, 1  # at least two of our columns named
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = sum(1 for c in cells if c.strip() and _by_name(c) is not None)
        if score > best_score:
            best, best_score = index, score
    return best


def _is_total(cells: list[str]) -> bool:
    return any(fold(c) in TOTAL_WORDS for c in cells[:4])


def _distinct(header: list[str]) -> list[str]:
    """A header written twice (two 備考 columns) becomes 備考 and 備考 (2): each column keeps its values
    and is mapped on its own, instead of one silently replacing the other."""
    seen: dict[str, int] = {}
    out = []
    for name in header:
        if name and name in seen:
            seen[name] += 1
            out.append(f"{name} ({seen[name]})")
        else:
            seen.setdefault(name, 1)
            out.append(name)
    return out


def ledger_of(raw: RawFile) -> Ledger:
    sheets: list[SheetTable] = []
    unread: list[str] = []
    for sheet in raw.sheets:
        at = _find_header(sheet.rows)
        if at is None:
            unread.append(sheet.name)
            continue
        header = _distinct([h.strip() for h in sheet.rows[at]])
        while header and not header[-1]:
            header.pop()
        rows: list[tuple[int, list[str]]] = []
        totals: list[int] = []
        for offset, cells in enumerate(sheet.rows[at + 1 :], start=at + 2):
            if not any(c.strip() for c in cells):
                continue
            if _is_total(cells):
                totals.append(offset)
                continue
            rows.append((offset, (cells + [""] * len(header))[: max(len(header), len(cells))]))
        sheets.append(SheetTable(sheet.name, at + 1, header, rows, totals))
    if not sheets:
        raise InvalidInput(
            "見出しの行が見つかりません。氏名・生年月日・依頼日などの列名が入った行を用意してください / "
            "No header row naming the ledger's columns was found."
        )
    return Ledger(raw.name, raw.encoding, sheets, unread)


def read_ledger(path: Path) -> Ledger:
    return ledger_of(read_file(path))


@dataclass(frozen=True)
class Suggestion:
    header: str
    target: str  # our column's header, or LEAVE_OUT
    reason: str
    samples: tuple[str, ...]


def _fits(column: Column, samples: list[str]) -> bool:
    if column.choices is None or len(samples) < 2:
        return False
    good = 0
    for value in samples:
        try:
            column.read(value)
            good += 1
        except CellError:
            pass
    return good >= 0.8 * len(samples)


def suggest(ledger: Ledger) -> list[Suggestion]:
    """For each of the file's columns, the column of ours it most likely is, and why."""
    taken: set[str] = set()
    out: dict[str, Suggestion] = {}
    headers = ledger.headers
    for header in headers:
        samples = tuple(ledger.samples(header))
        named = _by_name(header)
        if named is None:
            continue
        target, reason = named
        if target in taken and target not in MANY_ALLOWED:
            out[header] = Suggestion(header, LEAVE_OUT, f"「{target}」には別の列を対応させました", samples)
            continue
        taken.add(target)
        out[header] = Suggestion(header, target, reason, samples)
    for header in headers:
        if header in out:
            continue
        samples = tuple(ledger.samples(header, limit=20))
        fitting = [c for c in COLUMNS if c.header not in taken and _fits(c, list(samples))]
        if len(fitting) == 1:
            taken.add(fitting[0].header)
            out[header] = Suggestion(
                header, fitting[0].header, f"値が「{fitting[0].header}」の選択肢に合う", samples[:5]
            )
        else:
            out[header] = Suggestion(
                header, LEAVE_OUT, "当てはまる列がありません (取り込みません)", samples[:5]
            )
    return [out[h] for h in headers]


@dataclass(frozen=True)
class ColumnMapping:
    """Their header → our column's header (LEAVE_OUT: not imported), and values for every row."""

    columns: dict[str, str]
    defaults: dict[str, str] = field(default_factory=dict)

    @classmethod
    def suggested(cls, ledger: Ledger) -> ColumnMapping:
        return cls({s.header: s.target for s in suggest(ledger)})

    def targets(self) -> set[str]:
        return {t for t in self.columns.values() if t}

    def left_out(self) -> list[str]:
        return [h for h, t in self.columns.items() if not t]

    def problems(self, ledger: Ledger) -> list[str]:
        """What stops an import with this mapping, in words for the person choosing it."""
        problems: list[str] = []
        counts: dict[str, list[str]] = {}
        for header, target in self.columns.items():
            if target and target not in BY_HEADER:
                problems.append(f"「{header}」の対応先「{target}」はこのアプリの列ではありません")
            if target:
                counts.setdefault(target, []).append(header)
        for target, headers in counts.items():
            if len(headers) > 1 and target not in MANY_ALLOWED:
                problems.append(f"「{target}」に複数の列 ({'・'.join(headers)}) が対応しています")
        for key, value in self.defaults.items():
            column = BY_HEADER.get(key)
            if column is None:
                problems.append(f"既定値の列「{key}」はこのアプリの列ではありません")
                continue
            try:
                column.read(value)
            except CellError as exc:
                problems.append(f"既定値 {key}: {exc}")
        present = self.targets() | set(self.defaults)
        for column in COLUMNS:
            if not column.required or column.header in present:
                continue
            if column.key == "business_line" and all(line_of_sheet(s.name) for s in ledger.sheets):
                continue  # each sheet is named after its business line
            problems.append(
                f"「{column.header}」に対応する列がありません。列を選ぶか、全行に同じ値を入れる既定値を決めてください"
            )
        return problems

    def to_toml(self) -> str:
        lines = [
            "# Teiretsu Desktop: 台帳の列の対応 (teiretsu-admin import-ledger --mapping で使います)",
            '# 左がセンターの台帳の列名、右がこのアプリの列名です。"" の列は取り込みません。',
            f"version = {MAPPING_VERSION}",
            "",
            "[columns]",
        ]
        lines += [f"{_toml_string(h)} = {_toml_string(t)}" for h, t in self.columns.items()]
        lines += ["", '# 全行に同じ値を入れる列 (例: 業務区分 = "相談支援")', "[defaults]"]
        lines += [f"{_toml_string(k)} = {_toml_string(v)}" for k, v in self.defaults.items()]
        return "\n".join(lines) + "\n"

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_toml().encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> ColumnMapping:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InvalidInput(f"対応表のファイルがありません / No such mapping file: {path}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise InvalidInput(
                f"対応表 (TOML) として読めません ({exc}) / Not a readable mapping file."
            ) from None
        if data.get("version") != MAPPING_VERSION:
            raise InvalidInput(
                f"対応表の version が {MAPPING_VERSION} ではありません / Unsupported mapping version."
            )
        columns, defaults = data.get("columns", {}), data.get("defaults", {})
        for table in (columns, defaults):
            if not isinstance(table, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in table.items()
            ):
                raise InvalidInput(
                    '対応表の [columns] と [defaults] は「列名 = "列名"」の形にしてください / '
                    "Mapping entries must be strings."
                )
        return cls(dict(columns), dict(defaults))


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's (\\" \\\\ \\n \\t \\uXXXX)."""
    return json.dumps(text, ensure_ascii=False)


def line_of_sheet(name: str) -> BusinessLine | None:
    try:
        member = match_code(BusinessLine, name)
    except (UnknownValue, AmbiguousValue):
        return None
    return member
