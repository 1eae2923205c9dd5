"""The rows fiscal-year statistics are computed from: coded fields and dates only, never text."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Subquery, and_, case, exists, func, literal, or_, select, text, union_all
from sqlalchemy.orm import Session

from teiretsu_desktop.store.models import (
    Activity,
    CaseStateChange,
    Consultation,
    NetworkActivity,
    SupportCase,
)

# A coordination case that goes on after the 帰住 is フォローアップ業務 from its 帰住日 (DOMAIN §10.1): the
# seed counts コーディネート and フォローアップ as separate lines. So each case is one or two episodes: its
# own line from the 依頼日 (to the 帰住日 when follow-up followed, else to its 終結日), and — if it entered
# フォローアップ中 — a follow-up episode from the 帰住日 to its 終結日. 被疑者等支援 is never split (Q7-19).
CASELOAD_COLUMNS = ("new", "carried_over", "closed", "open_at_year_end")


def caseload_counts(session: Session, start: date, end: date) -> dict[tuple[str, str, str], int]:
    """Distinct persons per line (role "*") and, for コーディネート, per (line, centre role): new (episode
    began in the year), carried over (began before and open on 1 April), closed (ended in the year),
    open at year end — in one statement."""
    sql = text(
        """
  WITH fu AS MATERIALIZED (
    SELECT case_id, min(changed_on) AS began FROM case_state_change
    WHERE to_state = 'follow_up' GROUP BY case_id
  ),
  ep AS MATERIALIZED (
    SELECT sc.person_id, sc.business_line AS line, coalesce(sc.center_role, 'sole') AS role,
           sc.request_date AS s,
           CASE WHEN (fu.case_id IS NOT NULL OR sc.state = 'follow_up')
                     AND sc.business_line IN ('special', 'general')
                THEN coalesce(sc.release_date, fu.began) ELSE sc.closure_date END AS e
    FROM support_case sc LEFT JOIN fu ON fu.case_id = sc.id
    WHERE sc.request_date <= :end AND (sc.closure_date IS NULL OR sc.closure_date >= :start)
    UNION ALL
    -- Follow-up episodes, driven from the (few) cases that entered follow-up: CROSS JOIN keeps SQLite
    -- from scanning every coordination case instead.
    SELECT sc.person_id, 'follow_up', coalesce(sc.center_role, 'sole'),
           coalesce(sc.release_date, f.began), sc.closure_date
    FROM (SELECT case_id, began FROM fu
          UNION ALL
          SELECT id, NULL FROM support_case WHERE state = 'follow_up' AND id NOT IN (SELECT case_id FROM fu)
         ) f CROSS JOIN support_case sc
    WHERE sc.id = f.case_id AND sc.business_line IN ('special', 'general')
      AND (sc.closure_date IS NULL OR sc.closure_date >= :start)
  )
        SELECT line, role,
               count(DISTINCT CASE WHEN s BETWEEN :start AND :end THEN person_id END),
               count(DISTINCT CASE WHEN s < :start AND (e IS NULL OR e >= :start) THEN person_id END),
               count(DISTINCT CASE WHEN e BETWEEN :start AND :end THEN person_id END),
               count(DISTINCT CASE WHEN s <= :end AND (e IS NULL OR e > :end) THEN person_id END)
        FROM ep WHERE s <= :end AND (e IS NULL OR e >= :start) AND line IN ('special', 'general')
        GROUP BY line, role
        UNION ALL
        SELECT line, '*',
               count(DISTINCT CASE WHEN s BETWEEN :start AND :end THEN person_id END),
               count(DISTINCT CASE WHEN s < :start AND (e IS NULL OR e >= :start) THEN person_id END),
               count(DISTINCT CASE WHEN e BETWEEN :start AND :end THEN person_id END),
               count(DISTINCT CASE WHEN s <= :end AND (e IS NULL OR e > :end) THEN person_id END)
        FROM ep WHERE s <= :end AND (e IS NULL OR e >= :start)
        GROUP BY line
        """
    )
    out: dict[tuple[str, str, str], int] = {}
    for line, role, *counts in session.execute(
        sql, {"start": start.isoformat(), "end": end.isoformat()}
    ).all():
        for name, n in zip(CASELOAD_COLUMNS, counts, strict=True):
            out[(str(line), str(role), name)] = int(n)
    return out


RETURNED_STATES = ("released", "follow_up", "closed")


def returned_groups(session: Session, start: date, end: date) -> list[tuple[str, str, str, int]]:
    """Persons who left a 矯正施設 and returned (帰住) in the period on a coordination line, counted by
    (residence at release, age band on the 帰住日, disability kinds known by the period's end) — each
    person once, with their first return (DOMAIN §10.3–10.5):
    - the residence is the one fixed at the release, not the current one;
    - 未定・不明 is 帰住先未定, not a return;
    - a 広域調整 case counts at the 帰住地 centre only (the 所在地 centre's case is left out);
    - no birth date is 年齢不明, never 65歳未満."""
    sql = text(
        """
        SELECT dest, band, kinds, count(*) FROM (
          SELECT r.person_id, r.dest,
                 CASE WHEN p.birth_date IS NULL THEN 'unknown'
                      WHEN CAST(strftime('%Y%m%d', r.released) AS INTEGER)
                         - CAST(strftime('%Y%m%d', p.birth_date) AS INTEGER) >= 650000 THEN '65_plus'
                      ELSE 'under_65' END AS band,
                 (SELECT group_concat(d.kind) FROM disability d
                  WHERE d.person_id = r.person_id AND (d.identified_on IS NULL OR d.identified_on <= :end)
                 ) AS kinds
          FROM (
            SELECT sc.person_id, sc.release_date AS released,
                   coalesce(sc.release_destination_kind, sc.destination_kind, '18') AS dest,
                   row_number() OVER (PARTITION BY sc.person_id ORDER BY sc.release_date, sc.id) AS nth
            FROM support_case sc
            WHERE sc.business_line IN ('special', 'general') AND sc.release_date BETWEEN :start AND :end
              AND sc.state IN ('released', 'follow_up', 'closed')
              AND coalesce(sc.center_role, 'sole') <> 'location'
              AND coalesce(sc.release_destination_kind, sc.destination_kind, '18') <> '18'
          ) r JOIN person p ON p.id = r.person_id
          WHERE r.nth = 1
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


def readmission_counts(session: Session, start: date, end: date) -> dict[tuple[str, str], int]:
    """特別調整: persons who left the 刑事施設 in the period — supported (returned) or declined (辞退) — by
    re-admission 有/無/不明, with re-admissions by the period's end and by the end of the following
    calendar year (犯罪白書's "within 2 years"). The cohort is the day they left (DOMAIN §10.8): the 帰住日,
    or for a decliner the recorded release date (else the expected one)."""
    left = func.coalesce(SupportCase.release_date, SupportCase.expected_release)
    declined = and_(SupportCase.state == "declined", left.between(start, end))
    supported = and_(SupportCase.state.in_(RETURNED_STATES), SupportCase.release_date.between(start, end))
    group = case((SupportCase.state == "declined", "declined"), else_="supported")
    status = func.coalesce(SupportCase.readmission, "unknown")
    readmitted = and_(status == "yes", SupportCase.readmission_date.is_not(None))
    next_year_end = date(end.year + 1, 12, 31) if start.month == 1 else date(end.year, 12, 31)
    query = (
        select(
            group,
            status,
            func.count(),
            func.sum(case((and_(readmitted, SupportCase.readmission_date <= end), 1), else_=0)),
            func.sum(case((and_(readmitted, SupportCase.readmission_date <= next_year_end), 1), else_=0)),
        )
        .where(SupportCase.business_line == "special", or_(declined, supported))
        .group_by(group, status)
    )
    out: dict[tuple[str, str], int] = {}
    for g, r, n, in_period, by_next in session.execute(query).all():
        out[(f"{g}_{r}", "persons")] = int(n)
        if r == "yes":
            out[(f"{g}_{r}", "by_period_end")] = int(in_period or 0)
            out[(f"{g}_{r}", "by_next_year_end")] = int(by_next or 0)
    return out


def _follow_up_began() -> Subquery:
    """Cases that entered フォローアップ中, with the day they did (None if not recorded): read from the
    to_state index, plus cases in follow-up whose history has no such entry (imported). Callers keep
    the coordination lines (a follow-up line case is in follow-up from its start)."""
    recorded = (
        select(CaseStateChange.case_id.label("case_id"), func.min(CaseStateChange.changed_on).label("began"))
        .where(CaseStateChange.to_state == "follow_up")
        .group_by(CaseStateChange.case_id)
    )
    unrecorded = select(SupportCase.id.label("case_id"), literal(None).label("began")).where(
        SupportCase.state == "follow_up",
        ~exists().where(CaseStateChange.case_id == SupportCase.id, CaseStateChange.to_state == "follow_up"),
    )
    return union_all(recorded, unrecorded).subquery()


def contacts_by_line(session: Session, start: date, end: date) -> tuple[dict[str, int], dict[str, int]]:
    """延べ contacts: activities in the period, per business line of their case — an activity of a
    coordination case on or after its follow-up began counts under フォローアップ.

    Counted per case from the (occurred_at, case_id) index first, then joined to the cases, so a
    year's count reads the year's index entries, not every activity. The follow-up share is then read
    through the (case_id, occurred_at) index for the (few) cases that entered follow-up."""
    after, before = datetime.combine(start, time.min), datetime.combine(end, time.max)
    per_case = (
        select(Activity.case_id, func.count().label("n"))
        .where(Activity.occurred_at >= after, Activity.occurred_at <= before)
        .group_by(Activity.case_id)
        .subquery()
    )
    origin = (  # who consulted, for a case that a consultation led to (read once, not per activity)
        select(Consultation.case_id, func.min(Consultation.consulter_kind).label("kind"))
        .where(Consultation.case_id.is_not(None))
        .group_by(Consultation.case_id)
        .subquery()
    )
    # The same pass gives the 相談支援 cases' contacts by who consulted (for the consultations table).
    consulter = case(
        (SupportCase.business_line == "consultation", func.coalesce(origin.c.kind, SupportCase.requester)),
        else_=None,
    )
    query = (
        select(SupportCase.business_line, consulter, func.sum(per_case.c.n))
        .select_from(per_case)
        .join(SupportCase, per_case.c.case_id == SupportCase.id)
        .outerjoin(origin, origin.c.case_id == SupportCase.id)
        .group_by(SupportCase.business_line, consulter)
    )
    out: dict[str, int] = {}
    consultation_contacts: dict[str, int] = {}
    for line, who, n in session.execute(query).all():
        out[str(line)] = out.get(str(line), 0) + int(n)
        if line == "consultation":
            key = str(who or "other")
            consultation_contacts[key] = consultation_contacts.get(key, 0) + int(n)
    began = _follow_up_began()
    follow_up_from = func.coalesce(SupportCase.release_date, began.c.began)
    moved = (
        select(SupportCase.business_line, func.count())
        .select_from(began)
        .join(SupportCase, SupportCase.id == began.c.case_id)
        .join(Activity, Activity.case_id == began.c.case_id)
        .where(
            # ifnull() keeps SQLite from driving this join from every coordination case through the
            # line index: the few cases in follow-up come first, then their year's activities.
            func.ifnull(SupportCase.business_line, "").in_(("special", "general")),
            Activity.occurred_at >= after,
            Activity.occurred_at <= before,
            func.date(Activity.occurred_at) >= follow_up_from,
        )
        .group_by(SupportCase.business_line)
    )
    for line, n in session.execute(moved).all():
        out[str(line)] = out.get(str(line), 0) - int(n)
        out["follow_up"] = out.get("follow_up", 0) + int(n)
    return out, consultation_contacts


def consultation_counts(
    session: Session, start: date, end: date, case_contacts: dict[str, int]
) -> dict[tuple[str, str], int]:
    """相談支援: every consultation received in the period (anonymous and one-off included) by who
    consulted, and 延べ回数 — the consultations plus the contacts of the 相談支援 cases they led to
    (`case_contacts`, from `contacts_by_line`)."""
    received = (
        select(Consultation.consulter_kind, func.count())
        .where(
            Consultation.received_at >= datetime.combine(start, time.min),
            Consultation.received_at <= datetime.combine(end, time.max),
        )
        .group_by(Consultation.consulter_kind)
    )
    out: dict[tuple[str, str], int] = {}
    for kind, n in session.execute(received).all():
        out[(str(kind), "consultations")] = int(n)
        out[(str(kind), "contacts")] = int(n)
    for who, n in case_contacts.items():
        out[(who, "contacts")] = out.get((who, "contacts"), 0) + n
    return out


NetworkRow = tuple[str, str | None, str, bool, str | None, str | None, bool]


def network_rows(session: Session, start: date, end: date) -> list[NetworkRow]:
    """(kind, council kind, participants JSON, hosted, scope, exclusion, already developed) per event."""
    query = select(
        NetworkActivity.kind, NetworkActivity.council_kind, NetworkActivity.participants, NetworkActivity.hosted,
        NetworkActivity.scope, NetworkActivity.exclusion, NetworkActivity.already_developed,
    ).where(NetworkActivity.held_on.between(start, end))  # fmt: skip
    return [(k, c, p, bool(h), s, x, bool(d)) for k, c, p, h, s, x, d in session.execute(query).all()]
