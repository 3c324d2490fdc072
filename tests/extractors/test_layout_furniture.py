"""Page furniture: page-number patterns and repeated running headers/footers."""

from __future__ import annotations

import pytest

from extractors.furniture import PlacedLine, find_furniture, page_number_pattern, repetition_key

A4_HEIGHT = 842.0


@pytest.mark.parametrize(
    "text",
    [
        "7",
        "- 3 -",
        "– 12 –",
        "Side 7 av 7",
        "side 2",
        "Page 3 of 9",
        "3/9",
        "4 av 7",
        "Oslo universitetssykehus HF styresak 19/2021 Side 7 av 7",
    ],
)
def test_page_number_lines(text: str) -> None:
    assert page_number_pattern(text, pages=9) is not None


@pytest.mark.parametrize(
    "text",
    [
        "2025",  # a year
        "40/24",  # a case number of the SSU minutes, not "page 40 of 24"
        "33/24 Velkommen",
        "1 Endrer navn til Strategisk samarbeidsutvalg",  # a footnote
        "-479 500",  # an amount
        "Side 9 av 7",
        "Helsefellesskap Oslo",
    ],
)
def test_lines_that_are_not_page_numbers(text: str) -> None:
    assert page_number_pattern(text, pages=7) is None


def test_repetition_key_ignores_digits_case_and_spacing() -> None:
    assert repetition_key("2 Helsefellesskapet – Ahus og kommunene  ") == repetition_key(
        "14  Helsefellesskapet – Ahus og kommunene"
    )


def _line(text: str, page: int, top: float, height: float = 11.0, in_table: bool = False) -> PlacedLine:
    return PlacedLine(text, page, top, top + height, A4_HEIGHT, in_table)


def _report_pages(pages: int) -> list[PlacedLine]:
    lines: list[PlacedLine] = []
    for page in range(1, pages + 1):
        lines.append(_line(f"{page} Helsefellesskapet – Ahus og kommunene", page, 31.5))
        lines.append(_line(f"Body text on page {page} about samhandling", page, 300))
        lines.append(_line(f"Oslo universitetssykehus HF styresak 19/2021 Side {page} av {pages}", page, 803))
    return lines


def test_running_header_and_footer_with_page_numbers_are_furniture() -> None:
    lines = _report_pages(7)
    found = find_furniture(lines, pages=7)
    assert {lines[i].text for i in found} == {
        *(f"{p} Helsefellesskapet – Ahus og kommunene" for p in range(1, 8)),
        *(f"Oslo universitetssykehus HF styresak 19/2021 Side {p} av 7" for p in range(1, 8)),
    }


def test_a_line_at_the_top_of_one_page_only_is_kept() -> None:
    lines = _report_pages(6)
    lines.append(_line("Partnerskapsmøtet 5.2.2026 Vedtatt", 3, 60))
    lines.append(_line("Resultater", 4, 60))
    found = find_furniture(lines, pages=6)
    assert all(lines[i].text not in {"Partnerskapsmøtet 5.2.2026 Vedtatt", "Resultater"} for i in found)


def test_repeated_text_in_the_middle_of_pages_is_not_furniture() -> None:
    lines = [_line("Vedtak:", page, 400) for page in range(1, 6)]
    assert find_furniture(lines, pages=5) == set()


def test_a_repeated_line_must_recur_at_the_same_height() -> None:
    lines = [_line("Resultater", page, 50 + 25 * page) for page in range(1, 4)]
    assert find_furniture(lines, pages=3) == set()


def test_lines_in_tables_are_never_furniture() -> None:
    lines = [_line("12", page, 20, in_table=True) for page in (1, 2)]
    assert find_furniture(lines, pages=2) == set()


def test_a_case_heading_at_the_top_of_each_page_is_no_running_header() -> None:
    """`Sak 12/24`, `Sak 13/24` ... bold and larger than the body at the top of every
    page differ in their numbers: headings, not furniture; a small running header that
    differs only in its page number still is."""
    lines: list[PlacedLine] = []
    for page in range(1, 5):
        lines.append(PlacedLine(f"Styresak {page} – Helse Bergen", page, 30, 39, A4_HEIGHT, size=8.5))
        lines.append(PlacedLine(f"Sak {11 + page}/24", page, 80, 92, A4_HEIGHT, size=12, bold=True))
        lines.append(PlacedLine("Body text of the case about samhandling and pasientforløp", page, 120, 131,
                                A4_HEIGHT, size=10.5))
    found = {lines[i].text for i in find_furniture(lines, pages=4)}
    assert found == {f"Styresak {page} – Helse Bergen" for page in range(1, 5)}
