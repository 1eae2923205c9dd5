"""An unlocked store together with the staff member who unlocked it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import audit
from teiretsu_desktop.security.permissions import Permission, allows, require
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Actor:
    staff_id: str
    login: str
    display_name: str
    role: Role


class StaffSession:
    """What services receive: the store, who is acting, and their permissions.

    After `lock()` every store access raises StoreLocked until a new session is unlocked.
    """

    def __init__(self, store: Store, actor: Actor, method: str, *, audited: bool = True) -> None:
        self.store = store
        self.actor = actor
        self.method = method
        # An inspection session (verify) never writes on its own, so a damaged store is not written to.
        self.audited = audited

    def can(self, permission: Permission) -> bool:
        return allows(self.actor.role, permission)

    def require(self, permission: Permission) -> None:
        require(self.actor.role, permission)

    def uow(self, *, write: bool = True) -> UnitOfWork:
        return self.store.uow(write=write, actor_id=self.actor.staff_id)

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
