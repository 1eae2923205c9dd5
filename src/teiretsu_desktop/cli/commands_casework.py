"""Case-work commands: demo-data, ledger-template, export-ledger, ledger-mapping, import-ledger."""

from __future__ import annotations

import argparse
import sys

from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.ledger.export import export_ledger
from teiretsu_desktop.services.ledger.files import ENCODING_LABELS, write_template
from teiretsu_desktop.services.ledger.importer import describe, import_ledger
from teiretsu_desktop.services.ledger.mapping import ColumnMapping, Ledger, read_ledger, suggest
from teiretsu_desktop.services.ledger.problems import save_problems

PERSONAL_DATA_WARNING = (
    "注意: このファイルには個人情報 (要配慮個人情報を含む) が暗号化されずに入っています。"
    "用が済んだら確実に削除してください / This file holds personal data unencrypted; delete it when done."
)


def cmd_demo_data(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    summary = generate_demo_data(session, persons=args.persons, seed=args.seed, progress=progress)
    print(file=sys.stderr)
    print(
        f"デモデータを作成しました / demo data: {summary.persons} persons, {summary.cases} cases, "
        f"{summary.activities} activities, {summary.agencies} agencies"
    )
    return 0


def cmd_ledger_template(ctx: CliContext, args: argparse.Namespace) -> int:
    write_template(args.out)
    print(f"台帳のひな形を書き出しました / template written: {args.out}")
    return 0


def cmd_export_ledger(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    session.require(Permission.EXPORT_PERSONAL_DATA)  # before asking for a file password
    password = None if args.plaintext else ctx.secrets.new("ファイルのパスワード / file password")
    count = export_ledger(session, args.out, password=password)
    print(f"{count} 件のケースを書き出しました / {count} cases written: {args.out}")
    if password is None:
        print(PERSONAL_DATA_WARNING, file=sys.stderr)
    else:
        print("パスワード付きで保存しました。Excelで開くときにパスワードを入力します / password-protected.")
    return 0


def _print_suggestions(ledger: Ledger, mapping: ColumnMapping) -> None:
    reasons = {s.header: s.reason for s in suggest(ledger)}
    for header, target in mapping.columns.items():
        shown = target or "(取り込まない)"
        samples = "、".join(ledger.samples(header, limit=3))
        print(f"  {header} → {shown}  [{reasons.get(header, '対応表のとおり')}]  例: {samples}")


def cmd_ledger_mapping(ctx: CliContext, args: argparse.Namespace) -> int:
    """The mapping step on the command line: suggest, write a TOML to check and edit, import with it."""
    ledger = read_ledger(args.file)
    mapping = ColumnMapping.suggested(ledger)
    _print_header(ledger)
    _print_suggestions(ledger, mapping)
    mapping.save(args.out)
    print(
        f"列の対応を書き出しました。確かめて直してから import-ledger --mapping {args.out} で使います / written: {args.out}"
    )
    for problem in mapping.problems(ledger):
        print(f"要確認: {problem}")
    return 0


def _print_header(ledger: Ledger) -> None:
    encoding = ENCODING_LABELS.get(ledger.encoding or "", ledger.encoding or "")
    kind = f"文字コード: {encoding}" if ledger.encoding else "Excelファイル"
    sheets = "、".join(f"{s.name} (見出し {s.header_row}行目, {len(s.rows)}行)" for s in ledger.sheets)
    print(f"{ledger.name}: {kind}; シート: {sheets}")
    if ledger.unread_sheets:
        print(f"見出しが見つからず読まなかったシート: {'、'.join(ledger.unread_sheets)}")


def cmd_import_ledger(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    ledger = read_ledger(args.file)
    mapping = ColumnMapping.load(args.mapping) if args.mapping else ColumnMapping.suggested(ledger)
    _print_header(ledger)
    if not args.mapping and set(mapping.targets()) != set(ledger.headers):
        print("列の対応 (--mapping がないので推定しました):")
        _print_suggestions(ledger, mapping)
    if args.save_mapping:
        mapping.save(args.save_mapping)
    report = import_ledger(
        session, ledger, mapping=mapping, dry_run=args.dry_run, skip_invalid=args.skip_invalid
    )
    for line in describe(report, limit=200):
        print(line)
    for warning in report.warnings[:200]:
        print(f"注意: {warning}")
    if args.errors and (report.errors or report.warnings):
        count = save_problems(report, args.errors)
        print(f"問題の一覧 ({count}件) を保存しました / problems written: {args.errors}")
    print(report.summary())
    if report.dry_run:
        print("確認のみです。何も書き込んでいません / dry run: nothing was written.")
        return 1 if report.blocked else 0
    if report.blocked and not args.skip_invalid:
        print(
            "取り込めない行があるため、何も取り込んでいません (--skip-invalid で他の行だけ取り込めます) / nothing was imported."
        )
        return 1
    if report.written:
        print("取り込みました / imported.")
    else:
        print("変更はありません / nothing to change.")
    return 0
