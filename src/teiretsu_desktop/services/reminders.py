"""What is due: reminders derived from the rules for the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.reminders import (
    KIND_RANK,
    OLDER_OVERDUE_BAND,
    URGENCY_BANDS,
    Reminder,
    ReminderKind,
    StepOffsets,
    planned_problems,
    reminder_key,
    urgency,
)
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import reminder_index
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import fetch
from teiretsu_desktop.services.settings import CenterSettings, load_settings
from teiretsu_desktop.store.models import CaseReminder, ReminderAction, SupportCase
from teiretsu_desktop.store.queries import reminder_index as index
from teiretsu_desktop.store.queries import reminder_sources


@dataclass(frozen=True)
class ReminderView:
    reminder: Reminder
    person_name: str
    case_no: str | None
    days_left: int
    staff_name: str = ""  # the case's 主担当
    line: BusinessLine | None = None

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def key(self) -> str:
        return reminder_key(self.reminder)


@dataclass(frozen=True)
class ReminderPage:
    """What the dashboard shows: the most urgent `rows`, and the counts over every reminder in the window."""

    rows: list[ReminderView]
    total: int
    overdue: int
    due_today: int


KINDS = {str(kind): kind for kind in ReminderKind}


def due_reminders(
    session: StaffSession, *, today: date | None = None, mine: bool = False
) -> list[ReminderView]:
    """Every reminder shown today (from its lead time until done), soonest first."""
    return reminder_page(session, today=today, mine=mine).rows


def reminder_page(
    session: StaffSession,
    *,
    today: date | None = None,
    mine: bool = False,
    within_days: int | None = None,
    limit: int | None = None,
) -> ReminderPage:
    """The reminders shown today whose day is at most `within_days` ahead (all overdue included), the
    most urgent `limit` of them named, and the counts over all of them.

    The reminders come from the store's derived table (ADR 0019), brought up to date first in the same
    transaction; only the ones shown are named (issue 19: tens of thousands of open cases at 100,000
    persons)."""
    session.require(Permission.READ_CASES)
    day = today or date.today()
    offsets = step_offsets(load_settings(session))
    staff_id = session.actor.staff_id if mine else None
    last_day = day + timedelta(days=within_days) if within_days is not None else None
    with session.uow() as uow:
        conn = uow.session.connection()
        reminder_index.refresh(conn, offsets)
        total, overdue, due_today = index.window_counts(conn, day, last_day, staff_id)
        ranks = {str(kind): rank for kind, rank in KIND_RANK.items()}
        ids = index.most_urgent(
            conn, day, last_day, staff_id, limit, URGENCY_BANDS, OLDER_OVERDUE_BAND, ranks
        )
        views = _named(uow.session, index.rows(conn, ids), day)
        uow.commit()
    views.sort(key=lambda v: (*urgency(v.reminder, day), v.person_name, v.key))  # the key: a stable order
    return ReminderPage(views[:limit] if limit is not None else views, total, overdue, due_today)


def _named(s: Any, rows: list[Any], day: date) -> list[ReminderView]:
    """The reminders with the person's name, and for a case's the case number, its line and 主担当."""
    conn = s.connection()
    about = reminder_sources.case_labels(s, {row.case_id for row in rows if row.case_id})
    persons = index.person_names(conn, {row.person_id for row in rows if not row.case_id and row.person_id})
    views = []
    for row in rows:
        reminder = Reminder(KINDS[row.kind], row.due, row.title, row.case_id, row.person_id)
        if row.case_id:
            label = about.get(row.case_id)
            if label is None:
                continue  # the case went away meanwhile
            name = f"{label.family_name} {label.given_name}".strip()
            line = BusinessLine(row.business_line)
            views.append(
                ReminderView(
                    reminder, name, label.case_no, reminder.days_left(day), label.staff_name or "", line
                )
            )
            continue
        person = persons.get(row.person_id or "")
        if person is not None:
            name = f"{person.family_name} {person.given_name}".strip()
            views.append(ReminderView(reminder, name, None, reminder.days_left(day)))
    return views


def step_offsets(settings: CenterSettings) -> StepOffsets:
    return StepOffsets(
        settings.reminder_plan_days, settings.reminder_placement_days,
        settings.reminder_applications_days, settings.reminder_handover_days,
    )  # fmt: skip


def _act(session: StaffSession, key: str, action: str, reason: str, until: date | None) -> Outcome[None]:
    session.require(Permission.READ_CASES)
    why = reason.strip()
    if not why:
        raise InvalidInput("理由を入力してください / Give the reason.")
    if until is not None and until <= date.today():
        raise InvalidInput("後の日付にしてください / Choose a later day.")
    with session.uow() as uow:
        uow.session.add(
            ReminderAction(
                reminder_key=key[:200], action=action, until=until, reason=why[:1000],
                staff_id=session.actor.staff_id, acted_on=date.today(),
            )
        )  # fmt: skip
        kind, _, rest = key.partition(":")
        target = rest.split(":", 1)[0]
        record_change(
            session, uow, f"reminder_{action}", "reminder", target,
            {"kind": kind, **({"until": until.isoformat()} if until else {})},
        )  # fmt: skip
        uow.commit()
    return Outcome(None, Changes.of(ChangeKind.REMINDER))


def complete_reminder(session: StaffSession, key: str, reason: str) -> Outcome[None]:
    """完了: the reminder is done (what was done is the reason); it does not come back."""
    return _act(session, key, "done", reason, None)


def snooze_reminder(session: StaffSession, key: str, until: date, reason: str) -> Outcome[None]:
    """後で: the reminder is put off until `until`, with the reason."""
    return _act(session, key, "snoozed", reason, until)


def add_planned_reminder(
    session: StaffSession, case_id: str, due: date, title: str, *, activity_id: str | None = None
) -> Outcome[str]:
    """A reminder the caseworker sets on a case (「次回は12月10日」), shown on the dashboard from a week
    before; `activity_id` names the note it was taken from."""
    session.require(Permission.WRITE_CASES)
    problems = planned_problems(title, due, date.today())
    if problems:
        raise InvalidInput("予定を登録できません: " + " / ".join(problems))
    with session.uow() as uow:
        case = fetch(uow, SupportCase, case_id)
        reminder = CaseReminder(
            case_id=case.id, due_on=due, title=title.strip(), activity_id=activity_id,
            created_by=session.actor.staff_id,
        )  # fmt: skip
        uow.session.add(reminder)
        uow.session.flush()
        record_change(session, uow, "reminder_planned", "case", case.id, {"due": due.isoformat()})
        uow.commit()
        reminder_id = reminder.id
    return Outcome(reminder_id, Changes.of(ChangeKind.REMINDER, reminder_id, case=case_id))
