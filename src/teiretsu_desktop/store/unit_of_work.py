"""One Session per operation, rolled back unless committed (DESIGN §2).

Threading: a UnitOfWork belongs to the thread that opened it. The GUI runs every unit of work on its
single store thread; the CLI runs them on the main thread.
"""

from __future__ import annotations

from contextvars import Token
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.errors import CorruptStore, DiskFull, TeiretsuError
from teiretsu_desktop.store import sealed
from teiretsu_desktop.store.models.base import Record
from teiretsu_desktop.store.sealed import FieldAccess
from teiretsu_desktop.store.stamps import utc_now


class StoreSession(Session):
    """Session that stamps who changed a record and when."""


@event.listens_for(StoreSession, "before_flush")
def _stamp_records(session: Session, _ctx: Any, _instances: Any) -> None:
    actor = session.info.get("actor_id")
    now = utc_now()
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Record) and (obj in session.new or session.is_modified(obj)):
            obj.updated_at = now
            obj.updated_by = actor


def translate_db_error(exc: DatabaseError) -> TeiretsuError | None:
    """The driver errors a person can act on, as typed errors; None for programming errors."""
    text = str(exc.orig).lower()
    if "disk is full" in text:
        return DiskFull(
            "ディスクの空き容量が足りないため保存できませんでした。入力は取り消されていません。空きを作ってから"
            "もう一度保存してください / The disk is full; nothing was saved. Free space and save again."
        )
    if "malformed" in text or "not a database" in text or "hmac" in text:
        return CorruptStore(
            "データベースが壊れています。verify で確認し、最新のバックアップから復元してください / "
            "The database is damaged; run verify and restore the latest backup."
        )
    return None


class UnitOfWork:
    """`with UnitOfWork(engine) as uow: ...; uow.commit()` — anything not committed is rolled back."""

    def __init__(
        self,
        engine: Engine,
        *,
        write: bool = True,
        actor_id: str | None = None,
        fields: FieldAccess | None = None,
    ) -> None:
        self._engine = engine
        self._write = write
        self._actor_id = actor_id
        self._fields = fields
        self._token: Token[FieldAccess] | None = None
        self._session: StoreSession | None = None

    @property
    def session(self) -> StoreSession:
        if self._session is None:
            raise RuntimeError("unit of work is not open")
        return self._session

    def __enter__(self) -> UnitOfWork:
        session = StoreSession(bind=self._engine, expire_on_commit=False, autoflush=True)
        session.info["actor_id"] = self._actor_id
        try:
            session.connection(execution_options={"teiretsu_write": self._write})
        except BaseException:
            session.close()
            raise
        self._session = session
        if self._fields is not None:  # sealed fields open (and seal) with this session's field key
            self._token = sealed.current.set(self._fields)
        return self

    def commit(self) -> None:
        if not self._write:
            raise RuntimeError("read-only unit of work cannot commit")
        try:
            self.session.commit()
        except DatabaseError as exc:
            self.session.rollback()
            translated = translate_db_error(exc)
            if translated is not None:
                raise translated from exc
            raise

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session, self._session = self._session, None
        if self._token is not None:
            sealed.current.reset(self._token)
            self._token = None
        if session is None:
            return
        # close() rolls back whatever was not committed and detaches objects without expiring them, so
        # values read inside the unit stay readable; objects of a rolled-back unit must not be used.
        session.close()
        if isinstance(exc, DatabaseError):
            translated = translate_db_error(exc)
            if translated is not None:
                raise translated from exc


class JoinedUnit(UnitOfWork):
    """A unit of work opened inside a running use case: it shares the outer unit's session and
    transaction. Its `commit()` only flushes (so ids and constraints are checked now); the outer unit
    commits once at the end, or rolls everything back when any step refuses (ADR 0007)."""

    def __init__(self, outer: UnitOfWork) -> None:
        super().__init__(outer._engine, write=outer._write, actor_id=outer._actor_id)
        self._outer = outer

    @property
    def session(self) -> StoreSession:
        return self._outer.session

    def __enter__(self) -> JoinedUnit:
        return self

    def commit(self) -> None:
        if not self._write:
            raise RuntimeError("read-only unit of work cannot commit")
        self.session.flush()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None  # the outer unit decides: commit at its end, or roll back on the exception
