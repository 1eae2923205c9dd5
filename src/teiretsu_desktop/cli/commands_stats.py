"""`stats …`: the center's year (export, public-key, table, reopen) and the prefecture's workspace
(trust, import, report)."""

from __future__ import annotations

import argparse
import csv
import io
import sys

from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.stats.display import TABLE_HELP, with_totals
from teiretsu_desktop.stats.export import (
    authority_fingerprint,
    center_public_key,
    export_bundle,
    preview_export,
    reopen_year,
    year_tables,
)
from teiretsu_desktop.stats.report import write_report
from teiretsu_desktop.stats.workspace import Workspace
from teiretsu_desktop.store.atomic import atomic_write_bytes


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    preview = preview_export(session, args.fiscal_year, args.policy)
    r = preview.report
    print(
        f"秘匿: 一次 {r.primary}・差分 {r.differencing}・二次 {r.secondary} セル (方針 {r.policy}, k={r.k})"
    )
    result = export_bundle(session, args.fiscal_year, args.policy, args.out).value
    print(f"書き出しました / bundle written: {result.path} (FY{args.fiscal_year}, 連番 {result.sequence})")
    return 0


def cmd_public_key(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    atomic_write_bytes(args.out, center_public_key(session).encode("ascii"), 0o644)
    print(f"公開鍵を書き出しました / public key written: {args.out}")
    fingerprint = authority_fingerprint(session)
    if fingerprint:
        print(
            f"管理者の署名鍵の指紋 / administrator authority fingerprint: {fingerprint}\n"
            "公開鍵と一緒に都道府県へ伝えてください (stats trust --authority) / give it to the prefecture too."
        )
    return 0


def cmd_table(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.list or not args.name:
        for table_id, text in TABLE_HELP.items():
            print(f"{table_id}\t{text}")
        return 0
    if args.fiscal_year is None:
        raise InvalidInput("--fiscal-year を指定してください / Give --fiscal-year.")
    session = ctx.unlock()
    current = year_tables(session, args.fiscal_year)
    previous = year_tables(session, args.fiscal_year - 1)
    if args.name not in current:
        raise InvalidInput(
            f"表 {args.name} はありません (一覧: stats table --list) / No table {args.name}; see --list."
        )
    table, before = with_totals(current[args.name]), with_totals(previous[args.name])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f"{args.fiscal_year}年度 {table.title}"])
    writer.writerow(["", *table.column_labels, *(f"前年度 {c}" for c in table.column_labels)])
    for label, row, old in zip(table.row_labels, table.cells, before.cells, strict=True):
        writer.writerow([label, *row, *old])
    sys.stdout.buffer.write(buffer.getvalue().encode("utf-8-sig"))
    return 0


def cmd_reopen(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    reopen_year(session, args.fiscal_year, args.reason)
    print(f"{args.fiscal_year}年度を再開しました / the year is open again.")
    return 0


def cmd_trust(ctx: CliContext, args: argparse.Namespace) -> int:
    workspace = Workspace(args.workspace)
    key_id = workspace.trust(
        args.center, args.key.read_text(encoding="ascii"), replace_fingerprint=args.replace,
        authority=args.authority,
    )  # fmt: skip
    print(f"センター {args.center} の鍵を登録しました / key registered: {key_id}")
    return 0


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    workspace = Workspace(args.workspace)
    report = workspace.import_files(list(args.files), dry_run=args.dry_run)
    labels = {"new": "新規", "replaces": "差し替え", "duplicate": "取込済み", "refused": "拒否"}
    for f in report.files:
        where = f" {f.center} FY{f.fiscal_year} 連番{f.sequence}" if f.center else ""
        print(f"{labels[f.status]}\t{f.name}{where}\t{f.message}")
        for warning in f.warnings:
            print(f"\t注意: {warning}")
    if args.dry_run:
        print("確認のみ: 何も書き込んでいません / dry run: nothing written")
    return 1 if report.errors else 0


def cmd_report(ctx: CliContext, args: argparse.Namespace) -> int:
    population = None
    if args.population:
        rows = csv.reader(args.population.read_text(encoding="utf-8-sig").splitlines())
        population = {center: int(n) for center, n in rows if n.strip().isdigit()}
    count = write_report(Workspace(args.workspace), args.fiscal_year, args.format, args.out, population)
    print(f"{args.out} ({count} 行)")
    return 0
