"""Office-produced PDFs (LibreOffice Writer, from the flat ODT sources in `src/`, made by
`make_office_pdfs.py`): page header and `Side n av N` footer fields, automatic
hyphenation on justified text, list styles, outline-numbered headings, bordered tables,
footnotes, a landscape page and a table-of-contents field. Each expected value is what
the source says."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from extractors.reader import read_layout
from samsok.extraction import extract_file

from ..test_formats import _sak

HERE = Path(__file__).resolve().parent
PDFS = sorted(HERE.glob("*.pdf"))
TYPESETTING = re.compile("[\u00ad\ufb00-\ufb06\ufffe\u00a0\u202f\uf000-\uf8ff]")


@cache
def _record(name: str) -> dict:
    data = extract_file(HERE / f"{name}.pdf").to_dict()
    assert not data.get("error"), data.get("error")
    return data




def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_four_office_pdfs_are_committed() -> None:
    assert [p.stem for p in PDFS] == [
        "office_arsmelding_nynorsk", "office_protokoll_helse_omsorg",
        "office_referat_samarbeidsforum", "office_styresak_hf",
    ]
    for pdf in PDFS:
        assert (HERE / "src" / f"{pdf.stem}.fodt").is_file()


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_no_typesetting_characters_in_any_output_text(pdf: Path) -> None:
    record = _record(pdf.stem)
    bad = [s for s in _strings(record) if TYPESETTING.search(s)]
    assert bad == []
    layout = read_layout(pdf)
    texts = [ln.text for ln in layout.lines] + [c for t in layout.tables for row in t.rows for c in row if c]
    assert [t for t in texts if TYPESETTING.search(t)] == []


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_header_and_page_field_footer_are_furniture(pdf: Path) -> None:
    layout = read_layout(pdf)
    body = [ln.text for ln in layout.lines]
    assert not [t for t in body if re.fullmatch(r"Side \d+ av \d+", t)]
    if layout.pages > 1:
        header = layout.furniture[0].text
        assert header not in body
    for sak in _record(pdf.stem)["saker"]:
        assert "Side " not in (sak["vedtak"] or "")


def test_referat_samarbeidsforum() -> None:
    record = _record("office_referat_samarbeidsforum")
    assert record["doc_type"] == "referat"
    assert record["title"] == "Referat Samarbeidsforum"
    assert record["organ"] == "Samarbeidsforum"
    assert (record["date"], record["year"], record["language"]) == ("2025-03-05", 2025, "nb")
    assert record["sykehusomrader"] == ["Sykehuset Østfold"]
    saker = [(s["saksnummer"], s["raw"], s["title"], s["kind"], s["page"]) for s in record["saker"]]
    assert saker == [
        ("14/2025", "14/25", "Godkjenning av innkalling og saksliste", "vedtakssak", 1),
        ("15/2025", "15/25", "Felles handlingsplan for utskrivningsklare pasienter", "vedtakssak", 1),
        ("16/2025", "16/25", "Status for digital hjemmeoppfølging", "orienteringssak", 2),
        ("17/2025", "17/25", "Eventuelt", "eventuelt", 2),
    ]
    assert _sak(record, "14/2025")["vedtak"] == "Innkalling og saksliste godkjennes."
    # numbered points crossing the page break: no footnote, header or footer between them
    assert _sak(record, "15/2025")["vedtak"] == (
        "1. Samarbeidsforum slutter seg til utkastet til felles handlingsplan for utskrivningsklare pasienter. "
        "2. Kommunene og sykehuset utarbeider en felles profil for kommunikasjon om planen. "
        "3. Planen evalueres etter ett års drift, og evalueringen legges frem for Samarbeidsforum."
    )
    assert _sak(record, "16/2025")["vedtak"] == "Saken tas til orientering."
    assert _sak(record, "17/2025")["vedtak"] is None
    present, absent = record["attendees"]["present"], record["attendees"]["absent"]
    # a bullet list style under `Til stede:` / `Forfall:`
    assert [(p["name"], p["role"], p["org"]) for p in present if p["name"] != "Eva Lie"] == [
        ("Kari Holm", "kommunalsjef", "Fredrikstad kommune"),
        ("Lars Eriksen", "direktør", "Sykehuset Østfold HF"),
        ("Nina Fjeld", "kommuneoverlege", "Sarpsborg kommune"),
    ]
    assert [(p["name"], p["role"], p["org"]) for p in absent] == [("Turid Dahl", "helse- og omsorgssjef", "Halden kommune")]
    assert record["attendees"]["secretary"] == "Eva Lie"


def test_referat_hyphenated_words_joined_and_footnote_kept_out() -> None:
    layout = read_layout(HERE / "office_referat_samarbeidsforum.pdf")
    text = "\n".join(ln.text for ln in layout.lines)
    # Writer broke these at line ends (automatic hyphenation, nb-NO)
    for word in ("nettsidene", "omsorgstjenestene", "oppleves"):
        assert word in text
    assert not re.search(r"\w-\n", text.replace("helse-\n", ""))
    assert "offisielle" in text and "flere" in text and "profilerte" in text
    assert "Utkastet ble sendt ut" not in text
    assert any("Utkastet ble sendt ut" in ln.text for ln in layout.furniture)


def test_protokoll_helse_og_omsorgsutvalg() -> None:
    record = _record("office_protokoll_helse_omsorg")
    assert record["doc_type"] == "protokoll"
    assert record["title"] == "MØTEPROTOKOLL Helse- og omsorgsutvalget"
    assert record["organ"] == "Helse- og omsorgsutvalget"
    assert (record["date"], record["year"], record["language"]) == ("2025-02-11", 2025, "nb")
    assert record["sykehusomrader"] == []
    saker = [(s["saksnummer"], s["raw"], s["title"], s["kind"], s["page"]) for s in record["saker"]]
    assert saker == [
        ("5/2025", "5/25", "Godkjenning av protokoll fra forrige møte", "vedtakssak", 1),
        ("6/2025", "6/25", "Kommunal handlingsplan mot ensomhet 2025–2028", "vedtakssak", 1),
        ("7/2025", "7/25", "Orientering om legevaktsordningen", "orienteringssak", 1),
    ]
    assert _sak(record, "5/2025")["vedtak"] == "Protokoll fra møtet 14.01.2025 godkjennes."
    # the vedtak, not the innstilling; `in-nenfor` broken by Writer is joined
    assert _sak(record, "6/2025")["vedtak"] == (
        "Helse- og omsorgsutvalget anbefaler kommunestyret å vedta handlingsplanen. "
        "Tiltakene finansieres innenfor vedtatte budsjettrammer."
    )
    assert _sak(record, "7/2025")["vedtak"] == "Saken tas til orientering."
    attendees = record["attendees"]
    table = [(p["name"], p["role"], p["org"], p["substitute_for"]) for p in attendees["present"] if p["name"] != "Anne Lise Dahl"]
    assert table == [
        ("Kari Nordby", "Leder", "Ap", None),
        ("Per Egil Haugen", "Nestleder", "H", None),
        ("Jon Berg", "Varamedlem", "SV", "Sigrid Aasen"),
        ("Tor Magne Lie", "Medlem", "FrP", None),
    ]
    assert [(p["name"], p["role"], p["org"]) for p in attendees["absent"]] == [("Sigrid Aasen", "Medlem", "Sp")]
    assert (attendees["chair"], attendees["secretary"]) == ("Kari Nordby", "Anne Lise Dahl")


def test_protokoll_bordered_table_read_with_its_cells() -> None:
    layout = read_layout(HERE / "office_protokoll_helse_omsorg.pdf")
    assert [t.rows for t in layout.tables] == [[
        ["Navn", "Funksjon", "Parti", "Merknad"],
        ["Kari Nordby", "Leder", "Ap", ""],
        ["Per Egil Haugen", "Nestleder", "H", ""],
        ["Sigrid Aasen", "Medlem", "Sp", "Forfall"],
        ["Jon Berg", "Varamedlem", "SV", "Møtte for Sigrid Aasen"],
        ["Tor Magne Lie", "Medlem", "FrP", ""],
    ]]
    # no-break spaces in `kl. 18:00 – 20:15` read as spaces; a soft hyphen inside a word is dropped
    texts = [ln.text for ln in layout.lines]
    assert "Møtetid: kl. 18:00 – 20:15" in texts
    assert any("forslag til handlingsplan mot ensomhet" in t for t in texts)


def test_styresak_other_hf_with_landscape_decision_page() -> None:
    record = _record("office_styresak_hf")
    assert record["doc_type"] == "saksframlegg"
    assert record["title"] == "Styresak 12/2025 Ventetider og fristbrudd i psykisk helsevern"
    assert record["organ"] == "Styret"
    assert (record["date"], record["year"], record["language"]) == ("2025-02-20", 2025, "nb")
    assert record["sykehusomrader"] == ["Helse Stavanger"]
    assert [(s["saksnummer"], s["raw"], s["title"], s["page"]) for s in record["saker"]] == [
        ("12/2025", "12/2025", "Ventetider og fristbrudd i psykisk helsevern", 1),
    ]
    # `Forslag til vedtak:` on the landscape page 2; the signature below it is not part of it
    assert record["saker"][0]["vedtak"] == (
        "1. Styret tar oversikten over ventetider og fristbrudd til etterretning. "
        "2. Styret ber administrerende direktør legge frem en tiltaksplan for å redusere fristbruddene "
        "i barne- og ungdomspsykiatrien."
    )
    # point 2 orders a plan: a decision, not only an information case
    assert record["saker"][0]["kind"] == "vedtakssak"
    assert [(s["number"], s["title"], s["level"], s["page"]) for s in record["sections"] if s["number"]] == [
        ("1", "Bakgrunn", 1, 1), ("2", "Vurdering", 1, 1),
    ]
    assert record["persons"] == ["Marit Sola", "Inger Tveit"]


def test_styresak_four_column_bordered_table_and_ligature_code_points() -> None:
    layout = read_layout(HERE / "office_styresak_hf.pdf")
    assert [t.rows for t in layout.tables] == [[
        ["Fagområde", "2023", "2024", "Endring"],
        ["Psykisk helsevern voksne", "52", "47", "−5"],
        ["Psykisk helsevern barn og unge", "61", "58", "−3"],
        ["Tverrfaglig spesialisert rusbehandling", "34", "31", "−3"],
    ]]
    text = " ".join(ln.text for ln in layout.lines)
    # typed as U+FB00 / U+FB02 in the source
    assert "en offisiell oversikt" in text and "viser at flere av" in text


def test_nynorsk_arsmelding_with_toc_field() -> None:
    record = _record("office_arsmelding_nynorsk")
    assert record["doc_type"] == "arsrapport"
    assert record["title"] == "Årsmelding 2024"
    assert (record["language"], record["year"]) == ("nn", 2024)
    assert record["sykehusomrader"] == ["Helse Førde"]
    assert record["saker"] == []
    assert [(s["number"], s["title"], s["level"], s["page"]) for s in record["sections"]] == [
        ("1", "Innleiing", 1, 2),
        ("1.1", "Bakgrunn", 2, 2),
        ("1.2", "Organisering", 2, 2),
        ("2", "Verksemda i 2024", 1, 3),
        ("2.1", "Partnarskapsmøtet", 2, 3),
        ("2.2", "Strategisk samarbeidsutval", 2, 3),
        ("3", "Vidare arbeid", 1, 4),
        ("3.1", "Prioriterte område", 2, 4),
        ("3.2", "Evaluering", 2, 4),
    ]
    body = next(s["text"] for s in record["sections"] if s["number"] == "1.1")
    # `Spesialisthelse-` / `tenesta` at a line end joined; the footnote is not section text
    assert "Spesialisthelsetenesta" in body
    assert "Samarbeidsavtalen vart revidert" not in body
    layout = read_layout(HERE / "office_arsmelding_nynorsk.pdf")
    assert [(e.number, e.title, e.page) for e in layout.toc][:2] == [("1", "Innleiing", 2), ("1.1", "Bakgrunn", 2)]
