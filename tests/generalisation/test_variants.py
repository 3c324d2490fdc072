"""Real-world variants of the common formats, composed as PDFs and extracted end to
end: an agenda before the cases, decision label wordings, meeting date forms, the
document types' title words, other regions' hospital areas and the language."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_formats import _extract, _sak


def test_agenda_then_cases_one_sak_per_number_from_its_own_section(tmp_path: Path) -> None:
    record = _extract(tmp_path, "agenda_then_cases")
    assert record["doc_type"] == "referat"
    assert (record["date"], record["year"], record["language"]) == ("2024-12-05", 2024, "nb")
    assert record["sykehusomrader"] == ["Helse Bergen"]
    assert [s["saksnummer"] for s in record["saker"]] == ["12/2024", "13/2024", "14/2024"]
    first = _sak(record, "12/2024")
    assert (first["title"], first["page"], first["vedtak"]) == (
        "Godkjenning av innkalling", 2, "Innkallingen godkjennes uten merknader.",
    )
    plan = _sak(record, "13/2024")
    # the case heading's title (no presenter, no page number), the page of the section
    assert (plan["title"], plan["page"]) == ("Handlingsplan for legemiddelsamstemming", 2)
    # Vedtak/konklusjon: is a decision; Oppfølging:/Ansvar: lines are not part of it
    assert plan["vedtak"] == "Samarbeidsutvalget slutter seg til handlingsplanen."
    hospitering = _sak(record, "14/2024")
    assert (hospitering["title"], hospitering["page"]) == ("Kompetansedeling mellom nivåene", 3)
    assert hospitering["vedtak"] == "Det etableres et hospiteringsprogram fra 2025."


def test_decision_label_wordings(tmp_path: Path) -> None:
    record = _extract(tmp_path, "decision_label_variants")
    assert _sak(record, "20/2024")["vedtak"] == "Utvalget tar statusrapporten til etterretning."
    assert _sak(record, "21/2024")["vedtak"] == "Prosedyren vedtas med de endringer som kom fram i møtet."
    assert _sak(record, "22/2024")["vedtak"] == "Modellen prøves ut i ett år."
    # Anbefaling: is not one of the contract's decision labels
    assert _sak(record, "23/2024")["vedtak"] is None
    assert _sak(record, "24/2024")["kind"] == "eventuelt"


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("date_dotted", "2024-12-05"),
        ("date_dotted_short_day", "2024-12-05"),
        ("date_weekday_month_name", "2024-12-05"),
        ("date_iso", "2024-12-05"),
        ("date_two_digit_year_and_time", "2024-12-05"),
        ("date_among_other_dates", "2024-12-05"),
        ("date_unlabelled_after_references", "2024-12-05"),
        ("nynorsk_date_referat", "2025-03-03"),
    ],
)
def test_meeting_date_forms(tmp_path: Path, name: str, date: str) -> None:
    record = _extract(tmp_path, name)
    assert record["doc_type"] == "referat"
    assert (record["date"], record["year"]) == (date, int(date[:4]))
    assert len(record["saker"]) == 1


def test_nynorsk_date_document_is_nynorsk(tmp_path: Path) -> None:
    record = _extract(tmp_path, "nynorsk_date_referat")
    assert record["language"] == "nn"
    assert record["saker"][0]["vedtak"] == "Referatet vart godkjent utan merknader."


@pytest.mark.parametrize(
    ("name", "doc_type", "title"),
    [
        ("type_moteprotokoll", "protokoll", "Møteprotokoll Strategisk samarbeidsutvalg"),
        ("type_protokoll_fra_mote", "protokoll", "Protokoll fra møte i Strategisk samarbeidsutvalg"),
        ("type_saksframlegg", "saksframlegg", "Saksframlegg Felles kompetanseplan"),
        ("type_styresak", "saksframlegg", "Styresak 45/2024 Økonomisk langtidsplan"),
        ("type_retningslinje", "retningslinje", "Retningslinje for utskrivning av pasienter"),
        # agreements are retningslinje (rule in nlp/data/doc_type_cues.tsv)
        ("type_samarbeidsavtale", "retningslinje", "Samarbeidsavtale mellom Vestre Viken HF og kommunene"),
        ("type_tjenesteavtale", "retningslinje", "Tjenesteavtale 2"),
        ("type_moteinnkalling", "innkalling", "Møteinnkalling Strategisk samarbeidsutvalg"),
        ("type_arsmelding", "arsrapport", "Årsmelding 2023"),
        ("type_presentasjon", "presentasjon", "Presentasjon Strategisk samarbeidsutvalg"),
    ],
)
def test_doc_type_from_title_words(tmp_path: Path, name: str, doc_type: str, title: str) -> None:
    record = _extract(tmp_path, name)
    assert (record["doc_type"], record["title"], record["language"]) == (doc_type, title, "nb")


def test_arsmelding_year_is_the_report_year(tmp_path: Path) -> None:
    assert _extract(tmp_path, "type_arsmelding")["year"] == 2023


@pytest.mark.parametrize(
    ("name", "areas"),
    [
        ("area_publisher_line", ["Helse Bergen"]),
        ("area_unn_possessive", ["UNN"]),
        ("area_st_olav_title", ["St. Olavs hospital"]),
        ("area_innlandet_possessive", ["Sykehuset Innlandet"]),
        ("area_vestre_viken_possessive", ["Vestre Viken"]),
        ("type_samarbeidsavtale", ["Vestre Viken"]),
        # many hospitals named in passing: the document belongs to none of them
        ("area_passing_list", []),
        ("area_publisher_with_hospital_list", ["Sykehuset Innlandet"]),
    ],
)
def test_hospital_areas_of_other_regions(tmp_path: Path, name: str, areas: list[str]) -> None:
    assert _extract(tmp_path, name)["sykehusomrader"] == areas


def test_english_minutes(tmp_path: Path) -> None:
    record = _extract(tmp_path, "english_minutes")
    assert record["language"] == "en"
    assert record["doc_type"] == "referat"
    assert record["title"] == "Minutes Joint Health Partnership Committee"
    assert (record["date"], record["year"]) == ("2024-12-05", 2024)


def test_bokmal_document_quoting_nynorsk_stays_bokmal(tmp_path: Path) -> None:
    record = _extract(tmp_path, "bokmal_quoting_nynorsk")
    assert record["language"] == "nb"
    assert record["date"] == "2024-12-05"


def test_agenda_then_one_case_per_page_with_the_number_on_its_own_line(tmp_path: Path) -> None:
    record = _extract(tmp_path, "agenda_then_case_per_page")
    assert record["doc_type"] == "innkalling"
    assert record["date"] == "2024-12-05"
    assert [(s["saksnummer"], s["title"], s["page"]) for s in record["saker"]] == [
        ("12/2024", "Godkjenning av innkalling og saksliste", 2),
        ("13/2024", "Handlingsplan for legemiddelsamstemming", 3),
        ("14/2024", "Eventuelt", 4),
    ]
    assert _sak(record, "12/2024")["vedtak"] == "Innkalling og saksliste godkjennes."
    assert _sak(record, "13/2024")["vedtak"] == "Handlingsplanen vedtas."
    assert (_sak(record, "14/2024")["kind"], _sak(record, "14/2024")["vedtak"]) == ("eventuelt", None)


def test_genitive_of_a_one_word_hospital_name(tmp_path: Path) -> None:
    assert _extract(tmp_path, "area_unn_genitive")["sykehusomrader"] == ["UNN"]
