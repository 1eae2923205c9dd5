"""The conflict queue: what two devices changed without seeing each other, for a person to decide.

Three kinds: a field changed on two devices (both values shown, one chosen; the choice is a new write
that has seen both, audited and sent on like any change); a record set aside because another device
made one with the same unique value (shown, not merged); and a case that the merge left breaking the
case rules (the validator of domain/case_rules.py, run over the cases changed by sync).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from teiretsu_desktop.domain.case_rules import case_problems, record_of
from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.workflow import CaseState
from teiretsu_desktop.security import audit
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.sync import state as sync_state
from teiretsu_desktop.services.sync.exchange import TABLE_KINDS
from teiretsu_desktop.store import sealed
from teiretsu_desktop.store.models import SupportCase, sealed_columns
from teiretsu_desktop.store.sync import merge
from teiretsu_desktop.store.sync.tables import ROWID_TABLES
from teiretsu_desktop.store.sync.writes import Write


@dataclass(frozen=True)
class Version:
    device: str
    at: str
    value: str  # as shown: a sealed value the reader may not open shows as such


@dataclass(frozen=True)
class Conflict:
    kind: str  # field, set_aside, rule
    table: str
    key: str
    field: str
    versions: tuple[Version, ...]
    message: str = ""
    record: str = ""  # what a person recognises: the person's name, the case number


TABLE_LABELS = {
    "person": "対象者", "support_case": "ケース", "activity": "支援経過", "consent": "同意", "disclosure": "提供記録",
    "placement_candidate": "受入先候補", "placement_attempt": "受入先調整の経過", "application_support": "申請支援",
    "eligibility_check": "特別調整の要件", "assessment": "アセスメント", "plan_item": "支援計画", "case_meeting": "会議",
    "meeting_attendee": "会議の出席者", "meeting_decision": "会議の決定事項", "case_reminder": "予定", "case_review": "見直し",
    "certificate": "手帳", "agency": "関係機関", "consultation": "相談", "network_activity": "連携活動",
    "selection_advice": "選定段階の助言", "staff": "スタッフ", "setting": "設定", "center_profile": "センター",
}  # fmt: skip


def _record_label(s: Any, table: str, key: str) -> str:
    """The record as a person recognises it (names are shown only to roles that may sync)."""
    label = TABLE_LABELS.get(table, table)
    if table == "person":
        name = s.execute(
            text("SELECT family_name || ' ' || given_name FROM person WHERE id = :k"), {"k": key}
        ).scalar()
        return f"{label} {name}" if name else label
    case_no = None
    if table == "support_case":
        case_no = s.execute(text("SELECT case_no FROM support_case WHERE id = :k"), {"k": key}).scalar()
    elif "case_id" in merge.Columns(s.connection()).of(table) and table not in ROWID_TABLES:
        case_no = s.execute(
            text(
                f'SELECT c.case_no FROM "{table}" t JOIN support_case c ON c.id = t.case_id WHERE t.id = :k'  # noqa: S608
            ),
            {"k": key},
        ).scalar()
    return f"{label}（{case_no}）" if case_no else label


SENSITIVE_FIELDS = frozenset(attribute for _model, attribute in sealed_columns())
SEALED_HIDDEN = "（封をした項目：この役割では読めません）"


def _shown(value: Any, session: StaffSession) -> str:
    if isinstance(value, str) and value.startswith(sealed.PREFIX):
        key = session.fields.key
        return sealed.unseal(key, value) if key is not None else SEALED_HIDDEN
    return "" if value is None else str(value)


def _device_names(s: Any) -> dict[str, str]:
    return {e.device_id: e.name for e in sync_state.registry(s).values()}


def conflicts(session: StaffSession) -> list[Conflict]:
    session.require(Permission.SYNC)
    found: list[Conflict] = []
    with session.uow(write=False) as uow:
        s = uow.session
        if sync_state.load(s) is None:
            return []  # outside a sync group nothing can conflict
        names = _device_names(s)
        for table, key, field, dots in s.execute(
            text("SELECT tbl, key, field, dots FROM sync_field WHERE conflict = 1 ORDER BY tbl, key, field")
        ).all():
            versions = tuple(
                Version(names.get(d["o"], d["o"][:8]), str(d["at"]), _shown(d["v"], session))
                for d in json.loads(dots)
            )
            found.append(
                Conflict(
                    "field", str(table), str(key), str(field), versions, record=_record_label(s, table, key)
                )
            )
        for table, key, reason in s.execute(
            text("SELECT tbl, key, set_aside FROM sync_record WHERE set_aside IS NOT NULL ORDER BY tbl, key")
        ).all():
            found.append(
                Conflict(
                    "set_aside", str(table), str(key), "", (), str(reason), TABLE_LABELS.get(table, table)
                )
            )
        touched = s.execute(text("SELECT key FROM sync_record WHERE tbl = 'support_case'")).scalars().all()
        for chunk in range(0, len(touched), 500):
            for case in s.scalars(
                select(SupportCase).where(SupportCase.id.in_(touched[chunk : chunk + 500]))
            ):
                problems = case_problems(
                    record_of(BusinessLine(case.business_line), CaseState(case.state), case)
                )
                if problems:
                    found.append(
                        Conflict(
                            "rule",
                            "support_case",
                            case.id,
                            "",
                            (),
                            " / ".join(problems),
                            f"ケース（{case.case_no}）",
                        )
                    )
    return found


# Who may choose a value in a conflict: as who may write that record in the first place.
RESOLVE_NEEDS = {
    "staff": Permission.MANAGE_STAFF, "setting": Permission.MANAGE_SETTINGS,
    "center_profile": Permission.MANAGE_SETTINGS, "agency": Permission.MANAGE_DIRECTORY,
}  # fmt: skip


def resolve(session: StaffSession, table: str, key: str, field: str, choice: int) -> Outcome[None]:
    """Keep version `choice` of a conflicting field: a write that has seen every version."""
    session.require(Permission.SYNC)
    session.require(RESOLVE_NEEDS.get(table, Permission.WRITE_CASES))
    if field in SENSITIVE_FIELDS:
        session.require(Permission.WRITE_SENSITIVE)
    with session.transaction() as uow:
        s = uow.session
        state = sync_state.require(s)
        dots = s.execute(
            text("SELECT dots FROM sync_field WHERE tbl = :t AND key = :k AND field = :f AND conflict = 1"),
            {"t": table, "k": key, "f": field},
        ).scalar()
        if dots is None:
            raise InvalidInput("この競合はすでに解決されています / This conflict is already resolved.")
        versions = json.loads(dots)
        if not 0 <= choice < len(versions):
            raise InvalidInput("選んだ版がありません / No such version.")
        connection = s.connection()
        columns = merge.Columns(connection)
        me = state.identity.device_id
        with merge.applying(connection, me, columns):
            vv = merge.version_vector(connection)
            write = Write(
                origin=me,
                counter=vv.get(me, 0) + 1,
                tbl=table,
                key=key,
                op="U",
                at=merge.now(),
                base_rev=None,
                fields={field: versions[choice]["v"]},
                preds={field: [[v["o"], v["c"]] for v in versions]},
                deps=vv,
            )
            merge.apply(connection, write, columns)
        audit.append(s, actor_id=session.actor.staff_id, action="sync_conflict_resolved", target_kind=table,
                     target_id=key, detail={"field": field, "versions": len(versions), "chosen": choice})  # fmt: skip
    return Outcome(None, Changes.of(ChangeKind.SYNC) | Changes.of(TABLE_KINDS[table], key))
