"""The rows fiscal-year statistics are computed from: coded fields and dates only, never text."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import and_, case, distinct, func, or_, select, text
from sqlalchemy.orm import Session

from teiretsu_desktop.store.models import Activity, NetworkActivity, SupportCase


def caseload_counts(session: Session, start: date, end: date) -> dict[tuple[str, str], int]:
    """Distinct persons per business line: new, carried over, closed, open at year end — one pass in SQL."""
    person = SupportCase.person_id
    request, closure = SupportCase.request_date, SupportCase.closure_date
    columns = {
        "new": request.between(start, end),
        "carried_over": and_(request < start, or_(closure.is_(None), closure >= start)),
        "closed": closure.between(start, end),
        "open_at_year_end": and_(request <= end, or_(closure.is_(None), closure > end)),
    }
    query = (
        select(
            SupportCase.business_line,
            *(func.count(distinct(case((cond, person)))) for cond in columns.values()),
        )
        # Every column needs a case that was open at some point of the year: skip the rest early.
        .where(request <= end, or_(closure.is_(None), closure >= start))
        .group_by(SupportCase.business_line)
    )
    out: dict[tuple[str, str], int] = {}
    for line, *counts in session.execute(query).all():
        out.update({(line, name): int(n) for name, n in zip(columns, counts, strict=True)})
    return out


RETURNED_STATES = ("released", "follow_up", "closed")


def returned_groups(session: Session, start: date, end: date) -> list[tuple[str, str, str, int]]:
    """Persons who returned to a destination in the period (coordination lines), counted by
    (destination kind, age band on the 帰住日, disability kinds) — one person once, in SQL."""
    sql = text(
        """
        SELECT dest, band, kinds, count(*) FROM (
          SELECT sc.person_id,
                 min(coalesce(sc.destination_kind, '18')) AS dest,
                 CASE WHEN CAST(strftime('%Y%m%d', min(sc.release_date)) AS INTEGER)
                         - CAST(strftime('%Y%m%d', p.birth_date) AS INTEGER) >= 650000
                      THEN '65_plus' ELSE 'under_65' END AS band,
                 (SELECT group_concat(d.kind) FROM disability d WHERE d.person_id = sc.person_id) AS kinds
          FROM support_case sc JOIN person p ON p.id = sc.person_id
          WHERE sc.business_line IN ('special', 'general') AND sc.release_date BETWEEN :start AND :end
            AND sc.state IN ('released', 'follow_up', 'closed')
          GROUP BY sc.person_id
        ) GROUP BY dest, band, kinds
        """
    )
    rows = session.execute(sql, {"start": start.isoformat(), "end": end.isoformat()}).all()
    return [(str(dest), str(band), str(kinds or ""), int(n)) for dest, band, kinds, n in rows]


def follow_up_spans(session: Session, start: date, end: date) -> list[tuple[date, date | None]]:
    """(帰住日, 終結日) of cases in follow-up: closed in the period after a release, or still in
    follow-up at its end."""
    query = select(SupportCase.release_date, SupportCase.closure_date).where(
        SupportCase.release_date.is_not(None),
        or_(
            and_(SupportCase.closure_date.between(start, end), SupportCase.state == "closed",
                 SupportCase.business_line.in_(("special", "general", "follow_up"))),
            and_(SupportCase.state == "follow_up", SupportCase.release_date <= end),
        ),
    )  # fmt: skip
    return [(r, c) for r, c in session.execute(query).all() if r is not None]


def suspect_endings(session: Session, start: date, end: date) -> list[tuple[str, str | None, int]]:
    """(state, closure reason, count) of 被疑者等支援 cases that ended in the period."""
    query = (
        select(SupportCase.state, SupportCase.closure_reason, func.count())
        .where(SupportCase.business_line == "suspect", SupportCase.closure_date.between(start, end))
        .group_by(SupportCase.state, SupportCase.closure_reason)
    )
    return [(state, reason, int(n)) for state, reason, n in session.execute(query).all()]


def readmission_counts(session: Session, start: date, end: date) -> dict[str, int]:
    """特別調整: persons who returned (cohort: 帰住日) or declined (cohort: the day they declined) in the
    period, by re-admission 有/無/不明."""
    declined = and_(SupportCase.state == "declined", SupportCase.closure_date.between(start, end))
    supported = and_(SupportCase.state.in_(RETURNED_STATES), SupportCase.release_date.between(start, end))
    group = case((SupportCase.state == "declined", "declined"), else_="supported")
    query = (
        select(group, func.coalesce(SupportCase.readmission, "unknown"), func.count())
        .where(SupportCase.business_line == "special", or_(declined, supported))
        .group_by(group, func.coalesce(SupportCase.readmission, "unknown"))
    )
    return {f"{g}_{r}": int(n) for g, r, n in session.execute(query).all()}


def contacts_by_line(session: Session, start: date, end: date) -> dict[str, int]:
    """延べ contacts: activities in the period, per business line of their case.

    Counted per case from the (occurred_at, case_id) index first, then joined to the cases, so a
    year's count reads the year's index entries, not every activity."""
    per_case = (
        select(Activity.case_id, func.count().label("n"))
        .where(
            Activity.occurred_at >= datetime.combine(start, time.min),
            Activity.occurred_at <= datetime.combine(end, time.max),
        )
        .group_by(Activity.case_id)
        .subquery()
    )
    query = (
        select(SupportCase.business_line, func.sum(per_case.c.n))
        .join(per_case, per_case.c.case_id == SupportCase.id)
        .group_by(SupportCase.business_line)
    )
    return {line: int(n) for line, n in session.execute(query).all()}


def network_rows(session: Session, start: date, end: date) -> list[tuple[str, str | None, str]]:
    query = select(NetworkActivity.kind, NetworkActivity.council_kind, NetworkActivity.participants).where(
        NetworkActivity.held_on.between(start, end)
    )
    return [(k, c, p) for k, c, p in session.execute(query).all()]
