"""Dates written in a note (「次回は12月10日」「令和8年1月5日に再面会」), for turning them into reminders
(issue 17). Only days still ahead count: a note also mentions what already happened.

A month and day without a year mean the next such day after the note was written, if it is within
half a year (a note written on 20 December that says 1月5日 means January of the next year; a note
that says 11月20日 on 27 November is about the past, not next November).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from teiretsu_desktop.domain.wareki import _KANJI_NUMBER, _kanji_number, parse_date

_FULL = re.compile(
    r"(?:明治|大正|昭和|平成|令和|[MTSHR])\s*(?:元|\d{1,2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|(?:明治|大正|昭和|平成|令和|[MTSHR])\d{1,2}\.\d{1,2}\.\d{1,2}"
    r"|\d{4}\s*[年/\-.]\s*\d{1,2}\s*[月/\-.]\s*\d{1,2}\s*日?"
)
_MONTH_DAY = re.compile(r"(?<![\d年/.\-])(\d{1,2})\s*(?:月\s*(\d{1,2})\s*日|/(\d{1,2})(?![\d/]))")
AHEAD_WITHOUT_YEAR = timedelta(days=183)


def dates_in(text: str, written_on: date) -> list[date]:
    """The days on or after `written_on` that `text` names, in the order written, each once."""
    cleaned = _KANJI_NUMBER.sub(_kanji_number, unicodedata.normalize("NFKC", text)).upper()
    found: list[date] = []
    spans: list[tuple[int, int]] = []
    for match in _FULL.finditer(cleaned):
        spans.append(match.span())
        try:
            day = parse_date(match[0])
        except ValueError:
            continue
        found.append(day)
    for match in _MONTH_DAY.finditer(cleaned):
        if any(start <= match.start() < end for start, end in spans):
            continue  # part of a full date already read
        month, day_of_month = int(match[1]), int(match[2] or match[3])
        for year in (written_on.year, written_on.year + 1):
            try:
                candidate = date(year, month, day_of_month)
            except ValueError:
                break
            if written_on <= candidate <= written_on + AHEAD_WITHOUT_YEAR:
                found.append(candidate)
                break
    ahead = [d for d in found if d >= written_on]
    return list(dict.fromkeys(sorted(ahead, key=lambda d: found.index(d))))


def sentence_about(text: str, day: date, written_on: date, limit: int = 60) -> str:
    """The sentence of `text` that names `day` (to start the reminder's text from), shortened."""
    for sentence in re.split(r"(?<=[。\n!?！？])", text):
        if day in dates_in(sentence, written_on):
            cleaned = " ".join(sentence.split()).strip("。 ")
            return cleaned[:limit]
    return ""
