"""read_layout on small PDFs drawn with exact layouts (furniture, hyphenation, TOC, tables, columns)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from extractors import read_layout
from tests.support.pdfs import Rule, Text, body, furniture

MakePdf = Callable[..., Path]


FIRST_LINES = (
    "Partnerskapsmøtet er det øverste organet i samarbeidsstrukturen.",
    "SSU har ansvar for å behandle og fatte vedtak i saker.",
    "AU planlegger og følger opp den løpende driften.",
)


def test_furniture_is_removed_and_kept_aside(make_pdf: MakePdf) -> None:
    pages = [[*furniture(p, 3), *body([FIRST_LINES[p - 1], "Mer tekst her."])] for p in (1, 2, 3)]
    doc = read_layout(make_pdf(pages))
    assert doc.pages == 3
    assert [line.text for line in doc.lines] == [
        text for first in FIRST_LINES for text in (first, "Mer tekst her.")
    ]
    assert [line.text for line in doc.furniture] == [
        text for p in (1, 2, 3) for text in (f"{p} Helsefellesskapet – Ahus og kommunene", f"Side {p} av 3")
    ]


def test_a_line_at_the_top_of_one_page_is_not_furniture(make_pdf: MakePdf) -> None:
    pages = [[*furniture(p, 3), *body(["Tekst på siden."])] for p in (1, 2, 3)]
    pages[1].append(Text("Partnerskapsmøtet 5.2.2026 Vedtatt", 62))
    doc = read_layout(make_pdf(pages))
    assert "Partnerskapsmøtet 5.2.2026 Vedtatt" in doc.page_text(2).splitlines()


def test_bare_and_dashed_page_numbers_are_removed(make_pdf: MakePdf) -> None:
    pages = [[Text(f"- {p} -", 815, x=290, size=9), *body([FIRST_LINES[p - 1]])] for p in (1, 2)]
    pages.append([Text("3", 815, x=290, size=9), *body([FIRST_LINES[2]])])
    doc = read_layout(make_pdf(pages))
    assert doc.text().splitlines() == list(FIRST_LINES)
    assert [line.text for line in doc.furniture] == ["- 1 -", "- 2 -", "3"]


def test_hyphenation_is_repaired_within_and_across_pages(make_pdf: MakePdf) -> None:
    page1 = [
        *furniture(1, 2),
        *body(
            [
                "gjennomføring, enn det som er definert i dag. Flere av prosjektene er by-",
                "overgripende. Bente Heggedal Gerner, avdelingsleder samhandling-",
                "og helsefremmingsavdelingen, og Rekrutterings- og samhandlingstilskudd fra Helse Sør-",
                "Øst ble drøftet. Det satses på digital samhandling og lærings-",
            ]
        ),
    ]
    page2 = [*furniture(2, 2), *body(["muligheter på tvers av nivåene i helse-", "tjenesten."])]
    doc = read_layout(make_pdf([page1, page2]))
    assert doc.text().splitlines() == [
        "gjennomføring, enn det som er definert i dag. Flere av prosjektene er byovergripende.",
        "Bente Heggedal Gerner, avdelingsleder samhandling-",
        "og helsefremmingsavdelingen, og Rekrutterings- og samhandlingstilskudd fra Helse Sør-Øst",
        "ble drøftet. Det satses på digital samhandling og læringsmuligheter",
        "på tvers av nivåene i helsetjenesten.",
    ]
    assert [line.page for line in doc.lines] == [1, 1, 1, 1, 2]


def test_numbered_bold_headings_make_sections_but_vedtak_items_do_not(make_pdf: MakePdf) -> None:
    items = [
        Text("1. Innledning", 80, size=14, bold=True),
        *body(["Årets rapport har et tydeligere fokus enn tidligere."], top=104),
        Text("2. Partnerskapsmøtet", 140, size=14, bold=True),
        *body(
            [
                "Vedtak:",
                "1. Helsefellesskap Oslo skal fortsette sin deltakelse i Kompetansebroen i 2025.",
                "2. Det skal arbeides med integrasjon mellom Kompetansebroen og virksomhetene.",
            ],
            top=164,
        ),
        Text("2.1 Møter og saker", 220, size=12, bold=True),
        *body(["33/24 Velkommen", "Møtet ble holdt 5.2.2026."], top=244),
    ]
    doc = read_layout(make_pdf([items]))
    assert [(s.number, s.title, s.level, s.page) for s in doc.sections] == [
        ("1", "Innledning", 1, 1),
        ("2", "Partnerskapsmøtet", 1, 1),
        ("2.1", "Møter og saker", 2, 1),
    ]
    assert doc.sections[1].text.splitlines() == [
        "Vedtak:",
        "1. Helsefellesskap Oslo skal fortsette sin deltakelse i Kompetansebroen i 2025.",
        "2. Det skal arbeides med integrasjon mellom Kompetansebroen og virksomhetene.",
    ]
    assert [line.text for line in doc.lines if line.heading] == [
        "1. Innledning",
        "2. Partnerskapsmøtet",
        "2.1 Møter og saker",
    ]


def test_unnumbered_headings_are_ranked_by_size(make_pdf: MakePdf) -> None:
    items = [
        Text("Helsefellesskap i Oslo", 80, size=16, bold=True),
        *body(["Denne styresaken beskriver arbeidet med den lokale strukturen."], top=104),
        Text("Organisering", 140, bold=True),
        *body(["Samarbeidsutvalget for hovedstadsområdet har gitt tilslutning."], top=160),
        Text("Kompetansedeling", 190, bold=True),
        *body(["Oslo universitetssykehus har behov for arenaer."], top=210),
    ]
    doc = read_layout(make_pdf([items]))
    assert [(s.number, s.title, s.level) for s in doc.sections] == [
        (None, "Helsefellesskap i Oslo", 1),
        (None, "Organisering", 2),
        (None, "Kompetansedeling", 2),
    ]
    assert doc.sections[1].text == "Samarbeidsutvalget for hovedstadsområdet har gitt tilslutning."


def _toc_line(number_title: str, page: int, y: float) -> list[Text]:
    return [Text(f"{number_title} {'.' * 60}", y), Text(str(page), y, x=539, align_right=True)]


def test_toc_anchors_sections_and_its_page_is_not_a_section(make_pdf: MakePdf) -> None:
    cover = [Text("Årsrapport 2025", 300, size=24, bold=True)]
    toc = [
        Text("Innhold", 80, size=16, bold=True),
        *_toc_line("1. Innledning", 3, 110),
        *_toc_line("2. Strategisk samarbeidsutvalg (SSU)", 3, 130),
        *_toc_line("2.1 Møter og saker", 4, 150),
        *_toc_line("3. Faglige samarbeidsutvalg", 4, 170),
    ]
    page3 = [
        Text("1. Innledning", 80, size=14, bold=True),
        *body(["Årets rapport har et tydeligere fokus enn tidligere."], top=104),
        # Not bold: the TOC still makes it a heading.
        Text("2. Strategisk samarbeidsutvalg (SSU)", 140),
        *body(["SSU har ansvar for å behandle og fatte vedtak."], top=160),
    ]
    page4 = [
        Text("2.1 Møter og saker", 80, size=12, bold=True),
        *body(["SSU har hatt fire ordinære møter."], top=100),
        Text("Resultater", 125, bold=True),
        *body(["Gjennomført fagdag."], top=145),
        Text("2.1.1 Rekrutterings- og samhandlingstilskudd", 170, bold=True),
        *body(["Regjeringen innførte i 2024 et varig tilskudd."], top=190),
        Text("3. Faglige samarbeidsutvalg", 220, size=14, bold=True),
        *body(["De faglige samarbeidsutvalgene utgjør det operative nivået."], top=244),
    ]
    doc = read_layout(make_pdf([cover, toc, page3, page4]))
    assert [(e.number, e.title, e.page, e.level) for e in doc.toc] == [
        ("1", "Innledning", 3, 1),
        ("2", "Strategisk samarbeidsutvalg (SSU)", 3, 1),
        ("2.1", "Møter og saker", 4, 2),
        ("3", "Faglige samarbeidsutvalg", 4, 1),
    ]
    assert [(s.number, s.title, s.level, s.page) for s in doc.sections] == [
        ("1", "Innledning", 1, 3),
        ("2", "Strategisk samarbeidsutvalg (SSU)", 1, 3),
        ("2.1", "Møter og saker", 2, 4),
        ("2.1.1", "Rekrutterings- og samhandlingstilskudd", 3, 4),  # not in the TOC, its parent is
        ("3", "Faglige samarbeidsutvalg", 1, 4),
    ]
    # "Resultater" is emphasised but not a section of a document with a numbered TOC.
    assert doc.sections[2].text.splitlines() == [
        "SSU har hatt fire ordinære møter.",
        "Resultater",
        "Gjennomført fagdag.",
    ]


def test_ruled_table_rows_keep_empty_cells(make_pdf: MakePdf) -> None:
    xs = [56, 180, 380, 539]
    ys = [120, 140, 160, 180]
    grid = [Rule(x, ys[0], x, ys[-1]) for x in xs] + [Rule(xs[0], y, xs[-1], y) for y in ys]
    cells = [
        ("Prosjekt", "Kort beskrivelse", "Status"),
        ("MILA", "Leveranser og mål iht. plan", ""),
        ("Barsel Hjem", "", "Forsinket"),
    ]
    texts = [
        Text(cell, ys[r] + 14, x=xs[c] + 4, size=9.5)
        for r, row in enumerate(cells)
        for c, cell in enumerate(row)
        if cell
    ]
    items = [
        *body(["Tabell 1. Status per 31.12.2025 for de ulike tiltaksområdene"], top=100),
        *grid,
        *texts,
        *body(["Teksten fortsetter under tabellen."], top=200),
    ]
    doc = read_layout(make_pdf([items]))
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.page == 1
    assert table.rows == [list(row) for row in cells]
    assert [(line.text, line.in_table) for line in doc.lines] == [
        ("Tabell 1. Status per 31.12.2025 for de ulike tiltaksområdene", False),
        ("Prosjekt Kort beskrivelse Status", True),
        ("MILA Leveranser og mål iht. plan", True),
        ("Barsel Hjem Forsinket", True),
        ("Teksten fortsetter under tabellen.", False),
    ]


def test_a_single_rule_does_not_make_a_table(make_pdf: MakePdf) -> None:
    doc = read_layout(make_pdf([[Rule(56, 45, 539, 45), *body(["Tekst."])]]))
    assert doc.tables == []


def test_two_columns_are_read_left_then_right(make_pdf: MakePdf) -> None:
    left = [f"Venstre spalte, linje {k}, handler om praksiskonsulenter." for k in range(8)]
    right = [f"Høyre spalte, linje {k}, handler om Møteplass Oslo." for k in range(8)]
    items = [
        Text("Møteplass Oslo", 70, size=18, bold=True),
        *body(left, top=100, size=9),
        *body(right, top=100, x=300, size=9),
    ]
    doc = read_layout(make_pdf([items]))
    assert doc.text().splitlines() == ["Møteplass Oslo", *left, *right]


def test_document_identity_and_metadata(make_pdf: MakePdf) -> None:
    path = make_pdf([body(["Tekst."])])
    doc = read_layout(path)
    assert doc.path == str(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert re.search("ReportLab", doc.metadata["Producer"])
    assert doc.lines[0].size == 10.5 and not doc.lines[0].bold and doc.lines[0].page == 1
    assert doc.lines[0].x0 == 56.0
