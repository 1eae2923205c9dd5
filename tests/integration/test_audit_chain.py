"""R-AUD-01: the verifier detects an edited, deleted, inserted or reordered entry."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from teiretsu_desktop.security import audit
from teiretsu_desktop.security.session import StaffSession


def _fill(admin: StaffSession, count: int = 6) -> None:
    for i in range(count):
        admin.record("test_event", target_kind="test", target_id=str(i), detail={"n": i})


def _as_attacker(admin: StaffSession, mutate: Callable[[Session], None]) -> None:
    """Someone holding the key edits the table directly (dropping the append-only triggers first)."""
    with admin.uow() as uow:
        uow.session.execute(text("DROP TRIGGER audit_log_no_update"))
        uow.session.execute(text("DROP TRIGGER audit_log_no_delete"))
        mutate(uow.session)
        uow.commit()


def _problems(admin: StaffSession) -> list[str]:
    with admin.uow(write=False) as uow:
        return audit.verify(uow.session)


def test_an_intact_chain_verifies(admin: StaffSession) -> None:
    _fill(admin)
    assert _problems(admin) == []


def test_the_application_cannot_update_or_delete_entries(admin: StaffSession) -> None:
    _fill(admin, 1)
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), admin.uow() as uow:
            uow.session.execute(text(statement))
    assert _problems(admin) == []


def _edit(s: Session) -> None:
    s.execute(text("UPDATE audit_log SET detail = '{\"n\": 99}' WHERE seq = 4"))


def _delete(s: Session) -> None:
    s.execute(text("DELETE FROM audit_log WHERE seq = 3"))


def _delete_last(s: Session) -> None:
    s.execute(text("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)"))


def _insert(s: Session) -> None:
    # A forged entry squeezed in between 3 and 4, with a hash computed the honest way.
    s.execute(text("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 4"))
    s.execute(text("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1004"))
    prev = s.execute(text("SELECT hash FROM audit_log WHERE seq = 3")).scalar_one()
    from teiretsu_desktop.store.models import AuditEntry

    forged = AuditEntry(
        seq=4,
        id="forged",
        at="2026-01-01T00:00:00.000000Z",
        actor_id=None,
        action="forged",
        target_kind=None,
        target_id=None,
        detail="{}",
        prev_hash=prev,
        hash="",
    )
    forged.hash = audit.entry_hash(forged)
    s.add(forged)


def _reorder(s: Session) -> None:
    s.execute(text("UPDATE audit_log SET seq = -1 WHERE seq = 3"))
    s.execute(text("UPDATE audit_log SET seq = 3 WHERE seq = 4"))
    s.execute(text("UPDATE audit_log SET seq = 4 WHERE seq = -1"))


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (_edit, "modified"),
        (_delete, "sequence gap"),
        (_delete_last, "recorded head"),
        (_insert, "does not link"),
        (_reorder, "does not link"),
    ],
)
def test_tampering_is_detected(
    admin: StaffSession, mutation: Callable[[Session], None], expected: str
) -> None:
    _fill(admin)
    _as_attacker(admin, mutation)
    problems = _problems(admin)
    assert problems, "tampering went unnoticed"
    assert any(expected in p for p in problems), problems
