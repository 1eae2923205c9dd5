"""The derived reminder table (store/models/reminder_index.py): what is stale, the records the rules read
for those cases and persons, writing their rows, and the dashboard's window (issue 19, ADR 0019).

The store keeps no planner statistics (ADR 0017): the lookups by id mark their other filters `unindexed`,
so that SQLite seeks each id instead of walking an index of every open case or dated record."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Integer, case, cast, delete, func, insert, or_, select

from teiretsu_desktop.domain.codes import ConsentStatus
from teiretsu_desktop.domain.workflow import OPEN_STATES
from teiretsu_desktop.store.models import (
    ApplicationSupport,
    CaseReminder,
    CaseReview,
    Certificate,
    Consent,
    Person,
    PlacementCandidate,
    ReminderAction,
    StoreMeta,
    SupportCase,
)
from teiretsu_desktop.store.models.reminder_index import reminder_due, reminder_stale
from teiretsu_desktop.store.queries.planner import unindexed

SIGNATURE_KEY = "reminder_rules"  # store_meta: the rules version and step offsets the rows were computed with
CHUNK = 500  # ids per IN (…): well under SQLite's variable limit


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def signature(conn: Connection) -> str | None:
    value = conn.execute(select(StoreMeta.value).where(StoreMeta.key == SIGNATURE_KEY)).scalar()
    return None if value is None else str(value)


def start_over(conn: Connection, new_signature: str) -> None:
    """The rules or the offsets changed (or the table is new): every row and mark goes; the caller then
    computes every open case and dated record at once."""
    conn.execute(delete(reminder_due))
    conn.execute(delete(reminder_stale))
    conn.execute(delete(StoreMeta).where(StoreMeta.key == SIGNATURE_KEY))
    conn.execute(insert(StoreMeta).values(key=SIGNATURE_KEY, value=new_signature))


def stale_subjects(conn: Connection, limit: int) -> list[str]:
    return list(conn.execute(select(reminder_stale.c.subject).limit(limit)).scalars())


# A row of reminder_due as written: subject, reminder_key, kind, due, shown_from, shown_until, title,
# case_id, person_id, business_line (dates as ISO text, as SQLAlchemy's Date stores them).
DueRow = tuple[str, str, str, str, str, str | None, str, str | None, str | None, str | None]
_INSERT = (
    "INSERT INTO reminder_due (subject, reminder_key, kind, due, shown_from, shown_until, title, case_id, "
    "person_id, business_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def replace(conn: Connection, subjects: Sequence[str], rows: list[DueRow]) -> None:
    """The subjects' rows become `rows`, and they are no longer stale. Written through the driver: a full
    recompute writes a row per reminder of every open case (200,000 at 100,000 persons)."""
    for part in _chunks(subjects):
        conn.execute(delete(reminder_due).where(reminder_due.c.subject.in_(part)))
        conn.execute(delete(reminder_stale).where(reminder_stale.c.subject.in_(part)))
    if rows:
        conn.exec_driver_sql(_INSERT, rows)


def _by_ids(conn: Connection, query: Any, column: Any, ids: Sequence[str] | None) -> list[Any]:
    """`query`'s rows for these ids of `column`, a few hundred at a time; every row when `ids` is None
    (a full recompute reads each table once, in order, instead of seeking id by id)."""
    if ids is None:
        return list(conn.execute(query).all())
    found: list[Any] = []
    for part in _chunks(ids):
        found += conn.execute(query.where(column.in_(part))).all()
    return found


def open_cases(conn: Connection, case_ids: Sequence[str] | None) -> list[Any]:
    """The dates the case rules read, of those cases (None: all) that are open, with their last review."""
    last_review = (
        select(func.max(CaseReview.reviewed_on)).where(CaseReview.case_id == SupportCase.id).scalar_subquery()
    )
    state = SupportCase.state if case_ids is None else unindexed(SupportCase.state)
    query = select(
        SupportCase.id, SupportCase.person_id, SupportCase.business_line, SupportCase.state,
        SupportCase.expected_release, SupportCase.detention_expiry, SupportCase.release_date,
        SupportCase.follow_up_planned_end, SupportCase.request_date, last_review.label("last"),
    ).where(state.in_(OPEN_STATES))  # fmt: skip
    return _by_ids(conn, query, SupportCase.id, case_ids)


def with_decided_candidate(conn: Connection, case_ids: Sequence[str] | None) -> set[str]:
    query = select(PlacementCandidate.case_id).where(PlacementCandidate.status == "decided")
    return {row.case_id for row in _by_ids(conn, query, PlacementCandidate.case_id, case_ids)}


def applications(conn: Connection, case_ids: Sequence[str] | None) -> list[Any]:
    """Applications with a 更新期限, of these cases (None: of every case)."""
    query = select(ApplicationSupport.case_id, ApplicationSupport.kind, ApplicationSupport.renew_by).where(
        unindexed(ApplicationSupport.renew_by).is_not(None)
    )
    return _by_ids(conn, query, ApplicationSupport.case_id, case_ids)


def planned(conn: Connection, case_ids: Sequence[str] | None) -> list[Any]:
    query = select(CaseReminder.case_id, CaseReminder.title, CaseReminder.due_on)
    return _by_ids(conn, query, CaseReminder.case_id, case_ids)


def consents(conn: Connection, person_ids: Sequence[str] | None) -> list[Any]:
    """Signed consents not withdrawn that lapse on a day (a draft not yet signed covers nothing to lapse)."""
    query = select(Consent.person_id, Consent.expires_on).where(
        unindexed(Consent.status) == str(ConsentStatus.GIVEN),
        unindexed(Consent.withdrawn_on).is_(None),
        unindexed(Consent.expires_on).is_not(None),
    )
    return _by_ids(conn, query, Consent.person_id, person_ids)


def certificates(conn: Connection, person_ids: Sequence[str] | None) -> list[Any]:
    query = select(Certificate.person_id, Certificate.kind, Certificate.expires_on).where(
        unindexed(Certificate.expires_on).is_not(None)
    )
    return _by_ids(conn, query, Certificate.person_id, person_ids)


def care_certifications(conn: Connection, person_ids: Sequence[str] | None) -> list[Any]:
    query = select(Person.id, Person.care_valid_until).where(unindexed(Person.care_valid_until).is_not(None))
    return _by_ids(conn, query, Person.id, person_ids)


def _window(today: date, last_day: date | None, staff_id: str | None) -> Any:
    """The reminders shown today whose day is at most `last_day`, not done nor put off past today; only the
    cases of `staff_id` (主担当 or 副担当) when given, and then no person's own reminders. Columns: id, kind,
    due, left (days from today)."""
    r = reminder_due.c
    settled = select(ReminderAction.reminder_key).where(
        ReminderAction.reminder_key == r.reminder_key,
        or_(ReminderAction.action == "done", ReminderAction.until > today),
    )
    left = cast(func.julianday(r.due) - func.julianday(today.isoformat()), Integer)
    query = select(r.id, r.kind, r.due, left.label("left")).where(
        r.shown_from <= today, or_(r.shown_until.is_(None), r.shown_until >= today), ~settled.exists()
    )
    if last_day is not None:
        query = query.where(r.due <= last_day)
    if staff_id:
        query = query.join(SupportCase, SupportCase.id == r.case_id).where(
            or_(SupportCase.primary_staff_id == staff_id, SupportCase.secondary_staff_id == staff_id)
        )
    return query.subquery("shown")


def window_counts(
    conn: Connection, today: date, last_day: date | None, staff_id: str | None
) -> tuple[int, int, int]:
    """How many reminders are in the window (see _window), how many of them overdue, how many due today."""
    shown = _window(today, last_day, staff_id)
    query = select(
        func.count(),
        func.coalesce(func.sum(case((shown.c.left < 0, 1), else_=0)), 0),
        func.coalesce(func.sum(case((shown.c.left == 0, 1), else_=0)), 0),
    ).select_from(shown)
    total, overdue, due_today = conn.execute(query).one()
    return int(total), int(overdue), int(due_today)


def most_urgent(
    conn: Connection,
    today: date,
    last_day: date | None,
    staff_id: str | None,
    limit: int | None,
    bands: tuple[tuple[int, int | None, int], ...],
    other_band: int,
    ranks: dict[str, int],
) -> list[int]:
    """Ids of the `limit` most urgent reminders in the window and of every one as urgent as the last of
    them (the name decides among equals, and names are read after). Urgency is (band, the kind's rank,
    due), with the bands and ranks of domain/reminders.py bound here."""
    shown = _window(today, last_day, staff_id)
    band = case(
        *[
            (shown.c.left >= low if high is None else shown.c.left.between(low, high), value)
            for low, high, value in bands
        ],
        else_=other_band,
    ).label("band")
    rank = case(*[(shown.c.kind == kind, value) for kind, value in ranks.items()], else_=len(ranks)).label(
        "rank"
    )
    ranked = select(shown.c.id, band, rank, shown.c.due).subquery("ranked")
    order = (ranked.c.band, ranked.c.rank, ranked.c.due)
    query = select(ranked.c.id, *order).order_by(*order)
    if limit is None:
        return list(conn.execute(query).scalars())
    first = conn.execute(query.limit(limit)).all()
    if len(first) < limit:
        return [row.id for row in first]
    last = first[-1]
    ties = select(ranked.c.id).where(
        ranked.c.band == last.band, ranked.c.rank == last.rank, ranked.c.due == last.due
    )
    return sorted({row.id for row in first} | set(conn.execute(ties).scalars()))


def rows(conn: Connection, ids: Sequence[int]) -> list[Any]:
    found: list[Any] = []
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        found += conn.execute(select(reminder_due).where(reminder_due.c.id.in_(part))).all()
    return found


def person_names(conn: Connection, person_ids: set[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for part in _chunks(sorted(person_ids)):
        query = select(Person.id, Person.family_name, Person.given_name).where(Person.id.in_(part))
        found.update({row.id: row for row in conn.execute(query)})
    return found
