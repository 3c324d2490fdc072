"""build_record end to end on the corpus texts and composed minutes.

The corpus texts are turned into layouts by `corpus_layout` (a test helper). Where a
hand-written expected record exists (samples/expected/), the fields the text layer
carries are compared with it, honouring its `_checks` alternatives.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from corpus_layout import CORPUS, corpus_layout, layout_from_text

from nlp import build_record
from tests.support.paths import SAMPLES, SHARED

EXPECTED = SAMPLES / "expected"
SCHEMA = SHARED / "contract" / "record.schema.json"
TEXTS = Path(__file__).resolve().parent / "texts"
SSU = "helsefellesskap-oslo-ssu-referat-2024-12-05"
# The PDF info dict the sample generator writes for the SSU minutes.
SSU_METADATA = {"Title": "Referat Strategisk samarbeidsutvalg 05.12.24", "Author": "Helsefellesskap Oslo"}
NAMES = sorted(p.stem for p in CORPUS.glob("*.txt")) if CORPUS.exists() else []


def norm(text: str | None) -> str | None:
    """Stricter than the scorer's key (`devtools.evaluation.norm`) on purpose: dashes and
    colons are not folded, so titles here must match the expected ones but for case and
    spacing."""
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold().rstrip(":. ")


def record(name: str, metadata: dict[str, str] | None = None) -> dict:
    if not (CORPUS / f"{name}.txt").exists():
        pytest.skip("corpus not available")
    return build_record(corpus_layout(name, metadata), path=f"{name}.pdf", sha256="0" * 64).to_dict()


def expected(name: str) -> dict:
    path = EXPECTED / f"{name}.json"
    if not path.exists():
        pytest.skip(f"no expected record for {name}")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_records_validate_against_the_contract_schema(name: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("contract schema not available")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(record(name)))
    assert not errors, [e.message for e in errors]


def test_ssu_minutes_metadata_match_expected() -> None:
    want, got = expected(SSU), record(SSU, SSU_METADATA)
    checks = want.get("_checks", {})
    assert norm(got["title"]) in {norm(t) for t in [want["title"], *checks.get("title_alternatives", [])]}
    for field in ("doc_type", "language", "year", "date", "organ"):
        assert got[field] == want[field], field
    optional = set(checks.get("sykehusomrader_optional", []))
    assert set(got["sykehusomrader"]) - optional == set(want["sykehusomrader"])


def test_ssu_minutes_cases_match_expected() -> None:
    want, got = expected(SSU), record(SSU, SSU_METADATA)
    checks = want.get("_checks", {}).get("saker", {})
    assert [s["saksnummer"] for s in got["saker"]] == [s["saksnummer"] for s in want["saker"]]
    for mine, theirs in zip(got["saker"], want["saker"], strict=True):
        number = theirs["saksnummer"]
        assert mine["raw"] == theirs["raw"]
        titles = {norm(theirs["title"]), *map(norm, checks.get("title_alternatives", {}).get(number, []))}
        assert norm(mine["title"]) in titles, number
        kinds = {theirs["kind"], *checks.get("kind_alternatives", {}).get(number, [])}
        assert mine["kind"] in kinds, number
        assert mine["vedtak"] == theirs["vedtak"], number
        assert mine["page"] == theirs["page"], number


def _contract_person(person: dict) -> dict:
    """The contract's fields of an attendee (the record may add extensions such as `page`)."""
    return {key: person.get(key) for key in ("name", "role", "org", "substitute_for")}


def test_ssu_minutes_attendees_match_expected() -> None:
    want, got = expected(SSU), record(SSU, SSU_METADATA)
    checks = want.get("_checks", {}).get("attendees", {})
    optional = set(checks.get("present_optional", []))
    got_present = [_contract_person(p) for p in got["attendees"]["present"] if p["name"] not in optional]
    assert got_present == want["attendees"]["present"]
    assert [_contract_person(p) for p in got["attendees"]["absent"]] == want["attendees"]["absent"]
    assert got["attendees"]["chair"] == want["attendees"]["chair"]
    assert got["attendees"]["secretary"] in {want["attendees"]["secretary"], *checks.get("secretary_alternatives", [])}


def test_ssu_minutes_persons_and_organizations() -> None:
    want, got = expected(SSU), record(SSU, SSU_METADATA)
    checks = want["_checks"]
    assert set(checks["persons"]["must_contain"]) <= set(got["persons"])
    assert set(got["persons"]) <= set(want["persons"])
    aliases = checks["organizations"]["aliases"]
    known = {norm(o) for o in want["organizations"]} | {norm(a) for alts in aliases.values() for a in alts}
    missing = [o for o in checks["organizations"]["must_contain"] if o not in got["organizations"]]
    assert not missing
    unknown = [o for o in got["organizations"] if norm(o) not in known]
    # HLS is Oslo kommune's Byrådsavdeling for helse ("kommunaldirektør helse (HLS)",
    # "Byråd for helse"): the canonical form here, "HLS" in the expected record.
    assert unknown == ["Byrådsavdeling for helse"]


def test_annual_report_2019_lists_cases_by_title_and_attendance_matrices() -> None:
    got = record("ahus-oslo-bydeler-arsrapport-2019")
    assert (got["doc_type"], got["year"], got["sykehusomrader"]) == ("arsrapport", 2019, ["Ahus"])
    cases = got["saker"]
    assert all(s["saksnummer"] is None and s["raw"] is None and s["vedtak"] is None for s in cases)
    # read from the text: Direktørmøte 2 + 8, Samarbeidsforum 6 + 4 + 6
    assert [s["kind"] for s in cases].count("vedtakssak") == 8
    assert [s["kind"] for s in cases].count("orienteringssak") == 14
    assert [s["kind"] for s in cases].count("temasak") == 4
    assert cases[0]["title"] == "Møteplan 2020"
    present = {p["name"] for p in got["attendees"]["present"]}
    absent = {p["name"] for p in got["attendees"]["absent"]}
    assert {"Øystein Mæland", "Alv Humborstad Sørland", "Marianne Waet Hulby", "Katrine Hippe"} <= present
    assert {"Erik Borge Skei", "Helge Jagman", "Andreas Halvorsen"} <= absent
    assert {"Runar Nygård", "Øystein Eriksen Søreide"} <= absent  # "Sluttet", no meeting attended
    assert "Torgeir Landvik" in got["persons"]


def test_board_case_reads_its_number_from_the_running_footer() -> None:
    got = record("ous-styresak-19-2021-helsefellesskap")
    assert (got["doc_type"], got["year"], got["organ"], got["sykehusomrader"]) == ("saksframlegg", 2021, "Styret", ["OUS"])
    assert [s["saksnummer"] for s in got["saker"]] == ["19/2021"]  # not the reference to sak 84/2021


def test_presentation() -> None:
    got = record("ous-pko-presentasjon-2018")
    assert got["doc_type"] == "presentasjon"
    assert got["year"] == 2018
    assert {"Ellen Anita Fagerberg", "Bente Thorsen", "Kari Skredsvig", "Benny Adelved"} <= set(got["persons"])
    assert got["attendees"]["present"] == []


def test_nynorsk_minutes_end_to_end() -> None:
    got = build_record(
        layout_from_text((TEXTS / "nynorsk-referat.txt").read_text(encoding="utf-8")), path="x.pdf", sha256="0" * 64
    ).to_dict()
    assert (got["language"], got["doc_type"], got["date"], got["organ"]) == ("nn", "referat", "2021-03-08", "Lokalt samarbeidsutvalg")
    assert [s["saksnummer"] for s in got["saker"]] == ["1/2021", "2/2021", "3/2021", "4/2021", "5/2021"]
    assert got["saker"][0]["vedtak"] == "Innkalling og sakliste vart godkjende utan merknader."
    assert got["saker"][3]["vedtak"] == "1. Sekretariatet skriv eit høyringssvar. 2. Høyringssvaret vert sendt innan 1. april."
    assert got["saker"][4]["kind"] == "eventuelt"
    assert got["attendees"]["secretary"] == "Astrid Hovland"
    assert got["attendees"]["chair"] == "Kari Nes"
    solveig = next(p for p in got["attendees"]["present"] if p["name"] == "Solveig Aa")
    assert solveig["substitute_for"] == "Tor Bakke"
    assert "Tor Bakke" in [p["name"] for p in got["attendees"]["absent"]]
