"""Hospital areas: aliases, possessives, ambiguous short forms, what belongs to a document."""

from __future__ import annotations

import csv

import pytest

from nlp.entities.areas import area_of, count_mentions, find_areas, load_areas
from nlp.resources import data_path
from tests.support.paths import SHARED

CONTRACT = SHARED / "contract" / "sykehusomrader.tsv"


def test_copy_matches_the_contract_table() -> None:
    if not CONTRACT.exists():
        pytest.skip("shared contract not available")
    assert data_path("sykehusomrader.tsv").read_text(encoding="utf-8") == CONTRACT.read_text(encoding="utf-8")
    with CONTRACT.open(encoding="utf-8") as fh:
        canonical = [row["canonical"] for row in csv.DictReader(fh, delimiter="\t")]
    assert [area.canonical for area in load_areas()] == canonical


def test_aliases_and_possessives() -> None:
    text = "Kompetansenettverket i palliasjon – Ahus' opptaksområde. Støtte i OUS’ ledelse. Ahus sitt arbeid."
    assert count_mentions(text) == {"Ahus": 2, "OUS": 1}
    assert area_of("Akershus universitetssykehus HF") == "Ahus"
    assert area_of("sykehuset Østfold") == "Sykehuset Østfold"
    assert area_of("Rikshospitalet") == "OUS"
    # a one-word name in the genitive
    assert count_mentions("UNNs klinikker, Diakonhjemmets ledelse og Nordlandssykehusets leger") == {
        "UNN": 1, "Diakonhjemmet": 1, "Nordlandssykehuset": 1,
    }


def test_short_ambiguous_aliases_count_only_in_parentheses() -> None:
    assert count_mentions("Kari Holm, DS og SI deltok") == {}
    assert count_mentions("viseadministrerende direktør Diakonhjemmet sykehus (DS)") == {"Diakonhjemmet": 1}
    assert count_mentions("Lovisenberg Diakonale sykehus (LDS)") == {"Lovisenberg": 1}
    assert count_mentions("tildelt (LDS) til prosjekter") == {"Lovisenberg": 1}
    assert area_of("LDS") == "Lovisenberg"


def test_one_passing_mention_does_not_make_an_area() -> None:
    text = (
        "Oslo universitetssykehus og OUS samarbeider med bydelene. Kompetansebroen er tatt i bruk "
        "i Vestfold og Innlandet, og ved St. Olavs hospital."
    )
    assert find_areas(text) == ["OUS"]


def test_title_publisher_and_attendee_organisations_are_strong_evidence() -> None:
    text = "Helsefellesskapet samarbeider om pasientforløp. Sunnaas sykehus deltok."
    assert set(find_areas(text, strong=["Årsrapport Akershus universitetssykehus"])) == {"Ahus", "Sunnaas"}
    assert "Lovisenberg" in find_areas("Møte i SSU.", attendee_orgs=["LDS"])


def test_mentions_in_a_list_of_many_hospitals_do_not_count() -> None:
    survey = "Kartleggingen omfattet Helse Bergen, St. Olavs hospital, UNN, Sykehuset Innlandet og Vestre Viken. "
    assert find_areas(survey + "Vestre Viken har flest pasienter. UNN deltok.") == []
    # a helsefellesskap naming its own few partners still counts them
    partners = "Helsefellesskapet OUS, Lovisenberg og Diakonhjemmet. OUS, Lovisenberg og Diakonhjemmet deltok."
    assert find_areas(partners) == ["OUS", "Lovisenberg", "Diakonhjemmet"]
