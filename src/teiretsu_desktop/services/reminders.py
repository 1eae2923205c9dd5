"""What is due: reminders derived from the rules for the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from teiretsu_desktop.domain.codes import BusinessLine, CertificateKind
from teiretsu_desktop.domain.reminders import (
    LEAD,
    CaseDates,
    Reminder,
    ReminderKind,
    care_reminder,
    case_reminders,
    certificate_reminder,
    consent_reminder,
    is_shown,
)
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.store.queries import reminder_sources


@dataclass(frozen=True)
class ReminderView:
    reminder: Reminder
    person_name: str
    case_no: str | None
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def due_reminders(
    session: StaffSession, *, today: date | None = None, mine: bool = False
) -> list[ReminderView]:
    """Every reminder shown today (from its lead time until done), soonest first."""
    session.require(Permission.READ_CASES)
    day = today or date.today()
    found: list[ReminderView] = []
    with session.uow(write=False) as uow:
        s = uow.session
        for row in reminder_sources.open_case_rows(s, day, session.actor.staff_id if mine else None):
            dates = CaseDates(
                case_id=row.id,
                person_id=row.person_id,
                business_line=BusinessLine(row.business_line),
                state=CaseState(row.state),
                expected_release=row.expected_release,
                detention_expiry=row.detention_expiry,
                release_date=row.release_date,
                follow_up_planned_end=row.follow_up_planned_end,
                last_review=row.last,
            )
            name = f"{row.family_name} {row.given_name}".strip()
            found += [
                ReminderView(r, name, row.case_no, r.days_left(day))
                for r in case_reminders(dates)
                if is_shown(r, day)
            ]
        if not mine:
            lead = LEAD[ReminderKind.CONSENT_EXPIRY].days
            for row in reminder_sources.expiring_consents(s, day, lead):
                r = consent_reminder(row.person_id, row.expires_on)
                found.append(
                    ReminderView(r, f"{row.family_name} {row.given_name}".strip(), None, r.days_left(day))
                )
            lead = LEAD[ReminderKind.CERTIFICATE_RENEWAL].days
            for row in reminder_sources.expiring_certificates(s, day, lead):
                r = certificate_reminder(row.person_id, CertificateKind(row.kind), row.expires_on)
                found.append(
                    ReminderView(r, f"{row.family_name} {row.given_name}".strip(), None, r.days_left(day))
                )
            lead = LEAD[ReminderKind.CARE_CERTIFICATION].days
            for row in reminder_sources.expiring_care_certifications(s, day, lead):
                r = care_reminder(row.id, row.care_valid_until)
                found.append(
                    ReminderView(r, f"{row.family_name} {row.given_name}".strip(), None, r.days_left(day))
                )
    found.sort(key=lambda v: (v.reminder.due, v.person_name))
    return found
