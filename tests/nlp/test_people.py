"""Attendance list entries split into name, role, organisation and deputy."""

from __future__ import annotations

from nlp.attendance.names import leading_name, same_person
from nlp.attendance.people import join_list_lines, parse_people


def fields(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(p.name, p.role, p.org, p.substitute_for) for p in parse_people(text)]


def test_name_role_and_org_from_the_ssu_minutes() -> None:
    text = (
        "Svein Lyngroth, kommunaldirektør helse (HLS), Bjørn Atle Bjørnbeth, administrerende direktør "
        "Oslo universitetssykehus OUS, Anna Ryymin bydelsdirektør bydel Stovner, Helge Jagmann, "
        "etatsdirektør Sykehjemsetaten (SYE), Kristin Hovland, legeforeningen, Kirsten Sæther, "
        "samhandlingssjef, Sunnaas sykehus HF (Observatør)"
    )
    assert fields(text) == [
        ("Svein Lyngroth", "kommunaldirektør helse", "HLS", None),
        ("Bjørn Atle Bjørnbeth", "administrerende direktør", "Oslo universitetssykehus", None),
        ("Anna Ryymin", "bydelsdirektør", "bydel Stovner", None),
        ("Helge Jagmann", "etatsdirektør", "Sykehjemsetaten", None),
        ("Kristin Hovland", None, "legeforeningen", None),
        ("Kirsten Sæther", "samhandlingssjef", "Sunnaas sykehus HF", None),
    ]
    assert "observer" in parse_people(text)[-1].remarks


def test_deputy_for_an_absent_member() -> None:
    # the words after the absent member's name describe that member, not the deputy
    text = (
        "Bente Heggedal Gerner, avdelingsleder samhandling- og helsefremmingsavdelingen, stedfortreder "
        "Øystein Mæland, administrerende direktør Ahus, Therese Mjåtveit, fagsjef samhandling, "
        "stedfortreder Torkil Clementsen, viseadministrerende direktør Diakonhjemmet sykehus (DS), "
        "Lasse Skurtveit, stedfortreder Kathrine Forsdahl, Fagforbundet"
    )
    assert fields(text) == [
        ("Bente Heggedal Gerner", "avdelingsleder samhandling- og helsefremmingsavdelingen", None, "Øystein Mæland"),
        ("Therese Mjåtveit", "fagsjef samhandling", None, "Torkil Clementsen"),
        ("Lasse Skurtveit", None, None, "Kathrine Forsdahl"),
    ]


def test_other_deputy_wordings() -> None:
    assert fields("Kari Holm (vara for Per Dahl), Ola Nordmann møtte for Randi Berg") == [
        ("Kari Holm", None, None, "Per Dahl"),
        ("Ola Nordmann", None, None, "Randi Berg"),
    ]


def test_an_org_of_its_own_wins_over_one_inside_the_role() -> None:
    assert fields("Johanne M. K. Askvig lokal redaksjon Kompetansebroen, HEL.") == [
        ("Johanne M. K. Askvig", "lokal redaksjon Kompetansebroen", "HEL", None)
    ]
    assert fields("Stine Wågsås, avd. direktør HEL, leder av sekretariatet") == [
        ("Stine Wågsås", "avd. direktør, leder av sekretariatet", "HEL", None)
    ]


def test_an_ombud_is_the_persons_role() -> None:
    text = "Heidi Merete Rudi, Pasient og brukerombud i Oslo og Akershus, Sosial- og eldre ombud i Oslo"
    assert fields(text) == [
        ("Heidi Merete Rudi", "Pasient og brukerombud i Oslo og Akershus, Sosial- og eldre ombud i Oslo", None, None)
    ]


def test_names_broken_across_lines_are_rejoined() -> None:
    lines = ["Kirsten Sæther, samhandlingssjef, Asle W.", "Medhus, klinikkleder OUS, Tore", "Olsen Pran, bydelsdirektør"]
    assert [p.name for p in parse_people(join_list_lines(lines))] == ["Kirsten Sæther", "Asle W. Medhus", "Tore Olsen Pran"]


def test_one_person_per_line_without_commas() -> None:
    lines = ["Kari Nordmann leder", "Ola Hansen", "Per Olsen rådgiver Lørenskog kommune"]
    assert fields(join_list_lines(lines)) == [
        ("Kari Nordmann", "leder", None, None),
        ("Ola Hansen", None, None, None),
        ("Per Olsen", "rådgiver", "Lørenskog kommune", None),
    ]


def test_name_shape() -> None:
    assert leading_name("Marius Trana Bydelsdirektør, Bydel Alna x x", require_first_name=False) == "Marius Trana"
    assert leading_name("Øystein Mæland Adm. direktør, Ahus", require_first_name=False) == "Øystein Mæland"
    assert leading_name("Norsk Sykepleierforbund", require_first_name=False) is None
    assert leading_name("Helse Sør-Øst", require_first_name=False) is None
    assert leading_name("Bovild Tjønn, bydelsdirektør", require_first_name=False) == "Bovild Tjønn"
    assert leading_name("Ludwig van Beethoven spilte", require_first_name=False) == "Ludwig van Beethoven"
    assert leading_name("Pasienter og pårørende", require_first_name=True) is None


def test_short_forms_of_a_name() -> None:
    assert same_person("Asle Medhus", "Asle W. Medhus")
    assert same_person("Stine E. Hansen", "Stine Eugenie Hansen")
    assert same_person("Johanne K. Askvig", "Johanne M. K. Askvig")
    assert not same_person("Stine Hansen", "Stine Wågsås")
    assert not same_person("Stine T. Hansen", "Stine Eugenie Hansen")


def test_a_party_after_the_name_is_the_members_org() -> None:
    people = parse_people("Kari Nordmann (Ap), Ola Hansen, nestleder (H), Jon Berg (SV) for Ingrid Solberg, Ivar Moen, KrF")
    assert [(p.name, p.role, p.org, p.substitute_for) for p in people] == [
        ("Kari Nordmann", None, "Ap", None),
        ("Ola Hansen", "nestleder", "H", None),
        ("Jon Berg", None, "SV", "Ingrid Solberg"),
        ("Ivar Moen", None, "KrF", None),
    ]


def test_a_parenthesis_that_is_no_party_stays_a_remark() -> None:
    (person,) = parse_people("Hege Larsen (vara)")
    assert (person.org, "deputy" in person.remarks) == (None, True)


def test_a_role_before_the_name() -> None:
    people = parse_people("Administrerende direktør Tor Jarle Pettersen, Fagdirektør Kari Moe, Helse Bergen")
    assert [(p.name, p.role, p.org) for p in people] == [
        ("Tor Jarle Pettersen", "Administrerende direktør", None),
        ("Kari Moe", "Fagdirektør", "Helse Bergen"),
    ]
    # an organisation after the role is no name
    (person,) = parse_people("Ola Hansen, administrerende direktør Oslo universitetssykehus")
    assert (person.name, person.org) == ("Ola Hansen", "Oslo universitetssykehus")


def test_a_single_letter_with_a_full_stop_is_no_party() -> None:
    (person,) = parse_people("Ola Lie, H.")
    assert person.org is None
