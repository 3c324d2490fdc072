"""Title, document type, organ, date and year."""

from __future__ import annotations

import datetime as dt

from corpus_layout import layout_from_lines

from extractors.layout import Line
from nlp.meeting.doc_type import Structure, classify
from nlp.meeting.metadata import find_date_and_year, find_organ, meeting_fields
from nlp.meeting.organs import canonical_organ
from nlp.meeting.title import clean_pdf_title, document_title, labelled_title


def test_pdf_title_used_when_real() -> None:
    assert clean_pdf_title("Microsoft Word - Referat SSU 05.12.24.docx") == "Referat SSU 05.12.24"
    assert clean_pdf_title("Dokument1") is None
    assert clean_pdf_title("20241205_referat.pdf") is None
    lines = [Line("Referat", 1, size=20)]
    assert document_title(lines, {"Title": "Referat Strategisk samarbeidsutvalg 05.12.24"}) == (
        "Referat Strategisk samarbeidsutvalg 05.12.24"
    )


def test_title_from_the_largest_lines_of_the_first_page() -> None:
    lines = [
        Line("Helsefellesskap Oslo", 1, size=14, bold=True),
        Line("Referat", 1, size=20, bold=True),
        Line("Til stede: Svein Lyngroth", 1, size=10.5),
    ]
    assert document_title(lines, {}) == "Helsefellesskap Oslo Referat"  # a bare type word takes its neighbour
    report = [Line("Årsrapport 2025", 1, size=24, bold=True), Line("Behandlet og godkjent av Dato Merknad", 1, size=10)]
    assert document_title(report, {"Title": "Dokument1"}) == "Årsrapport 2025"


def test_a_title_field_is_a_title_line_of_its_value() -> None:
    lines = [
        Line("Helse Fonna HF", 1, size=11, bold=True),
        Line("STYRESAK", 1, size=14, bold=True),
        Line("Sak: Økonomirapport per mai 2023", 1, size=14, bold=True),
        Line("Saksnr.: 045-2023", 1, size=10.5),
    ]
    assert document_title(lines, {}) == "Økonomirapport per mai 2023"
    assert labelled_title("Tittel: Revidert budsjett") == "Revidert budsjett"
    assert labelled_title("Sak: 12/24") is None  # a number, no title
    assert labelled_title("Saksbehandler: Randi Skeie") is None


def test_organ_from_the_meeting_label_and_the_title() -> None:
    layout = layout_from_lines(["Møtegruppe: Strategisk samarbeidsutvalg, SSU", "Møtetid: Torsdag 05.12.24 kl. 13.30 – 15.30"])
    fields = meeting_fields(layout.lines)
    assert fields == {"organ": "Strategisk samarbeidsutvalg, SSU", "date": "Torsdag 05.12.24 kl. 13.30 – 15.30"}
    assert find_organ(layout.lines, title=None, doc_type="referat", fields=fields) == "Strategisk samarbeidsutvalg"
    assert find_organ([], title="Referat frå møte i Lokalt samarbeidsutval", doc_type="referat", fields={}) == "Lokalt samarbeidsutvalg"
    assert canonical_organ("LSU") == "Lokalt samarbeidsutvalg"
    assert canonical_organ("Fagråd smittevern og beredskap") == "Fagråd smittevern og beredskap"


def test_report_organ_date_and_year_from_its_approval_table() -> None:
    layout = layout_from_lines(
        [
            "Årsrapport 2025",
            "Behandlet og godkjent av Dato Merknad",
            "Partnerskapsmøtet 5.2.2026 Vedtatt",
            "Arbeidsutvalget (AU) 22.1.2026 Sluttført rapportutkast",
        ]
    )
    assert find_organ(layout.lines, title="Årsrapport 2025", doc_type="arsrapport", fields={}) == "Partnerskapsmøtet"
    when = find_date_and_year(layout.lines, title="Årsrapport 2025", doc_type="arsrapport", fields={}, metadata={})
    assert (when.date, when.year) == (dt.date(2026, 2, 5), 2025)


def test_minutes_date_from_the_meeting_label() -> None:
    layout = layout_from_lines(["Referat", "Møtetid: Torsdag 05.12.24 kl. 13.30 – 15.30"])
    fields = meeting_fields(layout.lines)
    when = find_date_and_year(layout.lines, title="Referat", doc_type="referat", fields=fields, metadata={})
    assert (when.date, when.year) == (dt.date(2024, 12, 5), 2024)


def test_minutes_date_in_text_skips_deadlines_and_earlier_minutes() -> None:
    layout = layout_from_lines(
        [
            "Referat",
            "Oppfølging av referat fra 09.10.24, frist 1. februar 2025 for innspill, vedlegg datert 1.11.2024.",
            "Møte torsdag 5. desember 2024 kl. 09.00",
        ]
    )
    when = find_date_and_year(layout.lines, title="Referat", doc_type="referat", fields={}, metadata={})
    assert (when.date, when.year) == (dt.date(2024, 12, 5), 2024)


def test_minutes_date_in_text_falls_back_to_a_reference_when_nothing_else() -> None:
    layout = layout_from_lines(["Referat", "Godkjent av utvalget 12.12.2024."])
    when = find_date_and_year(layout.lines, title="Referat", doc_type="referat", fields={}, metadata={})
    assert when.date == dt.date(2024, 12, 12)


def test_board_case_year_from_its_number() -> None:
    layout = layout_from_lines(["Innledning", "Det vises til sak 84/2021 behandlet i styremøtet 28. oktober 2020."])
    when = find_date_and_year(
        layout.lines,
        title=None,
        doc_type="saksframlegg",
        fields={},
        metadata={"CreationDate": "D:20210204120000+01'00'"},
        extra_texts=["Oslo universitetssykehus HF styresak 19/2021 Side 2 av 7"],
    )
    assert (when.date, when.year) == (dt.date(2021, 2, 4), 2021)


def test_document_types() -> None:
    def kind(title: str, first: str = "", body: str = "", structure: Structure | None = None) -> str:
        return classify(title=title, first_page=first, body=body, lines=[], pages=3, structure=structure or Structure())

    assert kind("Referat Strategisk samarbeidsutvalg 05.12.24") == "referat"
    assert kind("Protokoll fra styremøte", structure=Structure(has_attendance=True, cases=2, decided_cases=2)) == "protokoll"
    assert kind("Møteinnkalling LSU") == "innkalling"
    assert kind("Styresak 19/2021 Helsefellesskap") == "saksframlegg"
    assert kind("ÅRSRAPPORT 2019") == "arsrapport"
    assert kind("Retningslinje for samarbeid om utskrivning") == "retningslinje"
    assert kind("Møte", structure=Structure(has_attendance=True, cases=3, decided_cases=3)) == "referat"
    assert kind("Møte 12. mars", structure=Structure(cases=3, proposals=3)) == "innkalling"
    assert kind("Notat") == "annet"


def test_slides_are_a_presentation() -> None:
    lines = [Line(text, page) for page in range(1, 9) for text in ("Møteplass Oslo", "• Felles arena", "• Anbefalinger")]
    assert classify(title="PKO i OUS", first_page="", body="", lines=lines, pages=8, structure=Structure()) == "presentasjon"
