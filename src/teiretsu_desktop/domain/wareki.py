"""和暦 (Japanese era) and 年度 (fiscal year) helpers (DOMAIN §7.1).

Dates are stored as ISO dates; 和暦 is only for display and input. Qt has no Japanese calendar, so the
era table lives here; a new era is one line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    start: date


ERAS: tuple[Era, ...] = (
    Era("令和", "R", date(2019, 5, 1)),
    Era("平成", "H", date(1989, 1, 8)),
    Era("昭和", "S", date(1926, 12, 25)),
    Era("大正", "T", date(1912, 7, 30)),
    Era("明治", "M", date(1868, 1, 25)),
)


def era_of(day: date) -> tuple[Era, int]:
    for era in ERAS:
        if day >= era.start:
            return era, day.year - era.start.year + 1
    raise ValueError(f"{day.isoformat()} is before 明治")


def _year_text(year: int) -> str:
    return "元" if year == 1 else str(year)


def to_wareki(day: date, *, short: bool = False) -> str:
    """令和6年4月1日, or R6.4.1 with short=True."""
    era, year = era_of(day)
    if short:
        return f"{era.letter}{year}.{day.month}.{day.day}"
    return f"{era.name}{_year_text(year)}年{day.month}月{day.day}日"


_WAREKI = re.compile(
    r"^(?P<era>明治|大正|昭和|平成|令和|[MTSHR])\s*(?P<year>元|\d{1,2})\s*[年.\-/]\s*(?P<month>\d{1,2})\s*[月.\-/]"
    r"\s*(?P<day>\d{1,2})\s*日?$"
)


_KANJI_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_KANJI_NUMBER = re.compile(r"[〇零一二三四五六七八九十]+")


def _kanji_number(match: re.Match[str]) -> str:
    """二十八 → 28, 十 → 10, 三十一 → 31, 二〇二四 → 2024 (digit by digit when there is no 十)."""
    text = match[0]
    if "十" not in text:
        return "".join(str(_KANJI_DIGITS[c]) for c in text)
    tens, _, ones = text.partition("十")
    return str((_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0))


def parse_date(text: str) -> date:
    """An ISO date (2024-04-01, 2024/4/1, 2024年4月1日) or a 和暦 date (令和6年4月1日, R6.4.1, 令和元年5月1日),
    as people type them: full-width digits, spaces between the parts, kanji numerals (令和元年五月一日).

    Raises ValueError with the text when it is not a valid date.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().upper()
    cleaned = _KANJI_NUMBER.sub(_kanji_number, cleaned)
    match = _WAREKI.match(cleaned)
    if match:
        era_key = match["era"]
        era = next(e for e in ERAS if era_key in (e.name, e.letter))
        year = 1 if match["year"] == "元" else int(match["year"])
        day = date(era.start.year + year - 1, int(match["month"]), int(match["day"]))
        if day < era.start:
            raise ValueError(f"{text}: {era.name}{_year_text(year)}年にその日付はありません")
        later = [e for e in ERAS if e.start > era.start]
        if later and day >= min(e.start for e in later):
            raise ValueError(f"{text}: その日付は{era.name}ではありません")
        return day
    iso = re.match(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$", cleaned)
    if iso:
        return date(int(iso[1]), int(iso[2]), int(iso[3]))
    raise ValueError(f"日付として読めません: {text}")


def short_wareki(day: date | None) -> str:
    """R6.4.1 for a table cell; "" when there is no date."""
    return to_wareki(day, short=True) if day else ""


def fiscal_year(day: date) -> int:
    """年度: April to March, labelled by the starting year (令和6年度 = 2024-04-01..2025-03-31)."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_range(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


def fiscal_year_label(year: int) -> str:
    """令和6年度. The year an era began in is named by the new era (FY2019 is 令和元年度, not 平成31年度,
    FY1989 is 平成元年度), which the era in force on May 1 gives for both changes so far."""
    era, era_year = era_of(date(year, 5, 1))
    return f"{era.name}{_year_text(era_year)}年度"


def age_on(birth: date, day: date) -> int:
    """Plain age on a date (the usual practice; DOMAIN §4.3)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def wareki_datetime(moment: datetime) -> str:
    """令和8年11月27日 18:43 — a moment as the screens show it (local time)."""
    return f"{to_wareki(moment.date())} {moment:%H:%M}"


def local_moment(utc: str) -> datetime | None:
    """A stored UTC time stamp (2026-11-27T09:43:05.123Z) in the computer's local time; None if unreadable."""
    try:
        return datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return None


def local_stamp(utc: str | None) -> str:
    """A stored UTC time stamp as local 和暦 date and time; "" when empty."""
    if not utc:
        return ""
    moment = local_moment(utc)
    return wareki_datetime(moment) if moment is not None else utc
