"""Center settings kept in the encrypted store: idle lock, keyring use, retention, disclosure policy.

Every change is audited with the old and new value (settings hold no personal data).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from sqlalchemy import select

from teiretsu_desktop.domain.center_code import center_code_problem
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.idle_lock import IDLE_LOCK_MINUTES, IDLE_LOCK_RANGE
from teiretsu_desktop.domain.reminders import StepOffsets
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.store.models import CenterProfile, Setting


@dataclass(frozen=True)
class CenterSettings:
    idle_lock_minutes: int = IDLE_LOCK_MINUTES
    allow_keyring_unlock: bool = True
    retention_years_case: int = 5
    retention_years_disclosure: int = 3
    suppression_policy: str = "prefecture"
    font_path: str = ""
    # The letterhead of letters and forms (not personal data).
    center_address: str = ""
    center_phone: str = ""
    center_fax: str = ""
    # Days before the expected release each coordination step is due (domain/reminders.StepOffsets).
    reminder_plan_days: int = StepOffsets.plan
    reminder_placement_days: int = StepOffsets.placement
    reminder_applications_days: int = StepOffsets.applications
    reminder_handover_days: int = StepOffsets.handover

    def check(self) -> None:
        if not IDLE_LOCK_RANGE[0] <= self.idle_lock_minutes <= IDLE_LOCK_RANGE[1]:
            raise InvalidInput("自動ロックは1〜60分です / The idle lock is 1-60 minutes.")
        if self.suppression_policy not in ("prefecture", "public"):
            raise InvalidInput("秘匿の方針は prefecture か public です / Policy is prefecture or public.")
        if self.retention_years_case < 1 or self.retention_years_disclosure < 1:
            raise InvalidInput("保存年限は1年以上です / Retention is at least one year.")
        offsets = StepOffsets(
            self.reminder_plan_days, self.reminder_placement_days, self.reminder_applications_days,
            self.reminder_handover_days,
        )  # fmt: skip
        for problem in offsets.problems():
            raise InvalidInput(f"{problem} / The coordination step days must be 1-365, in order.")


PREFIX = "center."


def load_settings(session: StaffSession) -> CenterSettings:
    with session.uow(write=False) as uow:
        stored = {
            row.key.removeprefix(PREFIX): json.loads(row.value)
            for row in uow.session.execute(select(Setting).where(Setting.key.like(PREFIX + "%"))).scalars()
        }
    known = {f.name for f in fields(CenterSettings)}
    return CenterSettings(**{k: v for k, v in stored.items() if k in known})


def save_settings(session: StaffSession, new: CenterSettings) -> Outcome[CenterSettings]:
    session.require(Permission.MANAGE_SETTINGS)
    new.check()
    old = load_settings(session)
    with session.uow() as uow:
        for f in fields(CenterSettings):
            before, after = getattr(old, f.name), getattr(new, f.name)
            if before == after:
                continue
            row = uow.session.execute(select(Setting).where(Setting.key == PREFIX + f.name)).scalar()
            if row is None:
                uow.session.add(Setting(key=PREFIX + f.name, value=json.dumps(after)))
            else:
                row.value = json.dumps(after)
            record_change(
                session, uow, "setting_changed", "setting", f.name, {"from": str(before), "to": str(after)}
            )
        uow.commit()
    return Outcome(new, Changes.of(ChangeKind.SETTINGS))


@dataclass(frozen=True)
class CenterInfoView:
    center_code: str
    center_name: str
    prefecture_code: str


def center_info(session: StaffSession) -> CenterInfoView:
    with session.uow(write=False) as uow:
        row = uow.session.execute(select(CenterProfile)).scalars().first()
        if row is None:
            raise InvalidInput("センター情報がありません / The center profile is missing.")
        return CenterInfoView(row.center_code, row.center_name, row.prefecture_code)


def change_center_code(session: StaffSession, code: str) -> Outcome[str]:
    """Give the center its six-digit code (the prefecture's two digits first), e.g. for a store made
    when other codes were accepted. Audited; bundles exported afterwards carry the new code."""
    session.require(Permission.MANAGE_SETTINGS)
    with session.uow() as uow:
        row = uow.session.execute(select(CenterProfile)).scalars().first()
        if row is None:
            raise InvalidInput("センター情報がありません / The center profile is missing.")
        problem = center_code_problem(code, row.prefecture_code)
        if problem:
            raise InvalidInput(problem)
        before, row.center_code = row.center_code, code
        record_change(session, uow, "center_code_changed", "center", row.id, {"from": before, "to": code})
        uow.commit()
    return Outcome(code, Changes.of(ChangeKind.SETTINGS))
