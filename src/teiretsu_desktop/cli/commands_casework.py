"""Case-work commands: demo-data, ledger-template, export-ledger, import-ledger."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.ledger.files import write_template
from teiretsu_desktop.services.ledger.transfer import describe, export_ledger, import_ledger

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


def cmd_import_ledger(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    report = import_ledger(session, args.file, dry_run=args.dry_run, skip_invalid=args.skip_invalid)
    for line in describe(report, limit=200):
        print(line)
    rows = f"{report.rows} 行"
    if report.errors and not args.skip_invalid:
        print(
            f"{rows}中 {len(report.skipped_rows) or len(report.errors)} 行に誤りがあります。何も取り込んでいません / "
            "errors found; nothing was imported."
        )
        return 1
    if report.dry_run:
        print(
            f"確認のみ: {report.imported} 件を取り込めます / dry run: {report.imported} cases would be imported."
        )
        return 0 if not report.errors else 1
    skipped = f", {len(report.skipped_rows)} 行をとばしました / skipped" if report.skipped_rows else ""
    print(f"{report.imported} 件のケース、{report.persons_created} 人を取り込みました / imported{skipped}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "demo-data", help="add realistic synthetic persons and cases (deterministic for a seed)"
    )
    p.add_argument("--persons", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(handler=cmd_demo_data)

    p = sub.add_parser("ledger-template", help="write an empty Excel case ledger with help and choices")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler=cmd_ledger_template)

    p = sub.add_parser(
        "export-ledger",
        help="write every case to a password-protected .xlsx ledger (管理者・センター長 only; personal data!)",
    )
    p.add_argument("--out", type=Path, required=True)
    p.add_argument(
        "--plaintext",
        action="store_true",
        help="write without a password (.xlsx or .csv): the file holds personal data in the clear",
    )
    p.set_defaults(handler=cmd_export_ledger)

    p = sub.add_parser("import-ledger", help="import an .xlsx or .csv ledger; all rows or nothing")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check and report only")
    p.add_argument("--skip-invalid", action="store_true", help="import the valid rows and report the others")
    p.set_defaults(handler=cmd_import_ledger)
