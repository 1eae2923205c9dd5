"""The seeded random source and the weights that shape demo data."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

from teiretsu_desktop.domain.codes import ActivityKind, BusinessLine
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.store.models import utc_now

S = CaseState

LINE_WEIGHTS = [
    (BusinessLine.SPECIAL, 30),
    (BusinessLine.GENERAL, 12),
    (BusinessLine.FOLLOW_UP, 10),
    (BusinessLine.SUSPECT, 20),
    (BusinessLine.CONSULTATION, 28),
]
STATE_WEIGHTS: dict[BusinessLine, list[tuple[CaseState, int]]] = {
    BusinessLine.SPECIAL: [
        (S.RECEIVED, 4), (S.ASSESSMENT, 6), (S.PLANNING, 5), (S.PLACEMENT, 6), (S.PLACEMENT_DECIDED, 4),
        (S.RELEASED, 3), (S.FOLLOW_UP, 12), (S.CLOSED, 40), (S.DECLINED, 6), (S.WITHDRAWN, 3), (S.DIED, 1),
        (S.TRANSFERRED, 3), (S.RELEASED_UNPLACED, 2),
    ],
    BusinessLine.GENERAL: [
        (S.RECEIVED, 3), (S.ASSESSMENT, 5), (S.PLANNING, 5), (S.RELEASED, 3), (S.FOLLOW_UP, 10), (S.CLOSED, 50),
        (S.DECLINED, 5), (S.WITHDRAWN, 3),
    ],
    BusinessLine.SUSPECT: [
        (S.RECEIVED, 4), (S.ASSESSMENT, 6), (S.PLANNING, 4), (S.PLACEMENT, 2), (S.RELEASED, 4), (S.FOLLOW_UP, 12),
        (S.CLOSED, 45), (S.DECLINED, 5), (S.WITHDRAWN, 3), (S.RELEASED_UNPLACED, 3),
    ],
    BusinessLine.FOLLOW_UP: [(S.RECEIVED, 5), (S.FOLLOW_UP, 35), (S.CLOSED, 55), (S.WITHDRAWN, 5)],
    BusinessLine.CONSULTATION: [(S.RECEIVED, 10), (S.ASSESSMENT, 15), (S.CLOSED, 70), (S.WITHDRAWN, 5)],
}  # fmt: skip

# The states a case passed through before reaching one of these (for its state history).
PATH_BEFORE: dict[CaseState, list[CaseState]] = {
    S.ASSESSMENT: [S.RECEIVED],
    S.PLANNING: [S.RECEIVED, S.ASSESSMENT],
    S.PLACEMENT: [S.RECEIVED, S.ASSESSMENT, S.PLANNING],
    S.PLACEMENT_DECIDED: [S.RECEIVED, S.ASSESSMENT, S.PLANNING, S.PLACEMENT],
    S.RELEASED: [S.RECEIVED, S.ASSESSMENT, S.PLANNING],
    S.FOLLOW_UP: [S.RECEIVED, S.ASSESSMENT, S.PLANNING, S.RELEASED],
    S.CLOSED: [S.RECEIVED, S.ASSESSMENT],
}

# What an entry of each kind says: a 電話 entry does not describe a face-to-face interview.
NARRATIVES: dict[ActivityKind, tuple[str, ...]] = {
    ActivityKind.INTERVIEW: (
        "本人と面接。帰住先の希望と生活歴について聞き取りを行った。表情は穏やかで、地元に戻りたいとの意向。",
        "本人と面接。障害福祉サービスの説明をし、グループホームの見学を希望された。",
    ),
    ActivityKind.PHONE: (
        "福祉専門官と電話で情報共有。療育手帳の再判定について市の障害福祉課に確認することとした。",
        "本人より電話。金銭管理の不安について相談があり、日常生活自立支援事業の利用を提案した。",
    ),
    ActivityKind.VISIT: (
        "受入施設を訪問し、本人の生活状況を確認。服薬管理は職員の支援で安定している。",
        "受入先候補のグループホームを見学。世話人より日中活動の状況について説明を受けた。",
    ),
    ActivityKind.ACCOMPANY: ("退所日に同行。市役所で転入届と国民健康保険の手続を行い、受入先まで送った。",),
    ActivityKind.CASE_MEETING: ("センター内でケース会議。受入先の候補を3か所に絞った。",),
    ActivityKind.JOINT_MEETING: ("保護観察所と合同でケース会議を開催。退所日の同行と引継ぎの段取りを確認。",),
    ActivityKind.DOCUMENT: ("福祉事務所へ生活保護の事前相談の文書を送付した。",),
    ActivityKind.MAIL: ("受入先の相談支援専門員とメールで退所後の日中活動を調整した。",),
    ActivityKind.OFFICE_VISIT: ("本人がセンターに来所。通院の状況と生活費について話を聞いた。",),
    ActivityKind.OTHER: ("福祉事務所の担当ケースワーカーと生活保護の事前相談。必要書類を確認した。",),
}


class Gen:
    """One seeded source of randomness; the same seed and day give the same data."""

    def __init__(self, seed: int, today: date, staff: list[str]) -> None:
        self.r = random.Random(seed)  # noqa: S311 - reproducible fake data, not secrets
        self.today = today
        self.staff = staff
        self.offices: dict[str, list[tuple[str, str]]] = {}  # the directory's (id, name) by AgencyKind

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def day(self, start_days_ago: int, end_days_ago: int) -> date:
        return self.today - timedelta(days=self.r.randint(end_days_ago, start_days_ago))

    def weighted(self, options: list[tuple[Any, int]]) -> Any:
        return self.r.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def record(g: Gen, **values: Any) -> dict[str, Any]:
    """A row of a mergeable table: a fresh id, revision 1, the values given."""
    return {"id": g.uuid(), "revision": 1, "updated_at": utc_now(), **values}
