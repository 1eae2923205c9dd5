"""Import and export of the ledger. Import is all-or-nothing unless rows may be skipped; every problem
is reported with its row (as Excel numbers it) and column."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from teiretsu_desktop.domain.case_rules import case_problems, record_of
from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.names import normalize_name
from teiretsu_desktop.domain.workflow import MAIN_PATHS, CaseState, allowed_next
from teiretsu_desktop.security import audit
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.ledger.columns import BY_HEADER, COLUMNS, CellError, Column
from teiretsu_desktop.services.ledger.files import read_table, write_table
from teiretsu_desktop.store.models import CaseStateChange, Disability, Person, Staff, SupportCase, utc_now
from teiretsu_desktop.store.queries import person_search


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.row}行目 {self.column}: {self.message}"


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    persons_created: int = 0
    skipped_rows: list[int] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False


def _split(text: str | None) -> tuple[str, str]:
    if not text:
        return "", ""
    parts = text.replace("\u3000", " ").split(None, 1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def _states_of(line: BusinessLine) -> set[CaseState]:
    path = MAIN_PATHS[line]
    reachable = set(path) | {s for targets in path.values() for s in targets}
    exits = {e for s in reachable for e in allowed_next(line, s)}
    return reachable | exits


def _check_header(header: list[str]) -> list[RowError]:
    errors = [
        RowError(1, h or f"({i + 1}列目)", "知らない列です")
        for i, h in enumerate(header)
        if h not in BY_HEADER
    ]
    seen: set[str] = set()
    for h in header:
        if h in seen:
            errors.append(RowError(1, h, "列が重複しています"))
        seen.add(h)
    errors += [
        RowError(1, c.header, "必須の列がありません")
        for c in COLUMNS
        if c.required and c.header not in header
    ]
    return errors


def _parse_rows(
    header: list[str], rows: list[list[str]]
) -> Iterator[tuple[int, dict[str, Any], list[RowError]]]:
    columns: list[Column | None] = [BY_HEADER.get(h) for h in header]
    for offset, raw in enumerate(rows):
        number = offset + 2
        if not any(cell.strip() for cell in raw):
            continue
        values: dict[str, Any] = {}
        errors: list[RowError] = []
        for column, cell in zip(columns, raw, strict=False):
            if column is None:
                continue
            try:
                values[column.key] = column.read(cell)
            except CellError as exc:
                errors.append(RowError(number, column.header, str(exc)))
        for column in COLUMNS:
            if (
                column.required
                and not values.get(column.key)
                and not any(e.column == column.header for e in errors)
            ):
                errors.append(RowError(number, column.header, "必須です"))
        yield number, values, errors


def _validate(
    session: StaffSession, header: list[str], rows: list[list[str]]
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError], int]:
    logins: dict[str, str]
    with session.uow(write=False) as uow:
        logins = {
            s.login: s.id for s in uow.session.execute(select(Staff).where(Staff.active.is_(True))).scalars()
        }
        existing_cases = set(uow.session.execute(select(SupportCase.id)).scalars())
        existing_numbers = set(uow.session.execute(select(SupportCase.case_no)).scalars())
    may_write_offence = session.can(Permission.WRITE_SENSITIVE)
    good: list[tuple[int, dict[str, Any]]] = []
    errors: list[RowError] = []
    seen_rows: dict[tuple[str, ...], int] = {}
    seen_ids: dict[str, int] = {}
    seen_numbers: dict[str, int] = {}
    count = 0
    for number, values, row_errors in _parse_rows(header, rows):
        count += 1
        fingerprint = tuple(str(values.get(c.key) or "") for c in COLUMNS)
        if fingerprint in seen_rows:
            row_errors.append(RowError(number, "(行全体)", f"{seen_rows[fingerprint]}行目と同じ内容です"))
        seen_rows.setdefault(fingerprint, number)
        case_id = values.get("case_id")
        if case_id:
            try:
                uuid.UUID(case_id)
            except ValueError:
                row_errors.append(RowError(number, "ケースID", "IDの形式ではありません"))
            if case_id in existing_cases:
                row_errors.append(RowError(number, "ケースID", "このケースは既に登録されています"))
            if case_id in seen_ids:
                row_errors.append(RowError(number, "ケースID", f"{seen_ids[case_id]}行目と重複しています"))
            seen_ids.setdefault(case_id, number)
        case_no = values.get("case_no")
        if case_no:
            if case_no in existing_numbers:
                row_errors.append(RowError(number, "ケース番号", "このケース番号は既に使われています"))
            if case_no in seen_numbers:
                row_errors.append(
                    RowError(number, "ケース番号", f"{seen_numbers[case_no]}行目と重複しています")
                )
            seen_numbers.setdefault(case_no, number)
        for key, header_name in (("primary_staff", "主担当"), ("secondary_staff", "副担当")):
            login = values.get(key)
            if login and login not in logins:
                row_errors.append(RowError(number, header_name, f"スタッフ「{login}」は登録されていません"))
            values[key + "_id"] = logins.get(login) if login else None
        line, state = values.get("business_line"), values.get("state")
        if line and state and CaseState(state) not in _states_of(BusinessLine(line)):
            row_errors.append(
                RowError(
                    number, "状態", f"{BusinessLine(line).label}に「{CaseState(state).label}」はありません"
                )
            )
        if line and state and not row_errors:
            # The same validator as a case typed in the window (domain/case_rules.py): a ledger row whose
            # dates and state disagree would be counted wrongly in the year's tables.
            record = record_of(BusinessLine(line), CaseState(state), values)
            for problem in case_problems(record):
                column, _, message = problem.partition(": ")
                row_errors.append(RowError(number, column, message))
        if values.get("offence") and not may_write_offence:
            row_errors.append(RowError(number, "罪名", "罪名を登録する権限がありません"))
        birth = values.get("birth_date")
        if isinstance(birth, date) and birth > date.today():
            row_errors.append(RowError(number, "生年月日", "未来の日付です"))
        errors += row_errors
        if not row_errors:
            good.append((number, values))
    return good, errors, count


CASE_FIELDS = (
    "center_role", "requester", "requester_document_no", "request_date", "target_category", "facility_name",
    "sentence_kind", "offence", "sentence_end", "expected_release", "detention_expiry", "lawyer_name",
    "release_date", "destination_kind", "destination_name", "follow_up_planned_end", "closure_date",
    "closure_reason", "readmission_date", "readmission_source",
)  # fmt: skip


def import_ledger(
    session: StaffSession, path: Path, *, dry_run: bool = False, skip_invalid: bool = False
) -> ImportReport:
    session.require(Permission.WRITE_CASES)
    header, rows = read_table(path)
    report = ImportReport(dry_run=dry_run)
    report.errors = _check_header(header)
    if report.errors:
        return report
    good, errors, report.rows = _validate(session, header, rows)
    report.errors = errors
    report.skipped_rows = sorted({e.row for e in errors})
    if (errors and not skip_invalid) or dry_run or not good:
        report.imported = 0 if (errors and not skip_invalid) else len(good)
        return report
    with session.uow() as uow:
        s = uow.session
        known_people = set(s.execute(select(Person.id)).scalars())
        people: dict[str, str] = {}
        for _number, v in good:
            family, given = _split(v.get("name"))
            fkana, gkana = _split(v.get("kana"))
            key = v.get("person_id") or f"{normalize_name(family + given)}|{v.get('birth_date')}"
            person_id = people.get(key)
            if person_id is None:
                person_id = v.get("person_id") or str(uuid.uuid4())
                people[key] = person_id
                if person_id not in known_people:
                    s.add(
                        Person(
                            id=person_id,
                            family_name=family,
                            given_name=given,
                            family_kana=fkana,
                            given_kana=gkana,
                            alias=v.get("alias"),
                            birth_date=v.get("birth_date"),
                            sex=v.get("sex"),
                            care_level=v.get("care_level"),
                            support_category=v.get("support_category"),
                        )
                    )
                    s.flush()
                    names = [
                        ("name", f"{family} {given}".strip(), normalize_name(family + given)),
                        ("name", given, normalize_name(given)),
                        ("kana", f"{fkana} {gkana}".strip(), normalize_name(fkana + gkana)),
                        ("kana", gkana, normalize_name(gkana)),
                    ]
                    if v.get("alias"):
                        names.append(("alias", v["alias"], normalize_name(v["alias"])))
                    person_search.replace_names(s, person_id, names)
                    for kind in (v.get("disabilities") or "").split(","):
                        if kind:
                            s.add(Disability(person_id=person_id, kind=kind))
                    known_people.add(person_id)
                    report.persons_created += 1
            case = SupportCase(
                id=v.get("case_id") or str(uuid.uuid4()),
                case_no=v.get("case_no") or f"L-{uuid.uuid4().hex[:10]}",
                person_id=person_id,
                business_line=v["business_line"],
                state=v["state"],
                primary_staff_id=v.get("primary_staff_id"),
                secondary_staff_id=v.get("secondary_staff_id"),
                readmission=v.get("readmission") or "unknown",
                **{name: v.get(name) for name in CASE_FIELDS},
            )
            s.add(case)
            s.flush()  # no ORM relationship orders the inserts, and the history row refers to the case
            s.add(
                CaseStateChange(
                    case_id=case.id,
                    from_state=None,
                    to_state=v["state"],
                    changed_on=v.get("request_date") or date.today(),
                    changed_at=utc_now(),
                    staff_id=session.actor.staff_id,
                )
            )
            report.imported += 1
        audit.append(
            s,
            actor_id=session.actor.staff_id,
            action="ledger_imported",
            detail={
                "file": path.name,
                "cases": report.imported,
                "persons": report.persons_created,
                "skipped": len(report.skipped_rows),
            },
        )
        uow.commit()
    report.written = True
    return report


def export_rows(session: StaffSession) -> list[list[str]]:
    session.require(Permission.READ_CASES)
    with_offence = session.can(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        s = uow.session
        staff = {row.id: row.login for row in s.execute(select(Staff.id, Staff.login))}
        disabilities: dict[str, list[str]] = {}
        for pid, kind in s.execute(select(Disability.person_id, Disability.kind).order_by(Disability.rowid)):
            disabilities.setdefault(pid, []).append(kind)
        rows = s.execute(
            select(SupportCase, Person)
            .join(Person, Person.id == SupportCase.person_id)
            .order_by(SupportCase.case_no)
        ).all()
        out: list[list[str]] = []
        for case, person in rows:
            values: dict[str, object] = {name: getattr(case, name) for name in CASE_FIELDS}
            values.update(
                case_id=case.id,
                case_no=case.case_no,
                person_id=person.id,
                name=f"{person.family_name} {person.given_name}".strip(),
                kana=f"{person.family_kana} {person.given_kana}".strip(),
                alias=person.alias,
                birth_date=person.birth_date,
                sex=person.sex,
                disabilities=",".join(disabilities.get(person.id, [])),
                care_level=person.care_level,
                support_category=person.support_category,
                business_line=case.business_line,
                state=case.state,
                readmission=case.readmission,
                primary_staff=staff.get(case.primary_staff_id or ""),
                secondary_staff=staff.get(case.secondary_staff_id or ""),
            )
            if not with_offence:
                values["offence"] = None
            out.append([c.write(values.get(c.key)) for c in COLUMNS])
    return out


def export_ledger(session: StaffSession, path: Path, *, password: str | None) -> int:
    """Write every case to `path`: bulk personal data leaves only on purpose, by a role allowed to
    export it, password-protected unless `password` is None (an explicit plaintext export), audited
    with the number of cases."""
    session.require(Permission.EXPORT_PERSONAL_DATA)
    rows = export_rows(session)
    write_table(path, rows, password=password)
    session.record(
        "ledger_exported", detail={"file": path.name, "cases": len(rows), "encrypted": password is not None}
    )
    return len(rows)


def describe(report: ImportReport, limit: int = 50) -> list[str]:
    lines = [str(e) for e in report.errors[:limit]]
    if len(report.errors) > limit:
        lines.append(f"… ほか {len(report.errors) - limit} 件")
    return lines


__all__ = [
    "ImportReport",
    "InvalidInput",
    "RowError",
    "describe",
    "export_ledger",
    "export_rows",
    "import_ledger",
]
