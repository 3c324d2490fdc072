"""Table-of-contents lines, as printed in the Ahus 2025 annual report."""

from __future__ import annotations

import pytest

from extractors.layout import Line, TocEntry
from extractors.toc import find_toc, parse_toc_line

LEADERS = "." * 40


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        (
            "1. Innledning ................................................................................................................. 4",
            TocEntry("1", "Innledning", 4, 1),
        ),
        (
            "3.1.1 Rekrutterings- og samhandlingstilskudd ......................................................... 4",
            TocEntry("3.1.1", "Rekrutterings- og samhandlingstilskudd", 4, 3),
        ),
        (
            "5.1.5 Fagråd forebygging og livsmestring................................. 9",
            TocEntry("5.1.5", "Fagråd forebygging og livsmestring", 9, 3),
        ),
        (
            "5.2 Ledersamarbeidsforum psykisk helse/avhengighet voksne (LSF voksne) ..... 10",
            TocEntry("5.2", "Ledersamarbeidsforum psykisk helse/avhengighet voksne (LSF voksne)", 10, 2),
        ),
        (
            "8.     Oversikt godkjente retningslinjer, prosedyrer mv. 2025 ........................................ 23",
            TocEntry("8", "Oversikt godkjente retningslinjer, prosedyrer mv. 2025", 23, 1),
        ),
        (
            "5.4.1 Kompetansenettverket i palliasjon – Ahus' opptaksområde ........................ 15",
            TocEntry("5.4.1", "Kompetansenettverket i palliasjon – Ahus' opptaksområde", 15, 3),
        ),
        ("Vedlegg . . . . . . . . . . 24", TocEntry(None, "Vedlegg", 24, 1)),
    ],
)
def test_leader_lines(text: str, entry: TocEntry) -> None:
    assert parse_toc_line(text) == entry


@pytest.mark.parametrize(
    "text",
    [
        "Behandlet og godkjent av Dato Merknad",
        "Partnerskapsmøtet 5.2.2026 Vedtatt",
        "3.1 Møter og saker",
        "Gjennomsnitt liggetid etter meldt utskrivningsklar 3,1 3,6 3,1",
        "................................ 12",
    ],
)
def test_lines_that_are_not_toc_entries(text: str) -> None:
    assert parse_toc_line(text) is None


def test_plain_entries_count_only_on_a_page_headed_innhold() -> None:
    assert parse_toc_line("3.1 Møter og saker 4") is None
    assert parse_toc_line("3.1 Møter og saker 4", plain=True) == TocEntry("3.1", "Møter og saker", 4, 2)


def _lines(page: int, texts: list[str]) -> list[Line]:
    return [Line(text=t, page=page, top=80 + 20 * k) for k, t in enumerate(texts)]


def test_find_toc_reads_toc_pages_and_joins_wrapped_entries() -> None:
    lines = [
        *_lines(1, ["Årsrapport 2025", "Dokumentinformasjon"]),
        *_lines(
            2,
            [
                "Innhold",
                f"1. Innledning {LEADERS} 4",
                f"2. Partnerskapsmøtet {LEADERS} 4",
                "5.2 Ledersamarbeidsforum psykisk helse/avhengighet voksne",
                f"(LSF voksne) {LEADERS} 10",
            ],
        ),
        *_lines(3, [f"5.4.7 FACT-nettverk {LEADERS} 18"]),
        *_lines(4, ["1. Innledning", "Årets rapport har et tydeligere fokus enn tidligere."]),
    ]
    entries, pages = find_toc(lines)
    assert pages == {2, 3}
    assert entries == [
        TocEntry("1", "Innledning", 4, 1),
        TocEntry("2", "Partnerskapsmøtet", 4, 1),
        TocEntry("5.2", "Ledersamarbeidsforum psykisk helse/avhengighet voksne (LSF voksne)", 10, 2),
        TocEntry("5.4.7", "FACT-nettverk", 18, 3),
    ]


def test_scattered_leader_lines_do_not_make_a_toc() -> None:
    lines = _lines(5, ["Pris ........ 12", "Noe tekst her", "Annen tekst"])
    assert find_toc(lines) == ([], set())


def test_a_later_run_of_leader_lines_is_an_index_not_the_toc() -> None:
    lines = [
        *_lines(2, [f"1 Introduction {LEADERS} 1", f"2 Utilities {LEADERS} 3", f"3 Functions {LEADERS} 5"]),
        *_lines(3, ["1 Introduction", "Text."]),
        *_lines(
            9, [f"asn1_array2tree {LEADERS} 5", f"asn1_bit_der {LEADERS} 6", f"asn1_copy_node {LEADERS} 6"]
        ),
    ]
    entries, pages = find_toc(lines)
    assert pages == {2}
    assert [e.title for e in entries] == ["Introduction", "Utilities", "Functions"]
