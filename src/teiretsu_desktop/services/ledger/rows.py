"""A ledger row read through the column mapping, and what the store already holds that rows are matched
against (staff, locked years, the cases by ID and natural key, the persons by name and birth date)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.ledger_vocabulary import fold
from teiretsu_desktop.domain.names import normalize_name
from teiretsu_desktop.domain.wareki import fiscal_year
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.ledger.columns import BY_HEADER, BY_KEY, CellError
from teiretsu_desktop.services.ledger.mapping import ColumnMapping, SheetTable, line_of_sheet
from teiretsu_desktop.services.ledger.new_records import PendingRecords
from teiretsu_desktop.services.ledger.report import RowError
from teiretsu_desktop.store.models import Disability, Person, Staff, SupportCase, utc_now
from teiretsu_desktop.store.queries.year_locks import locked_years


@dataclass
class StaffRef:
    id: str
    login: str
    display: str


@dataclass
class FilePerson:
    """A person the file names: registered already (id), or to be created by its first row."""

    id: str | None
    values: dict[str, Any]
    row: int
    created_here: bool


@dataclass
class LedgerRow:
    sheet: SheetTable
    number: int
    values: dict[str, Any]
    present: set[str]  # keys of the columns (and defaults) this row gives
    where: str = ""  # the sheet's name, when the file has several
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message, self.where))

    def warn(self, column: str, message: str) -> None:
        self.warnings.append(RowError(self.number, column, message, self.where))


class ImportContext:
    """What the pass needs from the store, loaded once: staff, locks, and the keys rows are matched by."""

    def __init__(self, s: Session, session: StaffSession, mapping: ColumnMapping, file: str) -> None:
        self.s, self.session, self.mapping, self.file = s, session, mapping, file
        self.staff = [
            StaffRef(r.id, r.login, r.display_name)
            for r in s.execute(select(Staff).where(Staff.active.is_(True))).scalars()
        ]
        self.locked = locked_years(s)
        self.may_offence = session.can(Permission.WRITE_SENSITIVE) and session.can(Permission.READ_SENSITIVE)
        self.case_ids: set[str] = set()
        self.case_numbers: dict[str, str] = {}
        self.by_key: dict[tuple[str, date | None, str, date | None], list[str]] = {}
        self.by_name_line: dict[tuple[str, str], list[tuple[str, date | None, date | None, str]]] = {}
        self.persons_by_key: dict[tuple[str, date], list[str]] = {}
        self.persons_by_name: dict[str, list[str]] = {}
        for pid, family, given, birth in s.execute(
            select(Person.id, Person.family_name, Person.given_name, Person.birth_date)
        ):
            name = normalize_name(family + given)
            self.persons_by_name.setdefault(name, []).append(pid)
            if birth is not None:
                self.persons_by_key.setdefault((name, birth), []).append(pid)
        rows = s.execute(
            select(
                SupportCase.id, SupportCase.case_no, SupportCase.business_line, SupportCase.request_date,
                Person.family_name, Person.given_name, Person.birth_date,
            ).join(Person, Person.id == SupportCase.person_id)
        )  # fmt: skip
        for cid, number, line, requested, family, given, birth in rows:
            name = normalize_name(family + given)
            self.case_ids.add(cid)
            self.case_numbers[number] = cid
            self.by_key.setdefault((name, birth, line, requested), []).append(cid)
            self.by_name_line.setdefault((name, line), []).append((cid, birth, requested, number))
        self.next_numbers: dict[int, int] = {}
        self.now = utc_now()
        self.pending = PendingRecords(self.now, session.actor.staff_id)
        self.kinds: dict[str, list[str]] = {}  # disabilities of the persons prefetch loaded
        self.matched_persons: dict[str, tuple[int, dict[str, Any]]] = {}  # the first row of each person
        # Held here: the session's identity map keeps objects only while something refers to them.
        self.loaded_cases: dict[str, SupportCase] = {}
        self.loaded_persons: dict[str, Person] = {}
        # Within the file: which row gave a case, and the person each person key became.
        self.seen_cases: dict[object, int] = {}
        self.persons: dict[object, FilePerson] = {}

    def prefetch(self, case_ids: list[str]) -> None:
        """Load the cases the rows name, their persons and disabilities, in a few statements: the rows
        then compare against loaded objects instead of three queries each."""
        chunk = 500  # well under SQLite's bound-parameter limit
        person_ids: set[str] = set()
        for start in range(0, len(case_ids), chunk):
            found = self.s.execute(
                select(SupportCase).where(SupportCase.id.in_(case_ids[start : start + chunk]))
            )
            for case in found.scalars():
                self.loaded_cases[case.id] = case
                person_ids.add(case.person_id)
        ordered = sorted(person_ids)
        for start in range(0, len(ordered), chunk):
            part = ordered[start : start + chunk]
            for person in self.s.execute(select(Person).where(Person.id.in_(part))).scalars():
                self.loaded_persons[person.id] = person
            for pid in part:
                self.kinds.setdefault(pid, [])
            for pid, kind in self.s.execute(
                select(Disability.person_id, Disability.kind).where(Disability.person_id.in_(part))
            ):
                self.kinds[pid].append(kind)

    def staff_id(self, row: LedgerRow, key: str, header: str) -> None:
        text = row.values.pop(key, None)
        if not text:
            row.values[key + "_id"] = None
            return
        wanted = fold(text)
        exact = [s for s in self.staff if wanted in (fold(s.login), fold(s.display))]
        found = exact or [s for s in self.staff if fold(s.display).startswith(wanted)]
        if len(found) == 1:
            row.values[key + "_id"] = found[0].id
        elif len(found) > 1:
            names = "・".join(f"{s.display} ({s.login})" for s in found)
            row.error(
                header,
                f"「{text}」はどのスタッフか決められません (候補: {names})。ログイン名で書いてください",
            )
        else:
            row.present.discard(key + "_id")
            row.warn(header, f"スタッフ「{text}」は登録されていないため、担当は空欄のままにします")

    def next_case_no(self, on: date) -> str:
        year = fiscal_year(on)
        if year not in self.next_numbers:
            prefix = f"{year}-"
            last = self.s.execute(
                select(func.max(SupportCase.case_no)).where(SupportCase.case_no.like(prefix + "%"))
            ).scalar()
            tail = last.removeprefix(prefix) if last else "0"
            self.next_numbers[year] = (int(tail) if tail.isdigit() else 0) + 1
        while True:
            number = f"{year}-{self.next_numbers[year]:05d}"
            self.next_numbers[year] += 1
            if number not in self.case_numbers:
                return number


def parse_row(ctx: ImportContext, sheet: SheetTable, number: int, cells: list[str], where: str) -> LedgerRow:
    row = LedgerRow(sheet, number, {}, set(), where)
    remarks: list[str] = []
    for header, cell in zip(sheet.header, cells, strict=False):
        target = ctx.mapping.columns.get(header, "")
        if not target:
            continue
        column = BY_HEADER[target]
        if column.key == "remarks":
            if cell.strip():
                remarks.append(cell.strip() if header == target else f"{header}: {cell.strip()}")
            row.present.add("remarks")
            continue
        row.present.add(column.key)
        try:
            row.values[column.key] = column.read(cell)
        except CellError as exc:
            row.error(header, str(exc))
    if "remarks" in row.present:
        row.values["remarks"] = "\n".join(remarks) or None
    for header, value in ctx.mapping.defaults.items():
        column = BY_HEADER[header]
        if column.key not in row.present or row.values.get(column.key) is None:
            row.values[column.key] = column.read(value)
            row.present.add(column.key)
    if "business_line" not in row.present:
        line = line_of_sheet(sheet.name)
        if line is not None:
            row.values["business_line"] = str(line)
            row.present.add("business_line")
    for key in ("name", "business_line", "state"):
        if not row.values.get(key) and not any(e.column == BY_KEY[key].header for e in row.errors):
            row.error(BY_KEY[key].header, "必須です")
    for key, header in (("primary_staff", "主担当"), ("secondary_staff", "副担当")):
        if key in row.present:
            row.present.add(key + "_id")
            ctx.staff_id(row, key, header)
    if "readmission" in row.present and not row.values.get("readmission"):
        row.values["readmission"] = "unknown"  # a blank cell is 不明, never 無
    if "revision" in row.present:
        text = row.values.pop("revision")
        if text and not str(text).isdigit():
            row.error("版", "出力した台帳の版 (数字) です。変更しないでください")
        row.values["revision"] = int(text) if text and str(text).isdigit() else None
    if "offence" in row.present and not ctx.may_offence:
        if row.values.get("offence"):
            row.error("罪名", "罪名を登録する権限がありません")
        row.present.discard("offence")
    birth = row.values.get("birth_date")
    if isinstance(birth, date) and birth > date.today():
        row.error("生年月日", "未来の日付です")
    case_id = row.values.get("case_id")
    if case_id:
        try:
            uuid.UUID(case_id)
        except ValueError:
            row.error(
                "ケースID", "このアプリのケースIDの形ではありません。新しいケースなら空欄にしてください"
            )
    return row
