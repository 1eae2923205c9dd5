"""Consent and disclosure as the law means them (issue 13): every provision recorded, none invented.

Each behaviour a center manager met is reproduced here on a real encrypted store, with the printed
PDFs read back by text extraction.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import msoffcrypto
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select, text, update
from sqlalchemy.exc import DatabaseError

from teiretsu_desktop.documents.printing import PrintRequest, prepare_print, record_print, save_pdf
from teiretsu_desktop.domain.codes import (
    AgencyKind,
    ConsentGiver,
    ConsentMethod,
    ProvisionChannel,
    RecipientKind,
)
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied
from teiretsu_desktop.domain.workflow import CaseState, TransitionRefused
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import cases, directory, persons
from teiretsu_desktop.services.consent import (
    ConsentInput,
    ConsentScope,
    DisclosureRequest,
    Signature,
    basis_for,
    list_consents,
    list_disclosures,
    prepare_consent,
    record_consent,
    record_disclosure,
    sign_consent,
    withdraw_consent,
)
from teiretsu_desktop.services.ledger.export import export_ledger
from teiretsu_desktop.services.settings import load_settings, save_settings
from teiretsu_desktop.store.models import AuditEntry, Consent, Disclosure
from tests.helpers.casework import consent, interview, new_case, new_person
from tests.helpers.cli import run_admin
from tests.helpers.stores import (
    ADMIN,
    ADMIN_PASS,
    CASEWORKER,
    CASEWORKER_PASS,
    CLERK,
    CLERK_PASS,
    TemplateStore,
)

TODAY = date.today()


def _text(pdf: bytes) -> str:
    return "".join("".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split())


def _actions(session: StaffSession) -> list[str]:
    with session.uow(write=False) as uow:
        return list(uow.session.execute(select(AuditEntry.action).order_by(AuditEntry.seq)).scalars())


def _given(session: StaffSession, case_id: str, *recipients: RecipientKind, **extra: object) -> str:
    """A consent given today for this case (the helper's default date is 2024)."""
    return consent(session, case_id, *recipients, given_on=TODAY - timedelta(days=1), **extra)  # type: ignore[arg-type]


def test_a_letter_under_an_override_claims_no_consent(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))
    result = prepare_print(
        admin,
        PrintRequest("referral", RecipientKind.MEDICAL, cid, recipient_name="みどり病院",
                     override_reason="入院先の受入判断に緊急に必要"),
    )  # fmt: skip
    text = _text(result.pdf)
    assert "同意に基づき" not in text and "ご本人の同意（" not in text
    assert "同意によらない提供" in text and "入院先の受入判断に緊急に必要" in text

    _given(admin, cid, RecipientKind.MEDICAL)
    covered = _text(prepare_print(admin, PrintRequest("referral", RecipientKind.MEDICAL, cid)).pdf)
    assert "ご本人の同意" in covered and "に基づき" in covered and "同意によらない" not in covered


def test_a_preview_records_nothing_and_a_print_records_one_provision(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    _given(admin, cid, RecipientKind.FACILITY)
    before = _actions(admin)
    preview = prepare_print(
        admin, PrintRequest("referral", RecipientKind.FACILITY, cid, recipient_name="さくら")
    )
    prepare_print(admin, PrintRequest("face-sheet", None, cid))  # a センター控え preview, cancelled too
    assert list_disclosures(admin, pid) == []
    new = _actions(admin)[len(before) :]
    assert not {"personal_data_disclosed", "form_printed"} & set(new), new

    record_print(admin, preview, ProvisionChannel.PRINT)
    records = list_disclosures(admin, pid)
    assert [(r.method, r.form_id, r.recipient_name, r.provided_on) for r in records] == [
        (ProvisionChannel.PRINT, "referral", "さくら", TODAY)
    ]
    assert records[0].consent_id is not None and "氏名" in records[0].items


def test_a_consent_withdrawn_after_the_preview_stops_the_print(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    given = _given(admin, cid, RecipientKind.FACILITY)
    preview = prepare_print(admin, PrintRequest("referral", RecipientKind.FACILITY, cid))
    withdraw_consent(admin, given, on=TODAY)
    with pytest.raises(PermissionDenied, match="撤回"):
        record_print(admin, preview, ProvisionChannel.PRINT)
    assert list_disclosures(admin, pid) == []


def test_a_benefit_never_asked_prints_as_unconfirmed(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin))  # public_assistance never asked
    text = _text(
        prepare_print(
            admin, PrintRequest("referral", RecipientKind.FACILITY, cid, override_reason="テスト")
        ).pdf
    )
    assert "生活保護未確認" in text and "生活保護なし" not in text
    person = persons.get_person(admin, cases.get_case(admin, cid).person_id)
    values = {f: getattr(person, f) for f in persons.PersonInput.__dataclass_fields__}
    data = persons.PersonInput(**{**values, "public_assistance": False})
    persons.update_person(admin, person.id, data, expected_revision=person.revision)
    text = _text(
        prepare_print(
            admin, PrintRequest("referral", RecipientKind.FACILITY, cid, override_reason="テスト")
        ).pdf
    )
    assert "生活保護なし" in text


def test_planning_needs_a_consent_given_for_this_episode(admin: StaffSession) -> None:
    pid = new_person(admin)
    old = new_case(admin, pid)
    consent(admin, old, given_on=date(2015, 6, 1))  # no expiry, an earlier episode
    cid = new_case(admin, pid, expected_release=TODAY + timedelta(days=200))
    cases.transition_case(admin, cid, CaseState.ASSESSMENT, on=TODAY)
    interview(admin, cid)
    with pytest.raises(TransitionRefused, match="この支援についての有効な同意"):
        cases.transition_case(admin, cid, CaseState.PLANNING, on=TODAY)
    # A family member cannot give it.
    with pytest.raises(InvalidInput, match="本人または法定代理人"):
        record_consent(admin, pid, ConsentInput("目的", (RecipientKind.FACILITY,), ConsentMethod.WRITTEN, TODAY,
                                                given_by=ConsentGiver.FAMILY, giver_name="山田花子", case_id=cid))  # fmt: skip
    draft = prepare_consent(
        admin, cid, ConsentScope("福祉サービス等の利用調整", (RecipientKind.FACILITY,))
    ).value
    with pytest.raises(TransitionRefused):  # prepared, not yet signed
        cases.transition_case(admin, cid, CaseState.PLANNING, on=TODAY)
    sign_consent(admin, draft, Signature(TODAY, present="姉 山田花子"))
    cases.transition_case(admin, cid, CaseState.PLANNING, on=TODAY)
    signed = next(c for c in list_consents(admin, pid) if c.id == draft)
    assert signed.given_by is ConsentGiver.SELF and signed.present == "姉 山田花子"


def test_each_reason_a_consent_does_not_cover_is_named(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    other = new_case(admin, pid)
    request = DisclosureRequest(
        pid, RecipientKind.WELFARE_OFFICE, ["氏名"], ProvisionChannel.PHONE, TODAY, case_id=cid
    )

    def refused(match: str) -> None:
        with pytest.raises(PermissionDenied, match=match):
            basis_for(admin, request)

    refused("同意が記録されていません")
    wrong = _given(admin, cid, RecipientKind.MEDICAL)
    refused("福祉事務所」は同意の範囲外")
    withdraw_consent(admin, wrong, on=TODAY)
    expired = consent(admin, cid, RecipientKind.WELFARE_OFFICE, expires=TODAY - timedelta(days=2),
                      given_on=TODAY - timedelta(days=30))  # fmt: skip
    refused("有効期限")
    withdrawn = _given(admin, cid, RecipientKind.WELFARE_OFFICE)
    withdraw_consent(admin, withdrawn, on=TODAY)
    refused("撤回されています")
    _given(admin, other, RecipientKind.WELFARE_OFFICE)
    refused("別の支援")
    with admin.uow() as uow:  # a consent recorded with a family member as the giver, before the rule
        family = uow.session.get(Consent, expired)
        assert family is not None
        uow.session.add(Consent(person_id=pid, case_id=cid, status="given", purpose="旧", method="written",
                                recipients=json.dumps(["welfare-office"]), given_on=TODAY - timedelta(days=3),
                                given_by="family", giver_name="山田花子"))  # fmt: skip
        uow.commit()
    refused("家族は同意者になれません")
    right = _given(admin, cid, RecipientKind.WELFARE_OFFICE)
    assert basis_for(admin, request).coverage.consent_id == right


def test_a_phone_provision_needs_consent_or_a_permitted_override(
    store: TemplateStore, admin: StaffSession
) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    call = DisclosureRequest(pid, RecipientKind.LAWYER, ["障害の状況", "帰住予定地"], ProvisionChannel.PHONE,
                             TODAY, case_id=cid, recipient_name="弁護士 佐藤")  # fmt: skip
    worker = unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS)
    try:
        with pytest.raises(PermissionDenied, match="弁護人"):
            record_disclosure(worker, call)
        with pytest.raises(PermissionDenied, match="override_consent"):  # a caseworker may not override
            record_disclosure(worker, replace(call, override_reason="本人の生命の保護"))
        _given(admin, cid, RecipientKind.LAWYER)  # Q7-6: the lawyer can be covered by a consent
        record_disclosure(worker, call)
    finally:
        worker.lock()
    record_disclosure(admin, replace(call, recipient=RecipientKind.MUNICIPALITY, method=ProvisionChannel.FAX,
                                     override_reason="援護の実施者からの照会（法令に基づく）"))  # fmt: skip
    records = list_disclosures(admin, pid)
    assert {(r.method, r.recipient) for r in records} == {
        (ProvisionChannel.PHONE, RecipientKind.LAWYER), (ProvisionChannel.FAX, RecipientKind.MUNICIPALITY)}  # fmt: skip
    fax = next(r for r in records if r.method is ProvisionChannel.FAX)
    assert fax.consent_id is None and fax.basis_text().startswith("同意によらない提供")


def test_the_center_copy_needs_no_consent_records_no_provision_and_is_marked(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    interview(admin, cid, "刑務所にて本人と面接。")
    for form_id in ("activity-log", "face-sheet"):
        result = prepare_print(admin, PrintRequest(form_id, None, cid))
        reader = PdfReader(io.BytesIO(result.pdf))
        assert all("センター控え" in (page.extract_text() or "") for page in reader.pages)
        record_print(admin, result, ProvisionChannel.PRINT)
    assert list_disclosures(admin, pid) == []
    with admin.uow(write=False) as uow:
        details = [json.loads(e.detail or "{}") for e in uow.session.execute(
            select(AuditEntry).where(AuditEntry.action == "form_printed")).scalars()]  # fmt: skip
    assert [d["form"] for d in details if d.get("internal")] == ["activity-log", "face-sheet"]


def test_the_consent_form_is_prepared_before_it_is_signed(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    scope = ConsentScope("受入先の調整のため", (RecipientKind.FACILITY, RecipientKind.MUNICIPALITY),
                         expires_on=date(2027, 3, 31))  # fmt: skip
    draft = prepare_consent(admin, cid, scope).value
    for form_id in ("consent", "consent-easy"):
        result = prepare_print(admin, PrintRequest(form_id, RecipientKind.PERSON, cid, consent_id=draft))
        text = _text(result.pdf)
        assert "受入先の調整のため" in text or form_id == "consent-easy"
        assert "市町村" in text and "令和9年3月31日" in text, form_id
        assert result.provision is None  # the paper to sign is not a provision to a third party
    assert list_consents(admin, pid)[0].state_on(TODAY) == "署名前"


def test_letters_carry_the_center_letterhead(admin: StaffSession) -> None:
    settings = load_settings(admin)
    save_settings(admin, replace(settings, center_address="東京都千代田区霞が関1-1-1",
                                 center_phone="03-0000-1111", center_fax="03-0000-2222"))  # fmt: skip
    cid = new_case(admin, new_person(admin))
    text = _text(
        prepare_print(
            admin, PrintRequest("referral", RecipientKind.FACILITY, cid, override_reason="テスト")
        ).pdf
    )
    assert "東京都千代田区霞が関1-1-1" in text and "TEL03-0000-1111" in text and "FAX03-0000-2222" in text


def test_the_register_lists_a_persons_consents_and_provisions(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    _given(admin, cid, RecipientKind.FACILITY, RecipientKind.LAWYER)
    record_disclosure(admin, DisclosureRequest(pid, RecipientKind.LAWYER, ["障害の状況"], ProvisionChannel.PHONE,
                                               TODAY, case_id=cid, recipient_name="弁護士 佐藤"))  # fmt: skip
    result = prepare_print(admin, PrintRequest("disclosure-register", None, cid))
    text = _text(result.pdf)
    for expected in (
        "第三者提供記録簿",
        "弁護士佐藤",
        "電話",
        "障害の状況",
        "同意に基づく提供",
        "有効",
        "センター控え",
    ):
        assert expected in text, expected
    with pytest.raises(InvalidInput):  # the register is internal: no recipient profile
        prepare_print(admin, PrintRequest("disclosure-register", RecipientKind.FACILITY, cid))
    last_year = (datetime(TODAY.year - 1, 1, 1), datetime(TODAY.year - 1, 12, 31, 23, 59))
    earlier = _text(
        prepare_print(admin, PrintRequest("disclosure-register", None, cid, period=last_year)).pdf
    )
    assert "弁護士佐藤" not in earlier and "(なし)" in earlier  # the register for a period


def test_a_provision_record_can_be_neither_changed_nor_removed(admin: StaffSession) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    record_disclosure(admin, DisclosureRequest(pid, RecipientKind.PERSON, ["氏名"], ProvisionChannel.MAIL, TODAY,
                                               case_id=cid))  # fmt: skip
    for statement in (update(Disclosure).values(recipient_name="改ざん"), text("DELETE FROM disclosure")):
        with pytest.raises(DatabaseError, match="disclosure records are kept"), admin.uow() as uow:
            uow.session.execute(statement)
            uow.commit()
    assert len(list_disclosures(admin, pid)) == 1


def test_a_saved_pdf_is_recorded_and_a_refused_one_leaves_no_file(
    admin: StaffSession, tmp_path: Path
) -> None:
    pid = new_person(admin)
    cid = new_case(admin, pid)
    given = _given(admin, cid, RecipientKind.FACILITY)
    result = prepare_print(admin, PrintRequest("referral", RecipientKind.FACILITY, cid))
    out = tmp_path / "referral.pdf"
    save_pdf(admin, result, path=out, password="pdf-password-1")
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.is_encrypted and reader.decrypt("pdf-password-1") != 0
    assert [r.method for r in list_disclosures(admin, pid)] == [ProvisionChannel.PDF]
    withdraw_consent(admin, given, on=TODAY)
    second = tmp_path / "again.pdf"
    with pytest.raises(PermissionDenied):
        save_pdf(admin, result, path=second, password="pdf-password-1")
    assert not second.exists() and len(list_disclosures(admin, pid)) == 1


def test_only_the_manager_and_admin_export_the_ledger_and_it_needs_the_password(
    store: TemplateStore, admin: StaffSession, tmp_path: Path
) -> None:
    new_case(admin, new_person(admin, family="山田", given="太郎"))
    clerk = unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)
    try:
        with pytest.raises(PermissionDenied):
            export_ledger(clerk, tmp_path / "clerk.xlsx", password="file-password-1")
    finally:
        clerk.lock()
    assert not (tmp_path / "clerk.xlsx").exists()
    out = tmp_path / "cases.xlsx"
    assert export_ledger(admin, out, password="file-password-1") == 1
    data = out.read_bytes()
    assert "山田".encode() not in data and "山田".encode("utf-16-le") not in data
    with pytest.raises(Exception):  # noqa: B017 - whatever openpyxl raises, it cannot read it
        load_workbook(io.BytesIO(data))
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    office.load_key(password="file-password-1")
    plain = io.BytesIO()
    office.decrypt(plain)
    sheet = load_workbook(plain)["台帳"]
    assert any("山田 太郎" in str(v) for row in sheet.iter_rows(values_only=True) for v in row)
    with pytest.raises(InvalidInput, match="CSV"):
        export_ledger(admin, tmp_path / "cases.csv", password="file-password-1")
    with admin.uow(write=False) as uow:
        entry = uow.session.execute(
            select(AuditEntry).where(AuditEntry.action == "ledger_exported").order_by(AuditEntry.seq.desc())
        ).scalars().first()  # fmt: skip
    assert entry is not None and json.loads(entry.detail or "{}")["cases"] == 1


def test_the_commands_protect_what_they_write_unless_told_plainly(
    store: TemplateStore, admin: StaffSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    cid = new_case(admin, new_person(admin))
    case_no = cases.get_case(admin, cid).case_no
    root = store.data_dir.root
    r = run_admin(monkeypatch, capsys, root, "--user", CLERK, "export-ledger", "--out", str(tmp_path / "c.xlsx"),
                  stdin=f"{CLERK_PASS}\nfile-password-1\nfile-password-1\n")  # fmt: skip
    assert r.code != 0 and "権限がありません" in r.err and not (tmp_path / "c.xlsx").exists()
    out = tmp_path / "cases.xlsx"
    r = run_admin(monkeypatch, capsys, root, "--user", ADMIN, "export-ledger", "--out", str(out),
                  stdin=f"{ADMIN_PASS}\nfile-password-1\n")  # fmt: skip
    assert r.code == 0, r.err
    assert out.read_bytes().startswith(b"\xd0\xcf\x11\xe0")  # an encrypted OLE package, not a zip
    copy = tmp_path / "copy.pdf"
    r = run_admin(monkeypatch, capsys, root, "--user", ADMIN, "print", "face-sheet", "--case", case_no,
                  "--profile", "internal", "--out", str(copy), stdin=f"{ADMIN_PASS}\npdf-password-1\n")  # fmt: skip
    assert r.code == 0, r.err
    assert PdfReader(io.BytesIO(copy.read_bytes())).is_encrypted
    plain = tmp_path / "plain.pdf"
    r = run_admin(monkeypatch, capsys, root, "--user", ADMIN, "print", "face-sheet", "--case", case_no,
                  "--profile", "internal", "--out", str(plain), "--plaintext", stdin=f"{ADMIN_PASS}\n")  # fmt: skip
    assert r.code == 0 and "暗号化されていません" in r.err
    assert not PdfReader(io.BytesIO(plain.read_bytes())).is_encrypted


def test_the_center_register_lists_every_persons_provisions_in_a_period(admin: StaffSession) -> None:
    for family, recipient in (("山田", RecipientKind.LAWYER), ("鈴木", RecipientKind.MUNICIPALITY)):
        pid = new_person(admin, family=family)
        cid = new_case(admin, pid)
        _given(admin, cid, recipient)
        record_disclosure(admin, DisclosureRequest(pid, recipient, ["氏名"], ProvisionChannel.PHONE, TODAY,
                                                   case_id=cid))  # fmt: skip
    this_month = (datetime(TODAY.year, TODAY.month, 1), datetime(TODAY.year, TODAY.month, TODAY.day, 23, 59))
    text = _text(
        prepare_print(admin, PrintRequest("disclosure-register-center", None, period=this_month)).pdf
    )
    assert (
        "山田" in text and "鈴木" in text and "弁護人" in text and "市町村" in text and "センター控え" in text
    )
    last_year = (datetime(TODAY.year - 1, 1, 1), datetime(TODAY.year - 1, 12, 31, 23, 59))
    earlier = _text(
        prepare_print(admin, PrintRequest("disclosure-register-center", None, period=last_year)).pdf
    )
    assert "山田" not in earlier and "(なし)" in earlier
    with pytest.raises(InvalidInput, match="向けに印刷できません"):
        prepare_print(admin, PrintRequest("disclosure-register-center", RecipientKind.CENTER))


def test_a_consent_naming_an_agency_covers_that_agency_only(admin: StaffSession) -> None:
    sakura = directory.save_agency(
        admin, directory.AgencyInput(AgencyKind.DISABILITY_PROVIDER, "グループホームさくら")
    ).value
    midori = directory.save_agency(
        admin, directory.AgencyInput(AgencyKind.DISABILITY_PROVIDER, "グループホームみどり")
    ).value
    pid = new_person(admin)
    cid = new_case(admin, pid)
    draft = prepare_consent(admin, cid, ConsentScope("入居の検討のため", (), agency_ids=(sakura,))).value
    sign_consent(admin, draft, Signature(TODAY))
    assert list_consents(admin, pid)[0].recipients_text() == "グループホームさくら"
    to = DisclosureRequest(pid, RecipientKind.FACILITY, ["氏名"], ProvisionChannel.EMAIL, TODAY, case_id=cid)
    record_disclosure(admin, replace(to, agency_id=sakura))
    with pytest.raises(PermissionDenied, match="範囲外"):
        record_disclosure(admin, replace(to, agency_id=midori))
    assert [r.recipient_name for r in list_disclosures(admin, pid)] == ["グループホームさくら"]
