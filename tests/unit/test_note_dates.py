"""Dates written in notes, as caseworkers write them (issue 17: a note's date becomes a reminder)."""

from __future__ import annotations

from datetime import date

from teiretsu_desktop.domain.note_dates import dates_in, sentence_about

WRITTEN = date(2026, 11, 27)


def test_days_ahead_as_people_write_them() -> None:
    assert dates_in("次回は12月10日に面会予定", WRITTEN) == [date(2026, 12, 10)]
    assert dates_in("１２月１０日１４時に面会", WRITTEN) == [
        date(2026, 12, 10)
    ]  # full-width, a time after it
    assert dates_in("次回は十二月十日", WRITTEN) == [date(2026, 12, 10)]  # kanji numerals
    assert dates_in("1/5 電話", WRITTEN) == [date(2027, 1, 5)]  # no year: the next such day
    assert dates_in("令和9年1月5日に再面会、2027/2/3 受診", WRITTEN) == [date(2027, 1, 5), date(2027, 2, 3)]
    assert dates_in("R9.1.5 面会", WRITTEN) == [date(2027, 1, 5)]


def test_what_already_happened_is_not_a_plan() -> None:
    assert dates_in("11月20日に面会した", WRITTEN) == []  # not next November
    assert dates_in("令和8年1月5日に面会した", WRITTEN) == []  # 2026-01-05: past
    assert dates_in("6月1日", WRITTEN) == []  # more than half a year ahead without a year: not guessed
    assert dates_in("2月30日", WRITTEN) == []  # no such day
    assert dates_in("12月10日と12月10日", WRITTEN) == [date(2026, 12, 10)]  # once


def test_the_sentence_that_names_the_day() -> None:
    text = "面会した。本人は落ち着いている。次回は12月10日に面会予定。"
    assert sentence_about(text, date(2026, 12, 10), WRITTEN) == "次回は12月10日に面会予定"
