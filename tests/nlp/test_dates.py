"""Norwegian dates in text."""

from __future__ import annotations

import datetime as dt

from nlp.meeting.dates import find_dates, first_date


def test_numeric_dates_with_two_and_four_digit_years() -> None:
    assert first_date("Møtetid: Torsdag 05.12.24 kl. 13.30 – 15.30") == dt.date(2024, 12, 5)
    assert first_date("Partnerskapsmøtet 5.2.2026 Vedtatt") == dt.date(2026, 2, 5)
    assert [d.date for d in find_dates("Representanter Stilling og virksomhet 28.3.19 12.12.19")] == [
        dt.date(2019, 3, 28),
        dt.date(2019, 12, 12),
    ]


def test_month_names_bokmal_nynorsk_and_short_forms() -> None:
    assert first_date("5. desember 2024") == dt.date(2024, 12, 5)
    assert first_date("onsdag den 3. sept. 2025") == dt.date(2025, 9, 3)
    assert first_date("Møtedato: måndag 7. mars 2022") == dt.date(2022, 3, 7)
    assert first_date("2024-12-05") == dt.date(2024, 12, 5)


def test_day_and_month_take_the_context_year() -> None:
    found = find_dates("Byrådsavdelingen har frist til 13. desember for leverandør", 2024)
    assert [(d.date, d.has_year) for d in found] == [(dt.date(2024, 12, 13), False)]
    assert find_dates("frist til 13. desember") == []


def test_month_and_year_without_day() -> None:
    found = find_dates("Januar 2018:")
    assert [(d.date, d.has_day) for d in found] == [(dt.date(2018, 1, 1), False)]
    assert first_date("Januar 2018:") is None


def test_times_case_numbers_and_impossible_dates_are_no_dates() -> None:
    assert find_dates("kl. 13.30 – 15.30") == []
    assert find_dates("Sak 33/24") == []
    assert find_dates("31.02.2024") == []
