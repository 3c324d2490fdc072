"""Case numbers: the contract's forms, what is not a case number, headings vs references."""

from __future__ import annotations

import pytest

from contract.saksnummer import case_heading, expand_year, find_case_numbers, find_prefixed, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Sak 33/24", "33/2024"),
        ("Sak 01-21", "1/2021"),
        ("Sak 2014/15", "15/2014"),
        ("styresak 19/2021", "19/2021"),
        ("PS 12/24", "12/2024"),
        ("Saknr. 5/23", "5/2023"),
        ("Saksnr. 17/2022", "17/2022"),
        ("Sak nr. 7/2022", "7/2022"),
        ("RS 3/25", "3/2025"),
        ("OS 4/25", "4/2025"),
        ("SR-sak 11/21", "11/2021"),
        ("Styresak 045-2023", "45/2023"),
        ("075/12", "75/2012"),
        ("Sak 98/99", "98/1999"),
    ],
)
def test_contract_forms_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize("text", ["05.12.24", "05.12.2024", "13.30", "Side 2/7", "1/3", "2020-2023", "2019/2020"])
def test_dates_times_pages_fractions_and_spans_are_no_case_numbers(text: str) -> None:
    assert normalise(text) is None
    assert case_heading(text, context_year=2024) is None


def test_two_digit_year_takes_the_century_nearest_the_document() -> None:
    assert expand_year(99, 2001) == 1999
    assert expand_year(1, 1998) == 2001
    assert expand_year(21) == 2021
    assert expand_year(85) == 1985


def test_bare_number_opening_a_line_is_a_case_heading() -> None:
    heading = case_heading("33/24 Velkommen", "Saknr. SAKSLISTE", context_year=2024)
    assert heading is not None
    assert (heading.number.raw, heading.number.saksnummer, heading.rest) == ("33/24", "33/2024", "Velkommen")


def test_number_alone_on_its_line_is_a_heading_with_the_title_below() -> None:
    heading = case_heading("40/24", "inn i det videre arbeidet.", context_year=2024)
    assert heading is not None and heading.rest == ""


def test_prefixed_headings_keep_the_printed_number_as_raw() -> None:
    heading = case_heading("Sak 01-21 Godkjenning av innkalling og sakliste", context_year=2021)
    assert heading is not None
    assert (heading.number.raw, heading.number.saksnummer, heading.number.prefix) == ("01-21", "1/2021", "Sak")
    assert heading.rest == "Godkjenning av innkalling og sakliste"


def test_reference_in_running_text_is_no_heading() -> None:
    # corpus/ous-styresak-19-2021: the reference breaks across a line
    assert case_heading("84/2021 behandlet i styremøtet 28. oktober 2020, der", "Det vises til sak", context_year=2021) is None
    assert case_heading("148-2020 og i «Oppdrag og bestillinger 2021»", "utviklingsplaner RHF-styresak", context_year=2021) is None


def test_bare_date_like_number_needs_the_document_year() -> None:
    assert case_heading("5/12 Velkommen", context_year=2024) is None  # 5 December, not case 5/2012
    assert case_heading("5/12 Velkommen") is None
    heading = case_heading("5/12 Velkommen", context_year=2012)
    assert heading is not None and heading.number.saksnummer == "5/2012"


def test_prefixed_mentions_in_text() -> None:
    found = find_prefixed("Det vises til sak 84/2021 og RHF-styresak 148-2020, jf. PS 12/24.")
    assert [(n.raw, n.saksnummer) for n in found] == [("84/2021", "84/2021"), ("148-2020", "148/2020"), ("12/24", "12/2024")]


def test_percentages_are_no_cases() -> None:
    assert case_heading("50/50 % av midlene", context_year=2050) is None


# Case numbers in a query or a section's text (search uses this finder).
@pytest.mark.parametrize(
    ("raw", "number"),
    [("33/24", "33/2024"), ("33/2024", "33/2024"), ("Sak 033/24", "33/2024"), ("Sak 01-21", "1/2021"),
     ("Sak 2014/15", "15/2014"), ("styresak 19/2021", "19/2021"), ("PS 12/24", "12/2024")],
)
def test_query_case_numbers(raw: str, number: str) -> None:
    assert [n for _, _, n in find_case_numbers(raw)] == [number]


@pytest.mark.parametrize("text", ["24/7", "1/3", "5.12.24", "a33/24b"])
def test_query_not_case_numbers(text: str) -> None:
    assert find_case_numbers(text) == []


def test_query_prefixes_are_the_grammars_in_any_case() -> None:
    assert find_case_numbers("ps 12-24 og saksnr. 3/2023") == [(0, 8, "12/2024"), (12, 26, "3/2023")]
