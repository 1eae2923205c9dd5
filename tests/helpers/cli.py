"""Running teiretsu-admin in-process (fast) or as a real process (exit codes, stderr, no traceback)."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from teiretsu_desktop.cli.admin import main


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run_admin(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    *args: str,
    stdin: str = "",
) -> Result:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), "--passphrase-stdin", *args])
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def run_admin_process(data_dir: Path, *args: str, stdin: str = "") -> Result:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "teiretsu_desktop.cli.admin",
            "--data-dir",
            str(data_dir),
            "--passphrase-stdin",
            *args,
        ],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)
