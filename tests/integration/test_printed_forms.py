"""Printed forms: every form for every business line, need-to-know, disclosures, pagination, fonts."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from teiretsu_desktop.documents import fonts
from teiretsu_desktop.documents.definitions import (
    FormDefinitionError,
    available_forms,
    load_definition,
    load_form,
)
from teiretsu_desktop.documents.printing import PrintRequest, prepare_print, protect_pdf, record_print
from teiretsu_desktop.domain.codes import ActivityKind, BusinessLine, ProvisionChannel, RecipientKind
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.domain.meetings import MeetingKind, SharedItem
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import meetings
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.consent import list_disclosures
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.meetings import MeetingInput
from teiretsu_desktop.store.queries.case_list import CaseListFilter, list_cases
from tests.helpers.casework import consent, new_case, new_person

FORMS = sorted(available_forms())
CANARY_OFFENCE = "カナリア罪名XYZ"


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _compact(text: str) -> str:
    return "".join(text.split())


def test_all_sixteen_forms_exist() -> None:
    assert sorted(["referral", "consent", "consent-easy", "face-sheet", "activity-log", "coordination-plan",
                   "inter-center-request", "closure-report", "interview-sheet", "disclosure-register",
                   "disclosure-register-center", "assessment-sheet", "meeting-record", "cooperation-answer",
                   "suspect-support-report", "consultation-intake"]) == FORMS  # fmt: skip


@pytest.mark.parametrize("form_id", FORMS)
def test_every_form_renders_for_every_business_line_it_is_for(admin: StaffSession, form_id: str) -> None:
    generate_demo_data(admin, persons=40, seed=9, today=date.today())
    form = load_form(form_id)
    profile = RecipientKind(next(iter(form.profiles))) if form.profiles else None  # None: センター控え
    for line in BusinessLine:
        with admin.uow(write=False) as uow:
            row = list_cases(uow.session, CaseListFilter(business_line=str(line)), limit=1)[0]
        case_id = (
            None if form.center_wide else row.case_id
        )  # the center register lists provisions, not a case
        request = PrintRequest(form_id, profile, case_id, override_reason="テスト")
        if not form.applies_to(str(line)) and case_id is not None:
            with pytest.raises(InvalidInput, match=line.label):  # e.g. no 被疑者等支援 報告書 for 特別調整
                prepare_print(admin, request)
            continue
        result = prepare_print(admin, request)
        text = _compact(_text(result.pdf))
        assert _compact(form.title)[:4] in text or form_id == "consent-easy"
        assert _compact(row.person_name) in text or form.center_wide, (form_id, line)
        assert result.pages >= 1


def test_extracted_text_and_rendered_pages_hold_the_japanese_values(
    admin: StaffSession, tmp_path: Path
) -> None:
    pid = new_person(admin, family="髙橋", given="花子", fkana="タカハシ", gkana="ハナコ", birth_date=date(1948, 7, 7),
                     wishes="地元の八王子市で暮らしたい")  # fmt: skip
    cid = new_case(admin, pid, facility_name="栃木刑務所", expected_release=date(2025, 3, 31))
    consent(admin, cid, RecipientKind.FACILITY)
    result = prepare_print(
        admin, PrintRequest("referral", RecipientKind.FACILITY, cid, recipient_name="救護施設みどり")
    )
    text = _compact(_text(result.pdf))
    for expected in ("髙橋花子", "タカハシハナコ", "昭和23年7月7日", "救護施設みどり御中", "地元の八王子市で暮らしたい",
                     "令和7年3月31日", "東京都地域生活定着支援センター"):  # fmt: skip
        assert expected in text, expected
    assert b"/FontFile2" in result.pdf  # the Japanese TrueType font is embedded (subset)
    if shutil.which("pdftoppm"):
        (tmp_path / "r.pdf").write_bytes(result.pdf)
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", str(tmp_path / "r.pdf"), str(tmp_path / "page")], check=True
        )
        pages = sorted(tmp_path.glob("page*.png"))
        assert pages and all(p.stat().st_size > 3000 for p in pages)


def test_a_200_entry_activity_log_paginates_without_losing_a_line(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    start = datetime(2024, 4, 1, 9, 0)
    for i in range(200):
        narrative = f"記録{i:03d}番 " + "面接で生活の様子と今後の希望について聞き取った。" * (1 + i % 7)
        if i == 100:
            narrative = "長い記録の始まり " + "非常に長い経過記録。" * 400 + " 長い記録の終わり"
        record_activity(
            admin, cid, ActivityInput(start + timedelta(hours=i), ActivityKind.INTERVIEW, narrative)
        )
    result = prepare_print(
        admin, PrintRequest("activity-log", RecipientKind.CENTER, cid, override_reason="内部")
    )
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == result.pages > 10
    pages = [_compact(p.extract_text() or "") for p in reader.pages]
    text = "".join(pages)
    positions = [text.find(f"記録{i:03d}番") for i in range(200) if i != 100]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "長い記録の始まり" in text and "長い記録の終わり" in text
    assert all(f"{n}/{len(pages)}" in page for n, page in enumerate(pages, start=1))  # page numbers
    assert all("支援経過記録" in page for page in pages)  # running header


@pytest.mark.slow
def test_offences_appear_only_when_included_on_purpose(admin: StaffSession) -> None:
    """Every form, for a case of each line it is for, to every recipient and as the centre's copy."""
    pid = new_person(admin)
    cases = {line: new_case(admin, pid, line, offence=CANARY_OFFENCE) for line in BusinessLine}
    for cid in cases.values():
        meetings.record_meeting(admin, cid, MeetingInput(MeetingKind.CASE_CONFERENCE, date.today(), "受入先の検討",
                                                         shared_items=(SharedItem.OFFENCE,)))  # fmt: skip
    for form_id in FORMS:
        form = load_form(form_id)
        for line, cid in cases.items():
            if not form.applies_to(str(line)):
                continue
            for profile in (*form.profiles, None):
                recipient = RecipientKind(profile) if profile else None
                result = prepare_print(admin, PrintRequest(form_id, recipient, cid, override_reason="テスト"))
                assert CANARY_OFFENCE not in _compact(_text(result.pdf)), (form_id, line, profile)
                assert CANARY_OFFENCE.encode("utf-16-be") not in result.pdf
    cid = cases[BusinessLine.SPECIAL]
    consent(admin, cid, RecipientKind.FACILITY, RecipientKind.WELFARE_OFFICE, RecipientKind.MEDICAL)
    included = prepare_print(
        admin, PrintRequest("referral", RecipientKind.FACILITY, cid, include_offence=True)
    )
    assert CANARY_OFFENCE in _compact(_text(included.pdf))
    welfare = prepare_print(
        admin, PrintRequest("referral", RecipientKind.WELFARE_OFFICE, cid, include_offence=True)
    )
    assert CANARY_OFFENCE not in _compact(_text(welfare.pdf))  # that profile never receives offences


def test_a_disclosure_record_for_every_third_party_print_and_none_for_a_blank_sheet(
    admin: StaffSession,
) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    with pytest.raises(PermissionDenied, match="consent"):
        prepare_print(admin, PrintRequest("referral", RecipientKind.FACILITY, cid))
    assert list_disclosures(admin, pid) == []
    consent(admin, cid, RecipientKind.FACILITY)
    for request in (
        PrintRequest("referral", RecipientKind.FACILITY, cid, recipient_name="さくら"),
        PrintRequest("face-sheet", RecipientKind.PROBATION, cid, override_reason="照会への回答"),
        PrintRequest("consent", RecipientKind.PERSON, cid),
        PrintRequest("interview-sheet", RecipientKind.CENTER, None),
    ):
        record_print(admin, prepare_print(admin, request), ProvisionChannel.PRINT)
    records = list_disclosures(admin, pid)
    assert sorted((r.form_id or "", str(r.recipient)) for r in records) == [
        ("face-sheet", "probation"), ("referral", "facility")]  # fmt: skip
    referral = next(r for r in records if r.form_id == "referral")
    assert referral.consent_id and "氏名" in referral.items and referral.recipient_name == "さくら"


def test_a_broken_definition_names_the_file_and_line(tmp_path: Path) -> None:
    good = load_form("referral").path.read_text(encoding="utf-8")
    broken = tmp_path / "referral.toml"
    broken.write_text(good.replace('value = "person.kana"', 'value = "person.kanji"'), encoding="utf-8")
    line = next(
        n
        for n, text in enumerate(broken.read_text(encoding="utf-8").splitlines(), 1)
        if "person.kanji" in text
    )
    with pytest.raises(FormDefinitionError, match=rf"referral.toml の {line} 行目.*person.kanji"):
        load_definition(broken)
    broken.write_text(good.replace("[profiles]", "[profiles\n"), encoding="utf-8")
    with pytest.raises(FormDefinitionError, match=r"referral\.toml"):
        load_definition(broken)
    broken.write_text(good.replace('type = "fields"', 'type = "chart"', 1), encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="chart"):
        load_definition(broken)


def test_a_missing_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.register_japanese_font.cache_clear()
    monkeypatch.setattr(fonts, "candidates", lambda configured: [Path("/nonexistent/font.ttf")])
    try:
        with pytest.raises(fonts.FontMissing, match="fonts-ipaexfont"):
            fonts.register_japanese_font(None)
    finally:
        fonts.register_japanese_font.cache_clear()


def test_a_saved_pdf_is_aes256_protected(admin: StaffSession) -> None:
    result = prepare_print(admin, PrintRequest("interview-sheet", RecipientKind.CENTER, None))
    protected = protect_pdf(result.pdf, "pdf-password-1")
    reader = PdfReader(io.BytesIO(protected))
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"]
    assert encrypt["/V"] == 5 and encrypt["/R"] == 6  # type: ignore[index]
    assert reader.decrypt("wrong") == 0
    assert reader.decrypt("pdf-password-1") != 0
    assert "面接シート" in _compact(reader.pages[0].extract_text())
