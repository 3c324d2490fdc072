"""Consistency checks of the hand-written expected records in samples/expected/.

These files are the ground truth the extractor is scored against (see
samples/expected/README.md). This module never runs the extractor: it checks that
every expected record is a valid `samsok.record/1` once its `_checks` block is
removed and a dummy sha256 filled in, that the record is internally consistent
(case numbers, pages, names), that the `_checks` block is well formed, and that the
hand-typed text (decisions, case titles, names, section titles) really occurs in
the text layer of the document in ../shared/corpus/.
"""

from __future__ import annotations

import copy
import csv
import json
import re

import pytest

from devtools.evaluation import norm, ws  # the scorer's comparison keys (see README)
from tests.support.paths import REPO, SHARED

SCHEMA_PATH = SHARED / "contract" / "record.schema.json"
AREAS_PATH = SHARED / "contract" / "sykehusomrader.tsv"
CORPUS = SHARED / "corpus"
EXPECTED_DIR = REPO / "samples" / "expected"

SAMPLE_NAMES = (
    "helsefellesskap-oslo-ssu-referat-2024-12-05",
    "ahus-oslo-bydeler-arsrapport-2019",
    "helsefellesskapet-ahus-arsrapport-2025",
    "ous-styresak-19-2021-helsefellesskap",
    "ous-pko-presentasjon-2018",
)

DUMMY_SHA256 = "0" * 64

# The corpus dump of the board case starts on its page 2 (the last page says "Side 7
# av 7"); the sample PDF rebuilds page 1 (title block, `Forslag til vedtak`, date,
# signature) in samples/generator/content/. Strings of the expected record that come
# from that page are checked against the generator's text instead of the dump.
GENERATOR_CONTENT = REPO / "samples" / "generator" / "content"
RECONSTRUCTED_PAGE_1 = {
    "ous-styresak-19-2021-helsefellesskap": {
        "SAK 19/2021 HELSEFELLESSKAP OSLO",
        "HELSEFELLESSKAP OSLO",
        "Styret tar saken om Helsefellesskap Oslo til orientering.",
        "Bjørn Atle Bjørnbeth",
    },
}

CHECK_KEYS = {
    "title_alternatives",
    "organ_alternatives",
    "date_alternatives",
    "sykehusomrader_optional",
    "sections",
    "saker",
    "attendees",
    "persons",
    "organizations",
}
SECTION_CHECK_KEYS = {"mode", "compare", "optional", "text_contains"}
SECTION_FIELDS = {"number", "title", "level", "page"}
SAKER_CHECK_KEYS = {"title_alternatives", "kind_alternatives"}
ATTENDEE_CHECK_KEYS = {"present_optional", "chair_alternatives", "secretary_alternatives"}
LIST_CHECK_KEYS = {"must_contain", "aliases"}
SAK_KINDS = {"vedtakssak", "orienteringssak", "temasak", "drøftingssak", "eventuelt", None}

# Running headers/footers of the sample PDFs; none may leak into a decision text.
FURNITURE = (
    re.compile(r"Referat Strategisk samarbeidsutvalg 05\.12\.24"),
    re.compile(r"\bHelsefellesskapet – Ahus og kommunene\b"),
    re.compile(r"styresak 19/2021 Side \d+ av \d+"),
    re.compile(r"\bSide \d+ av \d+\b"),
)


# --------------------------------------------------------------------------- helpers


def normalise_saksnummer(raw: str) -> str:
    """Contract rule: `33/24` -> `33/2024`, `01-21` -> `1/2021`, `2014/15` -> `15/2014`.

    An oracle kept different from `contract.saksnummer` on purpose: the expected records
    are checked against the contract's rule written out again, not against the code they
    are meant to test.
    """
    match = re.fullmatch(r"(\d{1,4})\s*[/-]\s*(\d{2}|\d{4})", raw.strip())
    assert match, f"raw case number {raw!r} is not of the form N/YY, N/YYYY or YYYY/N"
    first, second = match.groups()
    if len(first) == 4 and len(second) != 4:
        year, number = first, second
    else:
        number, year = first, second
    if len(year) == 2:
        year = "20" + year
    return f"{int(number)}/{year}"


def load(name: str) -> dict:
    return json.loads((EXPECTED_DIR / f"{name}.json").read_text(encoding="utf-8"))


def record_without_checks(data: dict) -> dict:
    record = copy.deepcopy(data)
    record.pop("_checks", None)
    record["source"].setdefault("sha256", DUMMY_SHA256)
    return record


def canonical_areas() -> set[str]:
    with AREAS_PATH.open(encoding="utf-8") as fh:
        return {row["canonical"] for row in csv.DictReader(fh, delimiter="\t")}


def corpus_text(name: str) -> str:
    path = CORPUS / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"corpus text {path} not available")
    return ws(path.read_text(encoding="utf-8"))


def all_attendees(record: dict) -> list[dict]:
    att = record["attendees"]
    return list(att["present"]) + list(att["absent"])


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def schema() -> dict:
    if not SCHEMA_PATH.exists():
        pytest.skip(f"contract schema {SCHEMA_PATH} not available")
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(params=SAMPLE_NAMES)
def expected(request) -> tuple[str, dict]:
    return request.param, load(request.param)


# --------------------------------------------------------------------------- tests


def test_one_expected_file_per_sample_and_nothing_else():
    found = {p.stem for p in EXPECTED_DIR.glob("*.json")}
    assert found == set(SAMPLE_NAMES)


def test_valid_against_contract_schema(expected, schema):
    jsonschema = pytest.importorskip("jsonschema")
    _, data = expected
    record = record_without_checks(data)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_source_is_path_and_pages_only(expected):
    name, data = expected
    source = data["source"]
    assert set(source) <= {"path", "pages"}, "sha256/url are unknown until the PDF is built"
    assert source["path"] == f"samples/{name}.pdf"
    assert isinstance(source.get("pages"), int) and source["pages"] >= 1


def test_page_count_matches_built_pdf(expected):
    """Once the sample PDF exists, its page count must be the expected one."""
    _, data = expected
    pdf = REPO / data["source"]["path"]
    if not pdf.exists():
        pytest.skip(f"{pdf.name} not built yet")
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(pdf))
    try:
        assert len(doc) == data["source"]["pages"], f"{pdf.name}: page count differs"
    finally:
        doc.close()


def test_record_keys_and_scalars(expected):
    _, data = expected
    assert data["schema"] == "samsok.record/1"
    assert set(data) - {"_checks"} == {
        "schema",
        "source",
        "doc_type",
        "title",
        "language",
        "year",
        "date",
        "organ",
        "sykehusomrader",
        "sections",
        "saker",
        "attendees",
        "persons",
        "organizations",
    }
    assert data["language"] in {"nb", "nn"}
    if data["date"] is not None:
        year = int(data["date"][:4])
        assert data["year"] is not None and year in {data["year"], data["year"] + 1}


def test_checks_block_is_well_formed(expected):
    _, data = expected
    checks = data.get("_checks", {})
    assert set(checks) <= CHECK_KEYS, f"unknown _checks keys: {set(checks) - CHECK_KEYS}"
    for key in ("title_alternatives", "organ_alternatives", "date_alternatives"):
        for alt in checks.get(key, []):
            assert alt is None or isinstance(alt, str)
    for alt in checks.get("date_alternatives", []):
        assert alt is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", alt)
    sections = checks.get("sections", {})
    assert set(sections) <= SECTION_CHECK_KEYS
    assert sections.get("mode", "subset") in {"toc", "subset"}
    assert set(sections.get("compare", ["title", "page"])) <= SECTION_FIELDS
    saker = checks.get("saker", {})
    assert set(saker) <= SAKER_CHECK_KEYS
    attendees = checks.get("attendees", {})
    assert set(attendees) <= ATTENDEE_CHECK_KEYS
    for key in ("persons", "organizations"):
        block = checks.get(key, {})
        assert set(block) <= LIST_CHECK_KEYS
        assert isinstance(block.get("must_contain", []), list)
        assert isinstance(block.get("aliases", {}), dict)


def test_pages_within_page_count(expected):
    _, data = expected
    pages = data["source"]["pages"]
    sections = list(data["sections"]) + list(data.get("_checks", {}).get("sections", {}).get("optional", []))
    for section in sections:
        assert 1 <= section["page"] <= pages, section
    for sak in data["saker"]:
        assert sak["page"] is not None and 1 <= sak["page"] <= pages, sak


def test_case_numbers(expected):
    _, data = expected
    numbers = [s["saksnummer"] for s in data["saker"] if s["saksnummer"] is not None]
    assert len(numbers) == len(set(numbers)), "case numbers must be unique"
    for sak in data["saker"]:
        if sak["saksnummer"] is None:
            assert sak["raw"] is None, sak
            continue
        assert sak["raw"], sak
        assert normalise_saksnummer(sak["raw"]) == sak["saksnummer"], sak
        assert re.fullmatch(r"[1-9]\d*/\d{4}", sak["saksnummer"])


def test_case_fields_are_normalised(expected):
    _, data = expected
    for sak in data["saker"]:
        assert sak["kind"] in SAK_KINDS, sak
        for field in ("title", "vedtak"):
            value = sak[field]
            if value is None:
                continue
            assert value == ws(value), f"{field} of {sak['raw'] or sak['title']} is not whitespace-normalised"
            assert "  " not in value and "\n" not in value
            assert value, "use null rather than an empty string"
        if sak["vedtak"]:
            for pattern in FURNITURE:
                assert not pattern.search(sak["vedtak"]), f"page furniture in vedtak: {sak['vedtak']!r}"
        if sak["kind"] == "eventuelt":
            assert sak["vedtak"] is None


def test_case_pages_in_document_order(expected):
    _, data = expected
    pages = [s["page"] for s in data["saker"]]
    assert pages == sorted(pages)


def test_sections(expected):
    _, data = expected
    checks = data.get("_checks", {}).get("sections", {})
    sections = list(data["sections"])
    optional = list(checks.get("optional", []))
    numbers = [s["number"] for s in sections + optional if s.get("number")]
    assert len(numbers) == len(set(numbers)), "section numbers must be unique"
    for section in sections + optional:
        assert section["title"] == ws(section["title"]) and section["title"]
        if section.get("number"):
            assert re.fullmatch(r"\d+(\.\d+)*", section["number"]), section
            assert section["level"] == section["number"].count(".") + 1, section
    if checks.get("mode") == "toc":
        pages = [s["page"] for s in sections]
        assert pages == sorted(pages), "a table of contents runs in page order"
    keys = {s["number"] or s["title"] for s in sections + optional}
    for key, snippets in checks.get("text_contains", {}).items():
        assert key in keys, f"text_contains refers to unknown section {key!r}"
        assert snippets and all(isinstance(s, str) and s == ws(s) for s in snippets)


def test_sykehusomrader_are_canonical(expected):
    _, data = expected
    canonical = canonical_areas()
    areas = data["sykehusomrader"]
    optional = data.get("_checks", {}).get("sykehusomrader_optional", [])
    assert len(areas) == len(set(areas))
    assert set(areas) <= canonical, set(areas) - canonical
    assert set(optional) <= canonical, set(optional) - canonical
    assert not set(areas) & set(optional)


def test_attendees_consistent(expected):
    _, data = expected
    att = data["attendees"]
    checks = data.get("_checks", {}).get("attendees", {})
    present = [a["name"] for a in att["present"]]
    absent = [a["name"] for a in att["absent"]]
    assert len(present) == len(set(present)) and len(absent) == len(set(absent))
    assert not set(present) & set(absent), set(present) & set(absent)
    persons = set(data["persons"])
    for person in all_attendees(data):
        assert set(person) == {"name", "role", "org", "substitute_for"}, person
        assert person["name"] in persons, f"{person['name']} missing from persons"
        for field in ("name", "role", "org", "substitute_for"):
            value = person[field]
            assert value is None or (value == ws(value) and value), person
        if person["substitute_for"]:
            assert person["substitute_for"] in persons
            assert person["substitute_for"] in absent, "a deputy stands in for an absent member"
    for key in ("chair", "secretary"):
        if att.get(key):
            assert att[key] in persons
    for name in checks.get("present_optional", []):
        assert name in persons and name not in present


def test_persons_and_organizations_lists(expected):
    _, data = expected
    checks = data.get("_checks", {})
    for key in ("persons", "organizations"):
        values = data[key]
        assert all(v == ws(v) and v for v in values)
        assert len({norm(v) for v in values}) == len(values), f"{key} not deduplicated"
        block = checks.get(key, {})
        must = block.get("must_contain", [])
        assert set(must) <= set(values), f"{key}.must_contain not in {key}: {set(must) - set(values)}"
        for canonical, aliases in block.get("aliases", {}).items():
            assert canonical in values, f"alias target {canonical!r} not in {key}"
            assert all(isinstance(a, str) and a for a in aliases)
    if data["persons"]:
        assert set(checks.get("persons", {}).get("must_contain", [])), "persons need a must_contain list"


def test_text_occurs_in_corpus(expected):
    """Hand-typed strings must be in the document (whitespace-normalised)."""
    name, data = expected
    text = corpus_text(name)
    reconstructed = RECONSTRUCTED_PAGE_1.get(name, set())
    generator_file = GENERATOR_CONTENT / f"{name}.txt"
    generator_text = ws(generator_file.read_text(encoding="utf-8")) if generator_file.exists() else None
    missing = []

    def need(label: str, value: str | None) -> None:
        if not value or ws(value) in text:
            return
        if value in reconstructed:
            if generator_text is not None and ws(value) not in generator_text:
                missing.append(f"{label} (page 1 of the sample): {value!r}")
            return
        missing.append(f"{label}: {value!r}")

    for sak in data["saker"]:
        need(f"vedtak {sak['raw']}", sak["vedtak"])
        need(f"title {sak['raw']}", sak["title"])
        need("raw", sak["raw"])
    for section in data["sections"] + data.get("_checks", {}).get("sections", {}).get("optional", []):
        need("section title", section["title"])
    for snippets in data.get("_checks", {}).get("sections", {}).get("text_contains", {}).values():
        for snippet in snippets:
            need("section text", snippet)
    for person in data["persons"]:
        need("person", person)
    for alias_list in data.get("_checks", {}).get("persons", {}).get("aliases", {}).values():
        for alias in alias_list:
            need("person alias", alias)
    for person in all_attendees(data):
        need("substitute_for", person["substitute_for"])
    assert not missing, "\n".join(missing)


def test_normalise_saksnummer_follows_contract_examples():
    assert normalise_saksnummer("33/24") == "33/2024"
    assert normalise_saksnummer("01-21") == "1/2021"
    assert normalise_saksnummer("2014/15") == "15/2014"
    assert normalise_saksnummer("19/2021") == "19/2021"
    assert normalise_saksnummer("12/24") == "12/2024"
