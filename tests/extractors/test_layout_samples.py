"""read_layout on the sample PDFs (samples/*.pdf), checked against what the documents say.

The 2025 report's expected table of contents is written from the corpus text of the
original (shared/corpus/helsefellesskapet-ahus-arsrapport-2025.txt); section titles and
pages of the other documents come from the expected records in samples/expected/.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from extractors import LayoutDocument, read_layout
from tests.support.pdfs import SAMPLES

STEMS = (
    "helsefellesskap-oslo-ssu-referat-2024-12-05",
    "ahus-oslo-bydeler-arsrapport-2019",
    "helsefellesskapet-ahus-arsrapport-2025",
    "ous-styresak-19-2021-helsefellesskap",
    "ous-pko-presentasjon-2018",
)
REFERAT, ARSRAPPORT_2019, ARSRAPPORT_2025, STYRESAK, PRESENTASJON = STEMS

# The table of contents of the 2025 report, as printed (number, title, page).
TOC_2025 = [
    ("1", "Innledning", 4),
    ("2", "Partnerskapsmøtet", 4),
    ("3", "Strategisk samarbeidsutvalg (SSU)", 4),
    ("3.1", "Møter og saker", 4),
    ("3.1.1", "Rekrutterings- og samhandlingstilskudd", 4),
    ("3.1.2", "Temasak Pasientflyt", 6),
    ("3.1.3", "Temasak Psykisk helse og rus", 6),
    ("4", "Arbeidsutvalg/sekretariat (AU)", 6),
    ("4.1", "Driftsmidler", 6),
    ("5", "Faglige samarbeidsutvalg", 7),
    ("5.1", "Fagråd", 7),
    ("5.1.1", "Felles fagrådsdag 2025", 7),
    ("5.1.2", "Fagråd smittevern og beredskap", 8),
    ("5.1.3", "Fagråd barn, unge og familie", 8),
    ("5.1.4", "Fagråd eldre med skrøpelighet", 8),
    ("5.1.5", "Fagråd forebygging og livsmestring", 9),
    ("5.1.6", "Fagråd kompetanse og innovasjon", 9),
    ("5.1.7", "Fagråd akuttmedisinske tjenester", 10),
    ("5.2", "Ledersamarbeidsforum psykisk helse/avhengighet voksne (LSF voksne)", 10),
    ("5.2.1", "LSF voksne - Folloregionen", 10),
    ("5.2.2", "LSF voksne - Nedre Romerike regionen", 11),
    ("5.2.3", "LSF voksne - Gardermoregionen", 11),
    ("5.2.4", "LSF voksne - Kongsvingerregionen", 12),
    ("5.3", "Ledersamarbeidsforum psykisk helse barn og unge (LSF barn og unge)", 12),
    ("5.3.1", "LSF barn og unge - Folloregionen", 13),
    ("5.3.2", "LSF barn og unge - Nedre Romerike regionen", 13),
    ("5.3.3", "LSF barn og unge - Gardermoregionen", 13),
    ("5.3.4", "LSF barn og unge - Kongsvingerregionen", 14),
    ("5.4", "Andre faglige samarbeidsutvalg/møteplasser", 15),
    ("5.4.1", "Kompetansenettverket i palliasjon – Ahus' opptaksområde", 15),
    ("5.4.2", "Ahusforum – diskusjonsforum for leger", 15),
    ("5.4.4", "Ledersamarbeidsforum svangerskaps-, fødsels- og barselomsorg", 16),
    ("5.4.5", "Dialogmøte om pasientsamarbeid innen området psykisk helse og rus", 16),
    ("5.4.6", "Regionale forvaltningsnettverk", 17),
    ("5.4.7", "FACT-nettverk", 18),
    ("6", "Kompetansebroen", 19),
    ("7", "Nøkkeltall og styringsdata", 20),
    ("8", "Oversikt godkjente retningslinjer, prosedyrer mv. 2025", 23),
]
# Numbered headings of the 2025 report that its TOC leaves out (numbers and titles from
# the body text; 5.4.3 sits between 5.4.2 and 5.4.4, 5.4.6.x under 5.4.6).
UNLISTED_2025 = [
    ("5.4.3", "Styringsdata samhandling"),
    ("5.4.6.1", "Forvaltningsnettverk Folloregionen"),
    ("5.4.6.2", "Forvaltningsnettverk Kongsvingerregionen"),
    ("5.4.6.3", "Forvaltningsnettverk Romerike (Nedre Romerike og Gardermoregionen)"),
]
PAGE_FURNITURE = re.compile(r"Side \d+ av \d+|^\d+ Helsefellesskapet – Ahus og kommunene$|styresak 19/2021")


@cache
def layout(stem: str) -> LayoutDocument:
    return read_layout(SAMPLES / f"{stem}.pdf")


def expected_record(stem: str) -> dict:
    return json.loads((SAMPLES / "expected" / f"{stem}.json").read_text(encoding="utf-8"))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("stem", STEMS)
def test_no_page_furniture_survives(stem: str) -> None:
    doc = layout(stem)
    assert [line.text for line in doc.lines if PAGE_FURNITURE.search(line.text)] == []
    # Every page after the first has a running header or footer (the board case's title
    # page has none).
    assert set(range(2, doc.pages + 1)) <= {line.page for line in doc.furniture}


@pytest.mark.parametrize("stem", STEMS)
def test_page_count_matches_the_expected_record(stem: str) -> None:
    assert layout(stem).pages == expected_record(stem)["source"]["pages"]


def test_referat_hyphenation() -> None:
    text = layout(REFERAT).text()
    assert "Flere av prosjektene er byovergripende." in flat(text)
    assert "by-" not in text
    assert "35/24 Rekrutterings- og samhandlingstilskudd fra Helse Sør-Øst" in text
    # A suspended compound broken at the line end stays as printed.
    assert "avdelingsleder samhandling- og helsefremmingsavdelingen" in flat(text)


def test_2025_report_keeps_compounds_and_abbreviation_hyphens() -> None:
    text = flat(layout(ARSRAPPORT_2025).text())
    assert "3.1.1 Rekrutterings- og samhandlingstilskudd" in text
    assert "NAV-kontorene i opptaksområdet" in text


def test_2025_toc_is_read() -> None:
    doc = layout(ARSRAPPORT_2025)
    assert [(e.number, e.title, e.page) for e in doc.toc] == TOC_2025
    assert [e.level for e in doc.toc] == [len(number.split(".")) for number, _, _ in TOC_2025]


def test_2025_sections_match_the_toc() -> None:
    doc = layout(ARSRAPPORT_2025)
    toc_sections = [(s.number, s.title, s.page) for s in doc.sections if s.number not in dict(UNLISTED_2025)]
    assert toc_sections == TOC_2025
    assert [(s.number, s.title) for s in doc.sections if s.number in dict(UNLISTED_2025)] == UNLISTED_2025
    assert all(s.level == len(s.number.split(".")) for s in doc.sections if s.number)
    # The TOC pages (2 and 3) are not sections, nor is the cover.
    assert min(s.page for s in doc.sections) == 4


@pytest.mark.parametrize(
    ("number", "snippet"),
    [
        ("1", "konsentrerer dokumentet seg om tre hovedområder"),
        ("3.1", "har behandlet 40 saker"),
        ("3.1.2", "I SSU-møtet i mars 2025 ble det besluttet å benytte «Ullensaker-prosjektet»"),
        ("4.1", "Midlene administrerers av AU."),
        ("5.2.1", "Består av DPS Follo og kommunene Nordre Follo, Ås, Frogn og Nesodden."),
        ("5.4.7", "Består av teamleder FACT Nordre Follo, teamleder FACT Follo interkommunalt"),
    ],
)
def test_2025_section_text(number: str, snippet: str) -> None:
    sections = {s.number: s for s in layout(ARSRAPPORT_2025).sections}
    assert snippet in flat(sections[number].text)


def test_2025_section_text_stops_at_the_next_heading() -> None:
    sections = {s.number: s for s in layout(ARSRAPPORT_2025).sections}
    assert "Partnerskapsmøtet er det øverste organet" not in sections["1"].text
    assert sections["5.4"].text.strip() == ""  # 5.4.1 follows its heading directly


@pytest.mark.parametrize("stem", [REFERAT, ARSRAPPORT_2019, STYRESAK, PRESENTASJON])
def test_expected_section_titles_and_pages_are_found(stem: str) -> None:
    found = {(flat(s.title), s.page) for s in layout(stem).sections}
    expected = [(flat(s["title"]), s["page"]) for s in expected_record(stem)["sections"]]
    assert [item for item in expected if item not in found] == []


def test_vedtak_list_items_are_not_sections() -> None:
    titles = [s.title for s in layout(REFERAT).sections]
    assert not any(title.startswith(("1. ", "2. ", "3. ", "4. ")) for title in titles)
    assert not any(s.number for s in layout(REFERAT).sections)  # case numbers are not section numbers


def test_2025_guideline_table() -> None:
    doc = layout(ARSRAPPORT_2025)
    [table] = [t for t in doc.tables if t.rows[0][0] == "Navn på retningslinje, prosedyre, mandater mv."]
    assert table.page == 23
    assert table.rows[0] == ["Navn på retningslinje, prosedyre, mandater mv.", "Godkjent dato"]
    assert ["Mandat for samarbeid mellom kommunene og Voksenhabiliteringen", "01.06.2025"] in table.rows
    assert ["Mandat for Medisinskfaglig samarbeidsutvalg (MSU)", "25.09.2025"] in table.rows
    assert all(len(row) == 2 for row in table.rows)


def test_2019_representative_table_keeps_empty_cells() -> None:
    doc = layout(ARSRAPPORT_2019)
    header = ["Representanter", "Stilling og virksomhet", "28.3.19", "12.12.19"]
    tables = [t for t in doc.tables if t.rows[0] == header]
    assert tables, "the Direktørmøte table"
    rows = [row for t in tables for row in t.rows]
    assert ["Øystein Mæland", "Adm. direktør, Ahus", "x", "x"] in rows
    assert ["Alv Humborstad Sørland", "Bydelsdirektør, Bydel Stovner", "", "x"] in rows
    five_columns = [t for t in doc.tables if t.rows[0][2:] == ["5.3.19", "4.6.19", "10.9.19", "26.11.19"]]
    assert five_columns and all(len(row) == 6 for row in five_columns[0].rows)


def test_styresak_four_column_table() -> None:
    doc = layout(STYRESAK)
    first = doc.tables[0]
    assert first.rows[0] == ["Pasientgruppe", "Mål", "Beskrivelse av tiltak", "Behov"]
    assert [row[0] for row in first.rows[1:]] == ["Skrøpelige eldre", "Barn og unge"]
    # The table's lines are marked, the running text around it is not.
    in_table = [line.text for line in doc.lines if line.in_table and line.page == first.page]
    assert in_table[0] == "Pasientgruppe Mål Beskrivelse av tiltak Behov"
    assert not any(
        line.in_table for line in doc.lines if line.text.startswith("Under fremgår konkrete eksempler")
    )


def test_styresak_footer_is_kept_aside_with_its_case_number() -> None:
    doc = layout(STYRESAK)
    assert any("styresak 19/2021" in line.text for line in doc.furniture)


def test_symbol_font_bullets_become_unicode_bullets() -> None:
    text = layout(STYRESAK).text()
    assert "\uf0b7" not in text
    assert "• Samarbeidsforum somatikk" in text.splitlines()


def test_metadata_is_read() -> None:
    doc = layout(REFERAT)
    assert doc.metadata["Title"]
    assert doc.metadata["CreationDate"].startswith("D:2024")
