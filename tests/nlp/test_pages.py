"""Provenance: the page of every attendee (`Attendee.page`) and of every case's decision
(`Sak.vedtak_page`). Expected pages are read from the documents (shared/corpus dumps,
page breaks as samples/expected/README.md "Page numbers" describes them)."""

from __future__ import annotations

from functools import cache

from corpus_layout import layout_from_lines

from contract.record import Record
from extractors import read_layout
from nlp import build_record
from nlp.attendance.attendee_tables import read_text_matrices
from nlp.attendance.attendees import extract_attendees
from nlp.cases.cases import extract_saker
from tests.support.paths import SAMPLES


@cache
def _record(stem: str) -> Record:
    layout = read_layout(str(SAMPLES / f"{stem}.pdf"))
    return build_record(layout, path=f"{stem}.pdf", sha256="0" * 64)


def _pages(people) -> dict[str, int | None]:
    return {p.name: p.page for p in people}


def test_ssu_minutes_attendees_are_on_page_1() -> None:
    attendees = _record("helsefellesskap-oslo-ssu-referat-2024-12-05").attendees
    # Til stede / Ikke til stede and the chair's statement all stand on page 1 (dump lines 13-97);
    # a deputy's absent member (stedfortreder Øystein Mæland) is named in the same list.
    people = [*attendees.present, *attendees.absent]
    assert {"Svein Lyngroth", "Asle W. Medhus", "Johanne M. K. Askvig", "Tone Ikdahl"} <= _pages(people).keys()
    assert {"Øystein Mæland", "Torkil Clementsen", "Kathrine Forsdahl"} <= _pages(attendees.absent).keys()
    assert all(p.page == 1 for p in people)


def test_ssu_minutes_vedtak_pages() -> None:
    saker = {s.saksnummer: s for s in _record("helsefellesskap-oslo-ssu-referat-2024-12-05").saker}
    # 35/24 starts on page 2; its `Vedtak:` (dump line 291) is on page 3 and the text
    # runs on past the 3->4 break.
    assert (saker["35/2024"].page, saker["35/2024"].vedtak_page) == (2, 3)
    # 42/24 starts on page 6; its `Vedtak:` label ends page 6, the text is on page 7.
    assert (saker["42/2024"].page, saker["42/2024"].vedtak_page) == (6, 7)
    # 36/24 (page 4) decides on its own page; Eventuelt has no vedtak.
    assert (saker["36/2024"].page, saker["36/2024"].vedtak_page) == (4, 4)
    assert saker["41/2024"].vedtak is None and saker["41/2024"].vedtak_page is None


def test_annual_report_2019_table_attendees_take_their_table_page() -> None:
    record = _record("ahus-oslo-bydeler-arsrapport-2019")
    present, absent = _pages(record.attendees.present), _pages(record.attendees.absent)
    # Direktørmøte matrix, page 1 part (dump lines 41-52).
    for name in ("Øystein Mæland", "Jørn Artur Limi", "Anita Bjørnstad", "Inge Skråmm", "Marius Trana"):
        assert present[name] == 1, name
    assert absent["Erik Borge Skei"] == 1
    # Its continuation on page 2 (lines 53-80); Nielsen and Gerner are listed here first.
    for name in ("Alv Humborstad Sørland", "Pål Wiik", "Bente Almås", "Bente Heggedal Gerner", "Bjørn Hjalmar Nielsen"):
        assert present[name] == 2, name
    for name in ("Øystein Eriksen Søreide", "Helge Jagman", "Runar Nygård"):
        assert absent[name] == 2, name
    # Samarbeidsforum matrix on page 3 (lines 117-160).
    for name in ("Kari Sørum", "Marianne Waet Hulby", "Katrine Hippe", "Esben Madsen"):
        assert present[name] == 3, name
    assert absent["Andreas Halvorsen"] == 3
    # Cases listed by title have no decision.
    assert record.saker and all(s.vedtak_page is None for s in record.saker)


def test_list_across_a_page_break_and_vedtak_on_the_next_page() -> None:
    texts = [
        "Referat fra møte i samarbeidsutvalget",
        "Til stede: Kari Nordmann, kommunedirektør, Ola Hansen,",
        "fagsjef, Per W.",  # the name breaks across the page break
        "Dahl, rådgiver, Liv Berg",
        "Forfall: Nina Ask",
        "Sak 1/24 Godkjenning av innkalling",
        "Innkallingen ble gjennomgått.",
        "Vedtak:",
        "Innkallingen godkjennes.",
        "Sak 2/24 Budsjett",
        "Vedtak: Budsjettet vedtas.",
        "Sak 3/24 Eventuelt",
    ]
    layout = layout_from_lines(texts, page_breaks=(3, 8))
    saker, heading_at = extract_saker(layout.lines)
    attendees = extract_attendees(layout.lines, case_heading_at=heading_at)
    assert _pages(attendees.present) == {"Kari Nordmann": 1, "Ola Hansen": 1, "Per W. Dahl": 1, "Liv Berg": 2}
    assert _pages(attendees.absent) == {"Nina Ask": 2}
    assert [(s.saksnummer, s.page, s.vedtak, s.vedtak_page) for s in saker] == [
        ("1/2024", 2, "Innkallingen godkjennes.", 3),
        ("2/2024", 3, "Budsjettet vedtas.", 3),
        ("3/2024", 3, None, None),
    ]


def test_text_matrix_rows_take_the_page_of_their_first_line() -> None:
    lines = [
        "Representanter Stilling og virksomhet 5.3.19 4.6.19",
        "Kari Sørum Avdelingsdirektør Bydel Alna x x",
        "Katrine Hippe Spesialrådgiver divisjon Psykisk",
        "helsevern, Ahus x -",
        "Andreas Halvorsen Kommunalsjef, Nittedal kommune",
    ]
    got = read_text_matrices(lines, [3, 3, 3, 4, 4])
    assert _pages(got.present) == {"Kari Sørum": 3, "Katrine Hippe": 3}
    assert _pages(got.absent) == {"Andreas Halvorsen": 4}


def test_who_attended_which_meeting_in_the_2019_tables() -> None:
    """Read from the ruled x-per-date tables of the sample (its generator's table rows:
    `Kari Sørum | ... |  | x |  | x` under 5.3.19 | 4.6.19 | 10.9.19 | 26.11.19)."""
    record = _record("ahus-oslo-bydeler-arsrapport-2019")
    meetings = {p.name: p.meetings for p in record.attendees.present}
    assert meetings["Kari Sørum"] == ["2019-06-04", "2019-11-26"]
    assert meetings["Monika Vartdal"] == ["2019-03-05", "2019-06-04", "2019-09-10"]
    assert meetings["Øystein Mæland"] == ["2019-03-28", "2019-12-12"]
    assert all(not p.meetings for p in record.attendees.absent)
