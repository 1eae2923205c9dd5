from __future__ import annotations

from datetime import date

import pytest

from teiretsu_desktop.domain.wareki import (
    add_months,
    age_on,
    fiscal_year,
    fiscal_year_label,
    fiscal_year_range,
    parse_date,
    to_wareki,
)


@pytest.mark.parametrize(
    ("day", "long", "short"),
    [
        (date(1989, 1, 7), "昭和64年1月7日", "S64.1.7"),
        (date(1989, 1, 8), "平成元年1月8日", "H1.1.8"),
        (date(2019, 4, 30), "平成31年4月30日", "H31.4.30"),
        (date(2019, 5, 1), "令和元年5月1日", "R1.5.1"),
        (date(1926, 12, 25), "昭和元年12月25日", "S1.12.25"),
        (date(1926, 12, 24), "大正15年12月24日", "T15.12.24"),
        (date(2024, 4, 1), "令和6年4月1日", "R6.4.1"),
    ],
)
def test_era_boundaries_round_trip(day: date, long: str, short: str) -> None:
    assert to_wareki(day) == long
    assert to_wareki(day, short=True) == short
    assert parse_date(long) == day
    assert parse_date(short) == day


def test_input_forms() -> None:
    assert parse_date("２０２４／４／１") == date(2024, 4, 1)
    assert parse_date("2024-04-01") == date(2024, 4, 1)
    assert parse_date("令和 6年 4月 1日") == date(2024, 4, 1)
    for bad in ("平成31年5月1日", "令和元年4月30日", "昭和64年1月8日", "2024-02-30", "きのう"):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_fiscal_year() -> None:
    assert fiscal_year(date(2024, 4, 1)) == 2024
    assert fiscal_year(date(2025, 3, 31)) == 2024
    assert fiscal_year(date(2024, 3, 31)) == 2023
    assert fiscal_year_range(2024) == (date(2024, 4, 1), date(2025, 3, 31))
    assert fiscal_year_label(2024) == "令和6年度"
    assert fiscal_year_label(2019) == "令和元年度"
    assert fiscal_year_label(2018) == "平成30年度"


def test_age_and_months() -> None:
    assert age_on(date(1959, 4, 2), date(2024, 4, 1)) == 64
    assert age_on(date(1959, 4, 1), date(2024, 4, 1)) == 65
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 15), 12) == date(2025, 1, 15)
