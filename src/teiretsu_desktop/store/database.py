"""Opening, creating and closing the encrypted store of one data directory."""

from __future__ import annotations

from typing import Any

import sqlcipher3
from sqlalchemy import Engine, exc, select

from teiretsu_desktop.domain.errors import NotADatabase, StoreExists, StoreLocked, StoreNotFound
from teiretsu_desktop.store.engine import make_engine
from teiretsu_desktop.store.health import engine_integrity_problems
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.location import check_location
from teiretsu_desktop.store.models import StoreMeta, utc_now
from teiretsu_desktop.store.paths import DataDir
from teiretsu_desktop.store.schema import upgrade_to_head
from teiretsu_desktop.store.schema_check import schema_problems
from teiretsu_desktop.store.sealed import FieldAccess
from teiretsu_desktop.store.unit_of_work import UnitOfWork, translate_db_error

SQLITE_NOTADB = 26


def _is_not_a_database(error: BaseException) -> bool:
    orig: Any = getattr(error, "orig", error)
    if getattr(orig, "sqlite_errorcode", None) == SQLITE_NOTADB:
        return True
    return isinstance(orig, sqlcipher3.DatabaseError) and "not a database" in str(orig)


WRONG_KEY_MESSAGE = (
    "データベースを開けません: 鍵が一致しないか、ファイルが壊れています / "
    "The database does not open with this key, or the file is damaged."
)


class Store:
    """An unlocked store. `close()` disposes the engine and wipes the key; afterwards every use raises."""

    def __init__(self, data_dir: DataDir, engine: Engine, key: DatabaseKey) -> None:
        self.data_dir = data_dir
        self._engine: Engine | None = engine
        self._key: DatabaseKey | None = key

    @classmethod
    def create(cls, data_dir: DataDir, key: DatabaseKey, db_id: str) -> Store:
        if data_dir.db.exists():
            raise StoreExists(f"既にデータがあります / A store already exists in {data_dir.root}")
        check_location(data_dir.root)
        data_dir.ensure_private_root()
        engine = make_engine(data_dir.db, key, create=True)
        store = cls(data_dir, engine, key)
        try:
            upgrade_to_head(engine)
            with store.uow() as uow:
                uow.session.add_all(
                    [StoreMeta(key="db_id", value=db_id), StoreMeta(key="created_at", value=utc_now())]
                )
                uow.commit()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open(cls, data_dir: DataDir, key: DatabaseKey, *, migrate: bool = True) -> Store:
        """Open an existing store. A wrong key or a foreign file raises NotADatabase and writes nothing."""
        if not data_dir.db.exists():
            raise StoreNotFound(f"データが見つかりません / No store in {data_dir.root}")
        check_location(data_dir.root)
        engine = make_engine(data_dir.db, key)
        try:
            with engine.connect():
                pass
        except exc.DBAPIError as error:
            engine.dispose()
            if _is_not_a_database(error):
                raise NotADatabase(WRONG_KEY_MESSAGE) from None
            translated = translate_db_error(error) if isinstance(error, exc.DatabaseError) else None
            if translated is not None:
                raise translated from None
            raise
        store = cls(data_dir, engine, key)
        if migrate:
            try:
                upgrade_to_head(engine)
            except exc.DatabaseError as error:
                store.close()
                translated = translate_db_error(error)
                if translated is not None:
                    raise translated from None
                raise
            except BaseException:
                store.close()
                raise
        return store

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreLocked("ロックされています。解除してください / The store is locked; unlock it first.")
        return self._engine

    @property
    def key(self) -> DatabaseKey:
        if self._key is None:
            raise StoreLocked("ロックされています。解除してください / The store is locked; unlock it first.")
        return self._key

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def uow(
        self, *, write: bool = True, actor_id: str | None = None, fields: FieldAccess | None = None
    ) -> UnitOfWork:
        return UnitOfWork(self.engine, write=write, actor_id=actor_id, fields=fields)

    def db_id(self) -> str:
        with self.uow(write=False) as uow:
            value = uow.session.scalar(select(StoreMeta.value).where(StoreMeta.key == "db_id"))
        if value is None:
            raise NotADatabase(WRONG_KEY_MESSAGE)
        return value

    def integrity_problems(self) -> list[str]:
        return engine_integrity_problems(self.engine)

    def schema_problems(self) -> list[str]:
        raw = self.engine.raw_connection()
        try:
            return schema_problems(raw.driver_connection)
        finally:
            raw.close()

    def close(self) -> None:
        engine, self._engine = self._engine, None
        key, self._key = self._key, None
        if engine is not None:
            engine.dispose()
        if key is not None:
            key.wipe()
