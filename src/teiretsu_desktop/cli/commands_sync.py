"""`sync …`: one record across the center's devices (issue 18, docs/sync.md)."""

from __future__ import annotations

import argparse

from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.services.cases import find_case_id
from teiretsu_desktop.services.sync import conflicts, devices, exchange, kits


def cmd_init(ctx: CliContext, args: argparse.Namespace) -> int:
    entry = devices.init_hub(ctx.unlock(), args.name)
    print(
        f"同期を始めました。この端末が拠点です / this device is now the hub: {entry.name} ({entry.device_id[:8]})"
    )
    return 0


def cmd_enroll(ctx: CliContext, args: argparse.Namespace) -> int:
    entry = devices.enroll(ctx.unlock(), args.name, args.out)
    print(
        f"端末を登録しました / device enrolled: {entry.name} ({entry.device_id[:8]}, 受付番号の系列 {entry.body['series']})\n"
        f"その端末で restore してください / install it there with: teiretsu-admin --data-dir … --user … restore --from {args.out}"
    )
    return 0


def cmd_revoke(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    matches = [e for e in devices.devices(session) if e.device_id.startswith(args.device)]
    if len(matches) != 1:
        raise InvalidInput("端末を一つに特定できません / Give a device id that matches one device.")
    entry = devices.revoke(session, matches[0].device_id)
    print(f"端末を取り消し、同期鍵を更新しました / device revoked, sync key rotated: {entry.name}")
    return 0


def cmd_devices(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    for entry in devices.devices(session):
        state = "取消済 / revoked" if entry.revoked else ("拠点 / hub" if entry.hub else "登録済 / enrolled")
        print(f"{entry.device_id[:8]}\t{entry.name}\t{state}\t{entry.body['enrolled_at'][:10]}")
    print(f"未送信の変更 / changes not yet numbered: {devices.pending_count(session)}")
    return 0


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    result = exchange.export(ctx.unlock(), args.folder)
    if result.path is None:
        print("送る変更はありません / nothing new to send")
    else:
        print(f"書き出しました / packet written: {result.path.name} ({result.writes} 件の変更)")
    return 0


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    report = exchange.import_folder(ctx.unlock(), args.folder, retry=args.retry)
    for result in report.results:
        if result.outcome == "applied":
            waiting = f"、{result.waiting} 件は他の変更を待っています" if result.waiting else ""
            print(f"適用 / applied: {result.file_name} ({result.applied} 件{waiting})")
        elif result.outcome == "refused":
            print(f"拒否 / refused: {result.file_name}: {result.message}")
    print(f"取り込んだ変更 / changes applied: {report.applied}; 拒否 / refused: {len(report.refused)}")
    return 3 if report.refused else 0


def cmd_conflicts(ctx: CliContext, args: argparse.Namespace) -> int:
    queue = conflicts.conflicts(ctx.unlock())
    if not queue:
        print("競合はありません / no conflicts")
    for number, item in enumerate(queue, 1):
        if item.kind == "field":
            print(f"{number}. {item.table} {item.key[:8]} の {item.field}:")
            for n, version in enumerate(item.versions, 1):
                print(f"   {n}) {version.value}  ({version.device}, {version.at})")
        else:
            print(f"{number}. {item.table} {item.key[:8]}: {item.message}")
    return 0


def cmd_resolve(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    queue = conflicts.conflicts(session)
    if not 1 <= args.number <= len(queue) or queue[args.number - 1].kind != "field":
        raise InvalidInput("その番号の項目の競合はありません / No field conflict with that number.")
    item = queue[args.number - 1]
    conflicts.resolve(session, item.table, item.key, item.field, args.keep - 1)
    print(f"解決しました / resolved: {item.table} {item.key[:8]} の {item.field}")
    return 0


def cmd_kit_out(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    case_ids = [find_case_id(session, ref) for ref in args.cases]
    passphrase = ctx.secrets.existing(
        f"{args.staff} のパスフレーズ（キットを開く人）/ passphrase of the kit's holder"
    )
    info = kits.check_out(
        session, case_ids, staff_login=args.staff, staff_passphrase=passphrase, out=args.out,
        days=args.days, include_offence=args.include_offence,
    ).value  # fmt: skip
    print(
        f"訪問キットを作りました / visit kit written: {args.out} ({info.staff_name}, {info.cases} 件, "
        f"期限 {info.expires_at[:10]})"
    )
    return 0


def cmd_kit_in(ctx: CliContext, args: argparse.Namespace) -> int:
    merged = kits.check_in(ctx.unlock(), args.folder).value
    print(f"チェックインしました。キットは消去しました / checked in and wiped: {merged} 件の変更")
    return 0


def cmd_kits(ctx: CliContext, args: argparse.Namespace) -> int:
    listed = kits.kits(ctx.unlock())
    if not listed:
        print("訪問キットはありません / no visit kits")
    for kit in listed:
        state = "貸出中 / out" if kit.status == "out" else "返却済 / in"
        print(
            f"{kit.kit_id[:8]}\t{kit.staff_name}\t{kit.cases} 件\t{kit.checked_out_at[:10]}〜{kit.expires_at[:10]}\t{state}"
        )
    return 0
