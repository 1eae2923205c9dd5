from __future__ import annotations

import pytest

from teiretsu_desktop.domain.errors import WrongCredentials
from teiretsu_desktop.security import recovery_code


def test_generated_codes_parse_back_and_are_unique() -> None:
    codes = {recovery_code.generate() for _ in range(50)}
    assert len(codes) == 50
    for text, secret in codes:
        groups = text.split("-")
        assert len(groups) == 8 and all(len(g) == 4 for g in groups)
        assert recovery_code.parse(text) == secret
        assert len(secret) * 8 == 144


def test_typing_variants_are_accepted() -> None:
    text, secret = recovery_code.generate()
    assert recovery_code.parse(text.lower().replace("-", " ")) == secret
    assert recovery_code.parse(text.replace("0", "O").replace("1", "I")) == secret


def test_a_typo_is_reported_as_a_typo() -> None:
    text, _ = recovery_code.generate()
    pos = 3
    swapped = "A" if text[pos] != "A" else "B"
    with pytest.raises(WrongCredentials, match="typo"):
        recovery_code.parse(text[:pos] + swapped + text[pos + 1 :])
    with pytest.raises(WrongCredentials, match="8 groups"):
        recovery_code.parse("ABCD-EFGH")
