"""The committed sample PDFs: page counts, text layer, furniture, tables, reproducibility."""

from __future__ import annotations

import importlib
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pdfplumber
import pypdfium2 as pdfium
import pytest

from tests.support.paths import REPO, SAMPLES


def generator(name: str) -> ModuleType:
    """A module of samples/generator (the repository root is not on sys.path under pytest)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    return importlib.import_module(f"samples.generator.{name}")


SSU = "helsefellesskap-oslo-ssu-referat-2024-12-05"
AHUS2019 = "ahus-oslo-bydeler-arsrapport-2019"
AHUS2025 = "helsefellesskapet-ahus-arsrapport-2025"
STYRESAK = "ous-styresak-19-2021-helsefellesskap"
PKO = "ous-pko-presentasjon-2018"

PAGES = {SSU: 7, AHUS2019: 8, AHUS2025: 23, STYRESAK: 7, PKO: 31}

META = {
    SSU: ("Referat Strategisk samarbeidsutvalg 05.12.24", "Helsefellesskap Oslo", "D:202412"),
    AHUS2019: ("Årsrapport 2019", "Akershus universitetssykehus HF", "D:202006"),
    AHUS2025: ("Årsrapport 2025", "Helsefellesskapet – Ahus og kommunene", "D:202602"),
    STYRESAK: ("Styresak 19/2021 Helsefellesskap Oslo", "Oslo universitetssykehus HF", "D:202103"),
    PKO: ("Praksiskonsulentordningen i OUS og Møteplass Oslo", "Oslo universitetssykehus HF", "D:201804"),
}

# (stem, 1-based page) -> column count of each ruled table pdfplumber finds there, top to bottom
TABLES = {
    (AHUS2019, 1): [4],
    (AHUS2019, 2): [4],
    (AHUS2019, 3): [6],
    (AHUS2019, 8): [3],
    (AHUS2025, 1): [3, 2],
    (AHUS2025, 5): [3],
    (AHUS2025, 7): [2],
    (AHUS2025, 20): [4],
    (AHUS2025, 23): [2],
    (STYRESAK, 3): [4],
    (STYRESAK, 4): [4],
    (PKO, 21): [6],
}


@cache
def page_texts(stem: str) -> tuple[str, ...]:
    with pdfplumber.open(SAMPLES / f"{stem}.pdf") as pdf:
        return tuple(page.extract_text() or "" for page in pdf.pages)


def lines(stem: str, page: int) -> list[str]:
    return [line.strip() for line in page_texts(stem)[page - 1].splitlines()]


@pytest.mark.parametrize("stem", sorted(PAGES))
def test_exists_with_page_count_and_text_layer(stem: str) -> None:
    path = SAMPLES / f"{stem}.pdf"
    assert path.is_file(), f"{path} missing: run python -m samples.generator.make_samples"
    doc = pdfium.PdfDocument(str(path))
    try:
        assert len(doc) == PAGES[stem]
        for index in range(len(doc)):
            textpage = doc[index].get_textpage()
            assert textpage.count_chars() > 20, f"page {index + 1} has no text layer"
    finally:
        doc.close()


@pytest.mark.parametrize("stem", sorted(META))
def test_metadata(stem: str) -> None:
    title, author, date = META[stem]
    with pdfplumber.open(SAMPLES / f"{stem}.pdf") as pdf:
        meta = pdf.metadata
    assert meta["Title"].startswith(title)
    assert meta["Author"] == author
    assert meta["CreationDate"].startswith(date)


@pytest.mark.parametrize(("stem", "page"), sorted(TABLES))
def test_ruled_tables(stem: str, page: int) -> None:
    with pdfplumber.open(SAMPLES / f"{stem}.pdf") as pdf:
        tables = pdf.pages[page - 1].find_tables()
        columns = [max(len(row.cells) for row in table.rows) for table in tables]
    assert columns == TABLES[(stem, page)]


def test_no_other_ruled_tables() -> None:
    for stem in PAGES:
        with pdfplumber.open(SAMPLES / f"{stem}.pdf") as pdf:
            for number, page in enumerate(pdf.pages, 1):
                if (stem, number) not in TABLES:
                    assert not page.find_tables(), f"{stem} p{number}: unexpected table"


def test_representative_table_marks_attendance() -> None:
    with pdfplumber.open(SAMPLES / f"{AHUS2019}.pdf") as pdf:
        rows = pdf.pages[2].find_tables()[0].extract()
    assert rows[0] == ["Representanter", "Stilling og virksomhet", "5.3.19", "4.6.19", "10.9.19", "26.11.19"]
    by_name = {row[0]: row[2:] for row in rows[1:]}
    assert by_name["Kari Sørum"] == ["", "x", "", "x"]
    assert by_name["Katrine Hippe"] == ["x", "Sluttet", "-", "-"]
    assert by_name["Andreas Halvorsen"] == ["", "", "", ""]


def test_ssu_minutes() -> None:
    texts = page_texts(SSU)
    assert all(f"Side {n} av 7" in texts[n - 1] for n in range(1, 8))
    assert all(t.startswith("Referat Strategisk samarbeidsutvalg 05.12.24") for t in texts[1:])
    for label in ("Til stede:", "Ikke til stede:", "Fra:", "Møtegruppe:", "Møtested:", "Møtetid:"):
        assert label in texts[0]
    assert "Saknr. SAKSLISTE" in texts[1]
    case_pages = {"33/24": 2, "34/24": 2, "35/24": 2, "36/24": 4, "37/24": 4, "38/24": 5, "39/24": 5,
                  "40/24": 6, "41/24": 6, "42/24": 6}
    for case, page in case_pages.items():
        assert any(line.startswith(case) for line in lines(SSU, page)), case
    assert sum(t.count("Vedtak:") for t in texts) == 9  # 41/24 Eventuelt has none
    # the vedtak of case 35/24 runs over from page 3 to page 4, that of 42/24 from 6 to 7
    assert lines(SSU, 3)[-3:-1] == ["Vedtak:", "SSU tilslutter seg prioritering og prosess for tildeling av samhandlingstilskudd."]
    assert lines(SSU, 4)[1] == "SSU ønsker en større felles satsning og prioritering på digitalisering."
    assert lines(SSU, 6)[-2] == "Vedtak:"
    # hyphens at line ends, as in the original
    assert "by-" in [line.split()[-1] for line in lines(SSU, 2) if line]
    assert any(line.endswith("lærings-") for line in lines(SSU, 3))
    assert "Rekrutterings- og samhandlingstilskudd" in texts[1]


def test_bold_headings() -> None:
    with pdfplumber.open(SAMPLES / f"{SSU}.pdf") as pdf:
        words = pdf.pages[1].extract_words(extra_attrs=["fontname"])
    fonts = {w["text"]: w["fontname"] for w in words}
    assert "Bold" in fonts["33/24"] and "Bold" in fonts["Vedtak:"]
    assert "Bold" not in fonts["godkjennes"]
    with pdfplumber.open(SAMPLES / f"{AHUS2025}.pdf") as pdf:
        words = pdf.pages[5].extract_words(extra_attrs=["fontname", "size"])
    heading = next(w for w in words if w["text"] == "3.1.2")
    body = next(w for w in words if w["text"] == "Utskrivningsklare")
    assert "Bold" in heading["fontname"] and heading["size"] > body["size"]


def test_ahus_2025_report() -> None:
    texts = page_texts(AHUS2025)
    for number, text in enumerate(texts, 1):
        assert text.startswith(f"{number} Helsefellesskapet – Ahus og kommunene")
    toc = lines(AHUS2025, 2)
    assert any(re.fullmatch(r"3\.1\.2 Temasak Pasientflyt \.{10,} 6", line) for line in toc)
    assert any(re.fullmatch(r"8\. Oversikt godkjente retningslinjer, prosedyrer mv\. 2025 \.{5,} 23", line)
               for line in lines(AHUS2025, 3))
    # every table-of-contents entry starts on the page it names
    entries = [re.fullmatch(r"(\d+(?:\.\d+)*\.? .+?) \.{3,} (\d+)", line) for line in toc + lines(AHUS2025, 3)]
    for match in filter(None, entries):
        title, page = match.group(1), int(match.group(2))
        assert any(line.startswith(title[:40]) for line in lines(AHUS2025, page)), (title, page)
    assert "5.4.6.2 Forvaltningsnettverk Kongsvingerregionen" in lines(AHUS2025, 18)
    assert any(line.endswith("NAV-") for line in lines(AHUS2025, 12))
    with pdfplumber.open(SAMPLES / f"{AHUS2025}.pdf") as pdf:
        links = {n: [a["uri"] for a in page.annots if a.get("uri")] for n, page in enumerate(pdf.pages, 1)}
        status = pdf.pages[4].find_tables()[0].extract()
    assert len(links[10]) == 2 and len(set(links[10])) == 1
    assert sum(len(v) for v in links.values()) == 17
    assert status[0] == ["Prosjekt", "Kort beskrivelse", "Status"] and len(status) == 9


def test_ahus_2019_report() -> None:
    texts = page_texts(AHUS2019)
    assert texts[0].splitlines()[1] == "ÅRSRAPPORT 2019"
    assert "SAMHANDLINGSSTRUKTUREN MELLOM OSLO KOMMUNE OG HELSE SØR-ØST RHF" in texts[0]
    assert "\uf0b7 Møteplan 2020" in texts[1]
    assert any(line.endswith("fag-og-") for line in lines(AHUS2019, 1))
    assert any(line.endswith("Nye Nord-") for line in lines(AHUS2019, 6))
    assert lines(AHUS2019, 2)[1].startswith("Representanter Stilling og virksomhet")  # repeated table header
    assert "Kliniske samarbeidsutvalg" in lines(AHUS2019, 4)
    assert "SAMHANDLINGSMIDLER" in lines(AHUS2019, 8)


def test_board_case() -> None:
    texts = page_texts(STYRESAK)
    for number in range(2, 8):
        assert f"Oslo universitetssykehus HF styresak 19/2021 Side {number} av 7" in texts[number - 1]
    assert "SAK 19/2021 HELSEFELLESSKAP OSLO" in texts[0] and "Forslag til vedtak:" in texts[0]
    page2 = lines(STYRESAK, 2)
    assert page2[-3:] == ["1 Endrer navn til Strategisk samarbeidsutvalg", "2 Tidligere Direktørmøtet",
                          "3 Tidligere Direktørmøtet"]
    assert "Administrerende direktørs vurdering og anbefaling" in texts[6]
    assert lines(STYRESAK, 3)[-1].startswith("autismespekter-forstyrrelser") or "autismespekter-forstyrrelser" in texts[2]


def test_presentation() -> None:
    doc = pdfium.PdfDocument(str(SAMPLES / f"{PKO}.pdf"))
    try:
        sizes = {tuple(round(v) for v in doc[i].get_size()) for i in range(len(doc))}
    finally:
        doc.close()
    assert sizes == {(960, 540)}
    assert lines(PKO, 1)[0] == "PKO i OUS fra 1. november 2015"
    assert lines(PKO, 31)[0] == "Det er lett å overse det man ikke selv er en del av"
    with pdfplumber.open(SAMPLES / f"{PKO}.pdf") as pdf:
        title = next(w for w in pdf.pages[0].extract_words(extra_attrs=["fontname", "size"]) if w["text"] == "PKO")
    assert "Bold" in title["fontname"] and title["size"] >= 24


@pytest.fixture(scope="module")
def rebuilt() -> dict[str, bytes]:
    make_samples, fonts = generator("make_samples"), generator("fonts")
    try:
        return {spec.stem: make_samples.build(spec) for spec in make_samples.SPECS}
    except fonts.FontMissingError as exc:
        pytest.skip(str(exc))


def test_generator_is_deterministic(rebuilt: dict[str, bytes], tmp_path: Path) -> None:
    assert generator("make_samples").main(["--out", str(tmp_path)]) == 0
    for stem, data in rebuilt.items():
        assert (tmp_path / f"{stem}.pdf").read_bytes() == data


def test_committed_pdfs_are_regenerated_bytes(rebuilt: dict[str, bytes]) -> None:
    fonts = generator("fonts")
    if fonts.fonts_fingerprint() != fonts.COMMITTED_FONTS_SHA256:
        pytest.skip("installed DejaVu fonts differ from those the committed PDFs were built with")
    assert sorted(rebuilt) == sorted(PAGES)
    for stem, data in rebuilt.items():
        assert (SAMPLES / f"{stem}.pdf").read_bytes() == data, f"{stem}.pdf is stale: regenerate the samples"
