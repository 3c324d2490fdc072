"""Meeting templates that put metadata and decisions in ruled tables, composed as PDFs
and extracted end to end; each expected value is what the document builder wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_formats import _extract, _names, _sak


def test_label_value_metadata_table_under_the_title(tmp_path: Path) -> None:
    record = _extract(tmp_path, "metadata_table_referat")
    assert (record["doc_type"], record["title"], record["organ"]) == ("referat", "Referat", "Lokalt samarbeidsutvalg")
    assert (record["date"], record["year"], record["language"]) == ("2025-03-12", 2025, "nb")
    assert record["sykehusomrader"] == ["Ahus"]
    # the table's cells are neither attendees nor cases
    assert _names(record["attendees"]["present"]) == {"Eirik Sandvik", "Lene Hovde", "Marte Kolstad"}
    assert _names(record["attendees"]["absent"]) == {"Geir Opsahl"}
    assert [(s["saksnummer"], s["title"], s["vedtak"]) for s in record["saker"]] == [
        ("7/2025", "Godkjenning av innkalling og referat", "Innkalling og referat godkjennes."),
        ("8/2025", "Felles plan for utskrivningsklare pasienter", "Utvalget slutter seg til planen."),
    ]


def test_metadata_table_with_labels_as_a_header_row(tmp_path: Path) -> None:
    record = _extract(tmp_path, "metadata_header_table_innkalling")
    # the header row under the type word is no part of the title
    assert (record["doc_type"], record["title"]) == ("innkalling", "Møteinnkalling")
    assert (record["organ"], record["date"], record["year"]) == ("Strategisk samarbeidsutvalg", "2025-06-03", 2025)
    assert record["attendees"]["present"] == [] and record["attendees"]["absent"] == []
    assert [(s["saksnummer"], s["vedtak"]) for s in record["saker"]] == [
        ("19/2025", "Innkalling og saksliste godkjennes."),
        ("20/2025", "Handlingsplanen vedtas."),
    ]


def test_kommune_protocol_cases_as_ruled_label_text_blocks(tmp_path: Path) -> None:
    record = _extract(tmp_path, "case_block_protokoll")
    assert (record["doc_type"], record["title"]) == ("protokoll", "MØTEPROTOKOLL Helse- og omsorgsutvalget")
    assert (record["organ"], record["date"]) == ("Helse- og omsorgsutvalget", "2025-05-22")
    assert _names(record["attendees"]["present"]) == {"Tone Brekke", "Olav Granum", "Hanne Rustad"}
    assert [(s["saksnummer"], s["raw"], s["page"]) for s in record["saker"]] == [
        ("31/2025", "31/25", 1), ("32/2025", "32/25", 1), ("33/2025", "33/25", 1),
    ]
    assert _sak(record, "31/2025")["vedtak"] == "Protokoll fra møtet 10.04.2025 godkjennes."
    # the right cell of the Vedtak row, not the innstilling or the behandling
    assert _sak(record, "32/2025")["vedtak"] == (
        "Helse- og omsorgsutvalget anbefaler at planen vedtas. Planens tiltak rapporteres årlig til utvalget."
    )
    # numbered points whole, the block continuing on the next page
    assert _sak(record, "33/2025")["vedtak"] == (
        "1. Legevaktsamarbeidet med Hamar og Stange videreføres fra 1.1.2026. "
        "2. Avtalen forhandles med en kostnadsfordeling etter innbyggertall. "
        "3. Samarbeidet evalueres innen utgangen av 2027. "
        "4. Utvalget får en orientering om legevaktens bemanning hvert halvår. "
        "5. Kommunedirektøren gis fullmakt til å signere avtalen."
    )


def test_kommune_protocol_vedtak_cell_broken_across_pages(tmp_path: Path) -> None:
    record = _extract(tmp_path, "case_block_protokoll_vedtak_cell_split")
    # the list line of names (larger than the tables' body text) is no heading
    assert _names(record["attendees"]["present"]) == {"Tone Brekke", "Olav Granum", "Hanne Rustad"}
    assert [(s["saksnummer"], s["page"]) for s in record["saker"]] == [("31/2025", 1), ("32/2025", 1), ("33/2025", 1)]
    assert _sak(record, "33/2025")["vedtak"] == (
        "1. Legevaktsamarbeidet med Hamar og Stange videreføres fra 1.1.2026. "
        "2. Avtalen forhandles med en kostnadsfordeling etter innbyggertall. "
        "3. Samarbeidet evalueres innen utgangen av 2027. "
        "4. Utvalget får en orientering om legevaktens bemanning hvert halvår. "
        "5. Kommunedirektøren gis fullmakt til å signere avtalen."
    )


@pytest.mark.parametrize(
    ("name", "doc_type", "title"),
    [
        # the title names notice and minutes: the meeting held (present, Vedtak:) decides
        ("innkalling_og_referat", "referat", "Møteinnkalling og referat"),
        ("innkalling_og_referat_not_held", "innkalling", "Innkalling og referat"),
    ],
)
def test_notice_and_minutes_title(tmp_path: Path, name: str, doc_type: str, title: str) -> None:
    record = _extract(tmp_path, name)
    assert (record["doc_type"], record["title"]) == (doc_type, title)
    assert record["organ"] == "Klinisk samarbeidsutvalg"
