"""R-SYNC-01: a SIGKILL while a packet is applied leaves the device's store consistent — the packet is
in it completely or not at all — and the packet applies cleanly the next time."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.sync import exchange
from tests.helpers.casework import interview, new_case, new_person
from tests.helpers.stores import ADMIN, ADMIN_PASS, TemplateStore
from tests.helpers.sync import copy_group, make_group
from tests.helpers.sync_dump import record


def _persons(session: object) -> int:
    with session.uow(write=False) as uow:  # type: ignore[attr-defined]
        return int(uow.session.execute(text("SELECT count(*) FROM person")).scalar())


@pytest.mark.slow
def test_a_kill_while_applying_a_packet_leaves_all_or_nothing_and_it_applies_next_time(
    store: TemplateStore, tmp_path: Path
) -> None:
    group = make_group(store, tmp_path / "made", 1)
    hub = group.opener.open(group.hub)
    for n in range(50):
        interview(hub, new_case(hub, new_person(hub, family=f"試験{n}")))
    folder = tmp_path / "folder"
    folder.mkdir()
    assert exchange.export(hub, folder).writes >= 500
    expected = record(hub)
    hub_persons = _persons(hub)
    hub.lock()

    repo = Path(__file__).resolve().parents[2]
    rng = random.Random(18)
    outcomes = set()
    for iteration in range(2):
        copy = copy_group(group, tmp_path / f"run-{iteration}")
        device = copy.replicas[0]
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.stress.sync_applier"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=repo, text=True,
            env=dict(os.environ, PYTHONPATH=str(repo)),
        )  # fmt: skip
        assert child.stdin and child.stdout
        child.stdin.write(f"{device.root}\n{ADMIN}\n{ADMIN_PASS}\n{folder}\n")
        child.stdin.close()
        assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.5) if iteration else 0.05)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        session = copy.opener.open(device)
        try:
            report = maintenance.verify(session)
            assert report.ok, report.problems
            persons = _persons(session)
            assert persons in (hub_persons - 50, hub_persons), persons  # all of the packet or none of it
            outcomes.add(persons == hub_persons)
            again = exchange.import_folder(session, folder)
            assert again.refused == []
            assert record(session) == expected
        finally:
            session.lock()
    assert False in outcomes  # at least one kill landed inside the apply
