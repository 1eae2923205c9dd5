"""The command line's grammar: every subcommand, its arguments and its help, without importing what
the commands need (issue 19: `teiretsu-admin --version` and `--help` answer at once). Each handler is
named as "module:function" of teiretsu_desktop.cli and imported only when its command runs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from teiretsu_desktop import __version__
from teiretsu_desktop.documents.definitions import available_forms
from teiretsu_desktop.domain.codes import RecipientKind
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.stats.policies import POLICIES

INTERNAL = "internal"  # print --profile internal: the center's own copy (センター控え)


def _role(text: str) -> Role:
    try:
        return Role.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "admin|manager|caseworker|clerical (管理者|センター長|相談員|事務)"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teiretsu-admin",
        description="Teiretsu Desktop 管理コマンド / administration: set-up, staff, backup, verification.",
    )
    parser.add_argument("--version", action="version", version=f"teiretsu-admin {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="data directory (default: per-user local app data)"
    )
    parser.add_argument(
        "--user", default=None, help="staff name to act as (may be left out with one staff member)"
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read each secret the command needs as one line from stdin, instead of a no-echo prompt",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _store(sub)
    _staff(sub)
    _casework(sub)
    _print(sub)
    _stats(sub)
    _sync(sub)
    _bench(sub)
    return parser


def _sync(sub: Any) -> None:
    sync = sub.add_parser(
        "sync", help="one record across the center's devices: set-up, devices, packets, conflicts"
    )
    inner = sync.add_subparsers(dest="sync_command", required=True, metavar="SYNC_COMMAND")

    p = inner.add_parser("init", help="管理者, at the hub (office PC): start the center's sync group")
    p.add_argument("--name", required=True, help="this device's name, e.g. 事務所PC")
    p.set_defaults(handler="commands_sync:cmd_init")

    p = inner.add_parser(
        "enroll", help="管理者, at the hub: enrol a device and write its store (install it with restore)"
    )
    p.add_argument("--name", required=True, help="the device's name, e.g. 訪問用PC-1")
    p.add_argument("--out", type=Path, required=True, help="the device's store file (a backup file)")
    p.set_defaults(handler="commands_sync:cmd_enroll")

    p = inner.add_parser("revoke", help="管理者, at the hub: revoke a lost device and rotate the sync key")
    p.add_argument("device", help="the device's id (or its first 8 characters), see `sync devices`")
    p.set_defaults(handler="commands_sync:cmd_revoke")

    p = inner.add_parser("devices", help="the center's devices, what each has sent, and this device's state")
    p.set_defaults(handler="commands_sync:cmd_devices")

    p = inner.add_parser("export", help="write a change packet for the other devices into a folder")
    p.add_argument("folder", type=Path)
    p.set_defaults(handler="commands_sync:cmd_export")

    p = inner.add_parser("import", help="apply the folder's change packets this device has not applied yet")
    p.add_argument("folder", type=Path)
    p.add_argument("--retry", action="store_true", help="try refused packets again")
    p.set_defaults(handler="commands_sync:cmd_import")

    p = inner.add_parser(
        "conflicts", help="the conflict queue: fields changed on two devices, records set aside"
    )
    p.set_defaults(handler="commands_sync:cmd_conflicts")

    p = inner.add_parser(
        "kit-out", help="管理者, at the hub: check out a visit kit of chosen cases for one staff member"
    )
    p.add_argument("cases", nargs="+", help="case numbers (受付番号) or ids")
    p.add_argument(
        "--for", dest="staff", required=True, help="the staff member it is for (their passphrase is asked)"
    )
    p.add_argument("--out", type=Path, required=True, help="an empty folder on the laptop or a USB stick")
    p.add_argument("--days", type=int, default=7, help="days until it expires (default 7)")
    p.add_argument("--include-offence", action="store_true", help="include the 罪名 (left out by default)")
    p.set_defaults(handler="commands_sync:cmd_kit_out")

    p = inner.add_parser("kit-in", help="at the hub: merge a visit kit back and wipe it")
    p.add_argument("folder", type=Path)
    p.set_defaults(handler="commands_sync:cmd_kit_in")

    p = inner.add_parser("kits", help="the visit kits: for whom, how many cases, until when, back or not")
    p.set_defaults(handler="commands_sync:cmd_kits")

    p = inner.add_parser(
        "resolve", help="keep one version of a conflicting field (numbers from `sync conflicts`)"
    )
    p.add_argument("number", type=int, help="the conflict's number in `sync conflicts`")
    p.add_argument("--keep", type=int, required=True, help="the version to keep (1, 2, ...)")
    p.set_defaults(handler="commands_sync:cmd_resolve")


def _store(sub: Any) -> None:
    p = sub.add_parser("init", help="create a center's encrypted store; prints the recovery key once")
    p.add_argument("--center-code", required=True)
    p.add_argument("--center-name", required=True)
    p.add_argument("--prefecture", required=True, help="JIS prefecture code, 01-47")
    p.add_argument(
        "--admin-name", required=True, help="the administrator's full name (login: --user, default admin)"
    )
    p.set_defaults(handler="commands_store:cmd_init")

    p = sub.add_parser(
        "verify", help="quick_check, cipher_integrity_check and the audit chain; exit 1 on a problem"
    )
    p.set_defaults(handler="commands_store:cmd_verify")

    p = sub.add_parser("backup", help="write one verified backup file (database and key slots)")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler="commands_store:cmd_backup")

    p = sub.add_parser("restore", help="restore a backup into an empty data directory")
    p.add_argument("--from", dest="from_file", type=Path, required=True)
    p.add_argument(
        "--recovery", action="store_true", help="prove access with the recovery key instead of --user"
    )
    p.set_defaults(handler="commands_store:cmd_restore")

    p = sub.add_parser("rotate-key", help="re-encrypt the store under a new key; issues a new recovery key")
    p.set_defaults(handler="commands_store:cmd_rotate_key")

    p = sub.add_parser(
        "upgrade-keys",
        help="give a store made by an earlier version its administrator authority and signed staff roster",
    )
    p.set_defaults(handler="commands_store:cmd_upgrade_keys")

    p = sub.add_parser("center-code", help="set the center's six-digit code (prefecture code first)")
    p.add_argument("code")
    p.set_defaults(handler="commands_store:cmd_center_code")

    p = sub.add_parser("audit", help="show the last audit entries and verify the chain")
    p.add_argument("--last", type=int, default=30)
    p.set_defaults(handler="commands_store:cmd_audit")


def _staff(sub: Any) -> None:
    p = sub.add_parser("add-user", help="add a staff member (secrets: your passphrase, then theirs)")
    p.add_argument("login")
    p.add_argument("--name", required=True, help="full name, e.g. 山田 花子")
    p.add_argument("--role", required=True, type=_role, help="admin|manager|caseworker|clerical")
    p.set_defaults(handler="commands_staff:cmd_add_user")

    p = sub.add_parser(
        "remove-user", help="deactivate a staff member, delete their key slots and rotate the database key"
    )
    p.add_argument("login")
    p.add_argument(
        "--no-rotate", action="store_true", help="do not rotate the key now (run rotate-key later)"
    )
    p.set_defaults(handler="commands_staff:cmd_remove_user")

    p = sub.add_parser("passwd", help="change your passphrase (current, new) or reset another's with --for")
    p.add_argument("--for", dest="for_login", default=None)
    p.add_argument(
        "--compromised",
        action="store_true",
        help="漏えいの疑い: the old passphrase may have leaked; rotate the database key after the change",
    )
    p.set_defaults(handler="commands_staff:cmd_passwd")

    p = sub.add_parser("recover", help="forgotten passphrase: recovery key, then a new passphrase for --user")
    p.set_defaults(handler="commands_staff:cmd_recover")

    p = sub.add_parser("list-users", help="staff members, roles and key slots")
    p.set_defaults(handler="commands_staff:cmd_list_users")

    p = sub.add_parser("keyring", help="quick unlock through the OS keyring of this device")
    p.add_argument("action", choices=["status", "enable", "disable"])
    p.set_defaults(handler="commands_staff:cmd_keyring")


def _casework(sub: Any) -> None:
    p = sub.add_parser(
        "demo-data", help="add realistic synthetic persons and cases (deterministic for a seed)"
    )
    p.add_argument("--persons", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(handler="commands_casework:cmd_demo_data")

    p = sub.add_parser("ledger-template", help="write an empty Excel case ledger with help and choices")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler="commands_casework:cmd_ledger_template")

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
    p.set_defaults(handler="commands_casework:cmd_export_ledger")

    p = sub.add_parser(
        "ledger-mapping",
        help="suggest how a center's own ledger's columns map to ours; write it as TOML to edit",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--out", type=Path, required=True, help="the mapping file (.toml) to write")
    p.set_defaults(handler="commands_casework:cmd_ledger_mapping")

    p = sub.add_parser(
        "import-ledger",
        help="import a ledger (.xlsx, CSV in UTF-8/Shift_JIS/UTF-16, Unicode text); new, updated or unchanged "
        "rows; all rows or nothing",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--mapping", type=Path, help="the column mapping (TOML) from ledger-mapping or the wizard")
    p.add_argument("--save-mapping", type=Path, help="save the mapping used (TOML) for next time")
    p.add_argument("--dry-run", action="store_true", help="check and report only; nothing is written")
    p.add_argument("--skip-invalid", action="store_true", help="import the good rows and report the others")
    p.add_argument("--errors", type=Path, help="save the rows' errors and warnings as .xlsx")
    p.set_defaults(handler="commands_casework:cmd_import_ledger")


def _print(sub: Any) -> None:
    p = sub.add_parser(
        "print",
        help="render a printable form to an AES-256 protected PDF (a provision to a third party needs "
        "consent and is recorded)",
    )
    p.add_argument("form", choices=sorted(available_forms()))
    p.add_argument("--case", help="case id or case number (as in the ledger); leave out for a blank sheet")
    p.add_argument(
        "--profile",
        required=True,
        choices=[str(r) for r in RecipientKind] + [INTERNAL],
        help="the recipient, or 'internal' for the center's own copy (センター控え, no provision)",
    )
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--include-offence", action="store_true", help="include 罪名 where the profile allows it")
    p.add_argument("--recipient-name", help="the receiving organisation, printed on the form and recorded")
    p.add_argument("--override-reason", help="disclose without a covering consent (needs the permission)")
    p.add_argument("--from", dest="period_from", help="activity log and register: first day")
    p.add_argument("--to", dest="period_to", help="activity log and register: last day")
    p.add_argument(
        "--plaintext",
        action="store_true",
        help="write the PDF without a password (it holds personal data in the clear)",
    )
    p.set_defaults(handler="commands_print:cmd_print")


def _stats(sub: Any) -> None:
    stats = sub.add_parser(
        "stats", help="fiscal-year statistics, the signed bundle, the prefecture workspace"
    )
    inner = stats.add_subparsers(dest="stats_command", required=True, metavar="STATS_COMMAND")

    p = inner.add_parser("export", help="sign off and write the year's anonymised bundle")
    p.add_argument("--fiscal-year", type=int, required=True)
    p.add_argument("--policy", choices=sorted(POLICIES), required=True)
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler="commands_stats:cmd_export")

    p = inner.add_parser("public-key", help="write the center's public key for the prefecture")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler="commands_stats:cmd_public_key")

    p = inner.add_parser(
        "table",
        help="one table of the year (and the previous year) as CSV on stdout, with 合計; --list names them",
    )
    p.add_argument("name", nargs="?")
    p.add_argument("--list", action="store_true", help="list the tables")
    p.add_argument("--fiscal-year", type=int)
    p.add_argument("--format", choices=["csv"], default="csv")
    p.set_defaults(handler="commands_stats:cmd_table")

    p = inner.add_parser("reopen", help="reopen an exported (locked) year, with a reason")
    p.add_argument("--fiscal-year", type=int, required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(handler="commands_stats:cmd_reopen")

    p = inner.add_parser("trust", help="prefecture: register a center's public key (audited)")
    p.add_argument("--workspace", type=Path, required=True)
    p.add_argument("--center", required=True)
    p.add_argument("--key", type=Path, required=True)
    p.add_argument(
        "--replace",
        metavar="FINGERPRINT",
        help="replace the center's registered key: the new key's fingerprint, confirmed with the center",
    )
    p.add_argument(
        "--authority",
        metavar="FINGERPRINT",
        help="the center's administrator authority fingerprint, pinned now (else at its first bundle)",
    )
    p.set_defaults(handler="commands_stats:cmd_trust")

    p = inner.add_parser("import", help="prefecture: check and import bundles (all checks before any write)")
    p.add_argument("--workspace", type=Path, required=True)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("files", nargs="+", type=Path)
    p.set_defaults(handler="commands_stats:cmd_import")

    p = inner.add_parser("report", help="prefecture: centers side by side for a year")
    p.add_argument("--workspace", type=Path, required=True)
    p.add_argument("--fiscal-year", type=int, required=True)
    p.add_argument("--format", choices=["csv", "xlsx", "pdf"], required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--population", type=Path, help="CSV: center code, population (for per-100,000 figures)")
    p.set_defaults(handler="commands_stats:cmd_report")


def _bench(sub: Any) -> None:
    p = sub.add_parser(
        "bench", help="benchmark against plain SQLite on a synthetic store (built in --data-dir)"
    )
    p.add_argument("--persons", type=int, default=100_000)
    p.add_argument("--json", type=Path)
    p.add_argument(
        "--only", help="comma-separated workloads to run (e.g. gui_case_list_default,gui_dashboard_reminders)"
    )
    p.set_defaults(handler="bench:cmd_bench")
