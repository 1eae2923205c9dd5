"""The rows fiscal-year statistics are computed from: coded fields and dates only, never text."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import and_, case, func, or_, select, text
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.store.models import (
    Activity,
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
  WITH ep AS MATERIALIZED (
    -- Both halves read only ix_support_case_span / ix_support_case_follow_up (migration 0012), named
    -- because the store keeps no planner statistics that would find them.
    SELECT person_id, business_line AS line, coalesce(center_role, 'sole') AS role, request_date AS s,
           CASE WHEN follow_up_began IS NOT NULL AND business_line IN ('special', 'general')
                THEN coalesce(release_date, follow_up_began) ELSE closure_date END AS e
    FROM support_case INDEXED BY ix_support_case_span
    WHERE request_date <= :end AND (closure_date IS NULL OR closure_date >= :start)
    UNION ALL
    SELECT person_id, 'follow_up', coalesce(center_role, 'sole'), coalesce(release_date, follow_up_began),
           closure_date
    FROM support_case INDEXED BY ix_support_case_follow_up
    WHERE follow_up_began IS NOT NULL AND business_line IN ('special', 'general')
      AND (closure_date IS NULL OR closure_date >= :start)
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
LINES = tuple(str(line) for line in BusinessLine)


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
            FROM support_case sc INDEXED BY ix_support_case_returns
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


def follow_up_spans(session: Session, start: date, end: date) -> list[tuple[date, date | None, int]]:
    """(帰住日, 終結日, cases) of cases in follow-up: closed in the period after a release, or still in
    follow-up at its end — counted per distinct pair of dates (many cases share them)."""
    spans = text(
        """
        SELECT release_date, closure_date, count(*) FROM (
          SELECT release_date, closure_date FROM support_case INDEXED BY ix_support_case_span
          WHERE closure_date BETWEEN :start AND :end AND state = 'closed'
            AND business_line IN ('special', 'general', 'follow_up') AND release_date IS NOT NULL
          UNION ALL
          SELECT release_date, closure_date FROM support_case INDEXED BY ix_support_case_follow_up
          WHERE follow_up_began IS NOT NULL AND state = 'follow_up' AND release_date <= :end
        ) GROUP BY release_date, closure_date
        """
    )
    rows = session.execute(spans, {"start": start.isoformat(), "end": end.isoformat()}).all()
    days: dict[str, date] = {}  # the same dates come back in many pairs: each read once

    def day(text: str) -> date:
        return days.get(text) or days.setdefault(text, date.fromisoformat(text))

    return [(day(r), day(c) if c else None, int(n)) for r, c, n in rows if r]


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


def contacts_by_line(session: Session, start: date, end: date) -> tuple[dict[str, int], dict[str, int]]:
    """延べ contacts: activities in the period, per business line of their case — an activity of a
    coordination case on or after its follow-up began counts under フォローアップ.

    Each line's count is a range of the (business_line, occurred_at) index — the activity carries its
    case's line (migration 0012) — so no case is looked up per activity. The follow-up share is read
    through the (case_id, occurred_at) index for the (few) cases that entered follow-up."""
    after, before = datetime.combine(start, time.min), datetime.combine(end, time.max)
    in_year = and_(Activity.occurred_at >= after, Activity.occurred_at <= before)
    out: dict[str, int] = {}
    # Each line's count is one range of ix_activity_line_time (the line is kept on the activity).
    for line, n in session.execute(
        select(Activity.business_line, func.count())
        .where(Activity.business_line.in_(LINES), in_year)
        .group_by(Activity.business_line)
    ).all():
        out[str(line)] = int(n)
    # The 相談支援 cases' contacts by who consulted (for the consultations table): their year's
    # activities per case, then who consulted each case (read once per case, not per activity).
    by_consulter = text(
        """
        SELECT coalesce(o.kind, sc.requester), sum(pc.n)
        FROM (SELECT case_id, count(*) AS n FROM activity INDEXED BY ix_activity_line_time
              WHERE business_line = 'consultation' AND occurred_at >= :after AND occurred_at <= :before
              GROUP BY case_id) pc
        CROSS JOIN support_case sc INDEXED BY ix_support_case_requester
        LEFT JOIN (SELECT case_id, min(consulter_kind) AS kind FROM consultation
                   WHERE case_id IS NOT NULL GROUP BY case_id) o ON o.case_id = sc.id
        WHERE sc.id = pc.case_id
        GROUP BY 1
        """
    )
    stamp = "%Y-%m-%d %H:%M:%S.%f"  # as SQLAlchemy stores a DateTime in SQLite
    bounds = {"start": start.isoformat(), "end": end.isoformat(),
              "after": after.strftime(stamp), "before": before.strftime(stamp)}  # fmt: skip
    consultation_contacts: dict[str, int] = {}
    for kind, n in session.execute(by_consulter, bounds).all():
        key = str(kind or "other")
        consultation_contacts[key] = consultation_contacts.get(key, 0) + int(n)
    # The follow-up share: driven from the cases that entered follow-up (ix_support_case_follow_up),
    # then each one's year's activities on or after the day its follow-up counts from.
    moved = text(
        """
        SELECT sc.business_line, count(*)
        FROM support_case sc INDEXED BY ix_support_case_follow_up
             CROSS JOIN activity a INDEXED BY ix_activity_case_time
        WHERE sc.follow_up_began IS NOT NULL AND sc.follow_up_began <= :end
          AND sc.business_line IN ('special', 'general')
          AND (sc.closure_date IS NULL OR sc.closure_date >= :start)
          AND a.case_id = sc.id AND a.occurred_at >= :after AND a.occurred_at <= :before
          AND date(a.occurred_at) >= coalesce(sc.release_date, sc.follow_up_began)
        GROUP BY sc.business_line
        """
    )
    for line, n in session.execute(moved, bounds).all():
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
