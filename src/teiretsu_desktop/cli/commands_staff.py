"""Staff commands: add-user, remove-user, passwd, recover, list-users, keyring."""

from __future__ import annotations

import argparse
import sys

from teiretsu_desktop.cli.commands_store import print_recovery_code
from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security import os_keyring
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.rotation import rotate_database_key
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import staff


def cmd_add_user(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    session.require(Permission.MANAGE_STAFF)
    passphrase = ctx.secrets.new(f"{args.login} の初期パスフレーズ / initial passphrase")
    info = staff.add_staff(
        session, login=args.login, display_name=args.name, role=args.role, passphrase=passphrase
    ).value
    print(f"追加しました / added: {info.login} ({info.role.label_ja})")
    return 0


def _rotate_after(ctx: CliContext, session: StaffSession, passphrase: str, why: str) -> None:
    """Revocation that works: the database key is rotated, so no earlier slot file opens the store."""
    new_session, result = rotate_database_key(session, passphrase)
    ctx.adopt(new_session)
    print(f"{why}のため、データベースの鍵を更新しました / the database key was rotated.")
    print(
        "ほかのスタッフは次の解除で新しい鍵を自動で受け取ります。更新前のバックアップは、作成時の鍵で開けます / "
        "other staff take the new key up at their next unlock; earlier backups still open with their own keys."
    )
    if result.dropped_logins:
        print("次のスタッフは新しい仮パスフレーズが必要です (passwd --for) / these staff need a new passphrase: "
              + ", ".join(result.dropped_logins))  # fmt: skip
    print_recovery_code(result.recovery_code)


def cmd_remove_user(ctx: CliContext, args: argparse.Namespace) -> int:
    login = ctx.login()
    passphrase = ctx.secrets.existing(f"{login} のパスフレーズ / passphrase")
    session = unlock_with_passphrase(ctx.data_dir, login, passphrase)
    ctx.adopt(session)
    staff.remove_staff(session, args.login)
    print(f"削除しました。鍵スロットも消去しました / removed {args.login} and their key slots.")
    if args.no_rotate:
        print(
            "注意: 削除した人が持ち出した鍵ファイルやバックアップは、rotate-key を実行するまでこのデータを開けます / "
            "an old key-slot file or backup still opens this store until you run rotate-key.",
            file=sys.stderr,
        )
        return 0
    _rotate_after(ctx, session, passphrase, "スタッフの削除")
    return 0


def cmd_passwd(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.for_login:
        session = ctx.unlock()
        session.require(Permission.MANAGE_STAFF)
        new = ctx.secrets.new(f"{args.for_login} の新しいパスフレーズ / new passphrase")
        staff.reset_passphrase(session, login=args.for_login, new=new)
        print(f"{args.for_login} のパスフレーズを再設定しました / passphrase reset.")
        return 0
    login = ctx.login()
    current = ctx.secrets.existing(f"{login} の現在のパスフレーズ / current passphrase")
    session = unlock_with_passphrase(ctx.data_dir, login, current)
    ctx.adopt(session)
    new = ctx.secrets.new(f"{login} の新しいパスフレーズ / new passphrase")
    staff.change_own_passphrase(session, current=current, new=new)
    print("パスフレーズを変更しました / passphrase changed.")
    if args.compromised:  # 漏えいの疑い: the old passphrase may open a copied slot file
        if session.can(Permission.ROTATE_KEY):
            _rotate_after(ctx, session, new, "漏えいの疑い")
        else:
            session.record("passphrase_compromised", target_kind="staff", target_id=session.actor.staff_id)
            print(
                "漏えいの疑いを記録しました。管理者に鍵の更新 (rotate-key) を依頼してください / recorded: ask an "
                "administrator to run rotate-key."
            )
    return 0


def cmd_recover(ctx: CliContext, args: argparse.Namespace) -> int:
    if not ctx.user:
        raise InvalidInput("--user でスタッフ名を指定してください / Name the staff member with --user.")
    code = ctx.secrets.existing("回復キー / recovery key")
    new = ctx.secrets.new(f"{ctx.user} の新しいパスフレーズ / new passphrase")
    new_code = staff.recover_with_recovery_key(ctx.data_dir, code=code, login=ctx.user, new_passphrase=new)
    print(f"{ctx.user} のパスフレーズを再設定しました / passphrase reset.")
    print("回復キーを使ったため、新しい回復キーを発行しました / a new recovery key replaces the used one:")
    print_recovery_code(new_code)
    return 0


def cmd_list_users(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    session.require(Permission.MANAGE_STAFF)
    for info in staff.list_staff(session):
        state = "active" if info.active else "removed"
        slot = "passphrase" if info.has_passphrase else "NO PASSPHRASE (passwd --for)"
        keyring = " keyring" if info.has_keyring else ""
        print(f"{info.login}\t{info.role.value}\t{state}\t{slot}{keyring}")
    return 0


def cmd_keyring(ctx: CliContext, args: argparse.Namespace) -> int:
    status = os_keyring.backend_status()
    if args.action == "status":
        print(f"backend: {status.name}\tusable: {'yes' if status.usable else 'no'}")
        if status.reason and not status.usable:
            print(status.reason)
        return 0
    session = ctx.unlock()
    if args.action == "enable":
        staff.enable_keyring(session)
        print("この端末のキーリングで解除できるようにしました / keyring unlock enabled on this device.")
    else:
        staff.disable_keyring(session)
        print("キーリングの鍵を削除しました / keyring unlock disabled.")
    return 0
