"""R-ENC-01 / R-SES-03: after a scripted session with a canary, the canary is in no file on disk."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

import pytest

from teiretsu_desktop.diagnostics import setup_logging
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.staff import add_staff, list_staff
from teiretsu_desktop.store.models import Setting
from tests.helpers.stores import TemplateStore, unlock_admin


def _all_files(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def test_canary_never_reaches_the_disk_in_plaintext(
    store: TemplateStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    canary = f"定着カナリア{uuid.uuid4().hex[:8]}"
    temp_dir = tmp_path / "tmp"
    temp_dir.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp_dir))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(temp_dir))
    setup_logging(store.data_dir.logs, level=logging.DEBUG)
    backups = tmp_path / "backups"

    session = unlock_admin(store.data_dir)
    add_staff(
        session, login="canary", display_name=canary, role=Role.CASEWORKER, passphrase="canary passphrase 1"
    )
    with session.uow() as uow:
        for i in range(50):
            uow.session.add(Setting(key=f"note.{i}", value=f'"{canary} 面接記録 {i}"'))
        uow.commit()
    with session.uow() as uow:  # updates and deletes leave old versions in free pages and the WAL
        for row in uow.session.query(Setting).filter(Setting.key.like("note.%")).limit(25):
            row.value = f'"{canary} 更新"'
        uow.commit()
    assert any(info.display_name == canary for info in list_staff(session))
    logging.getLogger("teiretsu.test").debug("session with staff %s", "canary-login-only")
    maintenance.backup(session, backups / "b.teiretsu-backup")

    # Look while the database is open (WAL and shm present) and again after locking.
    for phase in ("open", "locked"):
        if phase == "locked":
            session.lock()
        files = _all_files(store.data_dir.root, backups, temp_dir)
        names = {p.name for p in files}
        assert "cases.db" in names and "keyslots.json" in names and "b.teiretsu-backup" in names
        if phase == "open":
            assert "cases.db-wal" in names
        for path in files:
            data = path.read_bytes()
            for encoding in ("utf-8", "utf-16-le", "shift_jis", "euc_jp"):
                assert canary.encode(encoding) not in data, f"{path.name} holds the canary ({encoding})"
            assert not data.startswith(b"SQLite format 3"), f"{path.name} is a plaintext database"
