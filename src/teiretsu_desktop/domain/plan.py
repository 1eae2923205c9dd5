"""The 支援計画 / 福祉サービス等調整計画 as items (issue 17; DOMAIN §2.1 step 9): for each need, the goal,
the action, the agency and person responsible and by when — each item's status reviewed over time."""

from __future__ import annotations

from datetime import date

from teiretsu_desktop.domain.case_rules import EARLIEST, LATEST
from teiretsu_desktop.domain.codes import CodeList


class PlanStatus(CodeList):
    PLANNED = ("planned", "予定")
    IN_PROGRESS = ("in_progress", "実施中")
    DONE = ("done", "達成")
    REVISED = ("revised", "見直し")
    DROPPED = ("dropped", "中止")


TEXT_MAX = 1000


def plan_item_problems(
    need: str,
    action: str,
    due_on: date | None,
    reviewed_on: date | None,
    today: date,
    *,
    texts: tuple[str, ...] = (),
) -> list[str]:
    problems: list[str] = []
    if not need.strip():
        problems.append("ニーズ: 入力してください")
    if not action.strip():
        problems.append("支援の内容: 入力してください")
    if any(len(t) > TEXT_MAX for t in (need, action, *texts)):
        problems.append(f"各項目は{TEXT_MAX}文字までにしてください")
    if due_on is not None and not EARLIEST <= due_on <= LATEST:
        problems.append("いつまでに: 1900年から2100年までの日付にしてください")
    if reviewed_on is not None and reviewed_on > today:
        problems.append("見直し日: 今日までの日付にしてください")
    return problems
