"""Reading the audit log and checking its chain (for the settings screen and `teiretsu-admin audit`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from teiretsu_desktop.security import audit
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.models import AuditEntry, Staff


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    detail: str


def recent_entries(session: StaffSession, *, limit: int = 200) -> list[AuditRow]:
    session.require(Permission.VIEW_AUDIT)
    with session.uow(write=False) as uow:
        names = {
            row.id: row.display_name for row in uow.session.execute(select(Staff.id, Staff.display_name))
        }
        rows = uow.session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)).scalars()
        return [
            AuditRow(
                e.seq,
                e.at,
                names.get(e.actor_id or "", "-"),
                e.action,
                f"{e.target_kind}:{e.target_id}" if e.target_kind else "",
                e.detail,
            )
            for e in rows
        ]


def verify_chain(session: StaffSession) -> list[str]:
    session.require(Permission.VIEW_AUDIT)
    with session.uow(write=False) as uow:
        problems = audit.verify(uow.session)
    session.record("audit_verified", detail={"ok": not problems})
    return problems
