"""A center's code: six ASCII digits, the prefecture's two first (issue 14). ０-９ and lookalikes such as
13OOO1 are not codes, so one center can never be registered twice under two spellings."""

from __future__ import annotations

import re

CENTER_CODE = re.compile(r"[0-9]{6}")


def center_code_problem(code: str, prefecture_code: str) -> str | None:
    """Why `code` is not this prefecture's center code (None: it is)."""
    if not CENTER_CODE.fullmatch(code) or code[:2] != prefecture_code:
        return (
            f"センターコードは {prefecture_code} で始まる半角数字6桁です (例: {prefecture_code}0001) / "
            f"The center code is six ASCII digits starting with {prefecture_code}."
        )
    return None
