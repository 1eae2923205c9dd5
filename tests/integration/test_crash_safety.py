"""R-REL-01..03: kill -9 during writes, and a full disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from teiretsu_desktop.domain.errors import DiskFull
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.models import Setting
from tests.stress.kill_loop import run


@pytest.mark.slow
def test_sigkill_during_writes_loses_no_acknowledged_transaction(tmp_path: Path) -> None:
    committed = run(50, tmp_path, seed=7)
    assert committed >= 50  # every iteration committed at least its first transaction


def test_a_full_disk_is_a_clear_error_and_loses_nothing(admin: StaffSession) -> None:
    with admin.uow() as uow:
        uow.session.add(Setting(key="before", value="1"))
        uow.commit()
    raw = admin.store.engine.raw_connection()
    try:
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
