"""Language: bokmål and nynorsk told apart by marker words."""

from __future__ import annotations

from nlp.meeting.language import detect_language, marker_counts

NYNORSK = (
    "Til stades: Kari Nes, leiar. Sjukehuset og kommunane har ikkje vedteke korleis dei skal "
    "arbeide saman om tenestene. Eg meiner det er mykje som står att, og at vi berre kan "
    "lukkast dersom brukarane vert tekne med frå starten."
)
BOKMAL = (
    "Til stede: Kari Nes, leder. Sykehuset og kommunene har ikke vedtatt hvordan de skal "
    "arbeide sammen om tjenestene. Jeg mener det er mye som gjenstår, og at vi bare kan "
    "lykkes dersom brukerne blir tatt med fra starten."
)


def test_nynorsk_minutes() -> None:
    assert detect_language(NYNORSK) == "nn"


def test_bokmal_minutes() -> None:
    assert detect_language(BOKMAL) == "nb"


def test_marker_counts_see_both_standards() -> None:
    counts = marker_counts(NYNORSK)
    assert counts["nn"] > counts["nb"]


def test_other_languages_come_from_langdetect() -> None:
    text = "The hospital and the municipalities agreed on a common plan for the region and its patients."
    assert detect_language(text) == "en"
