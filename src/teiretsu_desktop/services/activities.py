"""支援経過記録: activities, their edit history, and visit-note drafts saved as they are typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import Changes, Outcome
from teiretsu_desktop.services.lookup import check_revision, fetch
from teiretsu_desktop.store.models import (
    Activity,
    ActivityRevision,
    NoteDraft,
    Staff,
    SupportCase,
    new_id,
    utc_now,
)


@dataclass(frozen=True)
class ActivityInput:
    occurred_at: datetime
    kind: ActivityKind
    narrative: str
    place: str | None = None
    counterpart: str | None = None
    duration_min: int | None = None
    staff_id: str | None = None  # defaults to the acting staff member


@dataclass(frozen=True)
class ActivityView:
    id: str
    case_id: str
    occurred_at: datetime
    kind: ActivityKind
    place: str | None
    counterpart: str | None
    staff_name: str | None
    narrative: str | None  # None when the reader may not see narratives
    duration_min: int | None
    edited: bool
    revision: int


def _check(data: ActivityInput) -> None:
    if data.duration_min is not None and not 0 <= data.duration_min <= 24 * 60:
        raise InvalidInput("所要時間は0〜1440分です / Duration must be 0-1440 minutes.")


def record_activity(session: StaffSession, case_id: str, data: ActivityInput) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    _check(data)
    with session.uow() as uow:
        fetch(uow, SupportCase, case_id)
        activity = Activity(
            case_id=case_id,
            occurred_at=data.occurred_at,
            kind=str(data.kind),
            place=data.place,
            counterpart=data.counterpart,
            staff_id=data.staff_id or session.actor.staff_id,
            narrative=data.narrative,
            duration_min=data.duration_min,
        )
        uow.session.add(activity)
        uow.session.flush()
        record_change(session, uow, "activity_recorded", "activity", activity.id, {"case": case_id})
        uow.commit()
    return Outcome(activity.id, Changes.of("activity", activity.id) | Changes.of("case", case_id))


def edit_activity(
    session: StaffSession, activity_id: str, data: ActivityInput, *, expected_revision: int
) -> Outcome[str]:
    """Change an entry; the text it had is kept in its history, never overwritten."""
    session.require(Permission.WRITE_CASES)
    _check(data)
    with session.uow() as uow:
        activity = fetch(uow, Activity, activity_id)
        check_revision(activity.revision, expected_revision)
        if data.narrative != activity.narrative:
            uow.session.add(
                ActivityRevision(
                    activity_id=activity.id,
                    revision_no=activity.revision,
                    narrative=activity.narrative,
                    replaced_at=utc_now(),
                    replaced_by=session.actor.staff_id,
                )
            )
        activity.occurred_at = data.occurred_at
        activity.kind = str(data.kind)
        activity.place = data.place
        activity.counterpart = data.counterpart
        activity.narrative = data.narrative
        activity.duration_min = data.duration_min
        record_change(session, uow, "activity_edited", "activity", activity.id, {"case": activity.case_id})
        uow.commit()
        case_id = activity.case_id
    return Outcome(activity_id, Changes.of("activity", activity_id) | Changes.of("case", case_id))


def list_activities(
    session: StaffSession, case_id: str, *, start: datetime | None = None, end: datetime | None = None
) -> list[ActivityView]:
    """Oldest first. Narratives are shown only to roles that may read them (not 事務)."""
    session.require(Permission.READ_CASES)
    show = session.can(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        edited = set(
            uow.session.execute(
                select(ActivityRevision.activity_id)
                .join(Activity, Activity.id == ActivityRevision.activity_id)
                .where(Activity.case_id == case_id)
            ).scalars()
        )
        query = (
            select(Activity, Staff.display_name)
            .outerjoin(Staff, Staff.id == Activity.staff_id)
            .where(Activity.case_id == case_id)
            .order_by(Activity.occurred_at, Activity.id)
        )
        if start:
            query = query.where(Activity.occurred_at >= start)
        if end:
            query = query.where(Activity.occurred_at <= end)
        return [
            ActivityView(
                a.id,
                a.case_id,
                a.occurred_at,
                ActivityKind(a.kind),
                a.place,
                a.counterpart,
                name,
                a.narrative if show else None,
                a.duration_min,
                a.id in edited,
                a.revision,
            )
            for a, name in uow.session.execute(query)
        ]


def activity_history(session: StaffSession, activity_id: str) -> list[tuple[int, str, str]]:
    """(revision, replaced_at, earlier text), oldest first."""
    session.require(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        rows = uow.session.execute(
            select(ActivityRevision.revision_no, ActivityRevision.replaced_at, ActivityRevision.narrative)
            .where(ActivityRevision.activity_id == activity_id)
            .order_by(ActivityRevision.revision_no)
        ).all()
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


@dataclass(frozen=True)
class DraftView:
    case_id: str
    kind: ActivityKind
    place: str | None
    text: str
    saved_at: str


# -- drafts -----------------------------------------------------------------------------------


def save_draft(
    session: StaffSession, case_id: str, *, kind: ActivityKind, place: str | None, text: str
) -> None:
    """Called as the note is typed (debounced by the GUI). Not audited per keystroke: a draft is the
    author's own unfinished text; the activity it becomes is audited."""
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        draft = uow.session.execute(
            select(NoteDraft).where(
                NoteDraft.case_id == case_id, NoteDraft.staff_id == session.actor.staff_id
            )
        ).scalar()
        if draft is None:
            draft = NoteDraft(
                id=new_id(),
                case_id=case_id,
                staff_id=session.actor.staff_id,
                kind=str(kind),
                text="",
                saved_at=utc_now(),
            )
            uow.session.add(draft)
        draft.kind, draft.place, draft.text, draft.saved_at = str(kind), place, text, utc_now()
        uow.commit()


def load_draft(session: StaffSession, case_id: str) -> DraftView | None:
    session.require(Permission.WRITE_CASES)
    with session.uow(write=False) as uow:
        draft = uow.session.execute(
            select(NoteDraft).where(
                NoteDraft.case_id == case_id, NoteDraft.staff_id == session.actor.staff_id
            )
        ).scalar()
        return (
            DraftView(draft.case_id, ActivityKind(draft.kind), draft.place, draft.text, draft.saved_at)
            if draft
            else None
        )


def discard_draft(session: StaffSession, case_id: str) -> None:
    session.require(Permission.WRITE_CASES)
    with session.uow() as uow:
        uow.session.execute(
            delete(NoteDraft).where(
                NoteDraft.case_id == case_id, NoteDraft.staff_id == session.actor.staff_id
            )
        )
        uow.commit()


def commit_draft(session: StaffSession, case_id: str, *, occurred_at: datetime) -> Outcome[str]:
    """Turn the draft into an activity and remove the draft."""
    draft = load_draft(session, case_id)
    if draft is None or not draft.text.strip():
        raise InvalidInput("保存するメモがありません / There is no note to save.")
    outcome = record_activity(
        session,
        case_id,
        ActivityInput(occurred_at=occurred_at, kind=draft.kind, narrative=draft.text, place=draft.place),
    )
    discard_draft(session, case_id)
    return outcome
