"""Audit helpers shared by the use cases: one entry per change, one per read of a sensitive group."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from teiretsu_desktop.security import audit
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.unit_of_work import UnitOfWork


def record_change(
    session: StaffSession,
    uow: UnitOfWork,
    action: str,
    target_kind: str,
    target_id: str,
    detail: Mapping[str, audit.DetailValue] | None = None,
) -> None:
    audit.append(
        uow.session,
        actor_id=session.actor.staff_id,
        action=action,
        target_kind=target_kind,
        target_id=target_id,
        detail=detail,
    )


def record_sensitive_view(
    session: StaffSession, target_kind: str, target_id: str, fields: Sequence[str]
) -> None:
    """Views of 罪名, 診断 and 生活歴 are audited (DESIGN §3), naming the fields, never their content."""
    session.record(
        "sensitive_viewed", target_kind=target_kind, target_id=target_id, detail={"fields": ",".join(fields)}
    )
