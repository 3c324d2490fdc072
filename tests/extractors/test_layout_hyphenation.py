"""Line-end hyphenation rules, on line pairs as they break in the corpus PDFs."""

from __future__ import annotations

import pytest

from extractors.hyphenation import CONTINUATION_WORDS, HyphenJoin, dehyphenate, hyphen_decision


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # SSU minutes 2024-12-05, case 35/24: a word broken at the line end.
        (
            "gjennomføring, enn det som er definert i dag. Flere av prosjektene er by-",
            "overgripende.",
            ("gjennomføring, enn det som er definert i dag. Flere av prosjektene er byovergripende.", ""),
        ),
        (
            "• Sektorene kan også satse på ulike områder, dette gir oss også lærings-",
            "muligheter på tvers.",
            (
                "• Sektorene kan også satse på ulike områder, dette gir oss også læringsmuligheter",
                "på tvers.",
            ),
        ),
        # Attendee list: a suspended compound, "samhandling- og helsefremmingsavdelingen".
        (
            "kommuneoverlege HEL, Bente Heggedal Gerner, avdelingsleder samhandling-",
            "og helsefremmingsavdelingen, stedfortreder Øystein Mæland, administrerende",
            (
                "kommuneoverlege HEL, Bente Heggedal Gerner, avdelingsleder samhandling-",
                "og helsefremmingsavdelingen, stedfortreder Øystein Mæland, administrerende",
            ),
        ),
        # A capitalised second part keeps its hyphen: Helse Sør-Øst.
        (
            "35/24 Rekrutterings- og samhandlingstilskudd fra Helse Sør-",
            "Øst ved Tone Ikdahl",
            ("35/24 Rekrutterings- og samhandlingstilskudd fra Helse Sør-Øst", "ved Tone Ikdahl"),
        ),
        # Ahus 2025 report: an abbreviation keeps its hyphen.
        (
            "2. Initiere et tettere samarbeid med NAV, ved å invitere representanter fra NAV-",
            "kontorene i opptaksområdet til LSF møte for å planlegge hensiktsmessig",
            (
                "2. Initiere et tettere samarbeid med NAV, ved å invitere representanter fra NAV-kontorene",
                "i opptaksområdet til LSF møte for å planlegge hensiktsmessig",
            ),
        ),
        # OUS board case: a year range broken after its dash keeps the dash.
        (
            "I Nasjonal helse- og sykehusplan 2020–",
            "2023 (Meld. St. 7 2019–2020) har regjeringen",
            ("I Nasjonal helse- og sykehusplan 2020–2023", "(Meld. St. 7 2019–2020) har regjeringen"),
        ),
        # A URL broken inside a path keeps its hyphen.
        (
            "aktivitet og representanter vises til egen årsrapport: https://www.oslo.kommune.no/helse-og-omsorg/fag-",
            "og-kompetanse-helse-og-omsorg/samarbeidsutvalget-1/",
            (
                "aktivitet og representanter vises til egen årsrapport: "
                "https://www.oslo.kommune.no/helse-og-omsorg/fag-og-kompetanse-helse-og-omsorg/samarbeidsutvalget-1/",
                "",
            ),
        ),
        # A spaced dash ends a clause, it is not a hyphen.
        (
            "Møteplass Oslo -",
            "bakgrunn for etablering",
            ("Møteplass Oslo -", "bakgrunn for etablering"),
        ),
        # The next line is a bullet.
        ("helsefellesskapet på tvers av sektorer-", "• Lokalt samarbeidsutvalg", None),
        # A line without a hyphen is left alone.
        ("Referat fra SSU 09.10.24 godkjennes og legges", "tilgjengelig på Kompetansebroen.no", None),
    ],
)
def test_dehyphenate_corpus_lines(left: str, right: str, expected: tuple[str, str] | None) -> None:
    assert dehyphenate(left, right) == (expected if expected is not None else (left, right))


def test_a_hyphenated_compound_inside_a_line_is_not_touched() -> None:
    line = "3.1.1 Rekrutterings- og samhandlingstilskudd"
    assert dehyphenate(line, "Regjeringen innførte i 2024 et varig") == (
        line,
        "Regjeringen innførte i 2024 et varig",
    )


@pytest.mark.parametrize("word", sorted(CONTINUATION_WORDS))
def test_every_continuation_word_suspends_the_hyphen(word: str) -> None:
    assert hyphen_decision("helse-", word) is HyphenJoin.NONE


@pytest.mark.parametrize(
    ("left", "right", "decision"),
    [
        ("by-", "overgripende", HyphenJoin.DROP),
        ("by-", "overgripende.", HyphenJoin.DROP),
        ("samhandling-", "og", HyphenJoin.NONE),
        ("Rekrutterings-", "og", HyphenJoin.NONE),
        ("barsel-", "eller", HyphenJoin.NONE),
        ("Sør-", "Øst", HyphenJoin.KEEP),
        ("Nord-", "Odal,", HyphenJoin.KEEP),
        ("DPS-", "samarbeidet", HyphenJoin.KEEP),
        ("e-", "helse", HyphenJoin.KEEP),
        ("2020–", "2023", HyphenJoin.KEEP),
        ("10.-", "11.", HyphenJoin.KEEP),
        ("covid-", "19", HyphenJoin.NONE),
        ("by-", "3.1", HyphenJoin.NONE),
        ("helse\u00ad", "tjenesten", HyphenJoin.DROP),
        ("-", "bakgrunn", HyphenJoin.NONE),
        ("--", "x", HyphenJoin.NONE),
        ("ord", "neste", HyphenJoin.NONE),
        ("sykehus-", "«Ullensaker-prosjektet»", HyphenJoin.NONE),
    ],
)
def test_hyphen_decision(left: str, right: str, decision: HyphenJoin) -> None:
    assert hyphen_decision(left, right) is decision
