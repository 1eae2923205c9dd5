"""Synthetic agencies and network activities."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from teiretsu_desktop.domain.codes import AgencyKind, CouncilKind, NetworkActivityKind
from teiretsu_desktop.services.demo.generator import Gen, record
from teiretsu_desktop.services.demo.names import FACILITY_WORDS, MUNICIPALITIES

FACILITY_KINDS = ("特別養護老人ホーム", "グループホーム", "救護施設")


def agencies(g: Gen) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(kind: AgencyKind, name: str, **extra: Any) -> None:
        phone = f"03-{g.r.randint(1000, 9999)}-{g.r.randint(1000, 9999)}"
        rows.append(record(g, kind=str(kind), name=name, phone=phone, **extra))

    for code, city in MUNICIPALITIES:
        add(AgencyKind.WELFARE_OFFICE, f"{city}福祉事務所", municipality_code=code)
        add(
            g.r.choice([AgencyKind.ELDERLY_FACILITY, AgencyKind.DISABILITY_PROVIDER]),
            f"{g.r.choice(FACILITY_KINDS)}{g.r.choice(FACILITY_WORDS)}",
            municipality_code=code,
            accepts="高齢・知的障害",
            capacity_note="空き1名 (要相談)",
        )
    add(AgencyKind.PROBATION, "東京保護観察所")
    add(AgencyKind.CORRECTIONAL, "府中刑務所")
    add(AgencyKind.PROSECUTOR, "東京地方検察庁 社会復帰支援室")
    add(AgencyKind.BAR, "東京弁護士会")
    # Every row carries every column so that one bulk insert can take them all.
    columns = {key for row in rows for key in row}
    return [{key: row.get(key) for key in columns} for row in rows]


def network_activities(g: Gen, years: int) -> list[dict[str, Any]]:
    rows = []
    for month in range(years * 12):
        held = g.today - timedelta(days=30 * month + g.r.randint(0, 27))
        kind = g.r.choice(list(NetworkActivityKind))
        council = g.r.choice(list(CouncilKind)) if kind is NetworkActivityKind.COUNCIL else None
        participants = {
            str(AgencyKind.WELFARE_OFFICE): g.r.randint(0, 5),
            str(AgencyKind.DISABILITY_PROVIDER): g.r.randint(0, 8),
        }
        rows.append(
            record(
                g,
                held_on=held,
                kind=str(kind),
                council_kind=str(council) if council else None,
                hosted=g.r.random() < 0.3,
                topic=f"{kind.label} ({held.month}月)",
                participants=json.dumps(participants),
            )
        )
    return rows
