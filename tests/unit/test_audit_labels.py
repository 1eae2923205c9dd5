"""The audit viewer and the audit report name every action in Japanese: an action a service records
without a label would show as 「その他の操作 (plan_item_added)」."""

from __future__ import annotations

import re
from pathlib import Path

from teiretsu_desktop.domain.audit_events import ACTION_LABELS

SOURCE = Path(__file__).resolve().parents[2] / "src" / "teiretsu_desktop"
# record_change(session, uow, "action", …) and session.record("action", …), over line breaks too.
CALL = re.compile(r'(?:record_change\(\s*\w+,\s*\w+,\s*|\.record\(\s*)"([a-z_]+)"')


def test_every_recorded_action_has_a_label() -> None:
    actions = {m.group(1) for p in SOURCE.rglob("*.py") for m in CALL.finditer(p.read_text("utf-8"))}
    assert len(actions) > 40  # the pattern still finds the calls
    assert sorted(a for a in actions if a not in ACTION_LABELS) == []
