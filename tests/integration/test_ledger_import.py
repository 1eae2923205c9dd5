"""Issue 15: a center's Excel records come in as staff keep them — and a second import changes nothing.

Each test reproduces a behaviour seen with the earlier import (refused encodings and values, a whole file
refused for one extra column, duplicates on a second import, silent miscounts, imports into a locked
year) on a real store."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.ledger.columns import COLUMNS, HELP_SHEET, SHEET
from teiretsu_desktop.services.ledger.export import export_ledger
from teiretsu_desktop.services.ledger.files import write_template
from teiretsu_desktop.services.ledger.importer import ImportReport, RowOutcome, import_ledger
from teiretsu_desktop.services.ledger.mapping import ColumnMapping, read_ledger, suggest
from teiretsu_desktop.services.ledger.problems import save_problems
from teiretsu_desktop.stats.export import export_bundle, reopen_year, year_tables
from teiretsu_desktop.store.models import AuditEntry, CaseStateChange, Disability, Person, Staff, SupportCase

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "center-ledgers"
HEADERS = [c.header for c in COLUMNS]
OURS = {"氏名": "山田 太郎", "ふりがな": "ヤマダ タロウ", "生年月日": "昭和30年3月2日", "業務区分": "特別調整",
        "状態": "依頼受理", "依頼日": "2024-05-10", "主担当": "sato"}  # fmt: skip


def _row(**values: str) -> list[str]:
    return _row_in(HEADERS, values)


def _row_in(header: list[str], values: dict[str, str]) -> list[str]:
    base = {**OURS, **values}
    return [base.get(h, "") for h in header]


def _text_file(path: Path, rows: list[list[str]], *, encoding: str, delimiter: str = ",") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def _xlsx(path: Path, rows: list[list[object]], sheet: str = SHEET) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def _count(session: StaffSession, model: type) -> int:
    with session.uow(write=False) as uow:
        return int(uow.session.execute(select(func.count()).select_from(model)).scalar_one())


def _cases(session: StaffSession) -> list[SupportCase]:
    with session.uow(write=False) as uow:
        return list(uow.session.execute(select(SupportCase).order_by(SupportCase.case_no)).scalars())


def _messages(report: ImportReport) -> list[str]:
    return [str(e) for e in report.errors]


# -- 1. what Excel writes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "delimiter", "shown"),
    [
        ("cp932", ",", "cp932"),
        ("utf-16", "\t", "utf-16"),
        ("utf-8-sig", ",", "utf-8-sig"),
        ("utf-8", ",", "utf-8"),
    ],
)
def test_excel_text_files_are_read_in_their_encoding(
    admin: StaffSession, tmp_path: Path, encoding: str, delimiter: str, shown: str
) -> None:
    suffix = ".txt" if delimiter == "\t" else ".csv"
    rows = [HEADERS, _row(氏名="髙橋 一郎"), _row(氏名="渡邊 花子", 生年月日="昭和40年1月1日")]
    path = _text_file(tmp_path / f"ledger{suffix}", rows, encoding=encoding, delimiter=delimiter)
    report = import_ledger(admin, path, dry_run=True)
    assert report.encoding == shown and report.errors == []
    report = import_ledger(admin, path)
    assert report.written and report.count(RowOutcome.NEW) == 2
    with admin.uow(write=False) as uow:
        names = set(uow.session.execute(select(Person.family_name)).scalars())
    assert names == {"髙橋", "渡邊"}  # the Shift_JIS / UTF-16 bytes became the right characters


# -- 3. what people type ---------------------------------------------------------------------------------------


TYPED = [
    ({"障害種別": "身体障害"}, "disabilities", {"physical"}),
    ({"障害種別": "知的障害"}, "disabilities", {"intellectual"}),
    ({"障害種別": "身体・知的"}, "disabilities", {"physical", "intellectual"}),
    ({"障害種別": "身体 知的"}, "disabilities", {"physical", "intellectual"}),
    ({"障害種別": "知的／精神"}, "disabilities", {"intellectual", "mental"}),
    ({"障害種別": "軽度の認知症"}, "disabilities", {"dementia"}),
    ({"性別": "不明"}, "sex", "x"),
    ({"性別": "女性"}, "sex", "f"),
    ({"対象者区分": "（1）"}, "target_category", "4-1"),
    ({"対象者区分": "(1)"}, "target_category", "4-1"),
    ({"依頼日": "2022年6月1日"}, "request_date", date(2022, 6, 1)),
    ({"依頼日": "令和 6年 4月 1日"}, "request_date", date(2024, 4, 1)),
    ({"依頼日": "令和元年五月一日"}, "request_date", date(2019, 5, 1)),
    ({"依頼日": "45383"}, "request_date", date(2024, 4, 1)),  # an Excel serial number
    ({"主担当": "佐藤 花子"}, "primary_staff", "sato"),
    ({"主担当": "佐藤"}, "primary_staff", "sato"),
    (
        {"状態": "退所（帰住）・釈放", "帰住日・釈放日": "2024-09-01", "帰住先種別": "医療機関（入院）"},
        "destination_kind", "12",
    ),
    ({"状態": "退所", "帰住日・釈放日": "2024-09-01", "帰住先種別": "グループホーム"}, "destination_kind", "08"),
    ({"状態": "退所", "帰住日・釈放日": "2024-09-01", "帰住先種別": "特養"}, "state", "released"),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "field", "expected"), TYPED)
def test_values_as_staff_type_them_are_understood(
    admin: StaffSession, tmp_path: Path, typed: dict[str, str], field: str, expected: object
) -> None:
    path = _text_file(tmp_path / "typed.csv", [HEADERS, _row(**typed)], encoding="cp932")
    report = import_ledger(admin, path)
    assert report.errors == [], _messages(report)
    (case,) = _cases(admin)
    with admin.uow(write=False) as uow:
        kinds = set(uow.session.execute(select(Disability.kind)).scalars())
        person = uow.session.get(Person, case.person_id)
        login = uow.session.execute(select(Staff.login).where(Staff.id == case.primary_staff_id)).scalar()
    assert person is not None
    got = {"disabilities": kinds, "sex": person.sex, "primary_staff": login}.get(
        field, getattr(case, field, None)
    )
    assert got == expected


def test_an_ambiguous_value_names_row_column_value_and_choices(admin: StaffSession, tmp_path: Path) -> None:
    path = _text_file(
        tmp_path / "ambiguous.csv", [HEADERS, _row(), _row(氏名="別 人", 要介護度="要")], encoding="utf-8"
    )
    report = import_ledger(admin, path)
    (message,) = _messages(report)
    assert message.startswith("3行目 要介護度:") and "「要」" in message
    assert "要支援1" in message and "要介護5" in message  # the choices it could be
    assert not report.written and _count(admin, SupportCase) == 0


def test_an_extra_column_is_left_out_with_a_warning_or_kept_as_remarks(
    admin: StaffSession, tmp_path: Path
) -> None:
    header = [*HEADERS[:-1], "センター独自メモ"]  # our 備考 replaced by a column of the center's own
    path = _text_file(
        tmp_path / "extra.csv",
        [header, _row_in(header, {"センター独自メモ": "本人は地元希望"})],
        encoding="cp932",
    )
    report = import_ledger(admin, path)
    assert report.written and any(
        "センター独自メモ" in str(w) and "取り込みません" in str(w) for w in report.warnings
    )
    mapping = ColumnMapping(
        {**ColumnMapping.suggested(read_ledger(path)).columns, "センター独自メモ": "備考"}
    )
    path2 = _text_file(tmp_path / "extra2.csv", [header, _row_in(header, {"氏名": "川田 次郎", "センター独自メモ": "本人は地元希望"})],
                       encoding="cp932")  # fmt: skip
    report = import_ledger(admin, path2, mapping=mapping)
    assert report.written
    remarks = {c.remarks for c in _cases(admin)}
    assert "センター独自メモ: 本人は地元希望" in remarks


# -- 4. the same ledger twice, and an edited one ----------------------------------------------------------------


def test_importing_the_same_ledger_twice_changes_nothing(admin: StaffSession, tmp_path: Path) -> None:
    fy = 2024
    rows = [HEADERS]
    for i in range(12):
        released = {
            "状態": "フォローアップ中",
            "帰住日・釈放日": f"2024-{7 + i % 5}-01",
            "帰住先種別": "更生保護施設",
        }
        rows.append(_row(氏名=f"試験 {i}番", 生年月日=f"19{40 + i}-04-0{1 + i % 9}", 障害種別="知的、精神",
                         **(released if i % 2 else {})))  # fmt: skip
    path = _text_file(tmp_path / "year.csv", rows, encoding="cp932")
    first = import_ledger(admin, path)
    assert first.written and first.count(RowOutcome.NEW) == 12
    tables = year_tables(admin, fy)
    audit_length = _count(admin, AuditEntry)
    dry = import_ledger(admin, path, dry_run=True)
    assert dry.count(RowOutcome.UNCHANGED) == 12 and dry.count(RowOutcome.NEW) == 0
    second = import_ledger(admin, path)
    assert second.count(RowOutcome.UNCHANGED) == 12 and not second.written
    assert _count(admin, Person) == 12 and _count(admin, SupportCase) == 12
    assert year_tables(admin, fy) == tables
    assert _count(admin, AuditEntry) == audit_length  # nothing happened, nothing recorded


def test_three_cells_edited_in_an_exported_ledger_change_exactly_three_fields(
    admin: StaffSession, tmp_path: Path
) -> None:
    source = _text_file(
        tmp_path / "in.csv",
        [HEADERS, _row(), _row(氏名="川田 次郎", 生年月日="1950-01-01")],
        encoding="utf-8",
    )
    assert import_ledger(admin, source).written
    out = tmp_path / "exported.xlsx"
    export_ledger(admin, out, password=None)
    book = load_workbook(out)
    sheet = book[SHEET]
    header = [c.value for c in sheet[1]]
    row = 2 if sheet.cell(2, header.index("氏名") + 1).value == "山田 太郎" else 3
    for column, value in (("依頼文書番号", "東保観第9号"), ("矯正施設等", "府中刑務所"), ("性別", "男性")):
        sheet.cell(row, header.index(column) + 1, value)
    book.save(out)
    audit_before = _count(admin, AuditEntry)
    report = import_ledger(admin, out)
    assert report.written, _messages(report)
    assert report.count(RowOutcome.UPDATED) == 1 and report.count(RowOutcome.UNCHANGED) == 1
    assert report.fields_changed == 3
    with admin.uow(write=False) as uow:
        entries = list(
            uow.session.execute(
                select(AuditEntry).where(AuditEntry.seq > audit_before).order_by(AuditEntry.seq)
            ).scalars()
        )
    fields = sorted(e.detail for e in entries if e.action == "ledger_field_updated")
    assert len(fields) == 3
    assert all(any(f in d for d in fields) for f in ("requester_document_no", "facility_name", '"sex"'))
    case = next(c for c in _cases(admin) if c.requester_document_no)
    assert case.facility_name == "府中刑務所" and case.revision == 2


def test_a_case_changed_in_the_application_after_export_is_a_conflict(
    admin: StaffSession, tmp_path: Path
) -> None:
    from teiretsu_desktop.services import cases

    assert import_ledger(admin, _text_file(tmp_path / "in.csv", [HEADERS, _row()], encoding="utf-8")).written
    out = tmp_path / "exported.xlsx"
    export_ledger(admin, out, password=None)
    (case,) = _cases(admin)
    view = cases.get_case(admin, case.id)
    cases.update_case(admin, case.id, replace(view, facility_name="栃木刑務所"),
                      expected_revision=view.revision)  # fmt: skip
    book = load_workbook(out)
    sheet = book[SHEET]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("矯正施設等") + 1, "府中刑務所")
    book.save(out)
    report = import_ledger(admin, out)
    assert report.count(RowOutcome.CONFLICTING) == 1 and not report.written
    assert "アプリで変更されています" in _messages(report)[0]
    assert _cases(admin)[0].facility_name == "栃木刑務所"


# -- 5. what would be miscounted --------------------------------------------------------------------------------


def test_rows_that_would_be_miscounted_are_refused_or_warned(admin: StaffSession, tmp_path: Path) -> None:
    rows = [
        HEADERS,
        _row(氏名="生年 不明", 生年月日="", 状態="退所(帰住)・釈放", **{"帰住日・釈放日": "2024-09-01"}, 帰住先種別="自宅"),
        _row(氏名="終結 帰住なし", 状態="終結", 終結日="2024-12-01", 終結理由="地域生活に定着"),
        _row(氏名="二行 の人", 障害種別="知的"),
        _row(氏名="二行 の人", 障害種別="精神", 業務区分="一般調整", 依頼日="2024-08-01"),
    ]  # fmt: skip
    path = _text_file(tmp_path / "miscount.csv", rows, encoding="utf-8")
    report = import_ledger(admin, path, skip_invalid=True)
    assert any(str(w).startswith("2行目 生年月日:") and "年齢不明" in str(w) for w in report.warnings)
    assert any(m.startswith("3行目 帰住日・釈放日:") for m in _messages(report))
    assert any(str(w).startswith("5行目 障害種別:") for w in report.warnings)
    assert report.count(RowOutcome.REFUSED) == 1 and report.count(RowOutcome.NEW) == 3
    with admin.uow(write=False) as uow:
        pid = uow.session.execute(select(Person.id).where(Person.family_name == "二行")).scalar_one()
        kinds = set(uow.session.execute(select(Disability.kind).where(Disability.person_id == pid)).scalars())
    assert kinds == {"intellectual", "mental"}  # the second row's 障害種別 is not dropped


def test_a_locked_year_refuses_rows_until_it_is_reopened(admin: StaffSession, tmp_path: Path) -> None:
    export_bundle(admin, 2024, "public", tmp_path / "2024.bundle")
    path = _text_file(
        tmp_path / "late.csv",
        [HEADERS, _row(), _row(氏名="次年度 の人", 依頼日="2025-04-10")],
        encoding="utf-8",
    )
    report = import_ledger(admin, path)
    assert not report.written and report.count(RowOutcome.REFUSED) == 1
    assert "令和6年度は統計を出力済みでロックされています" in _messages(report)[0]
    reopen_year(admin, 2024, "台帳の取込のため")
    report = import_ledger(admin, path)
    assert report.written and report.count(RowOutcome.NEW) == 2
    with admin.uow(write=False) as uow:
        actions = list(uow.session.execute(select(AuditEntry.action)).scalars())
    assert "stats_year_reopened" in actions and actions[-1] == "ledger_imported"


# -- 6. the template and numbering ----------------------------------------------------------------------------


def test_the_template_explains_every_column_and_offers_drop_downs(tmp_path: Path) -> None:
    out = tmp_path / "template.xlsx"
    write_template(out)
    book = load_workbook(out)
    help_rows = list(book[HELP_SHEET].iter_rows(values_only=True))
    assert help_rows[0][:5] == ("列", "説明", "書き方", "例", "集計での使われ方")
    explained = {r[0]: r for r in help_rows[1:] if r[0]}
    assert set(explained) >= set(HEADERS)
    for header in HEADERS:
        assert explained[header][1], f"{header} has no explanation"
    assert "帰住日の年齢" in explained["生年月日"][1] and "認知症" in explained["障害種別"][1]
    assert any("状態" in str(r[0]) and "数え" in str(r[1]) for r in help_rows)  # which 状態 values count
    validations = book[SHEET].data_validations.dataValidation
    covered = {str(v.sqref).split(":")[0].rstrip("0123456789") for v in validations}
    coded = [i for i, c in enumerate(COLUMNS, start=1) if c.choices is not None and not c.multiple]
    letters = {book[SHEET].cell(1, i).column_letter for i in coded}
    assert letters <= covered


def test_imported_cases_are_numbered_by_fiscal_year(admin: StaffSession, tmp_path: Path) -> None:
    rows = [
        HEADERS,
        _row(依頼日="2024-05-10"),
        _row(氏名="二 番", 依頼日="2025-03-31"),
        _row(氏名="三 番", 依頼日="2025-04-01"),
    ]
    report = import_ledger(admin, _text_file(tmp_path / "n.csv", rows, encoding="utf-8"))
    assert report.written
    assert [c.case_no for c in _cases(admin)] == ["2024-00001", "2024-00002", "2025-00001"]


def test_an_imported_case_has_the_history_the_year_tables_read(admin: StaffSession, tmp_path: Path) -> None:
    row = _row(状態="フォローアップ中", **{"帰住日・釈放日": "2024-09-01"}, 帰住先種別="更生保護施設")
    assert import_ledger(admin, _text_file(tmp_path / "h.csv", [HEADERS, row], encoding="utf-8")).written
    (case,) = _cases(admin)
    with admin.uow(write=False) as uow:
        steps = [
            (c.to_state, c.changed_on)
            for c in uow.session.execute(select(CaseStateChange).order_by(CaseStateChange.rowid)).scalars()
        ]
    assert steps == [
        ("received", date(2024, 5, 10)),
        ("released", date(2024, 9, 1)),
        ("follow_up", date(2024, 9, 1)),
    ]
    assert case.release_destination_kind == "10"
    assert year_tables(admin, 2024)["residence_at_release"].value("10", "persons") == 1


# -- 2. a center's own ledger (the fixtures) ---------------------------------------------------------------------


def test_a_centers_coordination_workbook_is_mapped_and_checked(admin: StaffSession, tmp_path: Path) -> None:
    ledger = read_ledger(FIXTURES / "令和4年度_コーディネート台帳.xlsx")
    assert [(s.name, s.header_row) for s in ledger.sheets] == [("特別調整", 3), ("一般調整", 3)]
    assert ledger.row_count == 20  # the blank and 計 rows are not cases
    suggested = {s.header: s.target for s in suggest(ledger)}
    assert suggested == {
        "No.": "", "氏名": "氏名", "フリガナ": "ふりがな", "生年月日": "生年月日", "障害等": "障害種別",
        "施設名": "矯正施設等", "依頼日": "依頼日", "釈放日": "帰住日・釈放日", "帰住先": "帰住先種別",
        "状況": "状態", "担当": "主担当", "備考": "備考",
    }  # fmt: skip
    report = import_ledger(admin, ledger, dry_run=True)
    assert report.rows == 20 and not report.written
    assert any("合計の行" in str(w) for w in report.warnings)
    assert any(
        "「担当」" in str(w) or "スタッフ「" in str(w) for w in report.warnings
    )  # 佐々木 is not on staff
    # 辞退 and 終結 rows have no 終結日: refused by the validator, each by row and column.
    assert report.count(RowOutcome.REFUSED) > 0 and all("行目" in m for m in _messages(report))
    assert report.count(RowOutcome.NEW) + report.count(RowOutcome.REFUSED) == 20
    imported = import_ledger(admin, ledger, skip_invalid=True)
    assert imported.written and imported.count(RowOutcome.NEW) == report.count(RowOutcome.NEW)
    lines = {c.business_line for c in _cases(admin)}
    assert lines == {"special", "general"}  # from the sheet names
    again = import_ledger(admin, ledger, dry_run=True)
    assert (
        again.count(RowOutcome.UNCHANGED) == imported.count(RowOutcome.NEW)
        and again.count(RowOutcome.NEW) == 0
    )


def test_a_consultation_csv_in_shift_jis_with_a_saved_mapping(admin: StaffSession, tmp_path: Path) -> None:
    path = FIXTURES / "相談受付簿_R5.csv"
    ledger = read_ledger(path)
    assert ledger.encoding == "cp932"
    mapping = ColumnMapping.suggested(ledger)
    assert mapping.columns["本人氏名"] == "氏名" and mapping.columns["受付日"] == "依頼日"
    assert mapping.columns["年齢"] == ""  # no birth date can be made from an age
    problems = mapping.problems(ledger)
    assert any("業務区分" in p for p in problems) and any("状態" in p for p in problems)
    mapping = ColumnMapping(mapping.columns, {"業務区分": "相談支援", "状態": "依頼受理"})
    saved = tmp_path / "相談.toml"
    mapping.save(saved)
    assert ColumnMapping.load(saved) == mapping
    report = import_ledger(admin, path, mapping=ColumnMapping.load(saved), skip_invalid=True)
    assert report.written and report.count(RowOutcome.NEW) >= 10
    assert {c.business_line for c in _cases(admin)} == {"consultation"}


def test_the_problem_list_is_saved_for_the_staff(admin: StaffSession, tmp_path: Path) -> None:
    path = _text_file(tmp_path / "bad.csv", [HEADERS, _row(状態="終結")], encoding="utf-8")
    report = import_ledger(admin, path, dry_run=True)
    out = tmp_path / "problems.xlsx"
    assert save_problems(report, out) == len(report.errors) + len(report.warnings) > 0
    rows = list(load_workbook(out)["取込の問題"].iter_rows(values_only=True))
    assert rows[0] == ("種類", "シート", "行", "列", "内容") and rows[1][0] == "誤り" and rows[1][2] == 2


def test_a_broken_mapping_file_is_refused_with_a_message(tmp_path: Path) -> None:
    from teiretsu_desktop.domain.errors import InvalidInput

    bad = tmp_path / "bad.toml"
    bad.write_text('version = 1\n[columns]\n"氏名" = 3\n', encoding="utf-8")
    with pytest.raises(InvalidInput, match="列名"):
        ColumnMapping.load(bad)
    bad.write_text("[columns\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="TOML"):
        ColumnMapping.load(bad)


def test_a_workbook_with_serial_dates_and_a_title_row(admin: StaffSession, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "own.xlsx", [["令和6年度 台帳"], [], ["氏名", "生年月日", "業務区分", "状況", "受付日"],
                                         ["山田 太郎", 20151, "特別調整", "受理", 45383]], sheet="Sheet1")  # fmt: skip
    report = import_ledger(admin, path)
    assert report.written, _messages(report)
    (case,) = _cases(admin)
    assert case.request_date == date(2024, 4, 1) and case.state == "received"


def test_a_person_on_two_rows_of_an_exported_ledger_is_changed_once_or_refused(
    admin: StaffSession, tmp_path: Path
) -> None:
    rows = [HEADERS, _row(), _row(業務区分="一般調整", 依頼日="2025-06-01")]  # one person, two cases
    assert import_ledger(admin, _text_file(tmp_path / "in.csv", rows, encoding="utf-8")).written
    assert _count(admin, Person) == 1
    out = tmp_path / "exported.xlsx"
    export_ledger(admin, out, password=None)
    book = load_workbook(out)
    sheet = book[SHEET]
    kana = HEADERS.index("ふりがな") + 1
    sheet.cell(2, kana, "ヤマダ タロー")  # the reading corrected on one row only
    book.save(out)
    report = import_ledger(admin, out)
    assert not report.written and report.count(RowOutcome.REFUSED) == 1
    assert "2行目と同じ人ですが値が違います" in _messages(report)[0]
    sheet.cell(3, kana, "ヤマダ タロー")  # and on the other
    book.save(out)
    report = import_ledger(admin, out)
    assert report.written and report.fields_changed == 1 and report.count(RowOutcome.UPDATED) == 1


def test_a_header_written_twice_keeps_both_columns(admin: StaffSession, tmp_path: Path) -> None:
    header = [*HEADERS[:-1], "備考", "備考"]
    row = [*_row_in(HEADERS[:-1], {}), "手帳申請中", "GH見学済"]
    path = _text_file(tmp_path / "twice.csv", [header, row], encoding="utf-8")
    ledger = read_ledger(path)
    assert ledger.sheets[0].header[-2:] == ["備考", "備考 (2)"]
    report = import_ledger(admin, ledger)
    assert report.written, _messages(report)
    (case,) = _cases(admin)
    assert case.remarks is not None and "手帳申請中" in case.remarks and "GH見学済" in case.remarks
