"""`teiretsu-admin [--data-dir DIR] [--user NAME] [--passphrase-stdin] COMMAND ...`

Expected failures print one clear line on stderr and exit non-zero (the code of the TeiretsuError);
nothing a user can cause shows a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from teiretsu_desktop import __version__
from teiretsu_desktop.cli import (
    bench,
    commands_casework,
    commands_print,
    commands_staff,
    commands_stats,
    commands_store,
)
from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.diagnostics import log_crash, setup_logging
from teiretsu_desktop.domain.errors import TeiretsuError
from teiretsu_desktop.store.paths import DataDir, default_data_dir

Handler = Callable[[CliContext, argparse.Namespace], int]

EXIT_UNEXPECTED = 70


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
    commands_store.register(sub)
    commands_staff.register(sub)
    commands_casework.register(sub)
    commands_print.register(sub)
    commands_stats.register(sub)
    bench.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = DataDir((args.data_dir or default_data_dir()).expanduser().resolve())
    setup_logging(data_dir.logs if data_dir.root.exists() else None)
    ctx = CliContext(data_dir=data_dir, user=args.user, passphrase_stdin=args.passphrase_stdin)
    handler: Handler = args.handler
    try:
        return handler(ctx, args)
    except TeiretsuError as exc:
        print(f"teiretsu-admin: {exc.user_message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("teiretsu-admin: 中断しました / interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        log_crash(exc)
        print(
            f"teiretsu-admin: 予期しないエラー ({type(exc).__name__})。ログ: {data_dir.logs} / "
            "unexpected error; see the log.",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
