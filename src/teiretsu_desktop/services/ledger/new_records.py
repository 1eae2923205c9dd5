"""The records a ledger row creates: a person, their search names and disabilities, a case and the state
history its dates imply — collected and written with one multi-row INSERT per table."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.case_rules import RELEASED_STATES
from teiretsu_desktop.domain.codes import BusinessLine, DestinationKind
from teiretsu_desktop.domain.names import to_katakana
from teiretsu_desktop.domain.workflow import TERMINAL, CaseState
from teiretsu_desktop.store.models import CaseStateChange, Disability, Person, PersonName, SupportCase
from teiretsu_desktop.store.queries import person_search


def split_name(text: str | None) -> tuple[str, str]:
    if not text:
        return "", ""
    parts = text.replace("\u3000", " ").split(None, 1)
    return parts[0], parts[1].strip() if len(parts) > 1 else ""


def joined(family: str, given: str) -> str:
    return f"{family} {given}".strip()


class PendingRecords:
    """New persons and cases, written at the end with one multi-row INSERT per table (a row-by-row ORM
    flush costs milliseconds per row). Updates of existing records go through the ORM, revisioned."""

    def __init__(self, now: str, actor: str | None) -> None:
        self.now, self.actor = now, actor
        self.persons: list[dict[str, Any]] = []
        self.names: list[dict[str, Any]] = []
        self.kinds: dict[str, list[str]] = {}
        self.cases: list[dict[str, Any]] = []
        self.history: list[dict[str, Any]] = []

    def person(self, person_id: str, values: dict[str, Any]) -> str:
        family, given = split_name(values.get("name"))
        family_kana, given_kana = split_name(to_katakana(values.get("kana") or ""))
        self.persons.append({
            "id": person_id, "revision": 1, "updated_at": self.now, "updated_by": self.actor,
            "family_name": family, "given_name": given, "family_kana": family_kana, "given_kana": given_kana,
            "alias": values.get("alias"), "birth_date": values.get("birth_date"), "sex": values.get("sex"),
            "care_level": values.get("care_level"), "support_category": values.get("support_category"),
        })  # fmt: skip
        self.names += [
            {"person_id": person_id, "kind": kind, "text": text, "key": key}
            for kind, text, key in person_search.name_rows(
                family, given, family_kana, given_kana, values.get("alias")
            )
        ]
        return person_id

    def disabilities(self, person_id: str, kinds: list[str]) -> None:
        known = self.kinds.setdefault(person_id, [])
        known.extend(k for k in kinds if k not in known)

    def case(
        self, values: dict[str, Any], steps: list[tuple[CaseState | None, CaseState, date]]
    ) -> dict[str, Any]:
        row = {**values, "revision": 1, "updated_at": self.now, "updated_by": self.actor}
        self.cases.append(row)
        for before, after, on in steps:
            self.history.append({
                "case_id": row["id"], "from_state": str(before) if before else None, "to_state": str(after),
                "changed_on": on, "changed_at": self.now, "staff_id": self.actor, "reason": None,
            })  # fmt: skip
        return row

    def write(self, s: Session) -> None:
        # Disabilities entered with the person have no 判明日: known for every year (as at registration).
        kinds = [
            {"person_id": pid, "kind": kind, "identified_on": None}
            for pid, ks in self.kinds.items()
            for kind in ks
        ]
        for model, rows in (
            (Person, self.persons), (PersonName, self.names), (Disability, kinds), (SupportCase, self.cases),
            (CaseStateChange, self.history),
        ):  # fmt: skip
            if rows:
                s.execute(insert(cast(Table, model.__table__)), rows)


# -- the state history an imported case starts with ------------------------------------------------------


def initial_history(
    state: CaseState, values: dict[str, Any]
) -> list[tuple[CaseState | None, CaseState, date]]:
    """Received on the 依頼日; released (and in follow-up) on the 帰住日; ended on the 終結日. The year's
    tables read these dates (フォローアップ中 starts the follow-up line)."""
    requested = values.get("request_date") or date.today()
    released, closed = values.get("release_date"), values.get("closure_date")
    steps: list[tuple[CaseState | None, CaseState, date]] = [(None, CaseState.RECEIVED, requested)]
    previous = CaseState.RECEIVED
    if released is not None and state in (CaseState.RELEASED, CaseState.FOLLOW_UP, CaseState.CLOSED):
        if BusinessLine(values["business_line"]) is not BusinessLine.FOLLOW_UP:
            steps.append((previous, CaseState.RELEASED, released))
            previous = CaseState.RELEASED
        if state is CaseState.FOLLOW_UP or BusinessLine(values["business_line"]) is BusinessLine.FOLLOW_UP:
            steps.append((previous, CaseState.FOLLOW_UP, released))
            previous = CaseState.FOLLOW_UP
    if state is not previous:
        on = closed if state in TERMINAL and closed else (released if state in RELEASED_STATES else requested)
        steps.append((previous, state, on or requested))
    return steps


def release_destination(state: CaseState, values: dict[str, Any]) -> str | None:
    """参考2's residence at release, fixed as the release transition fixes it."""
    if state is CaseState.RELEASED_UNPLACED:
        return str(DestinationKind.UNDECIDED)
    if values.get("release_date") and (state in RELEASED_STATES or state is CaseState.CLOSED):
        destination = values.get("destination_kind")
        return str(destination) if destination else None
    return None
