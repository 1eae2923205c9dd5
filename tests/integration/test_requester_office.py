"""Issue 17: the 依頼元 is the specific office that asked (from the 関係機関 directory), its category kept
for the year's tables; a 少年院 case can come from a 児童相談所 with a 保護処分; the centre answers the
協力依頼 with a letter addressed to that office."""

from __future__ import annotations

import io
from dataclasses import fields, replace
from datetime import date

import pytest
from pypdf import PdfReader

from teiretsu_desktop.documents.printing import PrintRequest, prepare_print
from teiretsu_desktop.domain.codes import AgencyKind, BusinessLine, RecipientKind, Requester, SentenceKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import cases, directory
from teiretsu_desktop.services.cases import CaseInput, CaseView
from tests.helpers.casework import consent, new_case, new_person


def case_input_of(view: CaseView) -> CaseInput:
    return CaseInput(**{f.name: getattr(view, f.name) for f in fields(CaseInput)})


def _office(admin: StaffSession, kind: AgencyKind, name: str) -> str:
    return directory.save_agency(admin, directory.AgencyInput(kind, name)).value


def test_the_office_that_asked_fills_and_must_agree_with_the_category(admin: StaffSession) -> None:
    probation = _office(admin, AgencyKind.PROBATION, "東京保護観察所")
    cid = new_case(admin, new_person(admin), requester=None, requester_agency_id=probation)
    case = cases.get_case(admin, cid)
    assert (case.requester, case.requester_agency_id) == (str(Requester.PROBATION), probation)
    with pytest.raises(InvalidInput, match=r"東京保護観察所.*保護観察所"):
        cases.update_case(admin, cid, replace(case_input_of(case), requester=str(Requester.LAWYER)),
                          expected_revision=case.revision)  # fmt: skip
    with pytest.raises(InvalidInput, match="関係機関の一覧にありません"):
        new_case(admin, new_person(admin), requester_agency_id="no-such-agency")


def test_a_juvenile_training_school_case_from_a_child_guidance_centre(admin: StaffSession) -> None:
    guidance = _office(admin, AgencyKind.CHILD_GUIDANCE, "東京都児童相談センター")
    cid = new_case(admin, new_person(admin, birth_date=date(2006, 4, 1)), BusinessLine.GENERAL, requester=None,
                   requester_agency_id=guidance, facility_name="多摩少年院",
                   sentence_kind=str(SentenceKind.PROTECTIVE))  # fmt: skip
    case = cases.get_case(admin, cid)
    assert case.requester == str(Requester.GOVERNMENT)  # counted as 行政 in the year's tables
    assert (
        case.sentence_kind == str(SentenceKind.PROTECTIVE)
        and SentenceKind.PROTECTIVE.label == "保護処分 (少年院送致)"
    )


def test_the_answer_to_the_request_is_addressed_to_the_office(admin: StaffSession) -> None:
    probation = _office(admin, AgencyKind.PROBATION, "東京保護観察所")
    cid = new_case(admin, new_person(admin, family="川上", given="誠"), requester=None,
                   requester_agency_id=probation, requester_document_no="東保第123号",
                   sentence_end=date(2025, 1, 31))  # fmt: skip
    consent(admin, cid, RecipientKind.PROBATION)
    result = prepare_print(admin, PrintRequest("cooperation-answer", RecipientKind.PROBATION, cid))
    text = "".join("".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(result.pdf)).pages).split())
    for expected in ("東京保護観察所御中", "協力依頼への回答書", "東保第123号", "川上誠", "令和7年1月31日",
                     "特別調整の実施に協力することとし", "提供の根拠：ご本人の同意"):  # fmt: skip
        assert expected in text, expected
    suspect = new_case(admin, new_person(admin), BusinessLine.SUSPECT)
    with pytest.raises(InvalidInput, match="このケースは被疑者等支援"):
        prepare_print(admin, PrintRequest("cooperation-answer", None, suspect))
