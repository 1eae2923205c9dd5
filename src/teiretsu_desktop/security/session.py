"""An unlocked store together with the staff member who unlocked it."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import audit
from teiretsu_desktop.security.keyslots import SlotPayload
from teiretsu_desktop.security.permissions import Permission, allows, require
from teiretsu_desktop.store import sealed
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.models import StoreMeta
from teiretsu_desktop.store.sealed import FieldAccess
from teiretsu_desktop.store.unit_of_work import JoinedUnit, UnitOfWork


@dataclass(frozen=True)
class Actor:
    staff_id: str
    login: str
    display_name: str
    role: Role


def _fields_sealed(store: Store) -> bool:
    with store.uow(write=False) as uow:
        return uow.session.get(StoreMeta, sealed.MARKER) is not None


class StaffSession:
    """What services receive: the store, who is acting, and their permissions.

    After `lock()` every store access raises StoreLocked until a new session is unlocked.
    """

    def __init__(
        self,
        store: Store,
        actor: Actor,
        method: str,
        *,
        audited: bool = True,
        credentials: SlotPayload | None = None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.method = method
        # What the unlocking slot wrapped besides the key: the staff member's secret, for an
        # administrator the authority's private key (to sign staff changes), and for roles that may read
        # them the field key of the sealed fields. In memory only.
        self.credentials = credentials
        self.fields = FieldAccess(
            sealed=_fields_sealed(store), key=credentials.fields if credentials is not None else None
        )
        # An inspection session (verify) never writes on its own, so a damaged store is not written to.
        self.audited = audited
        # The use case running on this thread, if any (see `transaction`). Thread-local because the CLI
        # and tests may share a session object across threads; the GUI uses one store thread.
        self._running = threading.local()

    def can(self, permission: Permission) -> bool:
        return allows(self.actor.role, permission)

    def require(self, permission: Permission) -> None:
        require(self.actor.role, permission)

    def uow(self, *, write: bool = True) -> UnitOfWork:
        """A unit of work; inside `transaction()` it joins the use case's one transaction."""
        outer: UnitOfWork | None = getattr(self._running, "unit", None)
        if outer is not None:
            return JoinedUnit(outer)
        return self.store.uow(write=write, actor_id=self.actor.staff_id, fields=self.fields)

    @contextmanager
    def transaction(self) -> Iterator[UnitOfWork]:
        """One use case, one transaction (ADR 0007): every service called inside joins it, and it
        commits once when the block ends. A refusal anywhere inside writes nothing at all."""
        if getattr(self._running, "unit", None) is not None:
            with self.uow() as joined:  # already inside a use case: join it
                yield joined
            return
        with self.store.uow(write=True, actor_id=self.actor.staff_id, fields=self.fields) as unit:
            self._running.unit = unit
            try:
                yield unit
                unit.commit()
            finally:
                self._running.unit = None

    def record(
        self,
        action: str,
        *,
        target_kind: str | None = None,
        target_id: str | None = None,
        detail: Mapping[str, audit.DetailValue] | None = None,
    ) -> None:
        """Write one audit entry in its own transaction (for events that change nothing else)."""
        with self.uow() as uow:
            audit.append(
                uow.session,
                actor_id=self.actor.staff_id,
                action=action,
                target_kind=target_kind,
                target_id=target_id,
                detail=detail,
            )
            uow.commit()

    @property
    def locked(self) -> bool:
        return not self.store.is_open

    def lock(self) -> None:
        """Audit the lock, dispose the engine and wipe the key. Safe to call twice."""
        if self.locked:
            return
        try:
            if self.audited:
                self.record("lock")
        finally:
            self.store.close()
