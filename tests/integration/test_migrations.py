"""Migrations and models agree, and every revision upgrades a store that holds data."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from teiretsu_desktop.store import schema
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.engine import make_engine
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import Base
from teiretsu_desktop.store.paths import DataDir


def test_the_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    store = Store.create(DataDir(tmp_path / "s"), DatabaseKey.generate(), "db")
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        store.close()
    # The FTS5 index and its shadow tables are made by raw SQL in the migration, not by models.
    assert [d for d in diff if "person_name_fts" not in str(d)] == []


def test_an_old_store_is_upgraded_on_open(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "old")
    data_dir.ensure_private_root()
    key = DatabaseKey.generate()
    raw = key.raw()
    engine = make_engine(data_dir.db, key, create=True)
    config = schema._config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.commit()
    engine.dispose()
    store = Store.open(data_dir, DatabaseKey(raw))
    try:
        with store.engine.connect() as conn:
            assert schema.current_revision(conn) == schema.head_revision()
    finally:
        store.close()
