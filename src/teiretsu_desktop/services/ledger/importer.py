"""Import a ledger: every row new, updated, unchanged, conflicting or refused — and the same file twice
changes nothing (ADR 0012, docs/ledger.md).

A row is the case it names by ケースID, else by the natural key 氏名・生年月日・業務区分・依頼日 (the name
folded as search folds it). A matched row changes only the fields whose columns the file has and whose
values differ; each changed field is audited. A row whose case was changed in the application after the
file was exported (its 版 is older) and that would change it again is a conflict for a person to settle.
Rows the year's tables would count wrongly are refused by the case validator (domain/case_rules.py);
rows dated in a year whose statistics were exported are refused until the year is reopened.

One call is one transaction: the dry run is the same pass without the commit, so its summary is what the
import will do; a refused or conflicting row stops the whole import unless `skip_invalid`; a cancel
rolls everything back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.case_rules import RELEASED_STATES, case_problems, record_of
from teiretsu_desktop.domain.codes import BusinessLine, DestinationKind
from teiretsu_desktop.domain.errors import Cancelled, InvalidInput
from teiretsu_desktop.domain.ledger_vocabulary import fold
from teiretsu_desktop.domain.names import normalize_name, to_katakana
from teiretsu_desktop.domain.wareki import fiscal_year, fiscal_year_label
from teiretsu_desktop.domain.workflow import MAIN_PATHS, TERMINAL, CaseState, allowed_next
from teiretsu_desktop.security import audit
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.ledger.columns import BY_HEADER, BY_KEY, PERSON_KEYS, CellError
from teiretsu_desktop.services.ledger.mapping import (
    ColumnMapping,
    Ledger,
    SheetTable,
    line_of_sheet,
    read_ledger,
)
from teiretsu_desktop.store.models import (
    CaseStateChange,
    Disability,
    Person,
    PersonName,
    Staff,
    SupportCase,
    utc_now,
)
from teiretsu_desktop.store.queries import person_search
from teiretsu_desktop.store.queries.year_locks import locked_years

# Case fields a row sets as they are (codes as their codes, dates as dates).
CASE_KEYS = (
    "center_role", "requester", "requester_document_no", "request_date", "target_category", "facility_name",
    "sentence_kind", "offence", "sentence_end", "expected_release", "detention_expiry", "lawyer_name",
    "release_date", "destination_kind", "destination_name", "follow_up_planned_end", "closure_date",
    "closure_reason", "readmission", "readmission_date", "readmission_source", "remarks", "case_no",
)  # fmt: skip
SEALED = ("offence", "remarks")
DATE_KEYS = ("request_date", "release_date", "closure_date", "readmission_date")
DUPLICATE_WINDOW_DAYS = 60  # a new row this close to an existing case of the same person and line is reported


class RowOutcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    CONFLICTING = "conflicting"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {
            "new": "新規",
            "updated": "更新",
            "unchanged": "変更なし",
            "conflicting": "競合",
            "refused": "取込不可",
        }[self.value]


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str
    sheet: str = ""

    def __str__(self) -> str:
        where = f"{self.sheet} " if self.sheet else ""
        return f"{where}{self.row}行目 {self.column}: {self.message}"


class ImportCancelled(Cancelled):
    """Raised inside the transaction when the person cancels: nothing is written."""


@dataclass
class ImportReport:
    file: str
    encoding: str | None = None
    sheets: list[str] = field(default_factory=list)
    rows: int = 0
    outcomes: dict[RowOutcome, int] = field(default_factory=lambda: dict.fromkeys(RowOutcome, 0))
    persons_created: int = 0
    fields_changed: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    changed_cases: set[str] = field(default_factory=set, repr=False)
    changed_persons: set[str] = field(default_factory=set, repr=False)

    def count(self, outcome: RowOutcome) -> int:
        return self.outcomes[outcome]

    @property
    def blocked(self) -> bool:
        """Rows that cannot go in: without skip_invalid, nothing is written."""
        return bool(self.errors) or self.count(RowOutcome.CONFLICTING) > 0

    def summary(self) -> str:
        parts = "・".join(f"{o.label} {self.count(o)}" for o in RowOutcome)
        return f"{self.rows}行: {parts} (新しい対象者 {self.persons_created}人、変更する項目 {self.fields_changed})"


Progress = Callable[[int, int], None]


@dataclass
class _Staff:
    id: str
    login: str
    display: str


@dataclass
class _FilePerson:
    """A person the file names: registered already (id), or to be created by its first row."""

    id: str | None
    values: dict[str, Any]
    row: int
    created_here: bool


@dataclass
class _Row:
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


def _split(text: str | None) -> tuple[str, str]:
    if not text:
        return "", ""
    parts = text.replace("\u3000", " ").split(None, 1)
    return parts[0], parts[1].strip() if len(parts) > 1 else ""


def _joined(family: str, given: str) -> str:
    return f"{family} {given}".strip()


def _states_of(line: BusinessLine) -> set[CaseState]:
    path = MAIN_PATHS[line]
    reachable = set(path) | {s for targets in path.values() for s in targets}
    return reachable | {e for s in reachable for e in allowed_next(line, s)}


def _audit(ctx: _Context, kind: str, record_id: str, key: str) -> None:
    """One entry per changed field, naming the field and never its value."""
    audit.append(
        ctx.s, actor_id=ctx.session.actor.staff_id, action="ledger_field_updated", target_kind=kind,
        target_id=record_id, detail={"field": key, "file": ctx.file[:100]},
    )  # fmt: skip


class _Context:
    """What the pass needs from the store, loaded once: staff, locks, and the keys rows are matched by."""

    def __init__(self, s: Session, session: StaffSession, mapping: ColumnMapping, file: str) -> None:
        self.s, self.session, self.mapping, self.file = s, session, mapping, file
        self.staff = [
            _Staff(r.id, r.login, r.display_name)
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
        self.pending = _Pending()
        self.kinds: dict[str, list[str]] = {}  # disabilities of the persons prefetch loaded
        self.matched_persons: dict[str, tuple[int, dict[str, Any]]] = {}  # the first row of each person
        # Held here: the session's identity map keeps objects only while something refers to them.
        self.loaded_cases: dict[str, SupportCase] = {}
        self.loaded_persons: dict[str, Person] = {}
        # Within the file: which row gave a case, and the person each person key became.
        self.seen_cases: dict[object, int] = {}
        self.persons: dict[object, _FilePerson] = {}

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

    def staff_id(self, row: _Row, key: str, header: str) -> None:
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


def _parse(ctx: _Context, sheet: SheetTable, number: int, cells: list[str], where: str) -> _Row:
    row = _Row(sheet, number, {}, set(), where)
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


def _person_key(values: dict[str, Any]) -> tuple[str, date | None]:
    family, given = _split(values.get("name"))
    return normalize_name(family + given), values.get("birth_date")


def _natural_key(values: dict[str, Any]) -> tuple[str, date | None, str, date | None]:
    name, birth = _person_key(values)
    return name, birth, str(values.get("business_line") or ""), values.get("request_date")


def _years(values: dict[str, Any], keys: tuple[str, ...] = DATE_KEYS) -> set[int]:
    return {fiscal_year(v) for k in keys if isinstance(v := values.get(k), date)}


def _check_locks(ctx: _Context, row: _Row, years: set[int]) -> bool:
    locked = sorted(years & ctx.locked)
    if locked:
        labels = "・".join(fiscal_year_label(y) for y in locked)
        row.error(
            "(年度)",
            f"{labels}は統計を出力済みでロックされています。取り込むにはセンター長が統計画面で年度を再開してください (再開は記録されます)",
        )
    return not locked


def _validate(row: _Row, line: BusinessLine, state: CaseState, values: dict[str, Any]) -> None:
    if state not in _states_of(line):
        row.error("状態", f"{line.label}に「{state.label}」はありません")
        return
    # The same validator as a case typed in the window: a row whose dates and state disagree would be
    # counted wrongly in the year's tables.
    for problem in case_problems(record_of(line, state, values)):
        column, _, message = problem.partition(": ")
        row.error(column, message)


# -- person values: compared and written the same way for a new person and an update ----------------------


def _person_values(person: Person, disabilities: list[str]) -> dict[str, Any]:
    return {
        "name": _joined(person.family_name, person.given_name),
        "kana": _joined(person.family_kana, person.given_kana),
        "alias": person.alias,
        "birth_date": person.birth_date,
        "sex": person.sex,
        "disabilities": ",".join(sorted(disabilities)) or None,
        "care_level": person.care_level,
        "support_category": person.support_category,
    }


def _row_person_values(values: dict[str, Any]) -> dict[str, Any]:
    out = {k: values.get(k) for k in PERSON_KEYS}
    out["name"] = _joined(*_split(values.get("name")))
    out["kana"] = to_katakana(_joined(*_split(values.get("kana")))) or None
    disabilities = values.get("disabilities")
    out["disabilities"] = ",".join(sorted(disabilities.split(","))) if disabilities else None
    return out


def _set_person(ctx: _Context, person: Person, key: str, value: Any) -> None:
    s = ctx.s
    if key == "name":
        person.family_name, person.given_name = _split(value)
    elif key == "kana":
        person.family_kana, person.given_kana = _split(to_katakana(value or ""))
    elif key == "disabilities":
        wanted = value.split(",") if value else []
        current = {
            d.kind: d
            for d in s.execute(select(Disability).where(Disability.person_id == person.id)).scalars()
        }
        for kind, row in current.items():
            if kind not in wanted:
                s.delete(row)
        for kind in wanted:
            if kind not in current:
                # Known from today (判明日): a past year's 参考1 keeps what was known then.
                s.add(Disability(person_id=person.id, kind=kind, identified_on=date.today()))
        ctx.kinds[person.id] = list(wanted)
    else:
        setattr(person, key, value)


def _search_names(
    family: str, given: str, family_kana: str, given_kana: str, alias: str | None
) -> list[tuple[str, str, str]]:
    names = [
        ("name", _joined(family, given), normalize_name(family + given)),
        ("name", given, normalize_name(given)),
        ("kana", _joined(family_kana, given_kana), normalize_name(family_kana + given_kana)),
        ("kana", given_kana, normalize_name(given_kana)),
    ]
    if alias:
        names.append(("alias", alias, normalize_name(alias)))
    return names


def _index_names(s: Session, person: Person) -> None:
    names = _search_names(
        person.family_name, person.given_name, person.family_kana, person.given_kana, person.alias
    )
    person_search.replace_names(s, person.id, names)


class _Pending:
    """New persons and cases, written at the end with one multi-row INSERT per table (a row-by-row ORM
    flush costs milliseconds per row). Updates of existing records go through the ORM, revisioned."""

    def __init__(self) -> None:
        self.persons: list[dict[str, Any]] = []
        self.names: list[dict[str, Any]] = []
        self.kinds: dict[str, list[str]] = {}
        self.cases: list[dict[str, Any]] = []
        self.history: list[dict[str, Any]] = []

    def person(self, ctx: _Context, person_id: str, values: dict[str, Any]) -> str:
        family, given = _split(values.get("name"))
        family_kana, given_kana = _split(to_katakana(values.get("kana") or ""))
        self.persons.append({
            "id": person_id, "revision": 1, "updated_at": ctx.now, "updated_by": ctx.session.actor.staff_id,
            "family_name": family, "given_name": given, "family_kana": family_kana, "given_kana": given_kana,
            "alias": values.get("alias"), "birth_date": values.get("birth_date"), "sex": values.get("sex"),
            "care_level": values.get("care_level"), "support_category": values.get("support_category"),
        })  # fmt: skip
        seen: set[tuple[str, str]] = set()
        for kind, text, key in _search_names(family, given, family_kana, given_kana, values.get("alias")):
            if key and (kind, key) not in seen:  # as person_search.replace_names keeps them
                seen.add((kind, key))
                self.names.append({"person_id": person_id, "kind": kind, "text": text, "key": key})
        return person_id

    def disabilities(self, person_id: str, kinds: list[str]) -> None:
        known = self.kinds.setdefault(person_id, [])
        known.extend(k for k in kinds if k not in known)

    def case(
        self, ctx: _Context, values: dict[str, Any], steps: list[tuple[CaseState | None, CaseState, date]]
    ) -> dict[str, Any]:
        row = {**values, "revision": 1, "updated_at": ctx.now, "updated_by": ctx.session.actor.staff_id}
        self.cases.append(row)
        for before, after, on in steps:
            self.history.append({
                "case_id": row["id"], "from_state": str(before) if before else None, "to_state": str(after),
                "changed_on": on, "changed_at": ctx.now, "staff_id": ctx.session.actor.staff_id, "reason": None,
            })  # fmt: skip
        return row

    def write(self, s: Session) -> None:
        # Disabilities entered with the person have no 判明日: known for every year (as at registration).
        kinds = [
            {"person_id": pid, "kind": kind, "identified_on": None}
            for pid, ks in self.kinds.items()
            for kind in ks
        ]
        for model, rows in (
            (Person, self.persons), (PersonName, self.names), (Disability, kinds), (SupportCase, self.cases),
            (CaseStateChange, self.history),
        ):  # fmt: skip
            if rows:
                s.execute(insert(cast(Table, model.__table__)), rows)


def _disabilities_of(ctx: _Context, person_id: str) -> list[str]:
    if person_id in ctx.kinds:
        return ctx.kinds[person_id]
    return list(ctx.s.execute(select(Disability.kind).where(Disability.person_id == person_id)).scalars())


# -- the state history an imported case starts with ------------------------------------------------------


def _history(state: CaseState, values: dict[str, Any]) -> list[tuple[CaseState | None, CaseState, date]]:
    """Received on the 依頼日; released (and in follow-up) on the 帰住日; ended on the 終結日. The year's
    tables read these dates (フォローアップ中 starts the follow-up line)."""
    requested = values.get("request_date") or date.today()
    released, closed = values.get("release_date"), values.get("closure_date")
    steps: list[tuple[CaseState | None, CaseState, date]] = [(None, CaseState.RECEIVED, requested)]
    previous = CaseState.RECEIVED
    if released is not None and state in (CaseState.RELEASED, CaseState.FOLLOW_UP, CaseState.CLOSED):
        if BusinessLine(values["business_line"]) is not BusinessLine.FOLLOW_UP:
            steps.append((previous, CaseState.RELEASED, released))
            previous = CaseState.RELEASED
        if state is CaseState.FOLLOW_UP or BusinessLine(values["business_line"]) is BusinessLine.FOLLOW_UP:
            steps.append((previous, CaseState.FOLLOW_UP, released))
            previous = CaseState.FOLLOW_UP
    if state is not previous:
        on = closed if state in TERMINAL and closed else (released if state in RELEASED_STATES else requested)
        steps.append((previous, state, on or requested))
    return steps


def _release_destination(state: CaseState, values: dict[str, Any]) -> str | None:
    """参考2's residence at release, fixed as the release transition fixes it."""
    if state is CaseState.RELEASED_UNPLACED:
        return str(DestinationKind.UNDECIDED)
    if values.get("release_date") and (state in RELEASED_STATES or state is CaseState.CLOSED):
        destination = values.get("destination_kind")
        return str(destination) if destination else None
    return None


# -- one row -------------------------------------------------------------------------------------------------


def _near_duplicates(ctx: _Context, row: _Row) -> None:
    name, birth = _person_key(row.values)
    requested = row.values.get("request_date")
    for _cid, other_birth, other_date, number in ctx.by_name_line.get(
        (name, str(row.values["business_line"])), []
    ):
        same_birth = birth is not None and other_birth == birth
        close = requested and other_date and abs((requested - other_date).days) <= DUPLICATE_WINDOW_DAYS
        if (same_birth and close) or (not same_birth and requested == other_date):
            row.warn(
                "(行全体)",
                f"よく似た既存のケース {number} があります (依頼日 {other_date}, 生年月日 {other_birth or '不明'})。"
                "同じケースなら依頼日と生年月日をそろえるか、ケースIDの列を入れてください",
            )


def _new_case(ctx: _Context, row: _Row, report: ImportReport, apply: bool) -> RowOutcome:
    s, v = ctx.s, row.values
    line, state = BusinessLine(v["business_line"]), CaseState(v["state"])
    _validate(row, line, state, v)
    if (
        line in (BusinessLine.SPECIAL, BusinessLine.GENERAL)
        and v.get("release_date")
        and not v.get("birth_date")
    ):
        row.warn("生年月日", "帰住した人の生年月日がありません。参考1では「年齢不明」として数えます")
    number = v.get("case_no")
    if number and number in ctx.case_numbers:
        row.error("ケース番号", f"ケース番号 {number} は別のケースで使われています")
    if not _check_locks(ctx, row, _years(v)) or row.errors:
        return RowOutcome.REFUSED
    _near_duplicates(ctx, row)
    # The person: by 対象者ID, by 氏名+生年月日 among registered persons, or by the same key earlier in the file.
    name, birth = _person_key(v)
    person_key: object = v.get("person_id") or ((name, birth) if birth is not None else ("row", row.number))
    mine = _row_person_values(v)
    entry = ctx.persons.get(person_key)
    if entry is not None:
        first = entry.values
        for key in PERSON_KEYS:
            if key not in row.present or mine.get(key) in (None, "") or first.get(key) in (None, ""):
                continue
            if key == "disabilities" and entry.created_here and mine[key] != first[key]:
                union = ",".join(sorted(set(mine[key].split(",")) | set(first[key].split(","))))
                row.warn(
                    "障害種別", f"{entry.row}行目と同じ人です。障害種別は両方の行の分を合わせて登録します"
                )
                first[key] = mine[key] = union
            elif mine[key] != first[key] and entry.created_here:
                row.error(
                    BY_KEY[key].header,
                    f"{entry.row}行目と同じ人ですが値が違います (「{first[key]}」と「{mine[key]}」)",
                )
        if row.errors:
            return RowOutcome.REFUSED
    else:
        candidates: list[str] = []
        if v.get("person_id"):
            candidates = [v["person_id"]] if s.get(Person, v["person_id"]) is not None else []
        elif birth is not None:
            candidates = ctx.persons_by_key.get((name, birth), [])
        elif ctx.persons_by_name.get(name):
            row.warn(
                "生年月日", "同じ氏名の対象者が登録されていますが、生年月日がないため別の人として登録します"
            )
        if len(candidates) > 1:
            row.error(
                "氏名", "同じ氏名・生年月日の対象者が複数登録されています。対象者IDの列で指定してください"
            )
            return RowOutcome.CONFLICTING
        if candidates:
            registered = s.get(Person, candidates[0])
            assert registered is not None
            known = _person_values(registered, _disabilities_of(ctx, registered.id))
            for key in PERSON_KEYS:
                if key in row.present and mine.get(key) not in (None, "") and mine[key] != known[key]:
                    row.warn(
                        BY_KEY[key].header,
                        f"登録済みの対象者の{BY_KEY[key].header}は変えていません (台帳の値「{mine[key]}」)",
                    )
        else:
            report.persons_created += 1
        entry = _FilePerson(candidates[0] if candidates else None, mine, row.number, not candidates)
        ctx.persons[person_key] = entry
    if not apply:
        return RowOutcome.NEW
    if entry.id is None:
        entry.id = ctx.pending.person(ctx, v.get("person_id") or str(uuid.uuid4()), mine)
    person_id = entry.id
    if entry.created_here:
        # In the order the row gives them (as the ledger shows them again), then any from earlier rows.
        wanted = (v.get("disabilities") or "").split(",") + sorted(
            (entry.values.get("disabilities") or "").split(",")
        )
        ctx.pending.disabilities(person_id, [k for k in wanted if k])
    report.changed_persons.add(person_id)
    case = ctx.pending.case(
        ctx,
        {
            **{k: v.get(k) for k in CASE_KEYS if k not in ("case_no", "readmission")},
            "id": v.get("case_id") or str(uuid.uuid4()),
            "case_no": number or ctx.next_case_no(v.get("request_date") or date.today()),
            "person_id": person_id,
            "business_line": str(line),
            "state": str(state),
            "primary_staff_id": v.get("primary_staff_id"),
            "secondary_staff_id": v.get("secondary_staff_id"),
            "release_destination_kind": _release_destination(state, v),
            "readmission": v.get("readmission") or "unknown",
        },
        _history(state, v),
    )
    ctx.case_numbers[case["case_no"]] = case["id"]
    ctx.case_ids.add(case["id"])
    report.changed_cases.add(case["id"])
    return RowOutcome.NEW


def _update_case(ctx: _Context, row: _Row, case_id: str, report: ImportReport, apply: bool) -> RowOutcome:
    s, v = ctx.s, row.values
    case = ctx.loaded_cases.get(case_id) or s.get(SupportCase, case_id)
    person = (ctx.loaded_persons.get(case.person_id) or s.get(Person, case.person_id)) if case else None
    assert case is not None and person is not None
    if "business_line" in row.present and v["business_line"] != case.business_line:
        row.error("業務区分", "業務区分は台帳では変えられません。アプリのケース画面で変更してください")
        return RowOutcome.REFUSED
    # Sealed texts are opened only when the file has their column (a role may lack their key).
    stored: dict[str, Any] = {k: getattr(case, k) for k in CASE_KEYS if k not in SEALED or k in row.present}
    stored.update(
        state=case.state, primary_staff_id=case.primary_staff_id, secondary_staff_id=case.secondary_staff_id
    )
    keys = [
        k
        for k in (*CASE_KEYS, "state", "primary_staff_id", "secondary_staff_id")
        if k in row.present and k in stored
    ]
    case_changes = {
        k: v.get(k) for k in keys if v.get(k) != stored[k] and not (k == "case_no" and not v.get(k))
    }
    known = _person_values(person, _disabilities_of(ctx, person.id))
    mine = _row_person_values(v)
    earlier = ctx.matched_persons.setdefault(person.id, (row.number, mine))
    for key in PERSON_KEYS:  # a person with several cases: their rows must agree about the person
        if (
            earlier[0] != row.number
            and key in row.present
            and (mine[key] or None) != (earlier[1][key] or None)
        ):
            row.error(
                BY_KEY[key].header,
                f"{earlier[0]}行目と同じ人ですが値が違います (「{earlier[1][key] or ''}」と「{mine[key] or ''}」)",
            )
    if row.errors:
        return RowOutcome.REFUSED
    person_changes = {
        k: mine[k] for k in PERSON_KEYS if k in row.present and (mine[k] or None) != (known[k] or None)
    }
    if earlier[0] != row.number:
        person_changes = {}  # the earlier row of this person changes them (once)
    if not case_changes and not person_changes:
        return RowOutcome.UNCHANGED
    revision = v.get("revision")
    if revision is not None and revision != case.revision:
        row.error(
            "版",
            f"このケースは台帳を出力した後にアプリで変更されています (版 {revision} → {case.revision})。"
            "新しく出力した台帳で直すか、アプリで直してください",
        )
        return RowOutcome.CONFLICTING
    line, old_state = BusinessLine(case.business_line), CaseState(case.state)
    merged = {**stored, **case_changes}
    new_state = CaseState(merged["state"])
    if not old_state.is_open and (
        new_state is not old_state or {"closure_date", "closure_reason"} & set(case_changes)
    ):
        row.error(
            "状態",
            f"「{old_state.label}」のケースの状態・終結日・終結理由は、アプリでケースを再開してから変えてください",
        )
        return RowOutcome.REFUSED
    _validate(row, line, new_state, merged)
    if "case_no" in case_changes and case_changes["case_no"] in ctx.case_numbers:
        row.error("ケース番号", f"ケース番号 {case_changes['case_no']} は別のケースで使われています")
    changed_dates = tuple(k for k in DATE_KEYS if k in case_changes)
    years = _years(stored, changed_dates) | _years(merged, changed_dates)
    if "state" in case_changes:
        years |= _years(merged)
    if not _check_locks(ctx, row, years) or row.errors:
        return RowOutcome.REFUSED
    report.fields_changed += len(case_changes) + len(person_changes)
    if not apply:
        return RowOutcome.UPDATED
    # All the case's fields first, so that it is written (and its 版 raised) once.
    for key, value in case_changes.items():
        setattr(case, key, value)
    if "state" in case_changes:
        on = {
            **{st: merged.get("release_date") for st in RELEASED_STATES},
            **{st: merged.get("closure_date") for st in TERMINAL},
        }.get(new_state) or date.today()
        if case.release_destination_kind is None:
            case.release_destination_kind = _release_destination(new_state, merged)
        s.add(
            CaseStateChange(
                case_id=case.id, from_state=str(old_state), to_state=str(new_state), changed_on=on,
                changed_at=utc_now(), staff_id=ctx.session.actor.staff_id,
            )
        )  # fmt: skip
    for key, value in person_changes.items():
        _set_person(ctx, person, key, value)
    if {"name", "kana", "alias"} & set(person_changes):
        s.flush()
        _index_names(s, person)
    for key in case_changes:
        _audit(ctx, "case", case.id, key)
    for key in person_changes:
        _audit(ctx, "person", person.id, key)
    report.changed_cases.add(case.id)
    if person_changes:
        report.changed_persons.add(person.id)
    return RowOutcome.UPDATED


def _match(ctx: _Context, row: _Row) -> tuple[str | None, str | None]:
    """(case id, conflict): the case the row names, or None for a new case."""
    case_id = row.values.get("case_id")
    if case_id:
        return (case_id if case_id in ctx.case_ids else None), None
    found = ctx.by_key.get(_natural_key(row.values), [])
    if len(found) > 1:
        numbers = [n for n, cid in ctx.case_numbers.items() if cid in found]
        return None, (
            f"氏名・生年月日・業務区分・依頼日が同じケースが複数あります ({'・'.join(sorted(numbers))})。"
            "ケースIDの列で指定してください"
        )
    return (found[0] if found else None), None


def _import_row(ctx: _Context, row: _Row, report: ImportReport, apply: bool) -> RowOutcome:
    if row.errors:
        return RowOutcome.REFUSED
    key: object = row.values.get("case_id") or _natural_key(row.values)
    if key in ctx.seen_cases:
        row.error("(行全体)", f"{ctx.seen_cases[key]}行目と同じケースです")
        return RowOutcome.REFUSED
    ctx.seen_cases[key] = row.number
    case_id, conflict = _match(ctx, row)
    if conflict:
        row.error("(行全体)", conflict)
        return RowOutcome.CONFLICTING
    if case_id is not None:
        return _update_case(ctx, row, case_id, report, apply)
    return _new_case(ctx, row, report, apply)


def import_ledger(
    session: StaffSession,
    source: Path | Ledger,
    *,
    mapping: ColumnMapping | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Read, match, check and (unless `dry_run`) write every row, in one transaction."""
    session.require(Permission.WRITE_CASES)
    ledger = source if isinstance(source, Ledger) else read_ledger(source)
    mapping = mapping or ColumnMapping.suggested(ledger)
    report = ImportReport(ledger.name, ledger.encoding, [s.name for s in ledger.sheets], dry_run=dry_run)
    for sheet in ledger.sheets:
        where = sheet.name if len(ledger.sheets) > 1 else ""
        for header in sheet.header:
            if header and not mapping.columns.get(header):
                report.warnings.append(RowError(sheet.header_row, header, "この列は取り込みません", where))
        for number in sheet.total_rows:
            report.warnings.append(RowError(number, "(行全体)", "合計の行として読み飛ばしました", where))
    problems = mapping.problems(ledger)
    if problems:
        report.errors = [RowError(0, "(列の対応)", p) for p in problems]
        return report
    total, done = ledger.row_count, 0
    apply = not dry_run
    with session.uow(write=apply) as uow:
        ctx = _Context(uow.session, session, mapping, ledger.name)
        rows = [
            _parse(ctx, sheet, number, cells, sheet.name if len(ledger.sheets) > 1 else "")
            for sheet in ledger.sheets
            for number, cells in sheet.rows
        ]
        ctx.prefetch([case_id for row in rows if not row.errors and (case_id := _match(ctx, row)[0])])
        for row in rows:
            if cancelled is not None and cancelled():
                raise ImportCancelled
            outcome = _import_row(ctx, row, report, apply)
            report.outcomes[outcome] += 1
            report.rows += 1
            report.errors += row.errors
            report.warnings += row.warnings
            done += 1
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
        if dry_run or (report.blocked and not skip_invalid):
            return report
        if not report.count(RowOutcome.NEW) and not report.count(RowOutcome.UPDATED):
            return report
        ctx.pending.write(uow.session)
        record_change(
            session, uow, "ledger_imported", "ledger", ledger.name[:64],
            {name.value: report.count(name) for name in RowOutcome} | {"persons": report.persons_created},
        )  # fmt: skip
        uow.commit()
    report.written = True
    return report


def import_outcome(report: ImportReport) -> Outcome[ImportReport]:
    """The report as a use case's outcome: what the GUI's views refresh."""
    if not report.written:
        return Outcome(report, Changes())
    changes = Changes.of(ChangeKind.CASE, *report.changed_cases)
    if report.changed_persons:
        changes |= Changes.of(ChangeKind.PERSON, *report.changed_persons)
    return Outcome(report, changes)


def describe(report: ImportReport, limit: int = 50) -> list[str]:
    lines = [str(e) for e in report.errors[:limit]]
    if len(report.errors) > limit:
        lines.append(f"… ほか {len(report.errors) - limit} 件")
    return lines


__all__ = [
    "ImportCancelled",
    "ImportReport",
    "InvalidInput",
    "RowError",
    "RowOutcome",
    "describe",
    "import_ledger",
    "import_outcome",
]
