"""Composed documents of formats the samples lack, built as real PDFs and extracted
end to end; each expected value is what the document builder wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from samsok.extraction import extract_file

from . import documents
from .builders import build_pdf


def _extract(tmp_path: Path, name: str) -> dict:
    blocks, style = getattr(documents, name)()
    record = extract_file(build_pdf(tmp_path / f"{name}.pdf", blocks, style))
    data = record.to_dict()
    assert not data.get("error"), data.get("error")
    return data


def _sak(record: dict, saksnummer: str) -> dict:
    found = [sak for sak in record["saker"] if sak["saksnummer"] == saksnummer]
    assert len(found) == 1, [sak["saksnummer"] for sak in record["saker"]]
    return found[0]


def _person(people: list[dict], name: str) -> dict:
    found = [p for p in people if p["name"] == name]
    assert found, [p["name"] for p in people]
    return found[0]


def _names(people: list[dict]) -> set[str]:
    return {p["name"] for p in people}


def test_kommune_protokoll_ps_cases_innstilling_then_vedtak(tmp_path: Path) -> None:
    record = _extract(tmp_path, "kommune_protokoll")
    assert record["doc_type"] == "protokoll"
    assert record["title"] == "MØTEPROTOKOLL Helse- og omsorgsutvalget"
    assert record["organ"] == "Helse- og omsorgsutvalget"
    assert (record["date"], record["year"], record["language"]) == ("2024-03-14", 2024, "nb")
    assert record["sykehusomrader"] == []
    assert [s["saksnummer"] for s in record["saker"]] == ["12/2024", "13/2024", "14/2024"]
    first = _sak(record, "12/2024")
    assert (first["raw"], first["title"], first["page"]) == ("12/24", "Godkjenning av protokoll fra forrige møte", 2)
    plan = _sak(record, "13/2024")
    assert plan["title"] == "Plan for legetjenester 2024–2027"
    assert plan["kind"] == "vedtakssak"
    # the decision taken, not the innstilling before it
    assert plan["vedtak"] == (
        "Helse- og omsorgsutvalget anbefaler kommunestyret å vedta plan for legetjenester 2024–2027. "
        "Planen evalueres i 2026."
    )
    demens = _sak(record, "14/2024")
    assert (demens["kind"], demens["vedtak"]) == ("orienteringssak", "Saken tas til orientering.")
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {
        "Kari Nordby", "Per Egil Haugen", "Sigrid Aasen", "Tor Magne Lie", "Jon Berg", "Hilde Mo", "Anne Lise Dahl",
    }
    assert _names(attendees["absent"]) == {"Ingrid Solberg"}
    assert _person(attendees["present"], "Jon Berg")["substitute_for"] == "Ingrid Solberg"
    assert _person(attendees["present"], "Per Egil Haugen")["role"] == "nestleder"
    assert _person(attendees["present"], "Hilde Mo")["role"] == "kommunalsjef helse og omsorg"
    # party abbreviations after the names are the members' organisations
    assert [_person(attendees["present"], name)["org"] for name in ("Kari Nordby", "Per Egil Haugen", "Jon Berg")] == [
        "Ap", "H", "SV",
    ]
    assert _person(attendees["absent"], "Ingrid Solberg")["org"] == "SV"
    assert attendees["chair"] == "Kari Nordby"
    assert attendees["secretary"] == "Anne Lise Dahl"


def test_nynorsk_kommune_protokoll_vedtak_across_page_break(tmp_path: Path) -> None:
    record = _extract(tmp_path, "nynorsk_kommune_protokoll")
    assert record["doc_type"] == "protokoll"
    assert record["language"] == "nn"
    assert record["organ"] == "Helse- og omsorgsutvalget"
    assert (record["date"], record["year"]) == ("2023-10-03", 2023)
    plan = _sak(record, "31/2023")
    assert (plan["raw"], plan["title"], plan["page"]) == ("31/23", "Bustadsosial handlingsplan 2024–2028", 1)
    assert plan["vedtak"] == (
        "1. Bustadsosial handlingsplan 2024–2028 vert send på høyring med dei endringane som kom fram i møtet. "
        "2. Høyringsfristen vert sett til 1. desember 2023. "
        "3. Planen vert lagd fram for kommunestyret i februar 2024."
    )
    referat = _sak(record, "32/2023")
    assert (referat["kind"], referat["page"]) == ("orienteringssak", 2)
    assert referat["vedtak"] == "Referatsakene vert tekne til orientering."
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {"Ragnhild Fosse", "Terje Hauge", "Knut Ølmheim"}
    assert _names(attendees["absent"]) == {"Liv Berge"}
    assert _person(attendees["present"], "Knut Ølmheim")["substitute_for"] == "Liv Berge"
    assert attendees["chair"] == "Ragnhild Fosse"


def test_nynorsk_samarbeidsutval_referat(tmp_path: Path) -> None:
    record = _extract(tmp_path, "nynorsk_referat")
    assert record["doc_type"] == "referat"
    assert record["language"] == "nn"
    assert record["title"] == "Referat Samarbeidsutvalet Helse Førde og kommunane i Sogn og Fjordane"
    assert record["organ"] == "Samarbeidsutvalget"
    assert (record["date"], record["year"]) == ("2021-01-12", 2021)
    assert set(record["sykehusomrader"]) == {"Helse Førde", "Helse Bergen"}
    assert [(s["saksnummer"], s["raw"]) for s in record["saker"]] == [
        ("1/2021", "01-21"), ("2/2021", "02-21"), ("3/2021", "03-21"),
    ]
    # Vedtak (the decision) wins over Framlegg til vedtak (the proposal)
    assert _sak(record, "1/2021")["vedtak"] == "Innkalling og sakliste vart godkjende utan merknader."
    plan = _sak(record, "2/2021")
    assert plan["title"] == "Felles handlingsplan for helsefellesskapet"
    assert plan["vedtak"] == (
        "Samarbeidsutvalet sluttar seg til utkastet til handlingsplan. Planen vert lagd fram for partnarskapsmøtet i mars."
    )
    eventuelt = _sak(record, "3/2021")
    assert (eventuelt["kind"], eventuelt["vedtak"]) == ("eventuelt", None)
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {
        "Kjersti Nes", "Eirik Sande", "Marit Hovland", "Lars Vik", "Solveig Brekke", "Gunn Eide",
    }
    assert _person(attendees["present"], "Marit Hovland")["org"] == "Helse Bergen"
    assert _person(attendees["present"], "Lars Vik")["role"] == "kommuneoverlege"
    absent = _person(attendees["absent"], "Arne Dale")
    assert (absent["role"], absent["org"]) == ("administrerande direktør", "Helse Førde")
    assert (attendees["chair"], attendees["secretary"]) == ("Kjersti Nes", "Gunn Eide")


def test_lsu_innkalling_proposed_decisions(tmp_path: Path) -> None:
    record = _extract(tmp_path, "lsu_innkalling")
    assert record["doc_type"] == "innkalling"
    assert record["title"] == "Innkalling til møte i Lokalt samarbeidsutvalg (LSU)"
    assert record["organ"] == "Lokalt samarbeidsutvalg"
    assert (record["date"], record["year"], record["language"]) == ("2025-02-06", 2025, "nb")
    assert record["sykehusomrader"] == ["Sykehuset Innlandet"]
    assert [s["saksnummer"] for s in record["saker"]] == ["1/2025", "2/2025", "3/2025", "4/2025", "5/2025"]
    rutine = _sak(record, "3/2025")
    assert rutine["title"] == "Felles rutine for utskrivning av eldre pasienter"
    # the proposal, numbered points kept, the Vedlegg list after it left out
    assert rutine["vedtak"] == (
        "1. LSU slutter seg til revidert rutine for utskrivning av eldre pasienter. "
        "2. Rutinen gjøres gjeldende fra 1. april 2025."
    )
    assert _sak(record, "2/2025")["title"] == "Godkjenning av referat fra møte 28. november 2024"
    assert _sak(record, "4/2025")["kind"] == "orienteringssak"
    assert _sak(record, "5/2025")["kind"] == "eventuelt"
    assert record["attendees"]["present"] == [] and record["attendees"]["absent"] == []


def test_styresak_other_hf(tmp_path: Path) -> None:
    record = _extract(tmp_path, "styresak")
    assert record["doc_type"] == "saksframlegg"
    assert record["title"] == "Styresak 45-2023 Økonomisk langtidsplan 2024–2027"
    assert record["organ"] == "Styret"
    assert (record["date"], record["year"], record["language"]) == ("2023-06-21", 2023, "nb")
    assert record["sykehusomrader"] == ["Sykehuset Østfold"]
    # the heading and its `Saksnr.:` field are one case; `sak 31-2023` in the text is a reference
    assert [s["saksnummer"] for s in record["saker"]] == ["45/2023"]
    sak = record["saker"][0]
    assert (sak["title"], sak["kind"], sak["page"]) == ("Økonomisk langtidsplan 2024–2027", "vedtakssak", 1)
    assert sak["vedtak"] == (
        "Styret vedtar følgende: "
        "1. Styret godkjenner økonomisk langtidsplan 2024–2027 som grunnlag for innspill til Helse Sør-Øst RHF. "
        "2. Styret ber administrerende direktør sikre at investeringene i ny psykiatribygning prioriteres "
        "innenfor planperioden. "
        "3. Styret ber om en statusrapport i styremøtet i desember 2023."
    )


def test_attendee_table_with_merknad(tmp_path: Path) -> None:
    record = _extract(tmp_path, "attendee_table_referat")
    assert record["doc_type"] == "referat"
    assert record["organ"] == "Fagråd"
    assert (record["date"], record["year"]) == ("2023-09-05", 2023)
    assert record["sykehusomrader"] == ["Sykehuset Telemark"]
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {"Tone Ikdahl", "Hans Olav Lien", "Geir Moen", "Lise Tveit", "Randi Holm"}
    assert _names(attendees["absent"]) == {"Berit Aas", "Oddvar Bø"}
    deputy = _person(attendees["present"], "Geir Moen")
    assert (deputy["role"], deputy["org"], deputy["substitute_for"]) == ("Enhetsleder", "Porsgrunn kommune", "Berit Aas")
    absent = _person(attendees["absent"], "Berit Aas")
    assert (absent["role"], absent["org"]) == ("Helse- og omsorgssjef", "Porsgrunn kommune")
    assert (attendees["chair"], attendees["secretary"]) == ("Hans Olav Lien", "Randi Holm")
    assert {p["page"] for p in [*attendees["present"], *attendees["absent"]]} == {1}  # the table's page
    assert _sak(record, "22/2023")["vedtak"] == "Fagrådet tar orienteringen til etterretning."


def test_one_person_per_line_and_dessuten_motte(tmp_path: Path) -> None:
    record = _extract(tmp_path, "one_per_line_referat")
    assert record["organ"] == "Strategisk samarbeidsutvalg"
    assert record["sykehusomrader"] == ["Vestre Viken"]
    assert (record["date"], record["year"]) == ("2022-11-07", 2022)
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {
        "Anne Grethe Kristiansen", "Bjørn Erik Svendsen", "Camilla Tangen", "Dag Inge Ulstein", "Eva Marie Lunde",
    }
    lunde = _person(attendees["present"], "Eva Marie Lunde")
    assert (lunde["role"], lunde["org"]) == ("seniorrådgiver", "Vestre Viken HF")
    assert _names(attendees["absent"]) == {"Frode Hagen"}
    assert (attendees["chair"], attendees["secretary"]) == ("Anne Grethe Kristiansen", "Eva Marie Lunde")
    assert _sak(record, "31/2022")["vedtak"] == "SSU godkjenner revidert tjenesteavtale 3 og 5."


def test_year_first_numbers_and_kind_labels(tmp_path: Path) -> None:
    record = _extract(tmp_path, "mixed_headings_minutes")
    assert record["organ"] == "Samarbeidsforum"
    saker = [(s["saksnummer"], s["raw"], s["title"], s["kind"]) for s in record["saker"]]
    assert saker == [
        ("7/2022", "7/2022", "Status for digital hjemmeoppfølging", "orienteringssak"),
        ("8/2022", "2022/8", "Fremtidig organisering av legevakt", "drøftingssak"),
        ("9/2022", "2022/9", "Eventuelt", "eventuelt"),
    ]
    assert _sak(record, "7/2022")["vedtak"] == "Saken tas til orientering."
    assert _sak(record, "8/2022")["vedtak"] == "Sekretariatet utreder to modeller til neste møte."


def test_dates_times_and_references_are_no_cases(tmp_path: Path) -> None:
    record = _extract(tmp_path, "numbers_not_cases")
    assert [s["saksnummer"] for s in record["saker"]] == ["40/2024", "41/2024"]
    assert (record["date"], record["year"]) == ("2024-12-05", 2024)
    assert record["sykehusomrader"] == ["Helse Stavanger"]
    assert _sak(record, "40/2024")["vedtak"] == (
        "Samarbeidsutvalget tar saken til orientering og ber om ny sak 12.03.25."
    )
    assert _sak(record, "41/2024")["vedtak"] == "Møteplanen vedtas med møter 12.03.25, 11.06.25 og 5.11.25."


@pytest.mark.parametrize("name", [n for n in dir(documents) if not n.startswith("_") and callable(getattr(documents, n))
                                  and getattr(documents, n).__module__ == documents.__name__])
def test_every_composed_document_is_schema_shaped(tmp_path: Path, name: str) -> None:
    record = _extract(tmp_path, name)
    for sak in record["saker"]:
        assert sak["page"] >= 1
        assert sak["title"] and "  " not in sak["title"]
        if sak["vedtak"]:
            assert "Side " not in sak["vedtak"] and " - " not in sak["vedtak"][-4:]


def test_scanned_page_between_text_pages(tmp_path: Path) -> None:
    record = _extract(tmp_path, "scanned_page_referat")
    assert record["source"]["pages"] == 3
    assert record["organ"] == "Overordnet samarbeidsorgan"
    assert (record["date"], record["year"]) == ("2023-05-04", 2023)
    assert record["sykehusomrader"] == ["Helse Møre og Romsdal"]
    plan = _sak(record, "14/2023")
    assert (plan["page"], plan["vedtak"]) == (
        1, "OSO godkjenner felles kompetanseplan med de endringer som kom frem i møtet."
    )
    assert (_sak(record, "15/2023")["page"], _sak(record, "15/2023")["kind"]) == (3, "eventuelt")
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {"Kristin Roald", "Petter Strand", "Tove Myklebust"}
    absent = _person(attendees["absent"], "Unni Lystad")
    assert (absent["role"], absent["org"]) == ("kommuneoverlege", "Ålesund kommune")
    assert attendees["secretary"] == "Tove Myklebust"


def test_present_and_absent_lists_side_by_side(tmp_path: Path) -> None:
    record = _extract(tmp_path, "side_by_side_attendees")
    assert (record["doc_type"], record["organ"]) == ("referat", "Samarbeidsforum")
    assert record["title"] == "Referat fra møte i Samarbeidsforum somatikk"
    assert (record["date"], record["year"]) == ("2025-03-05", 2025)
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {
        "Lise Aamodt", "Geir Olav Hauge", "Hanne Strand", "Knut Eriksen", "Tone Vik",
    }
    assert _names(attendees["absent"]) == {"Bjørn Tangen", "Marit Kolstad"}
    assert _person(attendees["present"], "Geir Olav Hauge")["org"] == "Sarpsborg kommune"
    assert _person(attendees["absent"], "Bjørn Tangen")["org"] == "Fredrikstad kommune"
    assert attendees["secretary"] == "Tone Vik"
    assert [s["saksnummer"] for s in record["saker"]] == ["7/2025", "8/2025"]


def test_label_column_form_with_values_at_right(tmp_path: Path) -> None:
    record = _extract(tmp_path, "label_column_attendees")
    assert (record["doc_type"], record["organ"]) == ("referat", "Strategisk samarbeidsutvalg")
    assert record["title"] == "Møtereferat Strategisk samarbeidsutvalg"
    assert (record["date"], record["year"]) == ("2025-03-12", 2025)
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {"Hilde Brekke", "Arne Vold", "Ragnhild Sola", "Terje Naustvik", "Oddny Lien"}
    assert _names(attendees["absent"]) == {"Eli Fosse", "Sverre Moe"}
    assert _person(attendees["present"], "Hilde Brekke")["role"] == "leder"
    assert (attendees["chair"], attendees["secretary"]) == ("Hilde Brekke", "Oddny Lien")
    sak = _sak(record, "12/2025")
    assert (sak["title"], sak["vedtak"]) == ("Felles plan for legevakt", "Utkastet sendes på høring til kommunene.")


def test_styresak_titled_by_a_sak_field(tmp_path: Path) -> None:
    record = _extract(tmp_path, "styresak_without_heading_number")
    assert (record["doc_type"], record["organ"]) == ("saksframlegg", "Styret")
    assert record["title"] == "Økonomirapport per mai 2023"
    assert (record["date"], record["year"]) == ("2023-06-14", 2023)
    assert record["sykehusomrader"] == ["Helse Fonna"]
    assert [s["saksnummer"] for s in record["saker"]] == ["45/2023"]
    sak = record["saker"][0]
    assert (sak["raw"], sak["title"], sak["page"]) == ("045-2023", "Økonomirapport per mai 2023", 1)
    assert sak["vedtak"] == "Styret tar økonomirapporten per mai 2023 til orientering."


def test_styresak_titled_by_its_largest_bold_line(tmp_path: Path) -> None:
    record = _extract(tmp_path, "styresak_largest_bold_title")
    assert (record["doc_type"], record["organ"]) == ("saksframlegg", "Styret")
    assert record["title"] == "Revidert investeringsbudsjett 2024"
    assert (record["date"], record["year"]) == ("2024-03-20", 2024)
    sak = record["saker"][0]
    assert (sak["saksnummer"], sak["title"]) == ("12/2024", "Revidert investeringsbudsjett 2024")
    assert (sak["kind"], sak["vedtak"]) == ("vedtakssak", "Styret godkjenner revidert investeringsbudsjett for 2024.")


def test_protokoll_fra_styremote_with_tid_and_sted(tmp_path: Path) -> None:
    record = _extract(tmp_path, "styremote_protokoll")
    assert (record["doc_type"], record["organ"]) == ("protokoll", "Styret")
    assert record["title"] == "Protokoll fra styremøte"
    assert (record["date"], record["year"]) == ("2024-04-24", 2024)
    assert record["sykehusomrader"] == ["Helgelandssykehuset"]
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {
        "Grete Møllersen", "Rolf Fagerli", "Siv Lorentzen", "Eirik Bakken", "Tor Jarle Pettersen",
    }
    assert _person(attendees["present"], "Tor Jarle Pettersen")["role"] == "Administrerende direktør"
    assert attendees["chair"] == "Grete Møllersen"
    assert [(s["saksnummer"], s["title"]) for s in record["saker"]] == [
        ("23/2024", "Godkjenning av protokoll fra styremøte 13. mars 2024"),
        ("24/2024", "Virksomhetsrapport mars 2024"),
    ]


def test_bare_referat_heading_with_a_dated_running_header(tmp_path: Path) -> None:
    record = _extract(tmp_path, "bare_referat_heading")
    assert record["doc_type"] == "referat"
    assert record["title"] == "REFERAT Lokalt samarbeidsutvalg Kongsberg"
    assert record["organ"] == "Lokalt samarbeidsutvalg"
    # the meeting's own date, not the earlier date in the running header
    assert (record["date"], record["year"]) == ("2025-02-04", 2025)
    attendees = record["attendees"]
    assert _names(attendees["present"]) == {"Mona Rud", "Harald Tveit", "Berit Nyhus", "Stian Holm"}
    assert attendees["secretary"] == "Stian Holm"
    assert [s["saksnummer"] for s in record["saker"]] == ["1/2025", "2/2025"]


def test_cases_from_a_ruled_case_table(tmp_path: Path) -> None:
    record = _extract(tmp_path, "case_table_referat")
    assert (record["doc_type"], record["organ"], record["date"]) == ("referat", "Fagråd", "2024-09-18")
    assert [(s["saksnummer"], s["raw"], s["title"], s["vedtak"], s["page"]) for s in record["saker"]] == [
        ("21/2024", "21/24", "Godkjenning av innkalling og referat", "Godkjent uten merknader.", 1),
        ("22/2024", "22/24", "Ventetider i poliklinikk", "Fagrådet tar orienteringen til etterretning.", 1),
        ("23/2024", "23/24", "Felles rutine for overføring", "Rutinen vedtas og sendes til SSU.", 1),
    ]
    assert _sak(record, "22/2024")["kind"] == "orienteringssak"
    assert _names(record["attendees"]["present"]) == {"Anita Moe", "Bjarne Lund", "Cecilie Rønning"}


def test_cases_from_a_sak_innhold_ansvar_table(tmp_path: Path) -> None:
    record = _extract(tmp_path, "action_table_referat")
    assert (record["doc_type"], record["organ"], record["date"]) == ("referat", "Lokalt samarbeidsutvalg", "2024-10-03")
    assert [(s["saksnummer"], s["title"], s["vedtak"]) for s in record["saker"]] == [
        ("14/2024", "Referat fra forrige møte", None),
        ("15/2024", "Kapasitet i legevakten", None),
    ]


def test_side_by_side_lists_with_names_on_the_label_lines(tmp_path: Path) -> None:
    record = _extract(tmp_path, "side_by_side_inline_labels")
    assert (record["doc_type"], record["organ"], record["date"]) == ("protokoll", "Overordnet samarbeidsorgan", "2024-11-20")
    assert _names(record["attendees"]["present"]) == {"Vigdis Lunde", "Petter Aune", "Inger Lise Nygård"}
    assert _names(record["attendees"]["absent"]) == {"Arvid Holm", "Sissel Brandvold"}


def test_case_table_continued_on_the_next_page(tmp_path: Path) -> None:
    record = _extract(tmp_path, "case_table_across_pages")
    assert [(s["saksnummer"], s["title"], s["vedtak"], s["page"]) for s in record["saker"]] == [
        ("8/2024", "Godkjenning av referat", "Godkjent.", 1),
        ("9/2024", "Samhandling ved utskrivning", "Arbeidsgruppe opprettes.", 2),
        ("10/2024", "Eventuelt", "Ingen saker.", 2),
        ("11/2024", "Neste møte", "Neste møte holdes 12. juni.", 2),
        ("12/2024", "Rapportering til SSU", "KSU rapporterer i juni.", 2),
    ]
    assert _sak(record, "10/2024")["kind"] == "eventuelt"
    # a row's decision is on its row's page
    assert [s["vedtak_page"] for s in record["saker"]] == [1, 2, 2, 2, 2]


def test_pages_of_attendees_and_decisions_across_page_breaks(tmp_path: Path) -> None:
    record = _extract(tmp_path, "attendees_across_page_break")
    attendees = record["attendees"]
    assert {p["name"]: p["page"] for p in attendees["present"]} == {
        "Kari Nordmann": 1,
        "Ola Hansen": 1,
        "Per W. Dahl": 1,  # broken across the break: its first page
        "Liv Berg": 2,
        "Trond Aasen": 2,
    }
    assert {p["name"]: p["page"] for p in attendees["absent"]} == {"Nina Ask": 2}
    assert [(s["saksnummer"], s["page"], s["vedtak_page"]) for s in record["saker"]] == [
        ("5/2024", 2, 3),
        ("6/2024", 3, 4),  # the label ends page 3, the text is on page 4
        ("7/2024", 4, None),
    ]
