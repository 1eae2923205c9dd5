"""`teiretsu-admin [--data-dir DIR] [--user NAME] [--passphrase-stdin] COMMAND ...`

Expected failures print one clear line on stderr and exit non-zero (the code of the TeiretsuError);
nothing a user can cause shows a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from teiretsu_desktop.cli.grammar import build_parser
from teiretsu_desktop.diagnostics import log_crash, setup_logging
from teiretsu_desktop.domain.errors import TeiretsuError
from teiretsu_desktop.store.paths import DataDir, default_data_dir

if TYPE_CHECKING:
    from teiretsu_desktop.cli.context import CliContext

Handler = Callable[["CliContext", argparse.Namespace], int]

EXIT_UNEXPECTED = 70


def resolve(name: str) -> Handler:
    """The command's function, imported now that it runs ("commands_print:cmd_print")."""
    module, _, function = name.partition(":")
    found: Handler = getattr(importlib.import_module(f"teiretsu_desktop.cli.{module}"), function)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = DataDir((args.data_dir or default_data_dir()).expanduser().resolve())
    logs = data_dir.logs if data_dir.root.exists() else None
    setup_logging(logs)
    # Imported after parsing, like each command's module: --version and --help load none of the store.
    from teiretsu_desktop.cli.context import CliContext

    ctx = CliContext(data_dir=data_dir, user=args.user, passphrase_stdin=args.passphrase_stdin)
    try:
        return resolve(args.handler)(ctx, args)
    except TeiretsuError as exc:
        print(f"teiretsu-admin: {exc.user_message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("teiretsu-admin: 中断しました / interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if logs is None and data_dir.root.exists():  # the command made the data directory (init, bench)
            logs = data_dir.logs
            setup_logging(logs)
        log_crash(exc)  # without a data directory, to stderr (logging's last resort)
        where = f"ログ: {logs} / unexpected error; see the log." if logs else "/ unexpected error."
        print(f"teiretsu-admin: 予期しないエラー ({type(exc).__name__})。{where}", file=sys.stderr)
        return EXIT_UNEXPECTED
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
