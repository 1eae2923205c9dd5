"""Start a child process that types into the real GUI, then kill it with SIGKILL (the kill -9 tests)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def type_then_kill(module: str, lines: list[str]) -> str:
    """Run `python -m module`, give it `lines` on stdin, wait for its first output line (it prints
    "saved" once what it typed is in the store), kill it, and return that line (or its stderr)."""
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", module],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, env=env, text=True,
    )  # fmt: skip
    assert child.stdin and child.stdout
    child.stdin.write("".join(f"{line}\n" for line in lines))
    child.stdin.close()
    line = child.stdout.readline().strip()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    if line != "saved" and child.stderr is not None:
        return child.stderr.read()
    return line
