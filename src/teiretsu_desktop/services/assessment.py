"""The structured アセスメント of a case, in versions (issue 17; domain/assessment.py).

Its items are 要配慮 narratives: written with WRITE_SENSITIVE, read with READ_SENSITIVE (each reading
audited, naming the case, never the content); 事務 sees that versions exist, not what they say."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from teiretsu_desktop.domain.assessment import ITEM_KEYS, assessment_problems
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change, record_sensitive_view
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.store.models import Assessment, Staff, SupportCase


@dataclass(frozen=True)
class AssessmentView:
    id: str
    version: int
    written_on: date
    staff_name: str
    items: dict[str, str] | None  # None: not readable by this role


def save_assessment(
    session: StaffSession, case_id: str, items: Mapping[str, str], *, written_on: date | None
) -> Outcome[str]:
    """A new version of the case's assessment (the earlier ones stay as they were)."""
    session.require(Permission.WRITE_SENSITIVE)
    cleaned = {key: (items.get(key) or "").strip() for key in ITEM_KEYS}
    problems = assessment_problems({**items, **cleaned}, written_on, date.today())
    if problems or written_on is None:
        raise InvalidInput("アセスメントを保存できません: " + " / ".join(problems))
    with session.uow() as uow:
        fetch(uow, SupportCase, case_id)
        latest = uow.session.scalar(select(func.max(Assessment.version)).where(Assessment.case_id == case_id))
        version = (latest or 0) + 1
        row = Assessment(
            case_id=case_id, version=version, written_on=written_on, staff_id=session.actor.staff_id,
            items=json.dumps({k: v for k, v in cleaned.items() if v}, ensure_ascii=False),
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        record_change(session, uow, "assessment_saved", "case", case_id, {"version": version})
        uow.commit()
        assessment_id = row.id
    return Outcome(assessment_id, Changes.of(ChangeKind.ASSESSMENT, assessment_id, case=case_id))


def list_assessments(session: StaffSession, case_id: str) -> list[AssessmentView]:
    """Every version, newest first; the items only for roles that may read them (audited)."""
    session.require(Permission.READ_CASES)
    readable = session.can(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(Assessment, Staff.display_name)
            .outerjoin(Staff, Staff.id == Assessment.staff_id)
            .where(Assessment.case_id == case_id)
            .order_by(Assessment.version.desc())
        ).all()
        views = [
            AssessmentView(
                a.id, a.version, a.written_on, name or "", json.loads(a.items) if readable else None
            )
            for a, name in rows
        ]
    if readable and views:
        record_sensitive_view(session, "case", case_id, ["assessment"])
    return views
