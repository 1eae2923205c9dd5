"""The structured アセスメント (issue 17; DOMAIN §2.1 step 8): what the centre learned of the person, item
by item, with the person's wishes in their own words. Each save is a new version (an assessment is
revised as the person is seen again); earlier versions stay readable."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

ASSESSMENT_ITEMS: tuple[tuple[str, str], ...] = (
    ("life_history", "生活歴"),
    ("health", "健康状態・診断・服薬"),
    ("disability", "障害と手帳"),
    ("care", "介護度・障害支援区分"),
    ("income", "収入・年金・生活保護"),
    ("housing", "住まい"),
    ("family", "家族・支援者"),
    ("risks", "リスク (再犯につながりやすい状況を含む)"),
    ("strengths", "本人の強み"),
    ("wishes", "本人の希望 (本人の言葉で)"),
)
ITEM_KEYS = tuple(key for key, _label in ASSESSMENT_ITEMS)
ITEM_MAX = 4000


def assessment_problems(items: Mapping[str, str], written_on: date | None, today: date) -> list[str]:
    problems: list[str] = []
    unknown = set(items) - set(ITEM_KEYS)
    if unknown:
        problems.append("項目: " + "、".join(sorted(unknown)) + " はアセスメントの項目ではありません")
    if not any((items.get(key) or "").strip() for key in ITEM_KEYS):
        problems.append("アセスメント: 少なくとも一つの項目を書いてください")
    for key, label in ASSESSMENT_ITEMS:
        if len(items.get(key) or "") > ITEM_MAX:
            problems.append(f"{label}: {ITEM_MAX}文字までにしてください")
    if written_on is None:
        problems.append("実施日: 入力してください")
    elif written_on > today:
        problems.append("実施日: 今日までの日付にしてください")
    return problems
