"""R-ENC-02..05: the keyed engine, its pragmas, and a wrong key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import text

from teiretsu_desktop.domain.errors import NotADatabase, SchemaTooNew, StoreNotFound
from teiretsu_desktop.store import engine as engine_module
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.files import digests


@pytest.fixture
def fresh(tmp_path: Path) -> tuple[DataDir, bytes]:
    data_dir = DataDir(tmp_path / "s")
    key = DatabaseKey.generate()
    raw = key.raw()
    Store.create(data_dir, key, "db-test").close()
    return data_dir, raw


def test_every_connection_reports_the_required_pragmas(fresh: tuple[DataDir, bytes]) -> None:
    data_dir, raw = fresh
    store = Store.open(data_dir, DatabaseKey(raw))
    try:
        # Two connections at once: both must be configured, not just the first.
        with store.engine.connect() as a, store.engine.connect() as b:
            for conn in (a, b):
                values = {
                    name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("temp_store", "secure_delete", "foreign_keys", "journal_mode", "synchronous")
                }
                assert values == {
                    "temp_store": 2,
                    "secure_delete": 1,
                    "foreign_keys": 1,
                    "journal_mode": "wal",
                    "synchronous": 2,
                }
                assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -engine_module.CACHE_SIZE_KIB
                expected = "1" if engine_module.MEMORY_SECURITY == "ON" else "0"
                assert str(conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar()) == expected
            report = engine_module.cipher_report(a.connection.driver_connection)
        assert report["cipher_version"].startswith("4.")
        assert report["cipher_provider"] == "openssl"
        for name, value in engine_module.EXPECTED_CIPHER_SETTINGS.items():
            assert report[name] == value
    finally:
        store.close()


def test_the_key_is_the_first_statement_of_every_connection(
    fresh: tuple[DataDir, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, raw = fresh
    statements: list[list[str]] = []
    real_connect = sqlcipher3.connect

    class Spy:
        def __init__(self, conn: Any) -> None:
            self._conn = conn
            self.log: list[str] = []
            statements.append(self.log)

        def execute(self, sql: str, *args: Any) -> Any:
            self.log.append(sql)
            return self._conn.execute(sql, *args)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._conn, name)

    monkeypatch.setattr(sqlcipher3, "connect", lambda *a, **k: Spy(real_connect(*a, **k)))
    store = Store.open(data_dir, DatabaseKey(raw))
    try:
        with store.engine.connect() as a, store.engine.connect() as b:
            a.execute(text("SELECT 1"))
            b.execute(text("SELECT 1"))
    finally:
        store.close()
    assert len(statements) >= 2
    for log in statements:
        assert log[0] == f"PRAGMA key = \"x'{raw.hex()}'\""


def test_wrong_key_fails_before_any_row_and_changes_nothing(fresh: tuple[DataDir, bytes]) -> None:
    data_dir, _raw = fresh
    before = digests(data_dir.store_files())
    with pytest.raises(NotADatabase):
        Store.open(data_dir, DatabaseKey.generate())
    assert digests(data_dir.store_files()) == before
    engine = engine_module.make_engine(data_dir.db, DatabaseKey.generate())
    with pytest.raises(Exception, match="not a database"):
        engine.connect()
    engine.dispose()
    assert digests(data_dir.store_files()) == before


def test_the_file_does_not_look_like_sqlite(fresh: tuple[DataDir, bytes]) -> None:
    data_dir, _raw = fresh
    assert data_dir.db.read_bytes()[:16] != b"SQLite format 3\x00"


def test_a_missing_store_is_never_created_by_opening(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "nothing")
    with pytest.raises(StoreNotFound):
        Store.open(data_dir, DatabaseKey.generate())
    assert not data_dir.db.exists()


def test_a_store_from_a_newer_version_is_refused_unchanged(fresh: tuple[DataDir, bytes]) -> None:
    data_dir, raw = fresh
    store = Store.open(data_dir, DatabaseKey(raw))
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    before = digests(data_dir.store_files())
    with pytest.raises(SchemaTooNew, match="newer version"):
        Store.open(data_dir, DatabaseKey(raw))
    assert digests(data_dir.store_files()) == before


def test_a_locked_store_refuses_every_use(fresh: tuple[DataDir, bytes]) -> None:
    from teiretsu_desktop.domain.errors import StoreLocked

    data_dir, raw = fresh
    store = Store.open(data_dir, DatabaseKey(raw))
    key = store.key
    store.close()
    assert key.wiped
    with pytest.raises(StoreLocked):
        store.uow()
