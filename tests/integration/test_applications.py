"""Issue 17 (申請支援): two applications of one kind are two lines; each keeps its own dates, and an
更新期限 becomes a reminder."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from teiretsu_desktop.domain.codes import ApplicationKind, ApplicationStatus, BusinessLine
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.reminders import ReminderKind
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import coordination
from teiretsu_desktop.services.reminders import due_reminders
from tests.helpers.casework import new_case, new_person

TODAY = date.today()


def test_two_certificates_do_not_overwrite_each_other(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin), BusinessLine.SPECIAL, request_date=TODAY - timedelta(days=30))
    ryoiku = coordination.set_application(
        admin, cid, ApplicationKind.CERTIFICATE, status=ApplicationStatus.APPLIED, applied_on=TODAY - timedelta(days=20),
        note="療育手帳",
    ).value  # fmt: skip
    coordination.set_application(
        admin,
        cid,
        ApplicationKind.CERTIFICATE,
        status=ApplicationStatus.PREPARING,
        note="精神障害者保健福祉手帳",
    )
    lines = coordination.list_applications(admin, cid)
    assert sorted(a.note or "" for a in lines) == ["療育手帳", "精神障害者保健福祉手帳"]
    coordination.set_application(
        admin, cid, ApplicationKind.CERTIFICATE, status=ApplicationStatus.GRANTED, applied_on=TODAY - timedelta(days=20),
        decided_on=TODAY - timedelta(days=5), issued_on=TODAY - timedelta(days=3), renew_by=TODAY + timedelta(days=40),
        note="療育手帳", application_id=ryoiku,
    )  # fmt: skip
    by_note = {a.note: a for a in coordination.list_applications(admin, cid)}
    assert (
        by_note["療育手帳"].status is ApplicationStatus.GRANTED and by_note["療育手帳"].issued_on is not None
    )
    assert by_note["精神障害者保健福祉手帳"].status is ApplicationStatus.PREPARING  # untouched
    renewals = [
        v for v in due_reminders(admin, today=TODAY) if v.reminder.kind is ReminderKind.APPLICATION_RENEWAL
    ]
    assert [v.reminder.due for v in renewals] == [TODAY + timedelta(days=40)]
    assert renewals[0].case_no and renewals[0].reminder.title == "障害者手帳の更新"


def test_the_kinds_staff_asked_for_and_dates_in_order(admin: StaffSession) -> None:
    labels = ApplicationKind.labels()
    for kind in ("後期高齢者医療", "自立支援医療", "成年後見の申立", "日常生活自立支援事業"):
        assert kind in labels
    cid = new_case(admin, new_person(admin), BusinessLine.GENERAL, request_date=TODAY - timedelta(days=30))
    with pytest.raises(InvalidInput, match="交付日"):
        coordination.set_application(
            admin, cid, ApplicationKind.INDEPENDENCE_MEDICAL, status=ApplicationStatus.GRANTED,
            applied_on=TODAY, issued_on=TODAY - timedelta(days=1),
        )  # fmt: skip
