"""受入先調整: each candidate's attempts (打診, 見学, 体験利用, 回答), dated, with the outcome and its reason
(issue 17; DOMAIN §2.1). The candidate's status follows its latest attempt; 決定 stays a separate act
(one decided candidate per case, domain/workflow's 受入先決定)."""

from __future__ import annotations

from datetime import date

from teiretsu_desktop.domain.codes import CandidateStatus, CodeList


class PlacementStep(CodeList):
    OFFER = ("offer", "打診")
    TOUR = ("tour", "見学")
    TRIAL = ("trial", "体験利用")
    ANSWER = ("answer", "回答")


ANSWERS = (CandidateStatus.ACCEPTABLE, CandidateStatus.REFUSED)


def attempt_problems(
    step: PlacementStep, on: date | None, outcome: CandidateStatus | None, reason: str | None, today: date
) -> list[str]:
    problems: list[str] = []
    if on is None:
        problems.append("日付: 入力してください")
    elif on > today:
        problems.append("日付: まだ来ていない日は記録できません (予定は支援経過の「記録の日付を予定に」で)")
    if step is PlacementStep.ANSWER and outcome not in ANSWERS:
        problems.append("結果: 回答には「受入可」か「不可」を選んでください")
    if step is not PlacementStep.ANSWER and outcome is not None:
        problems.append("結果: 結果は「回答」のときに選びます")
    if outcome is CandidateStatus.REFUSED and not (reason or "").strip():
        problems.append("理由: 「不可」の理由を入力してください (次の候補探しに使います)")
    return problems


def status_after(step: PlacementStep, outcome: CandidateStatus | None) -> CandidateStatus:
    """The candidate's status once this attempt is recorded."""
    if step is PlacementStep.ANSWER and outcome is not None:
        return outcome
    return (
        CandidateStatus.TOUR if step in (PlacementStep.TOUR, PlacementStep.TRIAL) else CandidateStatus.ASKING
    )
