"""Reading one record for a use case: a clear message when it is gone, and the stale-edit check."""

from __future__ import annotations

from typing import Any, TypeVar

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.store.models import (
    Activity,
    Agency,
    Consent,
    Consultation,
    Person,
    PlacementCandidate,
    SupportCase,
)
from teiretsu_desktop.store.unit_of_work import UnitOfWork

T = TypeVar("T")

NAMES: dict[type, tuple[str, str]] = {
    Person: ("対象者", "person"),
    SupportCase: ("ケース", "case"),
    Activity: ("記録", "activity"),
    PlacementCandidate: ("受入先候補", "candidate"),
    Consent: ("同意", "consent"),
    Consultation: ("相談", "consultation"),
    Agency: ("機関", "agency"),
}


def fetch(uow: UnitOfWork, model: type[T], record_id: str) -> T:
    """The record, or InvalidInput naming what is missing (someone may have removed it meanwhile)."""
    found: Any = uow.session.get(model, record_id)
    if found is None:
        ja, en = NAMES.get(model, ("記録", "record"))
        raise InvalidInput(f"{ja}が見つかりません / No {en} {record_id}.")
    return found  # type: ignore[no-any-return]


def check_revision(current: int, expected: int) -> None:
    """Refuse to save over a change someone else made after this screen read the record."""
    if current != expected:
        raise InvalidInput(
            "他の人が先に変更しました。開き直してください / Someone changed this record; reopen it."
        )
