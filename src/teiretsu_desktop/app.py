"""Composition root: `teiretsu [--data-dir DIR] [--demo] [--self-test] [--workspace [FOLDER]]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from teiretsu_desktop import __version__
from teiretsu_desktop.diagnostics import install_excepthook, setup_logging


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teiretsu", description="Teiretsu Desktop — 地域生活定着支援センター"
    )
    parser.add_argument("--version", action="version", version=f"teiretsu {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--self-test", action="store_true", help="run the headless self-test and exit")
    parser.add_argument("--demo", action="store_true", help="open a populated demo center")
    parser.add_argument(
        "--workspace", nargs="?", const="", default=None, metavar="FOLDER",
        help="the prefecture's workspace for the centers' statistics files (a prefecture installation)",
    )  # fmt: skip
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    install_excepthook()
    if args.self_test:
        from teiretsu_desktop.self_test import run_self_test

        setup_logging(None)
        ok = run_self_test(lambda line: print(f"self-test: {line}", flush=True))
        print("self-test: ok" if ok else "self-test: FAILED", flush=True)
        return 0 if ok else 1
    if args.workspace is not None:
        from teiretsu_desktop.gui.launcher import launch_workspace

        return launch_workspace(Path(args.workspace) if args.workspace else None)
    from teiretsu_desktop.gui.launcher import launch

    return launch(data_dir=args.data_dir, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
