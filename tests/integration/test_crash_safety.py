"""R-REL-01..03: kill -9 during writes, and a full disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from teiretsu_desktop.domain.errors import DiskFull
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.models import Setting
from tests.helpers.stores import TemplateStore
from tests.stress.kill_loop import run

KILLS = 20


@pytest.mark.slow
def test_sigkill_during_writes_loses_no_acknowledged_transaction(tmp_path: Path) -> None:
    # 20 kills here (each a fresh process: about 1.4 s); `make stress` runs 1,000.
    committed = run(KILLS, tmp_path, seed=7)
    assert committed >= KILLS  # every iteration committed at least its first transaction


def test_a_full_disk_is_a_clear_error_and_loses_nothing(admin: StaffSession) -> None:
    with admin.uow() as uow:
        uow.session.add(Setting(key="before", value="1"))
        uow.commit()
    raw = admin.store.engine.raw_connection()
    try:
        assert raw.driver_connection is not None
        pages = raw.driver_connection.execute("PRAGMA page_count").fetchone()[0]
    finally:
        raw.close()

    # SQLite reports SQLITE_FULL both for a full file system and for max_page_count; the latter lets
    # the suite fill the "disk" without root or a loop device.
    @event.listens_for(admin.store.engine, "connect")
    def _cap(dbapi_conn: object, _record: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # type: ignore[attr-defined]

    admin.store.engine.dispose()
    with pytest.raises(DiskFull, match="disk is full"), admin.uow() as uow:
        for i in range(200):
            uow.session.add(Setting(key=f"big.{i}", value="x" * 4000))
        uow.commit()
    admin.store.engine.dispose()
    event.remove(admin.store.engine, "connect", _cap)
    assert admin.store.integrity_problems() == []
    with admin.uow(write=False) as uow:
        assert (
            uow.session.scalar(select(func.count()).select_from(Setting).where(Setting.key.like("big.%")))
            == 0
        )
        assert uow.session.scalar(select(Setting.value).where(Setting.key == "before")) == "1"
        assert uow.session.execute(text("PRAGMA quick_check")).scalar() == "ok"


@pytest.mark.slow
def test_a_kill_while_committing_notes_leaves_each_note_once_and_no_stale_draft(store: TemplateStore) -> None:
    """Each case ends with either its draft (not yet committed) or exactly one note and no draft —
    never both, never neither, never two notes (issue 11: the note and the draft were two transactions)."""
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    from teiretsu_desktop.services.activities import list_activities, load_draft
    from tests.helpers.casework import new_case, new_person
    from tests.helpers.stores import ADMIN, ADMIN_PASS, unlock_admin

    repo = Path(__file__).resolve().parents[2]
    rng = random.Random(11)
    env = dict(os.environ, PYTHONPATH=str(repo))
    for iteration in range(6):
        session = unlock_admin(store.data_dir)
        case_ids = [new_case(session, new_person(session, family=f"試験{iteration}")) for _ in range(40)]
        session.lock()
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.stress.draft_committer"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=repo, env=env, text=True,
        )  # fmt: skip
        assert child.stdin and child.stdout
        child.stdin.write(f"{store.data_dir.root}\n{ADMIN}\n{ADMIN_PASS}\n" + "\n".join(case_ids) + "\n\n")
        child.stdin.close()
        assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        acknowledged = {
            line.split()[1] for line in child.stdout.read().splitlines() if line.startswith("note ")
        }
        check = unlock_admin(store.data_dir)
        try:
            for case_id in case_ids:
                notes = list_activities(check, case_id)
                draft = load_draft(check, case_id)
                assert (len(notes), draft is None) in ((1, True), (0, False), (0, True)), (iteration, case_id)
                if case_id in acknowledged:
                    assert len(notes) == 1 and draft is None
            assert check.store.integrity_problems() == []
        finally:
            check.lock()
