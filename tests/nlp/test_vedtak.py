"""Decision labels and the extent of a decision."""

from __future__ import annotations

import pytest
from corpus_layout import layout_from_lines

from extractors.layout import Line
from nlp.cases.decisions import decision_label, decision_text, is_decision_stop


@pytest.mark.parametrize(
    ("line", "priority", "content"),
    [
        ("Vedtak:", 1, ""),
        ("Vedtak: Innkalling og dagsorden godkjennes", 1, "Innkalling og dagsorden godkjennes"),
        ("Vedtak i SSU:", 1, ""),
        ("Vedtak (enstemmig): Godkjent", 1, "Godkjent"),
        ("Styret fattet følgende vedtak:", 1, ""),
        ("Beslutning:", 1, ""),
        ("Konklusjon:", 2, ""),
        ("Vedtak/konklusjon:", 1, ""),
        ("Oppsummering/vedtak: Prosedyren vedtas", 1, "Prosedyren vedtas"),
        ("Konklusjon og vedtak:", 1, ""),
        ("Forslag til vedtak:", 3, ""),
        ("Framlegg til vedtak:", 3, ""),
        ("Innstilling:", 3, ""),
        ("Tilrådning:", 3, ""),
        ("Tilråding:", 3, ""),
        ("ADM. DIREKTØRS INNSTILLING:", 3, ""),
        ("Administrerende direktørs forslag til vedtak", 3, ""),
        ("Kommunedirektørens forslag til vedtak: Saken tas til orientering", 3, "Saken tas til orientering"),
    ],
)
def test_labels(line: str, priority: int, content: str) -> None:
    label = decision_label(line)
    assert label is not None and (label.priority, label.content) == (priority, content)


@pytest.mark.parametrize("line", ["Vedtaket ble utsatt til neste møte.", "SSU tar informasjonen til orientering.", "Innstillingen er sendt ut.",
                                  "Anbefaling:", "Oppsummering:"])
def test_sentences_are_no_labels(line: str) -> None:
    assert decision_label(line) is None


def test_stops() -> None:
    for line in ["Vedlegg:", "Vedlegg Sak 35/24", "PAUSE", "Sarpsborg, 7. februar 2015", "Hensikt:", "Saksbehandler: Kari Holm",
                 "Oppfølging: Sekretariatet sender planen", "Ansvar: Kari Holm", "Ansvarlig: Fagrådet"]:
        assert is_decision_stop(line), line
    assert not is_decision_stop("Vedlegg 1 godkjennes som en del av avtalen.")


def test_decision_runs_across_a_page_break_with_numbered_points_whole() -> None:
    layout = layout_from_lines(
        [
            "Det er et mål for helsefellesskapet at ressursene kan knyttes til kompetanseplaner.",
            "Vedtak:",
            "1. Helsefellesskap Oslo skal fortsette sin deltakelse i Kompetansebroen i 2025.",
            "2. Det skal legges til rette for videre utvikling og implementering av",
            "helsefellesskapsiden og legesiden.",
            "3. Lokal redaksjon rapporterer om fremdrift til SSU i 2025.",
        ],
        page_breaks=(4,),
    )
    assert decision_text(layout.lines) == (
        "1. Helsefellesskap Oslo skal fortsette sin deltakelse i Kompetansebroen i 2025. "
        "2. Det skal legges til rette for videre utvikling og implementering av helsefellesskapsiden og legesiden. "
        "3. Lokal redaksjon rapporterer om fremdrift til SSU i 2025."
    )


def test_the_decision_taken_wins_over_the_proposal() -> None:
    lines = [Line(t, 1) for t in ["Forslag til vedtak:", "Saken tas til orientering.", "Vedtak:", "Saken ble utsatt."]]
    assert decision_text(lines) == "Saken ble utsatt."


def test_decision_stops_at_material_that_follows_it() -> None:
    lines = [Line(t, 1) for t in ["Vedtak:", "SSU tilslutter seg forslaget.", "PAUSE"]]
    assert decision_text(lines) == "SSU tilslutter seg forslaget."
    bold = [Line("Vedtak:", 1, bold=True, size=11), Line("Referatet godkjennes.", 1, size=11), Line("Innspill fra SSU", 1, bold=True, size=11)]
    assert decision_text(bold, body_size=11) == "Referatet godkjennes."
    assert decision_text([Line("Ingen vedtak i denne saken.", 1)]) is None
