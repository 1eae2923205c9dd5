"""Small builders for case-work tests."""

from __future__ import annotations

from datetime import date, datetime

from teiretsu_desktop.domain.codes import (
    ActivityKind,
    BusinessLine,
    ConsentMethod,
    DisabilityKind,
    RecipientKind,
    Requester,
    Sex,
)
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.cases import CaseInput, CaseView, get_case, open_case
from teiretsu_desktop.services.consent import ConsentInput, record_consent
from teiretsu_desktop.services.persons import PersonInput, PersonView, get_person, register_person
from teiretsu_desktop.store.paths import DataDir


def person(
    family: str = "山田", given: str = "太郎", fkana: str = "ヤマダ", gkana: str = "タロウ", **extra: object
) -> PersonInput:
    values: dict[str, object] = {
        "family_name": family,
        "given_name": given,
        "family_kana": fkana,
        "given_kana": gkana,
        "birth_date": date(1955, 3, 2),
        "sex": Sex.MALE,
        "disabilities": (DisabilityKind.INTELLECTUAL,),
    }
    values.update(extra)
    return PersonInput(**values)  # type: ignore[arg-type]


def new_person(session: StaffSession, **extra: object) -> str:
    return register_person(session, person(**extra), allow_duplicate=True).value  # type: ignore[arg-type]


def new_case(
    session: StaffSession, person_id: str, line: BusinessLine = BusinessLine.SPECIAL, **extra: object
) -> str:
    values: dict[str, object] = {
        "business_line": line,
        "requester": str(Requester.PROBATION),
        "request_date": date(2024, 5, 10),
        "primary_staff_id": session.actor.staff_id,
        "facility_name": "府中刑務所",
        "expected_release": date(2024, 11, 30),
    }
    values.update(extra)
    return open_case(session, person_id, CaseInput(**values), on=date(2024, 5, 10)).value  # type: ignore[arg-type]


def consent(
    session: StaffSession,
    case_id: str,
    *recipients: RecipientKind,
    expires: date | None = None,
    given_on: date = date(2024, 5, 20),
) -> str:
    """A consent the person gave for this case's episode, to `recipients` (default 施設 and 福祉事務所)."""
    data = ConsentInput(
        purpose="福祉サービス等の利用調整のため",
        recipients=recipients or (RecipientKind.FACILITY, RecipientKind.WELFARE_OFFICE),
        method=ConsentMethod.WRITTEN,
        given_on=given_on,
        expires_on=expires,
        case_id=case_id,
    )
    return record_consent(session, get_case(session, case_id).person_id, data).value


def interview(session: StaffSession, case_id: str, text: str = "刑務所にて本人と面接。") -> str:
    return record_activity(
        session,
        case_id,
        ActivityInput(datetime(2024, 5, 20, 10, 0), ActivityKind.INTERVIEW, text, place="府中刑務所"),
    ).value


def stored_record(data_dir: DataDir, case_id: str) -> tuple[CaseView, PersonView]:
    """The case and its person as the store holds them, read by the administrator in a session of its
    own (what a GUI test's window saved)."""
    from tests.helpers.stores import unlock_admin

    session = unlock_admin(data_dir)
    try:
        case = get_case(session, case_id)
        return case, get_person(session, case.person_id)
    finally:
        session.lock()
