"""R-KEY-06: key rotation, and a SIGKILL during the rekey leaves exactly one working key."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teiretsu_desktop.domain.errors import NotADatabase, WrongCredentials
from teiretsu_desktop.security.keyslots import KeySlots
from teiretsu_desktop.security.rotation import rotate_database_key
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services.staff import reset_passphrase
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import Setting
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.stores import ADMIN, ADMIN_PASS, CASEWORKER, CASEWORKER_PASS, TemplateStore, unlock_admin

REPO = Path(__file__).resolve().parents[2]


def test_rotation_replaces_the_key_and_old_slot_files_no_longer_open(store: TemplateStore) -> None:
    old_slots = store.data_dir.keyslots.read_bytes()
    old_key = KeySlots.parse(old_slots).unwrap_passphrase(ADMIN, ADMIN_PASS)[0]
    session = unlock_admin(store.data_dir)
    with session.uow() as uow:
        uow.session.add(Setting(key="kept", value='"across rotation"'))
        uow.commit()
    new_session, result = rotate_database_key(session, ADMIN_PASS)
    try:
        assert result.dropped_logins == []  # the others keep their slots; the new key is sealed to them
        assert not store.data_dir.keyslots_pending.exists()
        with new_session.uow(write=False) as uow:
            assert uow.session.query(Setting.value).filter_by(key="kept").scalar() == '"across rotation"'
        reset_passphrase(new_session, login=CASEWORKER, new="temporary phrase 12")
    finally:
        new_session.lock()
    with pytest.raises(NotADatabase):
        Store.open(store.data_dir, old_key)
    # A removed colleague with a copy of the old slot file gets nowhere.
    with pytest.raises(WrongCredentials):
        unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS)
    unlock_with_passphrase(store.data_dir, CASEWORKER, "temporary phrase 12").lock()
    assert KeySlots.load(store.data_dir.keyslots).unwrap_recovery(result.recovery_code)
    with pytest.raises(WrongCredentials):
        KeySlots.load(store.data_dir.keyslots).unwrap_recovery(store.recovery_code)


def test_an_interrupted_rotation_is_finished_or_discarded_at_unlock(store: TemplateStore) -> None:
    """The pending slot file written before the rekey is promoted only if the rekey committed."""
    data_dir = store.data_dir
    old = KeySlots.load(data_dir.keyslots)
    payload, _slot = old.open_passphrase(ADMIN, ADMIN_PASS)
    old_key = payload.dek
    new_key = DatabaseKey.generate()
    pending = KeySlots(old.db_id, authority_public=old.authority_public, roster=old.roster)
    pending.set_passphrase(
        payload.with_dek(DatabaseKey(new_key.raw())),
        staff_id=_slot.staff_id or "",
        login=ADMIN,
        passphrase=ADMIN_PASS,
        now="t",
    )
    pending.save(data_dir.keyslots_pending)
    # Crash before the rekey: the old key still opens, the pending file is discarded.
    unlock_admin(data_dir).lock()
    assert not data_dir.keyslots_pending.exists()
    # Crash after the rekey but before the promotion: the pending key opens and is promoted.
    pending.save(data_dir.keyslots_pending)
    from teiretsu_desktop.store.rekey import rekey_file

    rekey_file(data_dir.db, old_key, DatabaseKey(new_key.raw()))
    unlock_admin(data_dir).lock()
    assert not data_dir.keyslots_pending.exists()
    assert KeySlots.load(data_dir.keyslots).unwrap_passphrase(ADMIN, ADMIN_PASS)[0].raw() == new_key.raw()


def _opens(data_dir: DataDir, raw: bytes) -> bool:
    try:
        store = Store.open(data_dir, DatabaseKey(raw), migrate=False)
    except NotADatabase:
        return False
    try:
        assert store.integrity_problems() == []
        with store.uow(write=False) as uow:
            assert uow.session.query(Setting).count() == 1000
    finally:
        store.close()
    return True


@pytest.mark.slow
def test_sigkill_during_rekey_leaves_exactly_one_working_key(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "s")
    key = DatabaseKey.generate()
    current = key.raw()
    store = Store.create(data_dir, key, "rekey-test")
    with store.uow() as uow:
        uow.session.add_all([Setting(key=f"r{i}", value="x" * 3000) for i in range(1000)])  # ~750 pages
        uow.commit()
    store.close()
    rng = random.Random(3)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    outcomes = {"old": 0, "new": 0}
    for _ in range(12):
        new = os.urandom(32)
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.stress.rekey_child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=REPO,
            env=env,
            text=True,
        )
        assert child.stdin and child.stdout
        child.stdin.write(f"{data_dir.db}\n{current.hex()}\n{new.hex()}\n")
        child.stdin.close()
        assert child.stdout.readline().strip() == "start"
        time.sleep(rng.uniform(0, 0.12))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        old_ok, new_ok = _opens(data_dir, current), _opens(data_dir, new)
        assert old_ok != new_ok, "exactly one key must open the store"
        outcomes["old" if old_ok else "new"] += 1
        current = current if old_ok else new
    assert sum(outcomes.values()) == 12
