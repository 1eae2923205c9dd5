"""The demo generator: deterministic, every business line and state, consistent with the rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.workflow import MAIN_PATHS, CaseState, allowed_next
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.ledger.export import export_rows
from teiretsu_desktop.store.models import Activity, Agency, Consent, NetworkActivity, SupportCase
from tests.helpers.stores import TemplateStore, copy_store, unlock_admin

TODAY = date(2026, 11, 26)


def test_same_seed_same_data_and_every_line_and_state(template_store: TemplateStore, tmp_path: Path) -> None:
    exports = []
    for name in ("a", "b"):
        store = copy_store(template_store, tmp_path / name)
        session = unlock_admin(store.data_dir)
        try:
            summary = generate_demo_data(session, persons=400, seed=11, today=TODAY)
            exports.append(export_rows(session))
            with session.uow(write=False) as uow:
                pairs = set(uow.session.execute(select(SupportCase.business_line, SupportCase.state)).all())
                for model in (Activity, Consent, Agency, NetworkActivity):
                    assert uow.session.execute(select(func.count()).select_from(model)).scalar_one() > 0
                orphans = uow.session.execute(
                    select(func.count())
                    .select_from(SupportCase)
                    .where(SupportCase.release_date < SupportCase.request_date)
                ).scalar_one()
        finally:
            session.lock()
        assert summary.persons == 400 and summary.cases >= 400
        assert orphans == 0
    assert exports[0] == exports[1]
    lines = {BusinessLine(line) for line, _ in pairs}
    assert lines == set(BusinessLine)
    for line, state in pairs:
        line_enum, state_enum = BusinessLine(line), CaseState(state)
        reachable = set(MAIN_PATHS[line_enum]) | {t for ts in MAIN_PATHS[line_enum].values() for t in ts}
        reachable |= {e for s in reachable for e in allowed_next(line_enum, s)}
        assert state_enum in reachable, (line, state)


def test_demo_data_makes_sense(template_store: TemplateStore, tmp_path: Path) -> None:
    """An entry's kind matches its text; a woman is not in a men's prison, an old person not in a
    少年刑務所, a person coordinated before release not in a police cell; one open case per person and
    business line; every case passes the case validator."""
    from teiretsu_desktop.domain.case_rules import case_problems, record_of
    from teiretsu_desktop.services.demo.generator import NARRATIVES
    from teiretsu_desktop.services.demo.names import DETENTION, MEN_ONLY, PRISONS, WOMEN_ONLY, YOUNG_ONLY
    from teiretsu_desktop.store.models import (
        Agency,
        CaseMeeting,
        Consent,
        Disclosure,
        MeetingAttendee,
        Person,
        SelectionAdvice,
    )

    store = copy_store(template_store, tmp_path / "sense")
    session = unlock_admin(store.data_dir)
    try:
        generate_demo_data(session, persons=300, seed=21, today=TODAY)
        with session.uow(write=False) as uow:
            s = uow.session
            for kind, text in s.execute(select(Activity.kind, Activity.narrative)).all():
                assert text in NARRATIVES[kind], (kind, text)  # type: ignore[index]
            open_per_line: dict[tuple[str, str], int] = {}
            for case, person in s.execute(
                select(SupportCase, Person).join(Person, Person.id == SupportCase.person_id)
            ):
                if case.facility_name in MEN_ONLY:
                    assert person.sex != "f", case.facility_name
                if case.facility_name in WOMEN_ONLY:
                    assert person.sex == "f", case.facility_name
                if case.facility_name in YOUNG_ONLY:
                    assert person.birth_date and case.request_date
                    assert (case.request_date - person.birth_date).days < 26 * 365
                if (
                    case.facility_name
                ):  # a suspect is held where suspects are; a sentenced person never in a cell
                    held = DETENTION if case.business_line == str(BusinessLine.SUSPECT) else PRISONS
                    assert case.facility_name in held, (case.business_line, case.facility_name)
                state = CaseState(case.state)
                if state.is_open:
                    key = (case.person_id, case.business_line)
                    open_per_line[key] = open_per_line.get(key, 0) + 1
                record = record_of(BusinessLine(case.business_line), state, case)
                assert case_problems(record) == [], (case.case_no, case_problems(record))
            assert max(open_per_line.values()) == 1
            # Meetings (issue 17): each outside attendee is a 提供記録 under the case's consent, on the
            # meeting's day and not before the consent; the 協力依頼 names the 保護観察所 it came from.
            attended = s.execute(
                select(CaseMeeting.held_on, Disclosure.provided_on, Consent.given_on, Disclosure.method)
                .join(MeetingAttendee, MeetingAttendee.meeting_id == CaseMeeting.id)
                .join(Disclosure, Disclosure.id == MeetingAttendee.disclosure_id)
                .join(Consent, Consent.id == Disclosure.consent_id)
            ).all()
            assert attended and all(
                h == p and g is not None and g <= h and m == "meeting" for h, p, g, m in attended
            )
            offices = (
                s.execute(select(Agency.kind).join(SupportCase, SupportCase.requester_agency_id == Agency.id))
                .scalars()
                .all()
            )
            assert offices and set(offices) == {"probation"}
            # Advice given while a 刑事施設 selected a person comes before that person's 特別調整 case.
            advised = s.execute(
                select(SelectionAdvice.advised_on, SupportCase.request_date, SupportCase.business_line).join(
                    SupportCase, SupportCase.id == SelectionAdvice.case_id
                )
            ).all()
            assert advised and all(r is not None and a < r and line == "special" for a, r, line in advised)
    finally:
        session.lock()
