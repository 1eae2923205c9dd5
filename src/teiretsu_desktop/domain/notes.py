"""Rules for 支援経過 entries: when they may say something happened, and who may correct them."""

from __future__ import annotations

from datetime import datetime, timedelta

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.roles import Role

# A clock a minute ahead on the laptop that typed the note is not "the future".
CLOCK_TOLERANCE = timedelta(minutes=5)


def check_occurred_at(occurred_at: datetime, now: datetime) -> None:
    """A note records what happened: its 実施日時 may not lie in the future."""
    if occurred_at > now + CLOCK_TOLERANCE:
        raise InvalidInput(
            "実施日時が未来になっています。面接や電話をした日時を入力してください / "
            "The date of the contact is in the future."
        )


def may_correct(role: Role, author_id: str | None, actor_id: str) -> bool:
    """The author corrects their own entry; the センター長 (and the administrator) any entry."""
    return role in (Role.MANAGER, Role.ADMIN) or (author_id is not None and author_id == actor_id)
