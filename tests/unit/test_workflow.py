"""Every legal transition of every business line, and the refusal of illegal ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.workflow import (
    MAIN_PATHS,
    SIDE_EXITS,
    TERMINAL,
    CaseFacts,
    CaseState,
    TransitionRefused,
    allowed_next,
    check_transition,
    missing_for,
)

S = CaseState
READY = CaseFacts(
    business_line=BusinessLine.SPECIAL,
    state=S.RECEIVED,
    has_primary_staff=True,
    interview_count=1,
    episode_consent=True,
    has_decided_candidate=True,
    release_date=date(2024, 6, 1),
    destination_kind="08",
    closure_date=date(2025, 6, 1),
    closure_reason="settled",
)

HAPPY_PATHS = {
    BusinessLine.SPECIAL: [
        S.ASSESSMENT,
        S.PLANNING,
        S.PLACEMENT,
        S.PLACEMENT_DECIDED,
        S.RELEASED,
        S.FOLLOW_UP,
        S.CLOSED,
    ],
    BusinessLine.GENERAL: [S.ASSESSMENT, S.PLANNING, S.RELEASED, S.FOLLOW_UP, S.CLOSED],
    BusinessLine.SUSPECT: [S.ASSESSMENT, S.PLANNING, S.RELEASED, S.FOLLOW_UP, S.CLOSED],
    BusinessLine.FOLLOW_UP: [S.FOLLOW_UP, S.CLOSED],
    BusinessLine.CONSULTATION: [S.ASSESSMENT, S.CLOSED],
}


@pytest.mark.parametrize("line", list(BusinessLine))
def test_every_main_path_transition_is_legal_when_its_facts_are_present(line: BusinessLine) -> None:
    for state, targets in MAIN_PATHS[line].items():
        for target in targets:
            facts = replace(READY, business_line=line, state=state)
            assert missing_for(facts, target) == [], (line, state, target)
    facts = replace(READY, business_line=line)
    for target in HAPPY_PATHS[line]:
        check_transition(facts, target)
        facts = replace(facts, state=target)
    assert facts.state is S.CLOSED


@pytest.mark.parametrize("line", list(BusinessLine))
def test_side_exits_from_every_open_state(line: BusinessLine) -> None:
    for state in set(MAIN_PATHS[line]) - TERMINAL:
        nexts = allowed_next(line, state)
        for exit_state in (S.WITHDRAWN, S.DIED, S.TRANSFERRED):
            assert exit_state in nexts
            check_transition(replace(READY, business_line=line, state=state), exit_state)
        assert (S.DECLINED in nexts) == (
            line is not BusinessLine.CONSULTATION
            and state in {S.RECEIVED, S.ASSESSMENT, S.PLANNING, S.PLACEMENT, S.PLACEMENT_DECIDED}
        )


@pytest.mark.parametrize("line", list(BusinessLine))
def test_illegal_transitions_are_refused(line: BusinessLine) -> None:
    for state in CaseState:
        allowed = set(allowed_next(line, state))
        for target in CaseState:
            if target in allowed:
                continue
            with pytest.raises(TransitionRefused, match="進めません"):
                check_transition(replace(READY, business_line=line, state=state), target)


def test_terminal_states_allow_nothing_but_support_after_an_unplaced_release() -> None:
    for line in BusinessLine:
        for state in TERMINAL:
            # A person released without a destination may still be followed up (DOMAIN §10.11).
            expected = (S.FOLLOW_UP,) if state is S.RELEASED_UNPLACED and line.is_coordination else ()
            if state is S.RELEASED_UNPLACED and line is BusinessLine.SUSPECT:
                expected = (S.FOLLOW_UP,)
            assert allowed_next(line, state) == expected, (line, state)


def test_special_coordination_cannot_skip_placement() -> None:
    assert S.RELEASED not in allowed_next(BusinessLine.SPECIAL, S.PLANNING)
    assert S.RELEASED in allowed_next(BusinessLine.GENERAL, S.PLANNING)


def test_refusals_say_what_is_missing() -> None:
    facts = replace(
        READY, state=S.ASSESSMENT, interview_count=0, episode_consent=False, has_primary_staff=False
    )
    with pytest.raises(TransitionRefused) as refused:
        check_transition(facts, S.PLANNING)
    assert refused.value.missing == [
        "主担当",
        "本人との面接記録",
        "この支援についての有効な同意（本人または法定代理人）",
    ]
    facts = replace(READY, state=S.PLACEMENT, has_decided_candidate=False)
    assert missing_for(facts, S.PLACEMENT_DECIDED) == ["「決定」の受入先候補"]
    facts = replace(READY, state=S.PLACEMENT_DECIDED, release_date=None, destination_kind=None)
    assert missing_for(facts, S.RELEASED) == ["帰住日・釈放日", "帰住先の種別"]
    facts = replace(READY, state=S.FOLLOW_UP, closure_date=None, closure_reason=None)
    assert missing_for(facts, S.CLOSED) == ["終結日", "終結理由"]
    for exit_state in SIDE_EXITS:
        assert missing_for(replace(READY, state=S.ASSESSMENT, closure_date=None), exit_state) == ["終結日"]
