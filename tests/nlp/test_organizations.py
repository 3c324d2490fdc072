"""Organisations: gazetteer aliases to canonical names, kommuner, bydeler, compounds."""

from __future__ import annotations

from nlp.entities.organizations import canonical_organization, find_organizations


def test_abbreviations_resolve_to_canonical_names() -> None:
    assert canonical_organization("HEL") == "Helseetaten"
    assert canonical_organization("SYE") == "Sykehjemsetaten"
    assert canonical_organization("BFE") == "Barne- og familieetaten"
    assert canonical_organization("HSØ") == "Helse Sør-Øst RHF"
    assert canonical_organization("legeforeningen") == "Legeforeningen"
    assert canonical_organization("Oslo universitetssykehus") == "Oslo universitetssykehus HF"
    assert canonical_organization("Akershus universitetssykehus") == "Akershus universitetssykehus HF"
    assert canonical_organization("Diakonhjemmet sykehus") == "Diakonhjemmet Sykehus"
    assert canonical_organization("HLS") == "Byrådsavdeling for helse"


def test_exact_case_for_abbreviations() -> None:
    assert canonical_organization("hel") is None
    assert find_organizations("Det er vel slik at ks er nevnt") == []


def test_bydeler_and_kommuner() -> None:
    assert canonical_organization("bydel Søndre Nordstrand") == "Bydel Søndre Nordstrand"
    text = "Består av DPS Follo og kommunene Nordre Follo, Ås, Frogn og Nesodden. Stovner bydel deltok."
    assert find_organizations(text) == [
        "Nordre Follo kommune",
        "Ås kommune",
        "Frogn kommune",
        "Nesodden kommune",
        "Bydel Stovner",
    ]
    assert find_organizations("Lillestrøm konferansehus i Lillestrøm") == []  # a place, not the kommune


def test_left_out_shared_ending() -> None:
    text = "Samarbeidet mellom bydelene Alna, Grorud, Stovner, Velferds-, Helse- og Sykehjemsetaten i Oslo kommune"
    assert find_organizations(text) == [
        "Bydel Alna",
        "Bydel Grorud",
        "Bydel Stovner",
        "Velferdsetaten",
        "Helseetaten",
        "Sykehjemsetaten",
        "Oslo kommune",
    ]


def test_unions_and_state_bodies_from_the_minutes() -> None:
    text = (
        "Bård Eirik Ruud, Norsk Sykepleierforbund, Kathrine Forsdahl, Fagforbundet, Johan Stenseth, "
        "Yrkesorganisasjonenes Sentralforbund. Samarbeid opp mot nasjonale myndigheter, KS med mer? "
        "Veileder for MD fra HDir."
    )
    assert find_organizations(text) == [
        "Norsk Sykepleierforbund",
        "Fagforbundet",
        "Yrkesorganisasjonenes Sentralforbund",
        "KS",
        "Helsedirektoratet",
    ]


def test_word_shaped_like_an_organisation() -> None:
    assert find_organizations("Bymiljøetaten og Utlendingsdirektoratet deltok.") == [
        "Bymiljøetaten",
        "Utlendingsdirektoratet",
    ]


def test_names_in_an_all_caps_heading() -> None:
    heading = "SAMHANDLINGSSTRUKTUREN MELLOM OSLO KOMMUNE OG HELSE SØR-ØST RHF"
    assert find_organizations(heading) == ["Oslo kommune", "Helse Sør-Øst RHF"]


def test_local_branches_are_their_own_organisations() -> None:
    found = find_organizations("Støtte fra Oslo legeforening. Ide lansert i Allmennlegeforeningen i Oslo.")
    assert "Oslo legeforening" in found
    assert "Allmennlegeforeningen i Oslo" in found
    assert "Legeforeningen" not in found
