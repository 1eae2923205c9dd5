"""Export of the ledger: every case as one row in the columns of columns.py, ready to be edited in Excel
and imported again (the ケースID and 版 columns take the row back to its case)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.ledger.columns import COLUMNS
from teiretsu_desktop.services.ledger.files import write_table
from teiretsu_desktop.services.ledger.importer import CASE_KEYS
from teiretsu_desktop.store.models import Disability, Person, Staff, SupportCase


def export_rows(session: StaffSession) -> list[list[str]]:
    session.require(Permission.READ_CASES)
    with_offence = session.can(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        s = uow.session
        staff = {row.id: row.login for row in s.execute(select(Staff.id, Staff.login))}
        disabilities: dict[str, list[str]] = {}
        for pid, kind in s.execute(select(Disability.person_id, Disability.kind).order_by(Disability.rowid)):
            disabilities.setdefault(pid, []).append(kind)
        rows = s.execute(
            select(SupportCase, Person)
            .join(Person, Person.id == SupportCase.person_id)
            .order_by(SupportCase.case_no)
        ).all()
        out: list[list[str]] = []
        for case, person in rows:
            values: dict[str, object] = {
                name: getattr(case, name) for name in CASE_KEYS if with_offence or name != "offence"
            }
            values.update(
                case_id=case.id,
                revision=case.revision,
                person_id=person.id,
                name=f"{person.family_name} {person.given_name}".strip(),
                kana=f"{person.family_kana} {person.given_kana}".strip(),
                alias=person.alias,
                birth_date=person.birth_date,
                sex=person.sex,
                disabilities=",".join(disabilities.get(person.id, [])),
                care_level=person.care_level,
                support_category=person.support_category,
                business_line=case.business_line,
                state=case.state,
                primary_staff=staff.get(case.primary_staff_id or ""),
                secondary_staff=staff.get(case.secondary_staff_id or ""),
            )
            out.append([c.write(values.get(c.key)) for c in COLUMNS])
    return out


def export_ledger(session: StaffSession, path: Path, *, password: str | None) -> int:
    """Write every case to `path`: bulk personal data leaves only on purpose, by a role allowed to
    export it, password-protected unless `password` is None (an explicit plaintext export), audited
    with the number of cases."""
    session.require(Permission.EXPORT_PERSONAL_DATA)
    rows = export_rows(session)
    write_table(path, rows, password=password)
    session.record(
        "ledger_exported", detail={"file": path.name, "cases": len(rows), "encrypted": password is not None}
    )
    return len(rows)
