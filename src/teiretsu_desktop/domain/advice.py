"""Advice during selection (指針 第4 4(1), seed): while a 矯正施設 or 保護観察所 is selecting someone as a
特別調整対象者 — or a 検察庁, 弁護士会 or 保護観察所 a 重点実施予定者 — the centre advises it, from a welfare
point of view, on the inquiries and arrangements needed. This is the centre's work with the agencies
(第4 4, the network), not a case: it opens no case and counts in no caseload. It is counted as advice,
apart, in the year's report of the centre, and when the person is later referred, the advice is linked
to that case (its timeline shows it)."""

from __future__ import annotations

from datetime import date

from teiretsu_desktop.domain.case_rules import EARLIEST
from teiretsu_desktop.domain.codes import CodeList


class SelectionStage(CodeList):
    SPECIAL = ("special", "特別調整対象者の選定")
    PRIORITY = ("priority", "重点実施予定者の選定 (被疑者等支援)")


SUBJECT_MAX = 60  # how the agency calls the person: 称呼番号, initials — not a registration
TEXT_MAX = 4000


def advice_problems(
    advised_on: date | None, stage: str | None, has_agency: bool, advice: str, subject: str, today: date
) -> list[str]:
    problems: list[str] = []
    if advised_on is None:
        problems.append("助言した日: 入力してください")
    elif advised_on > today:
        problems.append("助言した日: 今日までの日付にしてください")
    elif advised_on < EARLIEST:
        problems.append("助言した日: 1900年からの日付にしてください")
    if not stage:
        problems.append("選定の段階: 選んでください")
    if not has_agency:
        problems.append("助言した機関: 関係機関から選ぶか、名称を入力してください")
    if not advice.strip():
        problems.append("助言の内容: 入力してください")
    elif len(advice) > TEXT_MAX:
        problems.append(f"助言の内容: {TEXT_MAX}文字までにしてください")
    if len(subject) > SUBJECT_MAX:
        problems.append(f"対象者の呼び方: {SUBJECT_MAX}文字までにしてください (称呼番号・イニシャル等)")
    return problems
