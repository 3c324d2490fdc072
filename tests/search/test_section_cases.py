"""Which case a section is about (samsok.search.section_cases), on a record shaped like
real minutes: case headings with numbers, continuation sections, a heading without its
number, and an appendix."""

from __future__ import annotations

from contract.record import Record, Sak, Section, Source
from samsok.search.entries import project


def _minutes() -> Record:
    saker = [
        Sak("33/2024", "33/24", "Velkommen", "vedtakssak", "Godkjent.", 2),
        Sak("34/2024", "34/24", "Godkjenne referat", "vedtakssak", "Godkjent.", 2),
        Sak("35/2024", "35/24", "Rekrutterings- og samhandlingstilskudd", "vedtakssak", "Tilslutning.", 2),
        Sak("40/2024", "40/24", "Evaluering Helsekonferanse 23.09.24", "orienteringssak", None, 6),
    ]
    sections = [
        Section(None, "Referat", 1, 1, "Til stede: Kari Nordmann"),
        Section(None, "33/24 Velkommen", 3, 2, "Innkalling godkjent."),
        Section(None, "34/24 Godkjenne referat", 3, 2, "Referatet godkjent."),
        Section(None, "35/24 Rekrutterings- og samhandlingstilskudd", 3, 2, "Midler fordeles."),
        Section(None, "Kommentar fra hvert av sykehusene", 3, 2, "Sykehusene kommenterte, jf. sak 33/24."),
        Section(None, "Evaluering Helsekonferanse 23.09.24", 3, 6, "Konferansen ble evaluert."),
        Section(None, "Innspill", 3, 6, "Ingen innspill."),
        Section(None, "Vedlegg", 1, 7, "Liste over vedlegg."),
        Section(None, "Vedlegg Sak 35/24", 3, 7, "Fordelingsnøkkel."),
    ]
    return Record(source=Source(path="m.pdf", sha256="m" * 64), doc_type="referat", title="Referat",
                  sections=sections, saker=saker)


def numbers() -> dict[str, list[str]]:
    return {s.title: s.saksnummer for s in project("m", _minutes()).sections}


def test_heading_numbers_first():
    got = numbers()
    assert got["33/24 Velkommen"] == ["33/2024"]
    assert got["35/24 Rekrutterings- og samhandlingstilskudd"] == ["35/2024"]
    assert got["Vedlegg Sak 35/24"] == ["35/2024"]


def test_continuation_is_the_case_above_not_the_first_on_the_page():
    # 33/24 starts on page 2 too and is even mentioned in the text; the section continues 35/24.
    assert numbers()["Kommentar fra hvert av sykehusene"] == ["35/2024", "33/2024"]


def test_heading_that_repeats_a_case_title_without_number():
    got = numbers()
    assert got["Evaluering Helsekonferanse 23.09.24"] == ["40/2024"]
    assert got["Innspill"] == ["40/2024"]


def test_sections_outside_any_case():
    got = numbers()
    assert got["Referat"] == []
    assert got["Vedlegg"] == []  # a higher-level heading ends the case above
