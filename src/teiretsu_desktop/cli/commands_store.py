"""Store commands: init, verify, backup, restore, rotate-key, audit."""

from __future__ import annotations

import argparse

from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.domain.errors import CorruptStore, InvalidInput, NotADatabase
from teiretsu_desktop.security.rotation import rotate_database_key
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import audit_log, maintenance
from teiretsu_desktop.services.settings import change_center_code
from teiretsu_desktop.services.setup import CenterInfo, init_center
from teiretsu_desktop.services.staff import upgrade_keys

RECOVERY_BANNER = """\
==================================================================
回復キー / RECOVERY KEY — 一度だけ表示します / shown only this once
  {code}
印刷して金庫に保管してください。パスフレーズを忘れたときに必要です。
Print it and keep it in the office safe: it is the only way back in
when every passphrase is forgotten.
=================================================================="""


def print_recovery_code(code: str) -> None:
    print(RECOVERY_BANNER.format(code=code))


def cmd_init(ctx: CliContext, args: argparse.Namespace) -> int:
    login = ctx.user or "admin"
    passphrase = ctx.secrets.new(f"{login} の新しいパスフレーズ / new passphrase")
    result = init_center(
        ctx.data_dir,
        CenterInfo(args.center_code, args.center_name, args.prefecture),
        admin_login=login,
        admin_name=args.admin_name,
        admin_passphrase=passphrase,
    )
    print(f"作成しました / created: {ctx.data_dir.root}")
    print(f"管理者のスタッフ名 / administrator's staff name: {login}")
    print_recovery_code(result.recovery_code)
    print(
        f"管理者の署名鍵の指紋 / administrator authority fingerprint: {result.authority_fingerprint}\n"
        "回復キーと一緒に記録してください。バックアップと集計ファイルにも入ります / "
        "Keep it with the recovery key; backups and bundles carry it."
    )
    return 0


def cmd_verify(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        session = ctx.unlock(for_inspection=True)
    except (CorruptStore, NotADatabase) as damaged:
        print(f"FAILED: {damaged.user_message}")
        return 1
    report = maintenance.verify(session)
    for line in report.checks:
        print(line)
    for problem in report.problems:
        print(f"FAILED: {problem}")
    if report.ok:
        print("verify: ok")
        return 0
    print(
        "verify: 問題があります。最新のバックアップから復元してください / problems found; restore from a backup."
    )
    return 1


def cmd_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    info = maintenance.backup(session, args.out)
    print(f"バックアップを作成しました / backup written: {info.path}")
    print(f"sha256: {info.sha256}")
    return 0


def cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.recovery:
        code = ctx.secrets.existing("回復キー / recovery key")
        manifest = maintenance.restore(
            args.from_file, ctx.data_dir, lambda slots: slots.unwrap_recovery(code)
        )
        maintenance.record_restore_with_recovery(ctx.data_dir, code, manifest)
        print(f"復元しました / restored: {ctx.data_dir.root}")
        print(
            "回復キーで復元しました。各スタッフのパスフレーズはバックアップ時のものです / restored with the recovery key."
        )
        return 0
    if not ctx.user:
        raise InvalidInput(
            "--user か --recovery を指定してください / Give --user (or --recovery) for restore."
        )
    passphrase = ctx.secrets.existing(f"{ctx.user} のパスフレーズ (バックアップ時) / passphrase")
    maintenance.restore_as(args.from_file, ctx.data_dir, ctx.user, passphrase)
    print(f"復元しました / restored: {ctx.data_dir.root}")
    return 0


def cmd_rotate_key(ctx: CliContext, args: argparse.Namespace) -> int:
    login = ctx.login()
    passphrase = ctx.secrets.existing(f"{login} のパスフレーズ / passphrase")
    session = unlock_with_passphrase(ctx.data_dir, login, passphrase)
    new_session, result = rotate_database_key(session, passphrase)
    ctx.adopt(new_session)
    print("データベースの鍵を更新しました / the database key was rotated.")
    if result.dropped_logins:
        print(
            "次のスタッフは新しい仮パスフレーズが必要です (passwd --for) / these staff need a new passphrase: "
            + ", ".join(result.dropped_logins)
        )
    print_recovery_code(result.recovery_code)
    return 0


def cmd_upgrade_keys(ctx: CliContext, args: argparse.Namespace) -> int:
    login = ctx.login()
    passphrase = ctx.secrets.existing(f"{login} のパスフレーズ / passphrase")
    session = unlock_with_passphrase(ctx.data_dir, login, passphrase)
    ctx.adopt(session)
    result = upgrade_keys(session, passphrase=passphrase)
    print(
        "管理者の署名鍵を作り、スタッフ名簿に署名しました / the administrator authority now signs the roster."
    )
    if result.legacy_logins:
        print(
            "次のスタッフの次のパスフレーズは管理者が設定してください (passwd --for) / set these staff's next "
            "passphrase: " + ", ".join(result.legacy_logins)
        )
    print("キーリングでの解除は設定し直してください / set up keyring unlock again.")
    print_recovery_code(result.recovery_code)
    print(f"管理者の署名鍵の指紋 / administrator authority fingerprint: {result.fingerprint}")
    return 0


def cmd_center_code(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    change_center_code(session, args.code)
    print(f"センターコードを {args.code} にしました / the center code is now {args.code}.")
    return 0


def cmd_audit(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    rows = audit_log.recent_entries(session, limit=args.last)
    problems = audit_log.verify_chain(session)
    for entry in reversed(rows):
        target = f" {entry.target}" if entry.target else ""
        print(f"{entry.seq:>6} {entry.at} {entry.action}{target} actor={entry.actor} {entry.detail}")
    print("chain: ok" if not problems else "chain: FAILED — " + "; ".join(problems))
    return 0 if not problems else 1
