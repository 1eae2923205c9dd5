"""A visit-note draft typed and never saved survives killing the process (kill -9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from teiretsu_desktop.services.activities import load_draft
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import ADMIN, ADMIN_PASS, TemplateStore, unlock_admin

REPO = Path(__file__).resolve().parents[2]
TEXT = "本人は帰住先としてグループホームを希望している"


def test_a_typed_note_survives_kill_9(store: TemplateStore) -> None:
    session = unlock_admin(store.data_dir)
    case_id = new_case(session, new_person(session))
    session.lock()
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.stress.note_typist"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, env=env, text=True,
    )  # fmt: skip
    assert child.stdin and child.stdout
    child.stdin.write(f"{store.data_dir.root}\n{ADMIN}\n{ADMIN_PASS}\n{case_id}\n{TEXT}\n")
    child.stdin.close()
    line = child.stdout.readline().strip()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert line == "saved", child.stderr.read() if child.stderr else ""
    again = unlock_admin(store.data_dir)
    try:
        draft = load_draft(again, case_id)
        assert draft is not None and draft.text == TEXT
        assert again.store.integrity_problems() == []
    finally:
        again.lock()
