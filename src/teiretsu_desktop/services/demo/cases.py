"""Synthetic cases, with dates consistent with their state, and the records that hang off them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from teiretsu_desktop.domain.advice import SelectionStage
from teiretsu_desktop.domain.case_rules import check_case, record_of
from teiretsu_desktop.domain.codes import (
    ActivityKind,
    AgencyKind,
    ApplicationKind,
    ApplicationStatus,
    BusinessLine,
    CandidateStatus,
    ClosureReason,
    DestinationKind,
    ProvisionChannel,
    RecipientKind,
    Requester,
    ReviewDecision,
    SentenceKind,
)
from teiretsu_desktop.domain.eligibility import SpecialRequirement
from teiretsu_desktop.domain.episodes import EpisodeFacts, EpisodeLink, link_problems
from teiretsu_desktop.domain.meetings import MeetingKind, SharedItem
from teiretsu_desktop.domain.placement import PlacementStep
from teiretsu_desktop.domain.plan import PlanStatus
from teiretsu_desktop.domain.wareki import add_months, fiscal_year
from teiretsu_desktop.domain.workflow import PRE_RELEASE, CaseState
from teiretsu_desktop.services.demo.generator import (
    LINE_WEIGHTS,
    NARRATIVES,
    PATH_BEFORE,
    STATE_WEIGHTS,
    Gen,
    record,
)
from teiretsu_desktop.services.demo.names import (
    DETENTION,
    FACILITIES,
    FACILITY_WORDS,
    MEN_ONLY,
    PRISONS,
    WOMEN_ONLY,
    YOUNG_ONLY,
)
from teiretsu_desktop.store.models import utc_now

S = CaseState
RELEASED = (S.RELEASED, S.FOLLOW_UP, S.CLOSED)
DAYS_TO_RELEASE = {
    S.RECEIVED: (100, 220),
    S.ASSESSMENT: (80, 200),
    S.PLANNING: (50, 150),
    S.PLACEMENT: (25, 100),
    S.PLACEMENT_DECIDED: (-3, 40),
}
OFFENCES = ("窃盗", "詐欺(無銭飲食)", "住居侵入", "傷害", "器物損壊")


@dataclass
class CaseRows:
    cases: list[dict[str, Any]] = field(default_factory=list)
    states: list[dict[str, Any]] = field(default_factory=list)
    activities: list[dict[str, Any]] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    applications: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    attempts: list[dict[str, Any]] = field(default_factory=list)
    reminders: list[dict[str, Any]] = field(default_factory=list)
    plan_items: list[dict[str, Any]] = field(default_factory=list)
    assessments: list[dict[str, Any]] = field(default_factory=list)
    requirements: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    attendees: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    disclosures: list[dict[str, Any]] = field(default_factory=list)
    advice: list[dict[str, Any]] = field(default_factory=list)


def _custody(
    g: Gen, case: dict[str, Any], line: BusinessLine, state: CaseState, request: date, person: dict[str, Any]
) -> None:
    if line is BusinessLine.CONSULTATION:
        return
    case["facility_name"] = g.r.choice(
        facilities_for(person.get("sex"), person.get("birth_date"), request, line)
    )
    case["sentence_kind"] = str(
        g.r.choice([SentenceKind.CHOEKI, SentenceKind.CHOEKI, SentenceKind.KOUKIN, SentenceKind.KINKO])
    )
    case["offence"] = g.r.choice(OFFENCES)
    if line.is_coordination:
        if state in PRE_RELEASE:
            # The further a case has come, the nearer its release: a demo dashboard has things due
            # without every early step being overdue.
            low, high = DAYS_TO_RELEASE[state]
            release = g.today + timedelta(days=g.r.randint(low, high))
        else:
            release = request + timedelta(days=g.r.randint(90, 300))
        case["expected_release"] = release
        case["sentence_end"] = release + timedelta(days=g.r.randint(0, 60))
    if line is BusinessLine.SUSPECT:
        in_custody = state in PRE_RELEASE
        case["detention_expiry"] = (
            g.today + timedelta(days=g.r.randint(0, 20)) if in_custody else request + timedelta(days=20)
        )
        case["lawyer_name"] = g.r.choice(["弁護士 田村 誠", "弁護士 小野 恵子", None])


def _outcome(g: Gen, case: dict[str, Any], line: BusinessLine, state: CaseState, request: date) -> None:
    if state in RELEASED and line is not BusinessLine.CONSULTATION:
        release_day = min(g.today - timedelta(days=1), request + timedelta(days=g.r.randint(20, 240)))
        case["release_date"] = release_day
        kind = g.r.choice([d for d in DestinationKind if d is not DestinationKind.UNDECIDED])
        case["destination_kind"] = str(kind)
        case["destination_name"] = f"{kind.label}{g.r.choice(FACILITY_WORDS)}"
    if state is S.RELEASED_UNPLACED:
        case["release_date"] = min(g.today, request + timedelta(days=g.r.randint(20, 200)))
    if not state.is_open:
        base = case.get("release_date") or request
        case["closure_date"] = min(g.today, base + timedelta(days=g.r.randint(10, 400)))
        if state is S.CLOSED:
            reasons = [ClosureReason.SETTLED] * 5 + [
                ClosureReason.TO_CONSULTATION,
                ClosureReason.NO_LONGER_NEEDED,
                ClosureReason.REIMPRISONED,
            ]
            case["closure_reason"] = str(g.r.choice(reasons))
            if line.is_coordination and "destination_kind" not in case:
                case["destination_kind"] = str(DestinationKind.HOME)
        readmission = g.weighted([("unknown", 5), ("no", 4), ("yes", 1)])
        case["readmission"] = readmission
        if readmission == "yes":
            after = case.get("release_date") or case["request_date"]
            case["readmission_date"] = max(case["closure_date"], after + timedelta(days=1))
            case["readmission_source"] = "保護観察所からの連絡"
    if state is S.FOLLOW_UP and g.r.random() < 0.5:
        case["follow_up_planned_end"] = case["release_date"] + timedelta(days=g.r.randint(90, 500))


def facilities_for(
    sex: str | None, birth: date | None, on: date, line: BusinessLine = BusinessLine.SPECIAL
) -> tuple[str, ...]:
    """Where this person can be held: a suspect in a 拘置所 or police cell, a sentenced person in a
    刑事施設 (never a police cell); a women's prison for women, a 少年刑務所 only for young men."""
    young = birth is not None and (on - birth).days < 26 * 365
    places = DETENTION if line is BusinessLine.SUSPECT else PRISONS
    return tuple(
        f
        for f in FACILITIES
        if f in places
        and (f not in WOMEN_ONLY or sex == "f")
        and (f not in MEN_ONLY or sex != "f")
        and (f not in YOUNG_ONLY or young)
    )


def case_row(
    g: Gen, person: dict[str, Any], numbers: dict[int, int], open_lines: set[str]
) -> tuple[dict[str, Any], CaseState]:
    """One case of `person`. A person has at most one open case per business line (`open_lines`, the
    lines already open, is updated)."""
    person_id = person["id"]
    line: BusinessLine = g.weighted(LINE_WEIGHTS)
    state: CaseState = g.weighted(STATE_WEIGHTS[line])
    if state.is_open and str(line) in open_lines:
        state = g.weighted([(s, w) for s, w in STATE_WEIGHTS[line] if not s.is_open])
    if state.is_open:
        open_lines.add(str(line))
    if state in (S.RELEASED, S.FOLLOW_UP):
        request = g.day(640, 60)  # released some time ago, still supported
    else:
        request = g.day(60, 3) if state.is_open else g.day(1400, 120)
    fy = fiscal_year(request)
    numbers[fy] = numbers.get(fy, 0) + 1
    targets = {BusinessLine.SUSPECT: "4-2", BusinessLine.CONSULTATION: "4-3"}  # 実施要領 4 (1)(2)(3)
    target = targets.get(line, "4-1")
    case = record(
        g,
        case_no=f"{fy}-{numbers[fy]:05d}",
        person_id=person_id,
        business_line=str(line),
        state=str(state),
        center_role=g.r.choice(["sole", "sole", "location", "return_area"]) if line.is_coordination else None,
        requester=str(
            Requester.PROBATION if line is not BusinessLine.CONSULTATION else g.r.choice(list(Requester))
        ),
        request_date=request,
        primary_staff_id=g.r.choice(g.staff),
        secondary_staff_id=g.r.choice(g.staff) if g.r.random() < 0.4 else None,
        readmission="unknown",
        target_category=target,
    )
    probation = g.offices.get(str(AgencyKind.PROBATION))
    if line.is_coordination and probation:  # the 協力依頼 came from this office
        case["requester_agency_id"] = probation[0][0]
    _custody(g, case, line, state, request, person)
    _outcome(g, case, line, state, request)
    # Demo data goes through the same validator as what staff type: a demo case is a consistent case.
    check_case(record_of(line, state, case))
    return case, state


def _history(g: Gen, case: dict[str, Any], state: CaseState, rows: CaseRows) -> None:
    path = [*PATH_BEFORE.get(state, [S.RECEIVED]), state] if state is not S.RECEIVED else [S.RECEIVED]
    path = list(dict.fromkeys(path))
    request: date = case["request_date"]
    for index, step in enumerate(path):
        rows.states.append(
            {
                "case_id": case["id"],
                "from_state": str(path[index - 1]) if index else None,
                "to_state": str(step),
                "changed_on": request + timedelta(days=index * 7),
                "changed_at": utc_now(),
                "staff_id": case["primary_staff_id"],
            }
        )


def _activities(g: Gen, case: dict[str, Any], state: CaseState, per_case: float, rows: CaseRows) -> None:
    request: date = case["request_date"]
    count = int(g.r.expovariate(1 / per_case)) if per_case else 0
    if state is not S.RECEIVED:
        count = max(1, count)  # a case past 依頼受理 has had its first interview
    span = max(1, ((case.get("closure_date") or g.today) - request).days)
    for i in range(count):
        day = request + timedelta(days=g.r.randint(0, span))
        at = datetime.combine(day, datetime.min.time()) + timedelta(
            hours=g.r.randint(9, 17), minutes=g.r.choice([0, 15, 30, 45])
        )
        kind = ActivityKind.INTERVIEW if i == 0 else g.r.choice(list(ActivityKind))
        rows.activities.append(
            record(
                g,
                case_id=case["id"],
                occurred_at=at,
                kind=str(kind),
                place=case.get("facility_name") if kind is ActivityKind.INTERVIEW else None,
                staff_id=case["primary_staff_id"],
                narrative=g.r.choice(NARRATIVES[kind]),
                duration_min=g.r.choice([15, 30, 60, 90]),
            )
        )


def _consent(g: Gen, case: dict[str, Any], rows: CaseRows) -> dict[str, Any]:
    rows.consents.append(
        record(
            g,
            person_id=case["person_id"],
            case_id=case["id"],
            purpose="福祉サービス等の利用調整のため関係機関へ情報提供すること",
            recipients=json.dumps(["welfare-office", "facility", "medical", "probation", "center"]),
            method=g.r.choice(["written", "easy"]),
            given_on=case["request_date"] + timedelta(days=7),
            given_by="self",
            expires_on=g.today + timedelta(days=g.r.randint(-30, 700)) if g.r.random() < 0.5 else None,
        )
    )
    return rows.consents[-1]


def _coordination(g: Gen, case: dict[str, Any], state: CaseState, rows: CaseRows) -> None:
    request: date = case["request_date"]
    decided = state is not S.PLACEMENT
    for j in range(g.r.randint(1, 3)):
        kind = g.r.choice(list(DestinationKind)[:15])
        others = [CandidateStatus.ASKING, CandidateStatus.TOUR, CandidateStatus.REFUSED]
        status = CandidateStatus.DECIDED if decided and j == 0 else g.r.choice(others)
        name = f"{kind.label}{g.r.choice(FACILITY_WORDS)}"
        if status is CandidateStatus.DECIDED and case.get("destination_name"):
            name = case["destination_name"]
        candidate = record(
            g,
            case_id=case["id"],
            name=name,
            destination_kind=str(kind),
            status=str(status),
            contacted_on=request + timedelta(days=30),
        )
        rows.candidates.append(candidate)
        _attempts(g, candidate, status, rows)
    applications = [
        ApplicationKind.PUBLIC_ASSISTANCE,
        ApplicationKind.CERTIFICATE,
        ApplicationKind.CARE_CERTIFICATION,
        ApplicationKind.RESIDENCE_REGISTRATION,
    ]
    finished = (ApplicationStatus.GRANTED, ApplicationStatus.REJECTED, ApplicationStatus.NOT_NEEDED)
    for app_kind in g.r.sample(applications, k=2):
        app_status = g.r.choice(list(ApplicationStatus))
        rows.applications.append(
            record(
                g,
                case_id=case["id"],
                kind=str(app_kind),
                status=str(app_status),
                applied_on=request + timedelta(days=40) if app_status is not ApplicationStatus.TODO else None,
                done=app_status in finished,
            )
        )


PLANS = ("次回面会", "受入先と電話で打合せ", "受診同行", "福祉事務所で申請同行")
REFUSALS = ("空きがない", "医療的ケアに対応できない", "夜間の支援体制がない", "本人が希望しなかった")


def _attempts(g: Gen, candidate: dict[str, Any], status: CandidateStatus, rows: CaseRows) -> None:
    """The dated steps that led to the candidate's status (打診 → 見学 → 回答), in the past."""
    day: date = candidate["contacted_on"]
    steps: list[tuple[PlacementStep, CandidateStatus | None, str | None]] = [
        (PlacementStep.OFFER, None, None)
    ]
    if status is not CandidateStatus.ASKING:
        steps.append((PlacementStep.TOUR, None, None))
    if status in (CandidateStatus.ACCEPTABLE, CandidateStatus.DECIDED):
        steps.append((PlacementStep.ANSWER, CandidateStatus.ACCEPTABLE, None))
    if status is CandidateStatus.REFUSED:
        steps.append((PlacementStep.ANSWER, CandidateStatus.REFUSED, g.r.choice(REFUSALS)))
    for step, outcome, reason in steps:
        if day > g.today:
            break
        rows.attempts.append(
            record(
                g, candidate_id=candidate["id"], step=str(step), happened_on=day,
                outcome=str(outcome) if outcome else None, reason=reason,
            )
        )  # fmt: skip
        day += timedelta(days=g.r.randint(5, 20))


def _reviews(g: Gen, case: dict[str, Any], line: BusinessLine, rows: CaseRows) -> None:
    """Reviews a diligent center has held: every 6 months for 被疑者等支援, yearly for follow-up."""
    months = 6 if line is BusinessLine.SUSPECT else 12
    due = add_months(case["release_date"], months)
    while due <= g.today - timedelta(days=g.r.randint(5, 40)):
        rows.reviews.append(
            record(
                g,
                case_id=case["id"],
                reviewed_on=due,
                decision=str(ReviewDecision.CONTINUE),
                note="継続して支援",
            )
        )
        due = add_months(due, months)


def case_children(g: Gen, case: dict[str, Any], state: CaseState, per_case: float, rows: CaseRows) -> None:
    line = BusinessLine(case["business_line"])
    _history(g, case, state, rows)
    if state is S.FOLLOW_UP and case.get("release_date"):
        _reviews(g, case, line, rows)
    _activities(g, case, state, per_case, rows)
    consent = None
    if state is not S.RECEIVED and line is not BusinessLine.CONSULTATION:
        consent = _consent(g, case, rows)
    if line.is_coordination and state in (S.PLACEMENT, S.PLACEMENT_DECIDED, *RELEASED):
        _coordination(g, case, state, rows)
        if consent is not None:
            _meeting(g, case, state, consent, rows)
    if line is not BusinessLine.CONSULTATION and state not in (S.RECEIVED, S.ASSESSMENT):
        _assessment_and_plan(g, case, line, rows)
    prisons = g.offices.get(str(AgencyKind.CORRECTIONAL))
    if line is BusinessLine.SPECIAL and prisons and g.r.random() < 0.2:  # advised while it selected them
        office_id, office_name = prisons[0]
        rows.advice.append(
            record(g, advised_on=case["request_date"] - timedelta(days=g.r.randint(10, 40)),
                   stage=str(SelectionStage.SPECIAL), agency_id=office_id, agency_name=office_name,
                   subject=f"称呼番号 {g.r.randint(1000, 9999)}", advice=g.r.choice(ADVICE),
                   case_id=case["id"], staff_id=case["primary_staff_id"])
        )  # fmt: skip
    if state.is_open and g.r.random() < 0.1:  # a visit or call the caseworker planned (予定)
        title = g.r.choice(PLANS)
        due = g.today + timedelta(days=g.r.randint(1, 20))
        rows.reminders.append(
            record(g, case_id=case["id"], due_on=due, title=title, created_by=case["primary_staff_id"])
        )


ADVICE = ("療育手帳の取得歴を市に照会するよう助言した", "精神科の受診歴を確認するよう助言した",
          "帰住予定地の福祉事務所への事前相談を勧めた")  # fmt: skip
DECISIONS = ("受入先の見学日を決める", "生活保護の申請に同行する", "退所後の受診先を確保する")


def _meeting(g: Gen, case: dict[str, Any], state: CaseState, consent: dict[str, Any], rows: CaseRows) -> None:
    """A ケース会議 during the coordination: the welfare office of the directory attended (a 提供記録
    under the case's consent, as the service writes it), and a decision — a reminder when still ahead."""
    held = min(case["request_date"] + timedelta(days=35), g.today - timedelta(days=1))
    shared = [str(SharedItem.IDENTITY), str(SharedItem.DISABILITY), str(SharedItem.PLAN)]
    meeting = record(
        g, case_id=case["id"], kind=str(MeetingKind.CASE_CONFERENCE), held_on=held, place=case.get("facility_name"),
        agenda="帰住先と福祉サービスの調整", summary="受入先の候補と申請の段取りを確認した。",
        shared_items=json.dumps(shared), person_present=g.r.random() < 0.5, center_attendees="担当相談員",
        staff_id=case["primary_staff_id"],
    )  # fmt: skip
    rows.meetings.append(meeting)
    expires = consent.get("expires_on")
    offices = g.offices.get(str(AgencyKind.WELFARE_OFFICE), [])
    if offices and consent["given_on"] <= held and (expires is None or held <= expires):
        office_id, office_name = g.r.choice(offices)
        disclosure = {
            "id": g.uuid(), "disclosed_at": utc_now(), "provided_on": held, "person_id": case["person_id"],
            "case_id": case["id"], "recipient_kind": str(RecipientKind.WELFARE_OFFICE), "recipient_name": office_name,
            "agency_id": office_id, "items": json.dumps([SharedItem(i).label for i in shared], ensure_ascii=False),
            "consent_id": consent["id"], "override_reason": None, "form_id": None,
            "method": str(ProvisionChannel.MEETING), "staff_id": case["primary_staff_id"],
        }  # fmt: skip
        rows.disclosures.append(disclosure)
        rows.attendees.append(
            record(g, meeting_id=meeting["id"], agency_id=office_id, organisation=office_name,
                   recipient_kind=str(RecipientKind.WELFARE_OFFICE), name="ケースワーカー", disclosure_id=disclosure["id"])
        )  # fmt: skip
    due = g.today + timedelta(days=g.r.randint(2, 25)) if state.is_open else held + timedelta(days=14)
    text = g.r.choice(DECISIONS)
    reminder_id = None
    if due >= g.today:
        reminder = record(g, case_id=case["id"], due_on=due, title=f"ケース会議の決定: {text}",
                          created_by=case["primary_staff_id"])  # fmt: skip
        rows.reminders.append(reminder)
        reminder_id = reminder["id"]
    rows.decisions.append(
        record(g, meeting_id=meeting["id"], position=1, text=text, responsible="担当相談員", due_on=due,
               reminder_id=reminder_id)
    )  # fmt: skip


ASSESSMENT_TEXT = {
    "life_history": "中学卒業後、建設業や清掃の仕事を転々とした。",
    "health": "高血圧で服薬中。",
    "family": "きょうだいとは長く連絡を取っていない。",
    "risks": "所持金が尽きると万引きに至りやすい。",
    "wishes": "「静かな所で暮らしたい」",
}
PLAN_ITEMS = (
    ("住まいがない", "退所日に入居できる", "グループホームの見学と申込"),
    ("収入がない", "生活保護を受けて暮らせる", "福祉事務所での申請に同行"),
    ("服薬の継続", "通院先が決まっている", "受診先の確保と同行"),
)


def _assessment_and_plan(g: Gen, case: dict[str, Any], line: BusinessLine, rows: CaseRows) -> None:
    """What a case past its assessment holds (issue 17): one アセスメント, for coordination a plan of
    items, and for 特別調整 the six requirements as confirmed from the 協力依頼."""
    request: date = case["request_date"]
    written = min(request + timedelta(days=g.r.randint(5, 20)), g.today)
    rows.assessments.append(
        record(g, case_id=case["id"], version=1, written_on=written, staff_id=case["primary_staff_id"],
               items=json.dumps(ASSESSMENT_TEXT, ensure_ascii=False))
    )  # fmt: skip
    if not line.is_coordination:
        return
    for position, (need, goal, action) in enumerate(PLAN_ITEMS[: g.r.randint(2, 3)], start=1):
        rows.plan_items.append(
            record(g, case_id=case["id"], position=position, need=need, goal=goal, action=action,
                   status=str(g.r.choice(list(PlanStatus)[:3])), due_on=written + timedelta(days=60))
        )  # fmt: skip
    if line is BusinessLine.SPECIAL:
        for requirement in SpecialRequirement:
            rows.requirements.append(
                record(g, case_id=case["id"], requirement=str(requirement), met=True, checked_on=request,
                       source="特別調整協力等依頼書", staff_id=case["primary_staff_id"])
            )  # fmt: skip


def link_episodes(cases: list[dict[str, Any]]) -> None:
    """Link one person's demo cases as staff would (issue 17): a coordination that follows a 被疑者等支援,
    or a new referral after a re-admission recorded on the earlier case — only where the rules allow."""
    ordered = sorted(cases, key=lambda c: (c["request_date"], c["case_no"]))
    for i, later in enumerate(ordered):
        for earlier in reversed(ordered[:i]):
            facts = [_episode_facts(c) for c in (earlier, later)]
            if earlier["readmission"] == "yes" and earlier.get("readmission_date"):
                kind, readmitted = EpisodeLink.READMISSION, earlier["readmission_date"]
            elif earlier["business_line"] == str(BusinessLine.SUSPECT):
                kind, readmitted = EpisodeLink.ENTRY_TO_EXIT, None
            else:
                continue
            if not link_problems(facts[0], facts[1], kind, readmitted_on=readmitted):
                later["follows_case_id"], later["follows_kind"] = earlier["id"], str(kind)
                break


def _episode_facts(case: dict[str, Any]) -> EpisodeFacts:
    return EpisodeFacts(
        case["id"], case["case_no"], case["person_id"], BusinessLine(case["business_line"]), case["request_date"],
        case.get("release_date"), case["readmission"], case.get("readmission_date"),
    )  # fmt: skip
