"""What the case window shows of the record, read in one trip to the store thread (no Qt here: it
runs on the store thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import activities, case_record, cases, directory, eligibility, persons
from teiretsu_desktop.services.consent import ConsentView, consent_in_force
from teiretsu_desktop.services.staff import Colleague, list_colleagues


@dataclass(frozen=True)
class CaseData:
    """Everything the window shows of the record, read in one trip to the store thread."""

    case: cases.CaseView
    person: persons.PersonView
    steps: list[cases.NextStep]
    staff: list[Colleague]
    draft: case_record.FormDraftView | None
    note_draft: activities.DraftView | None = None  # the 支援経過 note left unfinished
    consent: ConsentView | None = None
    last_review: date | None = None
    last_contact: datetime | None = None
    requirements: tuple[eligibility.RequirementView, ...] = ()  # 特別調整's six, for 特別調整 cases
    agencies: tuple[directory.AgencyView, ...] = ()  # offered as the 依頼元の機関

    @property
    def unconfirmed(self) -> int:
        """The 特別調整の要件 not confirmed as met."""
        return sum(1 for r in self.requirements if r.met is not True)


def load_case(session: StaffSession, case_id: str) -> CaseData:
    case = cases.get_case(session, case_id)
    reviews = cases.list_reviews(session, case_id)
    return CaseData(
        case=case,
        person=persons.get_person(session, case.person_id),
        steps=cases.next_steps(session, case_id),
        staff=list_colleagues(session),
        draft=case_record.form_draft(session, case_id),
        note_draft=activities.load_draft(session, case_id),
        consent=consent_in_force(session, case.person_id, case_id),
        last_review=max((r.reviewed_on for r in reviews), default=None),
        last_contact=activities.last_contact(session, case_id),
        requirements=tuple(eligibility.list_requirements(session, case_id))
        if case.business_line is BusinessLine.SPECIAL
        else (),
        agencies=tuple(directory.list_agencies(session)),
    )
