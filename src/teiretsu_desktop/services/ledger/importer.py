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
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.case_rules import RELEASED_STATES, case_problems, record_of
from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.names import normalize_name, to_katakana
from teiretsu_desktop.domain.wareki import fiscal_year, fiscal_year_label
from teiretsu_desktop.domain.workflow import MAIN_PATHS, TERMINAL, CaseState, allowed_next
from teiretsu_desktop.security import audit
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.ledger.columns import BY_KEY, PERSON_KEYS
from teiretsu_desktop.services.ledger.mapping import (
    ColumnMapping,
    Ledger,
    read_ledger,
)
from teiretsu_desktop.services.ledger.new_records import (
    initial_history,
    joined,
    release_destination,
    split_name,
)
from teiretsu_desktop.services.ledger.report import (
    ImportCancelled,
    ImportReport,
    RowError,
    RowOutcome,
    describe,
)
from teiretsu_desktop.services.ledger.rows import FilePerson, ImportContext, LedgerRow, parse_row
from teiretsu_desktop.store.models import (
    CaseStateChange,
    Disability,
    Person,
    SupportCase,
    utc_now,
)
from teiretsu_desktop.store.queries import person_search

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


Progress = Callable[[int, int], None]


@cache  # the same for every row of a line (computed per row, 0.7 s of a 10,000-row import)
def _states_of(line: BusinessLine) -> frozenset[CaseState]:
    path = MAIN_PATHS[line]
    reachable = set(path) | {s for targets in path.values() for s in targets}
    return frozenset(reachable | {e for s in reachable for e in allowed_next(line, s)})


def _audit(ctx: ImportContext, kind: str, record_id: str, key: str) -> None:
    """One entry per changed field, naming the field and never its value."""
    audit.append(
        ctx.s, actor_id=ctx.session.actor.staff_id, action="ledger_field_updated", target_kind=kind,
        target_id=record_id, detail={"field": key, "file": ctx.file[:100]},
    )  # fmt: skip


def _person_key(values: dict[str, Any]) -> tuple[str, date | None]:
    family, given = split_name(values.get("name"))
    return normalize_name(family + given), values.get("birth_date")


def _natural_key(values: dict[str, Any]) -> tuple[str, date | None, str, date | None]:
    name, birth = _person_key(values)
    return name, birth, str(values.get("business_line") or ""), values.get("request_date")


def _years(values: dict[str, Any], keys: tuple[str, ...] = DATE_KEYS) -> set[int]:
    return {fiscal_year(v) for k in keys if isinstance(v := values.get(k), date)}


def _check_locks(ctx: ImportContext, row: LedgerRow, years: set[int]) -> bool:
    locked = sorted(years & ctx.locked)
    if locked:
        labels = "・".join(fiscal_year_label(y) for y in locked)
        row.error(
            "(年度)",
            f"{labels}は統計を出力済みでロックされています。取り込むにはセンター長が統計画面で年度を再開してください (再開は記録されます)",
        )
    return not locked


def _validate(row: LedgerRow, line: BusinessLine, state: CaseState, values: dict[str, Any]) -> None:
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
        "name": joined(person.family_name, person.given_name),
        "kana": joined(person.family_kana, person.given_kana),
        "alias": person.alias,
        "birth_date": person.birth_date,
        "sex": person.sex,
        "disabilities": ",".join(sorted(disabilities)) or None,
        "care_level": person.care_level,
        "support_category": person.support_category,
    }


def _row_person_values(values: dict[str, Any]) -> dict[str, Any]:
    out = {k: values.get(k) for k in PERSON_KEYS}
    out["name"] = joined(*split_name(values.get("name")))
    out["kana"] = to_katakana(joined(*split_name(values.get("kana")))) or None
    disabilities = values.get("disabilities")
    out["disabilities"] = ",".join(sorted(disabilities.split(","))) if disabilities else None
    return out


def _set_person(ctx: ImportContext, person: Person, key: str, value: Any) -> None:
    s = ctx.s
    if key == "name":
        person.family_name, person.given_name = split_name(value)
    elif key == "kana":
        person.family_kana, person.given_kana = split_name(to_katakana(value or ""))
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


def _index_names(s: Session, person: Person) -> None:
    names = person_search.name_rows(
        person.family_name, person.given_name, person.family_kana, person.given_kana, person.alias
    )
    person_search.replace_names(s, person.id, names)


def _disabilities_of(ctx: ImportContext, person_id: str) -> list[str]:
    if person_id in ctx.kinds:
        return ctx.kinds[person_id]
    return list(ctx.s.execute(select(Disability.kind).where(Disability.person_id == person_id)).scalars())


# -- one row -------------------------------------------------------------------------------------------------


def _near_duplicates(ctx: ImportContext, row: LedgerRow) -> None:
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


def _new_case(ctx: ImportContext, row: LedgerRow, report: ImportReport, apply: bool) -> RowOutcome:
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
        entry = FilePerson(candidates[0] if candidates else None, mine, row.number, not candidates)
        ctx.persons[person_key] = entry
    if not apply:
        return RowOutcome.NEW
    if entry.id is None:
        entry.id = ctx.pending.person(v.get("person_id") or str(uuid.uuid4()), mine)
    person_id = entry.id
    if entry.created_here:
        # In the order the row gives them (as the ledger shows them again), then any from earlier rows.
        wanted = (v.get("disabilities") or "").split(",") + sorted(
            (entry.values.get("disabilities") or "").split(",")
        )
        ctx.pending.disabilities(person_id, [k for k in wanted if k])
    report.changed_persons.add(person_id)
    case = ctx.pending.case(
        {
            **{k: v.get(k) for k in CASE_KEYS if k not in ("case_no", "readmission")},
            "id": v.get("case_id") or str(uuid.uuid4()),
            "case_no": number or ctx.next_case_no(v.get("request_date") or date.today()),
            "person_id": person_id,
            "business_line": str(line),
            "state": str(state),
            "primary_staff_id": v.get("primary_staff_id"),
            "secondary_staff_id": v.get("secondary_staff_id"),
            "release_destination_kind": release_destination(state, v),
            "readmission": v.get("readmission") or "unknown",
        },
        initial_history(state, v),
    )
    ctx.case_numbers[case["case_no"]] = case["id"]
    ctx.case_ids.add(case["id"])
    report.changed_cases.add(case["id"])
    return RowOutcome.NEW


def _update_case(
    ctx: ImportContext, row: LedgerRow, case_id: str, report: ImportReport, apply: bool
) -> RowOutcome:
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
            case.release_destination_kind = release_destination(new_state, merged)
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


def _match(ctx: ImportContext, row: LedgerRow) -> tuple[str | None, str | None]:
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


def _import_row(ctx: ImportContext, row: LedgerRow, report: ImportReport, apply: bool) -> RowOutcome:
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
        ctx = ImportContext(uow.session, session, mapping, ledger.name)
        rows = [
            parse_row(ctx, sheet, number, cells, sheet.name if len(ledger.sheets) > 1 else "")
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
