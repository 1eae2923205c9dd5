"""特別調整's six requirements (DOMAIN §2.1; 平成21年4月17日 法務省保観第244号): all must hold for a person to
be selected, and the centre records each one it has confirmed — met or not, on which day, from which
document (issue 17). Criterion 6 is the legal basis for everything the centre receives."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from teiretsu_desktop.domain.codes import CodeList


class SpecialRequirement(CodeList):
    AGE_OR_DISABILITY = ("age_disability", "1 高齢(概ね65歳以上)または身体・知的・精神の障害がある")
    NO_RESIDENCE = ("no_residence", "2 釈放後の適当な住居がない")
    NEEDS_WELFARE = ("needs_welfare", "3 高齢または障害により福祉サービス等が必要")
    PO_APPROPRIATE = ("po_appropriate", "4 保護観察所長が特別調整を相当と認めた")
    WANTS = ("wants", "5 本人が特別調整を希望している")
    CONSENTS_TO_SHARING = ("consents_sharing", "6 福祉関係機関等への個人情報の提供に本人が同意している")


def requirement_problems(
    met: bool | None, checked_on: date | None, source: str | None, today: date
) -> list[str]:
    problems: list[str] = []
    if met is None:
        problems.append("確認結果: 満たす・満たさないを選んでください")
    if checked_on is None:
        problems.append("確認日: 入力してください")
    elif checked_on > today:
        problems.append("確認日: 今日までの日付にしてください")
    if source is not None and len(source) > 200:
        problems.append("根拠資料: 200文字までにしてください")
    return problems


def unconfirmed(checked: Mapping[SpecialRequirement, bool]) -> list[SpecialRequirement]:
    """The requirements not (yet) confirmed as met, in their order."""
    return [r for r in SpecialRequirement if not checked.get(r, False)]
