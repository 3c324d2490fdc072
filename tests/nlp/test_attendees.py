"""Attendance: labelled lists, attendee tables, x-per-meeting matrices, chair, secretary."""

from __future__ import annotations

from corpus_layout import layout_from_lines

from extractors.layout import Line, Table
from nlp.attendance.attendee_tables import read_table, read_text_matrices
from nlp.attendance.attendees import extract_attendees


def names(people) -> list[str]:
    return [p.name for p in people]


def test_labelled_lists_bokmal() -> None:
    layout = layout_from_lines(
        [
            "Til stede: Per Hansen (styreleder), Liv Berg, Kjell Moe",
            "Dessuten møtte: Hege Larsen, administrerende direktør, Ole Brun, økonomidirektør",
            "Ikke til stede: Nina Ask",
            "Referent: Siri Dahl",
            "Sak 1/15 Godkjenning av innkalling",
        ]
    )
    got = extract_attendees(layout.lines, case_heading_at={4})
    assert names(got.present) == ["Per Hansen", "Liv Berg", "Kjell Moe", "Hege Larsen", "Ole Brun", "Siri Dahl"]
    assert [(p.name, p.role) for p in got.present[3:5]] == [
        ("Hege Larsen", "administrerende direktør"),
        ("Ole Brun", "økonomidirektør"),
    ]
    assert names(got.absent) == ["Nina Ask"]
    assert (got.chair, got.secretary) == ("Per Hansen", "Siri Dahl")


def test_labelled_lists_nynorsk_with_list_on_following_lines() -> None:
    layout = layout_from_lines(
        [
            "Til stades:",
            "Kari Nes, kommunedirektør Sunnfjord kommune (leiar)",
            "Ingrid Hjelle, kommuneoverlege Kinn kommune",
            "Forfall:",
            "Marit Sande, brukarrepresentant",
            "Møtestad: Førde sentralsjukehus",
            "Møteleiar: Kari Nes",
        ]
    )
    got = extract_attendees(layout.lines)
    assert [(p.name, p.role, p.org) for p in got.present] == [
        ("Kari Nes", "kommunedirektør", "Sunnfjord kommune"),
        ("Ingrid Hjelle", "kommuneoverlege", "Kinn kommune"),
    ]
    assert [(p.name, p.role) for p in got.absent] == [("Marit Sande", "brukarrepresentant")]
    assert got.chair == "Kari Nes"


def test_absence_label_with_a_sub_label_and_a_chair_statement() -> None:
    # corpus/helsefellesskap-oslo-ssu-referat: "Ikke til stede:" ... "Fra:" then the names
    layout = layout_from_lines(
        [
            "Til stede: Svein Lyngroth, kommunaldirektør helse (HLS), Katia",
            "Monclair, medisinsk fagsjef HLS",
            "Ikke til stede:",
            "Fra:",
            "Guri Bergo, etatsdirektør Velferdsetaten (VEL), Kristine",
            "Engen Andreassen, fagsjef LDS",
            "Leder av Strategisk samarbeidsutvalg, Tone Ikdahl, administrerende direktør",
            "Lovisenberg Diakonale sykehus.",
            "Møtegruppe: Strategisk samarbeidsutvalg, SSU",
        ]
    )
    got = extract_attendees(layout.lines)
    assert names(got.present) == ["Svein Lyngroth", "Katia Monclair", "Tone Ikdahl"]
    assert [(p.name, p.role, p.org) for p in got.absent] == [
        ("Guri Bergo", "etatsdirektør", "Velferdsetaten"),
        ("Kristine Engen Andreassen", "fagsjef", "LDS"),
    ]
    assert got.chair == "Tone Ikdahl"


def test_a_leader_of_a_department_is_no_chair() -> None:
    # corpus/ous-pko-presentasjon: a slide, not a list of attendees
    layout = layout_from_lines(["Leder i Avdeling for Samhandling: Kari Skredsvig", "Pasienter og", "pårørende"])
    got = extract_attendees(layout.lines)
    assert (got.present, got.chair) == ([], None)


def test_deputy_makes_the_member_absent() -> None:
    layout = layout_from_lines(["Møtt: Solveig Aa, stadfortredar for Tor Bakke, Helse Førde HF"])
    got = extract_attendees(layout.lines)
    assert [(p.name, p.substitute_for) for p in got.present] == [("Solveig Aa", "Tor Bakke")]
    assert names(got.absent) == ["Tor Bakke"]


def test_attendee_table_with_name_role_org_and_remark() -> None:
    rows = [
        ["Navn", "Stilling", "Organisasjon", "Merknad"],
        ["Kari Nordmann", "Kommunalsjef", "Lørenskog kommune", ""],
        ["Ola Hansen", "Klinikkleder", "Ahus", "Forfall"],
        ["Per Olsen", "Rådgiver", "Rælingen kommune", "Vara for Ola Hansen"],
        ["Navn", "Stilling", "Organisasjon", "Merknad"],
        ["Anne Berg", "Fastlege", "", "Til stede"],
    ]
    got = read_table(rows)
    assert got is not None
    assert [(p.name, p.role, p.org, p.substitute_for) for p in got.present] == [
        ("Kari Nordmann", "Kommunalsjef", "Lørenskog kommune", None),
        ("Per Olsen", "Rådgiver", "Rælingen kommune", "Ola Hansen"),
        ("Anne Berg", "Fastlege", None, None),
    ]
    assert names(got.absent) == ["Ola Hansen"]
    assert read_table([["Prosjekt", "Kort beskrivelse", "Status"], ["MILA", "Leveranser", "Pågår"]]) is None


def test_matrix_table_with_x_per_meeting() -> None:
    rows = [
        ["Representanter", "Stilling og virksomhet", "28.3.19", "12.12.19"],
        ["Øystein Mæland", "Adm. direktør, Ahus", "x", "x"],
        ["Alv Humborstad Sørland", "Bydelsdirektør, Bydel Stovner", "", "x"],
        ["Erik Borge Skei", "Direktør Medisinsk divisjon, Ahus", "-", ""],
        ["Runar Nygård", "Etatsdirektør, Helseetaten", "", "Sluttet"],  # left: attended none
    ]
    got = read_table(rows)
    assert got is not None
    assert [(p.name, p.role, p.org) for p in got.present] == [
        ("Øystein Mæland", "Adm. direktør", "Ahus"),
        ("Alv Humborstad Sørland", "Bydelsdirektør", "Bydel Stovner"),
    ]
    assert names(got.absent) == ["Erik Borge Skei", "Runar Nygård"]
    # Who attended which meeting: the columns with an `x`, as ISO dates.
    assert [p.meetings for p in got.present] == [["2019-03-28", "2019-12-12"], ["2019-12-12"]]
    assert [p.meetings for p in got.absent] == [[], []]


def test_matrix_printed_as_text_lines() -> None:
    # corpus/ahus-oslo-bydeler-arsrapport-2019, a row wrapped over three lines
    lines = [
        "Representanter Stilling og virksomhet 5.3.19 4.6.19 10.9.19 26.11.19",
        "Bente Almås Avdelingsdirektør, Bydel Grorud x x x x",
        "Katrine Hippe Spesialrådgiver divisjon Psykisk",
        "helsevern, Ahus",
        "x Sluttet - -",
        "Andreas Halvorsen Kommunalsjef, Nittedal kommune",
        "SF har avholdt 4 ordinære utvalgsmøter av ca. 2 ½ times varighet. Forumet har behandlet 34 saker.",
    ]
    got = read_text_matrices(lines)
    assert [(p.name, p.role, p.org) for p in got.present] == [
        ("Bente Almås", "Avdelingsdirektør", "Bydel Grorud"),
        ("Katrine Hippe", "Spesialrådgiver divisjon Psykisk helsevern", "Ahus"),
    ]
    assert names(got.absent) == ["Andreas Halvorsen"]


def test_tables_in_the_layout_are_read() -> None:
    lines = [Line("Forfall:", 1, top=100.0)]
    table = Table(page=1, top=120.0, rows=[["Navn", "Stilling"], ["Nina Ask", "Styremedlem"]])
    got = extract_attendees(lines, [table])
    assert [(p.name, p.role) for p in got.absent] == [("Nina Ask", "Styremedlem")]



def test_municipal_member_labels_bokmal_and_nynorsk() -> None:
    """`Faste medlemmer som møtte:` / `Varamedlemmer som møtte:` (and nynorsk) open lists,
    and `Jon Berg (SV) for Ingrid Solberg` names the absent member."""
    for present_label, deputy_label in (
        ("Faste medlemmer som møtte:", "Varamedlemmer som møtte:"),
        ("Faste medlemer som møtte:", "Varamedlemer som møtte:"),
    ):
        lines = [
            Line(text, page=1)
            for text in (
                present_label,
                "Kari Nordby, leder (Ap)",
                "Forfall:",
                "Ingrid Solberg (SV)",
                deputy_label,
                "Jon Berg (SV) for Ingrid Solberg",
            )
        ]
        got = extract_attendees(lines)
        assert names(got.present) == ["Kari Nordby", "Jon Berg"]
        assert names(got.absent) == ["Ingrid Solberg"]
        assert got.present[1].substitute_for == "Ingrid Solberg"
        assert got.chair == "Kari Nordby"


def test_attendee_table_remark_names_officers() -> None:
    rows = [
        ["Navn", "Stilling", "Organisasjon", "Merknad"],
        ["Hans Olav Lien", "Kommunalsjef", "Skien kommune", "Leder"],
        ["Randi Holm", "Rådgiver", "Sykehuset Telemark HF", "Referent"],
    ]
    got = extract_attendees([], [Table(page=1, rows=rows)])
    assert (got.chair, got.secretary) == ("Hans Olav Lien", "Randi Holm")


def test_a_qualified_list_label_keeps_its_list() -> None:
    layout = layout_from_lines(
        [
            "Til stede fra styret: Grete Møllersen, Rolf Fagerli",
            "Forfall frå kommunane:",
            "Eirik Bakken",
            "Sak 23/2024 Godkjenning av protokoll",
        ]
    )
    got = extract_attendees(layout.lines, case_heading_at={3})
    assert names(got.present) == ["Grete Møllersen", "Rolf Fagerli"]
    assert names(got.absent) == ["Eirik Bakken"]


def test_a_qualified_leader_label_names_no_chair() -> None:
    layout = layout_from_lines(["Leder i Avdeling for samhandling: Kari Skredsvig", "Pasienter og pårørende"])
    got = extract_attendees(layout.lines, case_heading_at=set())
    assert (names(got.present), got.chair) == ([], None)
