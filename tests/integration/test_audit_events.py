"""R-AUD-02: each of these produces exactly one audit entry with actor and time: unlock success and
failure, lock, export, backup, restore, key rotation, recovery-key use, and the setting that alters k."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from teiretsu_desktop.domain.errors import WrongCredentials
from teiretsu_desktop.security.keyslots import KeySlots
from teiretsu_desktop.security.rotation import rotate_database_key
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.settings import load_settings, save_settings
from teiretsu_desktop.services.staff import recover_with_recovery_key
from teiretsu_desktop.stats.export import export_bundle
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.models import AuditEntry
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.stores import ADMIN, ADMIN_PASS, TemplateStore, unlock_admin


def _actions(data_dir: DataDir, passphrase: str = ADMIN_PASS) -> tuple[Counter[str], list[AuditEntry]]:
    key = KeySlots.load(data_dir.keyslots).unwrap_passphrase(ADMIN, passphrase)[0]
    store = Store.open(data_dir, key, migrate=False)
    try:
        with store.uow(write=False) as uow:
            entries = list(uow.session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars())
    finally:
        store.close()
    return Counter(e.action for e in entries), entries


def test_each_security_event_is_audited_once(store: TemplateStore, tmp_path: Path) -> None:
    data_dir = store.data_dir
    before, _ = _actions(data_dir)
    with pytest.raises(WrongCredentials):
        unlock_with_passphrase(data_dir, ADMIN, "not the passphrase")
    session = unlock_admin(data_dir)
    old = load_settings(session)
    save_settings(session, type(old)(**{**old.__dict__, "suppression_policy": "public"}))
    maintenance.backup(session, tmp_path / "b.backup")
    export_bundle(session, 2024, "public", tmp_path / "s.bundle")
    session, result = rotate_database_key(session, ADMIN_PASS)
    session.lock()
    recover_with_recovery_key(
        data_dir, code=result.recovery_code, login=ADMIN, new_passphrase="after recovery 1"
    )
    restored = DataDir(tmp_path / "restored")
    maintenance.restore_as(tmp_path / "b.backup", restored, ADMIN, ADMIN_PASS)

    after, entries = _actions(data_dir, "after recovery 1")
    delta = after - before
    assert delta["unlock_failed"] == 1
    assert delta["unlock"] == 1 and delta["lock"] == 1
    assert delta["setting_changed"] == 1
    assert delta["backup"] == 1 and delta["stats_exported"] == 1
    assert delta["key_rotated"] == 1 and delta["recovery_key_used"] == 1
    changed = next(e for e in entries if e.action == "setting_changed")
    assert '"from": "prefecture"' in changed.detail and '"to": "public"' in changed.detail
    assert all(e.at for e in entries)
    assert all(
        e.actor_id
        for e in entries
        if e.action in ("unlock", "lock", "backup", "key_rotated", "setting_changed")
    )
    restored_actions, _ = _actions(restored)
    assert restored_actions["restore"] == 1
