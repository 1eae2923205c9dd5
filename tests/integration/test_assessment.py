"""Issue 17: a structured アセスメント in versions — written and read only by roles that may handle 要配慮
narratives (each reading audited) — and its printed アセスメントシート."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from teiretsu_desktop.documents.printing import PrintRequest, prepare_print
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import assessment
from teiretsu_desktop.services.audit_log import recent_entries
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import CLERK, CLERK_PASS, TemplateStore

TODAY = date.today()


def test_versions_are_kept_and_only_some_roles_read_them(admin: StaffSession, store: TemplateStore) -> None:
    cid = new_case(admin, new_person(admin))
    assessment.save_assessment(admin, cid, {"life_history": "中学卒業後、建設業で働いた。", "wishes": "「静かな所で暮らしたい」"},
                               written_on=TODAY - timedelta(days=7))  # fmt: skip
    assessment.save_assessment(admin, cid, {"life_history": "中学卒業後、建設業で働いた。", "housing": "グループホームを希望",
                                            "wishes": "「畑仕事がしたい」"}, written_on=TODAY)  # fmt: skip
    versions = assessment.list_assessments(admin, cid)
    assert [v.version for v in versions] == [2, 1]  # newest first; the first is kept as it was
    assert versions[1].items == {
        "life_history": "中学卒業後、建設業で働いた。",
        "wishes": "「静かな所で暮らしたい」",
    }
    assert versions[0].items is not None and versions[0].items["wishes"] == "「畑仕事がしたい」"
    assert any(e.action == "sensitive_viewed" for e in recent_entries(admin))
    clerk = unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)
    try:
        seen = assessment.list_assessments(clerk, cid)
        assert [v.version for v in seen] == [2, 1] and all(v.items is None for v in seen)
        with pytest.raises(PermissionDenied):
            assessment.save_assessment(clerk, cid, {"life_history": "x"}, written_on=TODAY)
    finally:
        clerk.lock()


def test_an_empty_or_future_assessment_is_refused(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    with pytest.raises(InvalidInput, match="少なくとも一つ"):
        assessment.save_assessment(admin, cid, {"life_history": "  "}, written_on=TODAY)
    with pytest.raises(InvalidInput, match="実施日"):
        assessment.save_assessment(admin, cid, {"health": "高血圧"}, written_on=TODAY + timedelta(days=1))
    with pytest.raises(InvalidInput, match="項目ではありません"):
        assessment.save_assessment(admin, cid, {"offence": "x"}, written_on=TODAY)


def test_the_assessment_sheet_prints_the_latest_version(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin, family="川上", given="誠"))
    assessment.save_assessment(
        admin, cid, {"health": "高血圧で服薬中", "wishes": "「畑仕事がしたい」"}, written_on=TODAY
    )
    result = prepare_print(admin, PrintRequest("assessment-sheet", None, cid))  # the centre's own copy
    text = "".join("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(result.pdf)).pages).split())
    assert "アセスメントシート" in text and "川上誠" in text
    assert "高血圧で服薬中" in text and "「畑仕事がしたい」" in text and "第1版" in text
