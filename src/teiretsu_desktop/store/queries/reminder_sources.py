"""What the dashboard reads beside the derived reminders: the labels of the ones it shows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from teiretsu_desktop.store.models import (
    Person,
    Staff,
    SupportCase,
)


def case_labels(session: Session, case_ids: set[str]) -> dict[str, Any]:
    """Case number, the person's name and the 主担当 of these cases (the reminders shown)."""
    found: dict[str, Any] = {}
    ids = sorted(case_ids)
    for start in range(0, len(ids), 500):
        query = (
            select(SupportCase.id, SupportCase.case_no, Person.family_name, Person.given_name,
                   Staff.display_name.label("staff_name"))
            .join(Person, Person.id == SupportCase.person_id)
            .outerjoin(Staff, Staff.id == SupportCase.primary_staff_id)
            .where(SupportCase.id.in_(ids[start : start + 500]))
        )  # fmt: skip
        found.update({row.id: row for row in session.execute(query)})
    return found
