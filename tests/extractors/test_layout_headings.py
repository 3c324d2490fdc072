"""Heading classification on lines from the corpus documents."""

from __future__ import annotations

import pytest

from extractors.headings import HeadingCandidate, classify_heading, split_section_number

BODY = 10.5


@pytest.mark.parametrize(
    ("text", "bold", "size", "expected"),
    [
        ("1. Innledning", True, 14.2, HeadingCandidate("1", "Innledning")),
        ("3.1 Møter og saker", True, 12.4, HeadingCandidate("3.1", "Møter og saker")),
        (
            "3.1.1 Rekrutterings- og samhandlingstilskudd",
            True,
            BODY,
            HeadingCandidate("3.1.1", "Rekrutterings- og samhandlingstilskudd"),
        ),
        (
            "5.4.6.2 Forvaltningsnettverk Kongsvingerregionen",
            True,
            BODY,
            HeadingCandidate("5.4.6.2", "Forvaltningsnettverk Kongsvingerregionen"),
        ),
        (
            "8.     Oversikt godkjente retningslinjer, prosedyrer mv. 2025",
            True,
            14.2,
            HeadingCandidate("8", "Oversikt godkjente retningslinjer, prosedyrer mv. 2025"),
        ),
        ("Organisering", True, BODY, HeadingCandidate(None, "Organisering")),
        ("Innledning", False, 13.0, HeadingCandidate(None, "Innledning")),
        ("33/24 Velkommen", True, BODY, HeadingCandidate(None, "33/24 Velkommen")),
        (
            "SAMHANDLINGSSTRUKTUREN MELLOM AHUS OG BYDELER/ETATER",
            False,
            BODY,
            HeadingCandidate(None, "SAMHANDLINGSSTRUKTUREN MELLOM AHUS OG BYDELER/ETATER"),
        ),
        ("ÅRSRAPPORT 2019", False, BODY, HeadingCandidate(None, "ÅRSRAPPORT 2019")),
    ],
)
def test_headings(text: str, bold: bool, size: float, expected: HeadingCandidate) -> None:
    assert classify_heading(text, size, bold, BODY) == expected


@pytest.mark.parametrize(
    ("text", "bold", "size"),
    [
        # A numbered list item inside a vedtak: body style.
        ("1. Overgangsboliger for pasienter med alvorlig psykisk lidelse og voldsrisiko", False, BODY),
        ("1. Helsefellesskap Oslo skal fortsette sin deltakelse i Kompetansebroen i 2025.", False, BODY),
        # Even in bold, a long sentence is not a title.
        (
            "2. Det skal legges til rette for videre utvikling og implementering av helsefellesskapsiden "
            "og legesiden, med fokus på økt bruk og deling av informasjon.",
            True,
            BODY,
        ),
        ("Vedtak:", True, BODY),  # a label
        ("Hensikt:", True, BODY),
        ("PAUSE", False, BODY),  # one capitalised word
        ("• Bra møte, fint med åpen diskusjon", True, BODY),
        ("Innkalling og dagsorden godkjennes", False, BODY),
        ("23. oktober 2025", True, BODY),
        ("12.06.2025", True, BODY),
        ("-845 300", True, BODY),
        # A list of names set a point larger than the body text is still a list.
        ("Tone Brekke (Ap), Olav Granum (Sp), Hanne Rustad (H)", False, BODY + 1.0),
    ],
)
def test_not_headings(text: str, bold: bool, size: float) -> None:
    assert classify_heading(text, size, bold, BODY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "5.4.6.2 Forvaltningsnettverk Kongsvingerregionen",
            ("5.4.6.2", "Forvaltningsnettverk Kongsvingerregionen"),
        ),
        ("1. Innledning", ("1", "Innledning")),
        ("33/24 Velkommen", (None, "33/24 Velkommen")),
        ("Partnerskapsmøtet 5.2.2026 Vedtatt", (None, "Partnerskapsmøtet 5.2.2026 Vedtatt")),
        ("5.2.2026 Vedtatt", (None, "5.2.2026 Vedtatt")),
        ("2 x 40 % stilling", (None, "2 x 40 % stilling")),
        ("2026 Helsefellesskapet", (None, "2026 Helsefellesskapet")),
    ],
)
def test_split_section_number(text: str, expected: tuple[str | None, str]) -> None:
    assert split_section_number(text) == expected


def test_level_is_the_depth_of_the_number() -> None:
    assert HeadingCandidate("5.4.6.2", "x").level == 4
    assert HeadingCandidate("1", "x").level == 1
    assert HeadingCandidate(None, "x").level == 1
