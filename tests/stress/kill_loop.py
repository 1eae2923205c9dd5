"""R-REL-01/02: SIGKILL a writer at random moments; every acknowledged transaction must survive whole.

`python -m tests.stress.kill_loop --iterations 1000` is the long run (`make stress`); the test suite
runs a bounded number of iterations through `run()`.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from teiretsu_desktop.security import audit
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import Setting
from teiretsu_desktop.store.paths import DataDir
from tests.stress.kill_writer import ROWS_PER_TRANSACTION

REPO = Path(__file__).resolve().parents[2]


class KillLoopFailure(AssertionError):
    pass


def _check(data_dir: DataDir, raw: bytes, acknowledged: set[str]) -> int:
    store = Store.open(data_dir, DatabaseKey(raw), migrate=False)
    try:
        problems = store.integrity_problems()
        if problems:
            raise KillLoopFailure(f"integrity: {problems}")
        with store.uow(write=False) as uow:
            keys = uow.session.scalars(select(Setting.key).where(Setting.key.like("kill.%"))).all()
            chain = audit.verify(uow.session)
        if chain:
            raise KillLoopFailure(f"audit chain: {chain}")
    finally:
        store.close()
    groups = Counter(k.rsplit(".", 1)[0].removeprefix("kill.") for k in keys)
    partial = {tx: n for tx, n in groups.items() if n != ROWS_PER_TRANSACTION}
    if partial:
        raise KillLoopFailure(f"partial transactions: {partial}")
    lost = acknowledged - set(groups)
    if lost:
        raise KillLoopFailure(f"acknowledged but lost: {sorted(lost)[:5]}")
    return len(groups)


def run(iterations: int, workdir: Path, *, seed: int = 0, log: bool = False) -> int:
    """Returns the number of committed transactions found at the end."""
    rng = random.Random(seed)
    data_dir = DataDir(workdir / "store")
    key = DatabaseKey.generate()
    raw = key.raw()
    Store.create(data_dir, key, "kill-loop").close()
    acknowledged: set[str] = set()
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    total = 0
    for iteration in range(iterations):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.stress.kill_writer"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=REPO,
            env=env,
            text=True,
        )
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(f"{data_dir.root}\n{raw.hex()}\n{iteration}\n")
        child.stdin.close()
        # Wait for the first acknowledgement so that the kill lands during writes, not during start-up.
        first = child.stdout.readline().strip()
        if first:
            acknowledged.add(first)
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait(timeout=30)
        acknowledged.update(line for line in rest.splitlines() if line.strip())
        total = _check(data_dir, raw, acknowledged)
        if log:
            print(
                f"iteration {iteration + 1}/{iterations}: {total} transactions, all acknowledged present",
                flush=True,
            )
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="teiretsu-kill-") as tmp:
        total = run(args.iterations, Path(tmp), seed=args.seed, log=True)
    print(f"kill loop: {args.iterations} kills, {total} transactions, no loss, no partial transaction")
    return 0


if __name__ == "__main__":
    sys.exit(main())
