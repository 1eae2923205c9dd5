"""Reading the audit log and checking its chain (for the settings screen and `teiretsu-admin audit`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from teiretsu_desktop.domain.audit_events import TARGET_LABELS, action_label, detail_text
from teiretsu_desktop.domain.wareki import local_moment, to_wareki
from teiretsu_desktop.security import audit
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.models import AuditEntry, Staff, SupportCase


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str  # UTC, as stored
    actor: str
    action: str  # the stable code
    target: str
    detail: str  # JSON
    # The same entry as the 監査ログ screen shows it: local 和暦 time, Japanese words, readable detail.
    when: str = ""
    action_label: str = ""
    target_label: str = ""
    detail_label: str = ""


def _local(at: str) -> str:
    moment = local_moment(at)
    return f"{to_wareki(moment.date())} {moment:%H:%M:%S}" if moment is not None else at


def recent_entries(session: StaffSession, *, limit: int = 200) -> list[AuditRow]:
    session.require(Permission.VIEW_AUDIT)
    with session.uow(write=False) as uow:
        names = {
            row.id: row.display_name for row in uow.session.execute(select(Staff.id, Staff.display_name))
        }
        entries = list(
            uow.session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)).scalars()
        )
        case_ids = {e.target_id for e in entries if e.target_kind == "case" and e.target_id}
        numbers = {
            row.id: row.case_no
            for row in uow.session.execute(
                select(SupportCase.id, SupportCase.case_no).where(SupportCase.id.in_(case_ids))
            )
        }
    rows = []
    for e in entries:
        kind, target_id = e.target_kind or "", e.target_id or ""
        shown = numbers.get(target_id) or names.get(target_id) or target_id[:8]
        rows.append(
            AuditRow(
                e.seq, e.at, names.get(e.actor_id or "", "-"), e.action,
                f"{kind}:{target_id}" if kind else "", e.detail,
                when=_local(e.at), action_label=action_label(e.action),
                target_label=f"{TARGET_LABELS.get(kind, kind)} {shown}" if kind else "",
                detail_label=detail_text(e.detail),
            )
        )  # fmt: skip
    return rows


def verify_chain(session: StaffSession) -> list[str]:
    session.require(Permission.VIEW_AUDIT)
    with session.uow(write=False) as uow:
        problems = audit.verify(uow.session)
    session.record("audit_verified", detail={"ok": not problems})
    return problems
