"""Case states and the transition rules of each business line (DOMAIN §2).

A case is one episode of support. Every line moves forward through its own main path; the side exits
(辞退, 取下げ, 死亡, 移管, 未定のまま退所) end it early. A transition that the rules do not allow, or
whose prerequisites are missing, is refused with TransitionRefused naming what is still needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from teiretsu_desktop.domain.codes import BusinessLine, CodeList
from teiretsu_desktop.domain.errors import InvalidInput


class CaseState(CodeList):
    RECEIVED = ("received", "依頼受理")
    ASSESSMENT = ("assessment", "面接・アセスメント中")
    PLANNING = ("planning", "調整計画作成")
    PLACEMENT = ("placement", "受入先調整中")
    PLACEMENT_DECIDED = ("placement_decided", "受入先決定")
    RELEASED = ("released", "退所(帰住)・釈放")
    FOLLOW_UP = ("follow_up", "フォローアップ中")
    CLOSED = ("closed", "終結")
    DECLINED = ("declined", "辞退")
    WITHDRAWN = ("withdrawn", "取下げ")
    DIED = ("died", "死亡")
    TRANSFERRED = ("transferred", "他センターへ移管")
    RELEASED_UNPLACED = ("released_unplaced", "帰住先未定のまま退所")

    @property
    def is_open(self) -> bool:
        return self not in TERMINAL


S = CaseState
TERMINAL = frozenset({S.CLOSED, S.DECLINED, S.WITHDRAWN, S.DIED, S.TRANSFERRED, S.RELEASED_UNPLACED})
SIDE_EXITS = (S.DECLINED, S.WITHDRAWN, S.DIED, S.TRANSFERRED)
PRE_RELEASE = frozenset({S.RECEIVED, S.ASSESSMENT, S.PLANNING, S.PLACEMENT, S.PLACEMENT_DECIDED})
# 進行中: what the case list shows by default (every state that is not an end).
OPEN_STATES = tuple(str(s) for s in CaseState if s not in TERMINAL)

_COORDINATION_PATH: dict[CaseState, tuple[CaseState, ...]] = {
    S.RECEIVED: (S.ASSESSMENT,),
    S.ASSESSMENT: (S.PLANNING,),
    S.PLANNING: (S.PLACEMENT, S.RELEASED),
    S.PLACEMENT: (S.PLACEMENT_DECIDED,),
    S.PLACEMENT_DECIDED: (S.RELEASED,),
    S.RELEASED: (S.FOLLOW_UP, S.CLOSED),
    S.FOLLOW_UP: (S.CLOSED,),
}

MAIN_PATHS: dict[BusinessLine, dict[CaseState, tuple[CaseState, ...]]] = {
    # 特別調整 exists to find a placement, so it always goes through 受入先調整 and 受入先決定.
    BusinessLine.SPECIAL: {**_COORDINATION_PATH, S.PLANNING: (S.PLACEMENT,)},
    BusinessLine.GENERAL: _COORDINATION_PATH,
    BusinessLine.SUSPECT: _COORDINATION_PATH,
    BusinessLine.FOLLOW_UP: {S.RECEIVED: (S.FOLLOW_UP,), S.FOLLOW_UP: (S.CLOSED,)},
    BusinessLine.CONSULTATION: {S.RECEIVED: (S.ASSESSMENT, S.CLOSED), S.ASSESSMENT: (S.CLOSED,)},
}

_UNPLACED_RELEASE_LINES = frozenset({BusinessLine.SPECIAL, BusinessLine.GENERAL, BusinessLine.SUSPECT})


def _reachable(line: BusinessLine) -> frozenset[CaseState]:
    path = MAIN_PATHS[line]
    return frozenset(path) | frozenset(s for targets in path.values() for s in targets)


# Moves back that happen in reality (DOMAIN §10.11); each needs its reason, which the history keeps.
MOVES_BACK: dict[CaseState, tuple[CaseState, ...]] = {
    S.PLACEMENT_DECIDED: (S.PLACEMENT,),  # the decided placement fell through
}


# Support that goes on after an ending (DOMAIN §10.11): the person released without a destination who
# keeps in touch is followed up in the community. The ending's 終結日 is cleared; the reason is kept.
CONTINUES_AFTER: dict[CaseState, tuple[CaseState, ...]] = {
    S.RELEASED_UNPLACED: (S.FOLLOW_UP,),
}


def needs_reason(current: CaseState, target: CaseState) -> bool:
    return target in MOVES_BACK.get(current, ()) or target in CONTINUES_AFTER.get(current, ())


def allowed_next(line: BusinessLine, state: CaseState) -> tuple[CaseState, ...]:
    if state in CONTINUES_AFTER and line in _UNPLACED_RELEASE_LINES:
        return CONTINUES_AFTER[state]
    if not state.is_open or state not in _reachable(line):
        return ()
    nexts = list(MAIN_PATHS[line].get(state, ()))
    if line.is_coordination:
        nexts += [s for s in MOVES_BACK.get(state, ()) if s not in nexts]
    exits: list[CaseState] = [S.WITHDRAWN, S.DIED, S.TRANSFERRED]
    if line is not BusinessLine.CONSULTATION and state in PRE_RELEASE:
        exits.insert(0, S.DECLINED)
    if line in _UNPLACED_RELEASE_LINES and state in PRE_RELEASE:
        # Also after a decision: the person may be released before the placement can take them.
        exits.append(S.RELEASED_UNPLACED)
    if line is BusinessLine.SUSPECT and state in PRE_RELEASE:
        # 被疑者等支援 ends with its outcome (起訴猶予, 実刑 …) from whatever stage it had reached.
        exits.insert(0, S.CLOSED)
    return tuple(nexts + [e for e in exits if e not in nexts])


@dataclass(frozen=True)
class CaseFacts:
    """What the transition rules look at. Built by the services from the stored case."""

    business_line: BusinessLine
    state: CaseState
    has_primary_staff: bool
    interview_count: int
    episode_consent: bool  # a consent given for this episode, by the person or a legal representative
    has_decided_candidate: bool
    release_date: date | None
    destination_kind: str | None
    closure_date: date | None
    closure_reason: str | None


class TransitionRefused(InvalidInput):
    def __init__(self, target: CaseState, missing: list[str]) -> None:
        self.target = target
        self.missing = missing
        super().__init__(
            f"「{target.label}」にできません。必要なもの: "
            + "、".join(missing)
            + f" / Cannot move to {target.value}."
        )


def missing_for(facts: CaseFacts, target: CaseState) -> list[str]:
    """What the rules still need before `target`; empty when the transition may happen."""
    if target not in allowed_next(facts.business_line, facts.state):
        allowed = (
            "・".join(s.label for s in allowed_next(facts.business_line, facts.state)) or "なし(終了済み)"
        )
        return [f"「{facts.state.label}」から「{target.label}」へは進めません (次にできること: {allowed})"]
    line = facts.business_line
    missing: list[str] = []
    if not facts.has_primary_staff:
        missing.append("主担当")
    if target is S.PLANNING:
        if facts.interview_count < 1:
            missing.append("本人との面接記録")
        if not facts.episode_consent:
            missing.append("この支援についての有効な同意（本人または法定代理人）")
    if target is S.PLACEMENT_DECIDED and not facts.has_decided_candidate:
        missing.append("「決定」の受入先候補")
    if target in (S.RELEASED, S.FOLLOW_UP, S.RELEASED_UNPLACED) and facts.release_date is None:
        missing.append("帰住日・釈放日")
    if target is S.RELEASED and facts.destination_kind is None:
        missing.append("帰住先の種別")
    if target in TERMINAL and facts.closure_date is None:
        missing.append("終結日")
    if target is S.CLOSED:
        if facts.closure_reason is None:
            missing.append("終結理由")
        if line.is_coordination and facts.destination_kind is None:
            missing.append("帰住先の種別")
    return missing


def check_transition(facts: CaseFacts, target: CaseState) -> None:
    missing = missing_for(facts, target)
    if missing:
        raise TransitionRefused(target, missing)
