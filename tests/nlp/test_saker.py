"""Cases: headings, titles, kinds, decisions, pages; cases listed by title in reports."""

from __future__ import annotations

from pathlib import Path

from corpus_layout import layout_from_lines, layout_from_text

from extractors.layout import Line
from nlp.cases.case_kinds import case_kind, decision_kind, section_kind
from nlp.cases.cases import extract_saker

TEXTS = Path(__file__).resolve().parent / "texts"


def test_ssu_style_cases_with_kind_word_and_title_below() -> None:
    layout = layout_from_lines(
        [
            "Saknr. SAKSLISTE",
            "33/24 Velkommen",
            "Vedtak:",
            "Innkalling og dagsorden godkjennes",
            "36/24 Orienteringssak",
            "Felles gevinstuttak i kommunen og spesialisthelsetjenesten ved Svein Lyngroth",
            "Kort orientering om prosess for avtaler om felles gevinstuttak.",
            "Vedtak:",
            "SSU tar informasjonen til orientering.",
            "40/24",
            "Evaluering Helsekonferanse 23.09.24 ved Stine E. Hansen",
            "Hensikt:",
            "Presentasjon av resultater.",
            "41/24 Eventuelt",
            "Vedlegg Sak 36/24",
            "Presentasjon Felles gevinstuttak",
        ],
        page_breaks=(4, 9),
    )
    saker, headings = extract_saker(layout.lines, context_year=2024)
    assert [(s.saksnummer, s.raw, s.title, s.kind, s.vedtak, s.page) for s in saker] == [
        ("33/2024", "33/24", "Velkommen", "vedtakssak", "Innkalling og dagsorden godkjennes", 1),
        (
            "36/2024",
            "36/24",
            "Felles gevinstuttak i kommunen og spesialisthelsetjenesten ved Svein Lyngroth",
            "orienteringssak",
            "SSU tar informasjonen til orientering.",
            2,
        ),
        ("40/2024", "40/24", "Evaluering Helsekonferanse 23.09.24 ved Stine E. Hansen", None, None, 3),
        ("41/2024", "41/24", "Eventuelt", "eventuelt", None, 3),
    ]
    assert len(headings) == 4  # "Vedlegg Sak 36/24" opens no case


def test_wrapped_title_goes_on_after_a_dangling_word() -> None:
    layout = layout_from_lines(
        [
            "38/24 Forslag til prosess for samarbeid ved endringer som påvirker partnerne i",
            "Helsefelleskap ved Stine Wågsås",
            "Se vedlegg 20241205 Presentasjon",
        ]
    )
    saker, _ = extract_saker(layout.lines, context_year=2024)
    assert saker[0].title == "Forslag til prosess for samarbeid ved endringer som påvirker partnerne i Helsefelleskap ved Stine Wågsås"


def test_same_style_heading_line_joins_the_title() -> None:
    lines = [
        Line("33/24 Velkommen", 1, size=12, bold=True, heading=True),
        Line("Godkjenne innkalling og dagsorden", 1, size=12, bold=True),
        Line("Vedtak:", 1, size=11, bold=True),
        Line("Innkalling og dagsorden godkjennes", 1, size=11),
    ]
    saker, _ = extract_saker(lines, context_year=2024, body_size=11)
    assert saker[0].title == "Velkommen Godkjenne innkalling og dagsorden"


def test_agenda_and_case_body_are_one_case() -> None:
    layout = layout_from_lines(
        [
            "Saksliste:",
            "Sak 12/24 Budsjett 2025",
            "Sak 13/24 Eventuelt",
            "Sak 12/24 Budsjett 2025",
            "Kommunedirektøren la fram forslaget.",
            "Vedtak:",
            "Budsjettet vedtas.",
            "Sak 13/24 Eventuelt",
        ],
        page_breaks=(3,),
    )
    saker, _ = extract_saker(layout.lines, context_year=2024)
    assert [(s.saksnummer, s.vedtak, s.page) for s in saker] == [("12/2024", "Budsjettet vedtas.", 2), ("13/2024", None, 2)]


def test_board_minutes_with_year_first_numbers_and_a_reference() -> None:
    layout = layout_from_text((TEXTS / "bokmal-protokoll.txt").read_text(encoding="utf-8"))
    saker, _ = extract_saker(layout.lines, context_year=2015)
    assert [(s.saksnummer, s.raw, s.title) for s in saker] == [
        ("15/2014", "2014/15", "Godkjenning av protokoll fra forrige møte"),
        ("16/2015", "2015/16", "Budsjett 2015"),
    ]
    assert saker[0].vedtak == "Protokollen fra styremøtet 10. desember 2014 godkjennes."
    assert saker[1].vedtak == (
        "1. Styret vedtar budsjett for 2015 med et resultatkrav på 40 millioner kroner. "
        "2. Styret ber administrerende direktør rapportere om status hvert kvartal."
    )


def test_report_lists_cases_by_title_under_kind_headings() -> None:
    # corpus/ahus-oslo-bydeler-arsrapport-2019
    layout = layout_from_lines(
        [
            "Direktørmøtet har behandlet 16 saker.",
            "Vedtakssaker",
            "\uf0b7 Møteplan 2020",
            "\uf0b7 Utrede muligheten for å opprette et FACT-team i samarbeid med bydelene og",
            "kommune",
            "Orienteringssaker",
            "• Årsrapport 2018",
            "Temasaker",
            "• Status avtalerevisjon",
            "Samarbeidsforum (SF) – representanter og saker",
        ]
    )
    saker, _ = extract_saker(layout.lines)
    assert [(s.saksnummer, s.title, s.kind) for s in saker] == [
        (None, "Møteplan 2020", "vedtakssak"),
        (None, "Utrede muligheten for å opprette et FACT-team i samarbeid med bydelene og kommune", "vedtakssak"),
        (None, "Årsrapport 2018", "orienteringssak"),
        (None, "Status avtalerevisjon", "temasak"),
    ]


def test_numbered_cases_under_kind_headings_take_their_kind() -> None:
    layout = layout_from_lines(["Drøftingssaker", "Sak 5/25 Felles handlingsplan", "Innspill fra utvalget."])
    saker, _ = extract_saker(layout.lines, context_year=2025)
    assert [(s.saksnummer, s.kind) for s in saker] == [("5/2025", "drøftingssak")]


def test_kind_rules() -> None:
    assert section_kind("Orienteringssaker") == "orienteringssak"
    assert section_kind("Saker til orientering:") == "orienteringssak"
    assert section_kind("Orienteringssaker handler om") is None
    assert decision_kind("SSU tar evalueringen til orientering. Innspill tas med.") == "orienteringssak"
    assert decision_kind("Lokalt samarbeidsutval tek orienteringa til etterretning.") == "orienteringssak"
    assert case_kind(title="Evaluering av dagens møte", vedtak="Innspill tas med.") == "vedtakssak"
    assert case_kind(title="Budsjett", vedtak=None) is None
    assert case_kind(title="Budsjett", prefix="RS") == "orienteringssak"
    assert case_kind(title="Felles plan", label="Orienteringssak", vedtak="Planen vedtas.") == "orienteringssak"


def test_a_decision_of_points_is_an_information_case_only_when_every_point_says_so() -> None:
    decides = "1. Styret tar saken til etterretning. 2. Styret ber administrerende direktør legge fram en plan."
    assert decision_kind(decides) is None
    assert case_kind(title="Økonomirapport", vedtak=decides) == "vedtakssak"
    noted = "1. Saken tas til orientering. 2. Rapporten tas til etterretning."
    assert decision_kind(noted) == "orienteringssak"


def test_report_section_named_by_case_kind() -> None:
    # corpus/helsefellesskapet-ahus-arsrapport-2025: table of contents and the section itself
    lines = [
        Line("3.1.2 Temasak Pasientflyt ......................................... 6", 2, size=11),
        Line("3.1.2 Temasak Pasientflyt", 6, size=13, bold=True, heading=True),
        Line("Utskrivningsklare pasienter er et prioritert samarbeidsområde.", 6, size=11),
        Line("Temasak om rus ble drøftet", 6, size=11),
    ]
    saker, _ = extract_saker(lines, body_size=11)
    assert [(s.saksnummer, s.title, s.kind, s.page) for s in saker] == [(None, "Pasientflyt", "temasak", 6)]


def test_case_number_repeated_in_its_own_field_is_one_case() -> None:
    from extractors.layout import Line as _Line
    from nlp.cases.cases import extract_saker as _extract_saker

    texts = [
        ("Styresak 45-2023", True),
        ("Økonomisk langtidsplan 2024–2027", True),
        ("Saksnr.: 045-2023", False),
        ("Møtedato: 21.06.2023", False),
        ("Forslag til vedtak:", True),
        ("Styret godkjenner planen.", False),
    ]
    lines = [_Line(text, page=1, size=16.0 if bold else 11.0, bold=bold) for text, bold in texts]
    saker, _ = _extract_saker(lines, context_year=2023, body_size=11.0)
    assert [(s.saksnummer, s.title, s.vedtak) for s in saker] == [
        ("45/2023", "Økonomisk langtidsplan 2024–2027", "Styret godkjenner planen.")
    ]


def test_kind_label_before_the_title_is_not_part_of_it() -> None:
    from extractors.layout import Line as _Line
    from nlp.cases.cases import extract_saker as _extract_saker

    lines = [
        _Line("Sak 2022/8 Drøftingssak: Fremtidig organisering av legevakt", page=1, bold=True),
        _Line("Sak nr. 7/2022:", page=1, bold=True),
        _Line("Orienteringssak: Status for digital hjemmeoppfølging", page=1, bold=True),
    ]
    saker, _ = _extract_saker(lines, context_year=2022)
    assert [(s.saksnummer, s.title, s.kind) for s in saker] == [
        ("8/2022", "Fremtidig organisering av legevakt", "drøftingssak"),
        ("7/2022", "Status for digital hjemmeoppfølging", "orienteringssak"),
    ]


def test_a_case_number_field_takes_no_other_field_as_its_title() -> None:
    layout = layout_from_lines(
        ["Saksnr.: 045-2023", "Møtedato: 14.06.2023", "Forslag til vedtak:", "Styret tar rapporten til orientering."]
    )
    saker, _ = extract_saker(layout.lines, context_year=2023)
    assert [(s.saksnummer, s.raw, s.title) for s in saker] == [("45/2023", "045-2023", None)]


def test_a_case_number_without_a_field_colon_takes_the_next_line_as_title() -> None:
    layout = layout_from_lines(["Sak 12/24", "Høring: Nasjonal helse- og samhandlingsplan", "Vedtak:", "Saken tas til orientering."])
    saker, _ = extract_saker(layout.lines, context_year=2024)
    assert [(s.saksnummer, s.title) for s in saker] == [("12/2024", "Høring: Nasjonal helse- og samhandlingsplan")]
