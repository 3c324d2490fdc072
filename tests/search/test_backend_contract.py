"""One contract suite for both backends (embedded and OpenSearch).

Expected matches are read off the corpus texts (../shared/corpus) and the expected
records' metadata; facet expectations are computed from the records' metadata, not
from program output. `test_backends_agree` then checks that both backends return the
same matching set, total, facets and trend for a table of queries.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from contract.record import Attendee, Attendees, Record, Sak, Section, Source
from samsok.search.base import SearchBackend, SearchQuery
from tests.search.conftest import BACKEND_PARAMS, make_backend
from tests.search.corpus_records import corpus_items, ids_by_short

IDS = ids_by_short()
SHORT_OF = {v: k for k, v in IDS.items()}
RECORDS = {SHORT_OF[doc_id]: record for doc_id, record in corpus_items()}
ALL = set(IDS)


def found(backend: SearchBackend, text: str, **kw: Any) -> set[str]:
    """Short names of the documents matching; checks one hit per document and total == hits."""
    result = backend.search(SearchQuery(text=text, limit=100, **kw))
    ids = [h["doc_id"] for h in result.hits]
    assert len(ids) == len(set(ids)), "one hit per document"
    assert result.total == len(ids)
    return {SHORT_OF[i] for i in ids}


def expected_facets(names: set[str]) -> dict[str, dict[str, int]]:
    years: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    types: Counter[str] = Counter()
    organs: Counter[str] = Counter()
    for name in names:
        rec = RECORDS[name]
        if rec.year is not None:
            years[str(rec.year)] += 1
        areas.update(set(rec.sykehusomrader))
        types[rec.doc_type] += 1
        if rec.organ:
            organs[rec.organ] += 1
    return {"year": dict(years), "sykehusomrade": dict(areas), "doc_type": dict(types), "organ": dict(organs)}


WORD_CASES = [
    # single words and inflections
    ("rehabilitering", {"ahus2019", "ssu2024", "ahus2025", "pko2018"}),
    ("rehabiliteringen", {"ahus2019", "ssu2024", "ahus2025", "pko2018"}),
    ("FACT", {"ahus2019", "ahus2025"}),
    ("fact", {"ahus2019", "ahus2025"}),
    ("kommunene", ALL),
    ("kommunens", ALL),
    ("hjemmesykehus", {"ssu2024"}),
    # compounds: tilskudd in samhandlingstilskudd / tilskuddsmidler, team in FACT-teamet
    ("tilskudd", {"ssu2024", "ahus2025"}),
    ("samhandlingstilskudd", {"ssu2024", "ahus2025"}),
    ("team", {"ahus2019", "ahus2025", "styresak2021"}),
    # abbreviations and names through the synonyms
    ("SSU", {"ssu2024", "ahus2025", "styresak2021"}),
    ("Ahus", {"ahus2019", "ssu2024", "ahus2025", "pko2018"}),
    ("Akershus universitetssykehus", {"ahus2019", "ssu2024", "ahus2025", "pko2018"}),
    ("LDS", {"ahus2019", "ssu2024", "pko2018"}),
    ("rehab", {"ahus2019", "ssu2024", "ahus2025", "pko2018"}),
    ("Mæland", {"ahus2019", "ssu2024"}),
    ("maeland", {"ahus2019", "ssu2024"}),
    # quoted phrases are exact
    ('"strategisk samarbeidsutvalg"', {"ssu2024", "ahus2025", "styresak2021"}),
    ('"Akershus universitetssykehus"', {"ahus2019", "ssu2024"}),
    ('"Møteplass Oslo"', {"pko2018"}),
    ('"samarbeidsutvalg strategisk"', set()),
    # boolean operators
    ("FACT OR hjemmesykehus", {"ahus2019", "ahus2025", "ssu2024"}),
    ("FACT team", {"ahus2019", "ahus2025"}),
    ("FACT AND team", {"ahus2019", "ahus2025"}),
    ("hjemmesykehus AND FACT", set()),
    ("(FACT OR hjemmesykehus) praksiskonsulent", set()),
    # case numbers in their printed forms
    ("33/24", {"ssu2024"}),
    ("33/2024", {"ssu2024"}),
    ("sak 33/24", {"ssu2024"}),
    ("Sak 033/24", {"ssu2024"}),
    ("19/2021", {"styresak2021"}),
    ("styresak 19/2021", {"styresak2021"}),
    ("99/24", set()),
    # no hits
    ("zzqxv", set()),
    ("kvantefysikk", set()),
]


@pytest.mark.parametrize(("text", "expected"), WORD_CASES, ids=[c[0] for c in WORD_CASES])
def test_word_queries(corpus_backend: SearchBackend, text: str, expected: set[str]) -> None:
    assert found(corpus_backend, text) == expected


@pytest.mark.parametrize(("text", "expected"), WORD_CASES[:12], ids=[c[0] for c in WORD_CASES[:12]])
def test_facets_count_documents(corpus_backend: SearchBackend, text: str, expected: set[str]) -> None:
    result = corpus_backend.search(SearchQuery(text=text))
    assert result.facets == expected_facets(expected)
    assert set(result.to_dict()["facets"]) == {"year", "sykehusomrade", "doc_type", "organ"}


def _by_meta(pred: Any) -> set[str]:
    return {name for name, rec in RECORDS.items() if pred(rec)}


FILTER_CASES = [
    ({"year_from": 2019, "year_to": 2024}, lambda r: 2019 <= r.year <= 2024),
    ({"year_from": 2025, "year_to": 2025}, lambda r: r.year == 2025),
    ({"year_to": 2019}, lambda r: r.year <= 2019),
    ({"omrader": ["OUS"]}, lambda r: "OUS" in r.sykehusomrader),
    ({"omrader": ["ous", "Lovisenberg"]}, lambda r: {"OUS", "Lovisenberg"} & set(r.sykehusomrader)),
    ({"doc_types": ["arsrapport"]}, lambda r: r.doc_type == "arsrapport"),
    ({"doc_types": ["referat", "saksframlegg"]}, lambda r: r.doc_type in ("referat", "saksframlegg")),
    ({"organs": ["Strategisk samarbeidsutvalg"]}, lambda r: r.organ == "Strategisk samarbeidsutvalg"),
    ({"organs": ["strategisk SAMARBEIDSUTVALG"]}, lambda r: r.organ == "Strategisk samarbeidsutvalg"),
    ({"year_from": 2019, "omrader": ["Ahus"], "doc_types": ["arsrapport"]},
     lambda r: r.year >= 2019 and "Ahus" in r.sykehusomrader and r.doc_type == "arsrapport"),
]


def _meta_match(rec: Record, filters: dict[str, Any], skip: str | None = None) -> bool:
    """The filters' meaning, read off a record (values case-insensitive; `skip` a field)."""
    lower = {k: {v.lower() for v in filters.get(k, [])} for k in ("omrader", "doc_types", "organs")}
    checks = {
        "year_from": rec.year is not None and rec.year >= filters.get("year_from", rec.year),
        "year_to": rec.year is not None and rec.year <= filters.get("year_to", rec.year),
        "years": rec.year in filters.get("years", [rec.year]),
        "omrader": not lower["omrader"] or bool(lower["omrader"] & {a.lower() for a in rec.sykehusomrader}),
        "doc_types": not lower["doc_types"] or rec.doc_type.lower() in lower["doc_types"],
        "organs": not lower["organs"] or (rec.organ or "").lower() in lower["organs"],
    }
    return all(ok for key, ok in checks.items() if key != skip)


def expected_disjunctive(names: set[str], filters: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Facet counts over `names` (the text matches), each facet without its own filter."""
    own = {"year": "years", "sykehusomrade": "omrader", "doc_type": "doc_types", "organ": "organs"}
    out = {}
    for facet, field in own.items():
        kept = {n for n in names if _meta_match(RECORDS[n], filters, skip=field)}
        out[facet] = expected_facets(kept)[facet]
    return out


@pytest.mark.parametrize(("filters", "pred"), FILTER_CASES, ids=[str(c[0]) for c in FILTER_CASES])
def test_filters(corpus_backend: SearchBackend, filters: dict[str, Any], pred: Any) -> None:
    expected = _by_meta(pred)
    assert expected == {n for n in ALL if _meta_match(RECORDS[n], filters)}
    assert found(corpus_backend, "", **filters) == expected
    rehab = {"ahus2019", "ssu2024", "ahus2025", "pko2018"}
    assert found(corpus_backend, "rehabilitering", **filters) == expected & rehab
    assert corpus_backend.search(SearchQuery(text="", **filters)).facets == expected_disjunctive(ALL, filters)
    assert corpus_backend.search(SearchQuery(text="rehabilitering", **filters)).facets == expected_disjunctive(
        rehab, filters
    )


DISJUNCTIVE_CASES: list[dict[str, Any]] = [
    {"omrader": ["OUS"]},
    {"omrader": ["OUS"], "doc_types": ["arsrapport"]},
    {"years": [2019, 2024]},
    {"years": [2025], "omrader": ["Ahus"], "organs": ["Partnerskapsmøtet"]},
    {"years": [2019, 2025], "year_from": 2020},
]


@pytest.mark.parametrize("filters", DISJUNCTIVE_CASES, ids=[str(c) for c in DISJUNCTIVE_CASES])
def test_disjunctive_facets_predict_a_tick(corpus_backend: SearchBackend, filters: dict[str, Any]) -> None:
    """A value's count is the total that ticking it (adding it to its facet) would give."""
    base = corpus_backend.search(SearchQuery(text="", **filters))
    assert base.facets == expected_disjunctive(ALL, filters)
    field_of = {"year": "years", "sykehusomrade": "omrader", "doc_type": "doc_types", "organ": "organs"}
    for facet, counts in base.facets.items():
        field = field_of[facet]
        for value, count in counts.items():
            current = list(filters.get(field, []))
            typed = int(value) if facet == "year" else value
            if typed in current:
                continue
            ticked = {**filters, field: [*current, typed]}
            after = corpus_backend.search(SearchQuery(text="", **ticked)).total
            if not current:  # the first value of a facet narrows to exactly its count
                assert after == count, (facet, value)
                continue
            # Adding a value to a facet's values widens; already shown hits that also have the value are not added twice.
            overlap = {n for n in ALL if _meta_match(RECORDS[n], filters)
                       and _meta_match(RECORDS[n], {**filters, field: [typed]})}
            assert after == base.total + count - len(overlap), (facet, value)


def test_several_years(corpus_backend: SearchBackend) -> None:
    assert found(corpus_backend, "", years=[2019, 2025]) == {"ahus2019", "ahus2025"}
    assert found(corpus_backend, "rehabilitering", years=[2018, 2024]) == {"pko2018", "ssu2024"}
    # the year range still applies on top of the ticked years
    assert found(corpus_backend, "", years=[2019, 2025], year_from=2020) == {"ahus2025"}


ODD = ['"unclosed', "(", "*", "AND", "OR", "NOT", ")))", "-", '"', "😀 🏥", "x" * 2000, "a " * 1000, "((((fact", "fact)"]


@pytest.mark.parametrize("text", ODD, ids=[f"odd{i}" for i in range(len(ODD))])
def test_odd_input_never_errors(corpus_backend: SearchBackend, text: str) -> None:
    result = corpus_backend.search(SearchQuery(text=text))
    assert result.total >= 0
    assert corpus_backend.search(SearchQuery(text=text, what="saker")).total >= 0


@pytest.mark.parametrize("text", ["", "(", "*", "😀", ")))", "-", '"'])
def test_empty_query_matches_all_with_facets(corpus_backend: SearchBackend, text: str) -> None:
    assert found(corpus_backend, text) == ALL
    assert corpus_backend.search(SearchQuery(text=text)).facets == expected_facets(ALL)


def test_unclosed_quote_is_plain_words(corpus_backend: SearchBackend) -> None:
    assert found(corpus_backend, '"hjemmesykehus') == {"ssu2024"}
    assert found(corpus_backend, "((FACT") == {"ahus2019", "ahus2025"}


def test_document_hit_shape(corpus_backend: SearchBackend) -> None:
    result = corpus_backend.search(SearchQuery(text="hjemmesykehus"))
    (hit,) = result.hits
    rec = RECORDS["ssu2024"]
    assert hit["id"] == IDS["ssu2024"] == hit["doc_id"]
    assert hit["title"] == rec.title and hit["doc_type"] == "referat" and hit["year"] == 2024
    assert hit["date"] == rec.date and hit["organ"] == rec.organ
    assert hit["sykehusomrader"] == rec.sykehusomrader
    assert hit["source"] == rec.source.path
    assert "<em>hjemmesykehus</em>" in hit["snippet"].lower()
    pages = {s.page for s in rec.sections if "hjemmesykehus" in s.text.lower()}
    assert hit["page"] in pages


def test_saker_mode_counts_cases(corpus_backend: SearchBackend) -> None:
    result = corpus_backend.search(SearchQuery(text="sak 33/24", what="saker"))
    assert result.total == 1
    (hit,) = result.hits
    sak = next(s for s in RECORDS["ssu2024"].saker if s.saksnummer == "33/2024")
    assert hit["saksnummer"] == "33/2024" and hit["page"] == sak.page and hit["vedtak"] == sak.vedtak
    index = RECORDS["ssu2024"].saker.index(sak)
    assert hit["id"] == f"{IDS['ssu2024']}-{index}"
    assert result.facets["year"] == {"2024": 1}

    every = corpus_backend.search(SearchQuery(text="", what="saker", limit=100))
    n_cases = sum(len(r.saker) for r in RECORDS.values())
    assert every.total == n_cases == len({h["id"] for h in every.hits}) or every.total == n_cases
    by_year = Counter(str(r.year) for r in RECORDS.values() for _ in r.saker)
    assert every.facets["year"] == dict(by_year)


def test_saker_mode_finds_vedtak_on_topic(corpus_backend: SearchBackend) -> None:
    result = corpus_backend.search(SearchQuery(text="rehabilitering", what="saker", limit=100))
    titles = {h["sak_title"] for h in result.hits}
    assert any("rehabilitering" in (t or "").lower() for t in titles)
    assert all(h["doc_id"] in IDS.values() for h in result.hits)
    tilskudd = corpus_backend.search(SearchQuery(text="samhandlingstilskudd", what="saker", organs=["SSU"]))
    assert tilskudd.total == 0  # organ filter is the organ's name, not an abbreviation
    tilskudd = corpus_backend.search(
        SearchQuery(text="tilskudd", what="saker", organs=["Strategisk samarbeidsutvalg"])
    )
    assert [h["saksnummer"] for h in tilskudd.hits] == ["35/2024"]


def test_paging(corpus_backend: SearchBackend) -> None:
    first = corpus_backend.search(SearchQuery(text="kommune", limit=2))
    second = corpus_backend.search(SearchQuery(text="kommune", limit=2, offset=2))
    rest = corpus_backend.search(SearchQuery(text="kommune", limit=10, offset=4))
    ids = [h["id"] for r in (first, second, rest) for h in r.hits]
    assert first.total == second.total == 5
    assert sorted(ids) == sorted(IDS.values())


def test_trend(corpus_backend: SearchBackend) -> None:
    trend = corpus_backend.trend("FACT")
    assert trend["term"] == "FACT"
    assert trend["by_year"] == {"2019": 1, "2025": 1}
    assert trend["by_omrade"] == {"Ahus": 2}
    fact_sections = {
        str(rec.year): sum(1 for s in rec.sections if "fact" in s.text.lower())
        for rec in RECORDS.values()
        if any("fact" in s.text.lower() for s in rec.sections)
    }
    assert trend["mentions_by_year"] == fact_sections
    assert corpus_backend.trend("zzqxv")["by_year"] == {}


# -- section semantics and records without sections, on small hand-made records ----


def _record(name: str, sections: list[str], saker: list[Sak] | None = None, year: int = 2024) -> Record:
    return Record(
        source=Source(path=f"{name}.pdf", sha256=name * 4),
        doc_type="referat",
        title=f"Referat {name}",
        year=year,
        organ="Lokalt samarbeidsutvalg",
        sykehusomrader=["OUS"],
        sections=[Section(None, f"Del {i + 1}", 1, i + 2, text) for i, text in enumerate(sections)],
        saker=saker or [],
        attendees=Attendees(present=[Attendee(name="Kari Nordmann")]),
    )


SMALL = {
    "a": _record("a", ["FACT-teamet i bydelen", "Rehabilitering etter sykehusopphold"]),
    "b": _record("b", ["FACT og rehabilitering i samme avsnitt"]),
    "c": _record(
        "c", [], [Sak("12/2024", "Sak 12/24", "Budsjett for hjemmetjenesten", "vedtakssak", "Budsjettet vedtas.", 3)]
    ),
}


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def small_backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    url = request.getfixturevalue("opensearch_url") if request.param == "opensearch" else None
    backend = make_backend(request.param, tmp_path_factory.mktemp("small"), url)
    backend.index_records([(k, v) for k, v in SMALL.items()])
    yield backend
    if request.param == "opensearch":
        from tests.search.conftest import drop_prefix

        drop_prefix(backend.settings)
    backend.close()


def small(backend: SearchBackend, text: str) -> set[str]:
    return {h["doc_id"] for h in backend.search(SearchQuery(text=text, limit=100)).hits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FACT rehabilitering", {"b"}),  # all words within one section
        ("FACT -rehabilitering", {"a"}),
        ("rehabilitering NOT FACT", {"a"}),
        ("FACT OR rehabilitering", {"a", "b"}),
        ("-FACT", {"a", "c"}),  # a section (or pseudo-section) without FACT
        ("NOT (FACT OR rehabilitering)", {"c"}),
        ("team", {"a"}),  # FACT-teamet, compound part
        ("hjemmetjenesten", {"c"}),  # record without sections: its pseudo-section
        ("12/24", {"c"}),
        ("budsjettet", {"c"}),
    ],
)
def test_section_semantics(small_backend: SearchBackend, text: str, expected: set[str]) -> None:
    assert small(small_backend, text) == expected


def test_record_without_sections_lands_on_page_one(small_backend: SearchBackend) -> None:
    (hit,) = small_backend.search(SearchQuery(text="hjemmetjenesten")).hits
    assert hit["page"] == 1 and hit["saksnummer"] == "12/2024"
    (sak,) = small_backend.search(SearchQuery(text="hjemmetjenesten", what="saker")).hits
    assert sak["page"] == 3 and sak["kind"] == "vedtakssak" and sak["id"] == "c-0"


def test_reindexing_a_record_replaces_it(small_backend: SearchBackend) -> None:
    changed = _record("b", ["Nytt avsnitt om legevakt"])
    small_backend.index_records([("b", changed)])
    small_backend.index_records([("b", changed)])
    assert small(small_backend, "legevakt") == {"b"}
    assert small(small_backend, "FACT rehabilitering") == set()
    assert small_backend.search(SearchQuery(text="")).total == 3
    # cases removed from a record disappear; re-adding does not duplicate
    c2 = _record("c", [], [])
    small_backend.index_records([("c", c2)])
    assert small_backend.search(SearchQuery(text="", what="saker")).total == 0
    small_backend.index_records([(k, v) for k, v in SMALL.items()])
    small_backend.index_records([(k, v) for k, v in SMALL.items()])
    assert small_backend.search(SearchQuery(text="", what="saker")).total == 1
    assert small_backend.search(SearchQuery(text="")).total == 3
    small_backend.delete_documents(["a"])
    assert small(small_backend, "") == {"b", "c"}
    small_backend.index_records([("a", SMALL["a"])])


def test_rebuild_replaces_everything(small_backend: SearchBackend) -> None:
    small_backend.rebuild([(k, v) for k, v in SMALL.items() if k != "a"])
    assert small(small_backend, "") == {"b", "c"}
    small_backend.rebuild([(k, v) for k, v in SMALL.items()])
    assert small(small_backend, "") == {"a", "b", "c"}
    assert small_backend.search(SearchQuery(text="", what="saker")).total == 1


# -- both backends give the same answers ------------------------------------------

AGREE_QUERIES = [c[0] for c in WORD_CASES] + ODD + [
    "", "Oslo universitetssykehus", "HSØ", "pasient OR bruker", "kommune -Ahus", "NOT ahus",
    '"FACT-team"', "helse", "psykisk helse", "samarbeid", "tvers", "kurs", "vedtak",
]
AGREE_FILTERS: list[dict[str, Any]] = [
    {}, {"year_from": 2019, "year_to": 2024}, {"omrader": ["OUS"]}, {"doc_types": ["arsrapport"]},
    {"organs": ["Strategisk samarbeidsutvalg"], "year_from": 2020},
    {"years": [2019, 2024], "omrader": ["Ahus", "OUS"]}, {"has_vedtak": True, "doc_types": ["referat"]},
]


@pytest.mark.opensearch
@pytest.mark.parametrize("what", ["documents", "saker"])
@pytest.mark.parametrize("filters", AGREE_FILTERS, ids=[str(f) for f in AGREE_FILTERS])
def test_backends_agree(both_backends: tuple[SearchBackend, SearchBackend], what: str, filters: dict) -> None:
    embedded, opensearch = both_backends
    for text in AGREE_QUERIES:
        q = SearchQuery(text=text, what=what, limit=100, **filters)  # type: ignore[arg-type]
        a, b = embedded.search(q), opensearch.search(q)
        assert (a.total, a.facets) == (b.total, b.facets), text
        assert sorted(h["id"] for h in a.hits) == sorted(h["id"] for h in b.hits), text
        assert [sorted(h) for h in a.hits[:1]] == [sorted(h) for h in b.hits[:1]], text
        if what == "documents" and not filters:
            assert embedded.trend(text) == opensearch.trend(text), text


# -- decisions, date order, reading in context -------------------------------------


def test_has_vedtak_keeps_cases_with_a_decision(corpus_backend: SearchBackend) -> None:
    every = corpus_backend.search(SearchQuery(what="saker", limit=100))
    decided = corpus_backend.search(SearchQuery(what="saker", has_vedtak=True, limit=100))
    expected = {
        f"{IDS[name]}-{i}" for name, rec in RECORDS.items() for i, sak in enumerate(rec.saker)
        if sak.vedtak and sak.vedtak.strip()
    }
    assert expected and len(expected) < every.total
    assert {h["id"] for h in decided.hits} == expected and decided.total == len(expected)
    assert all(h["vedtak"] for h in decided.hits)
    on_topic = corpus_backend.search(SearchQuery(text="tilskudd", what="saker", has_vedtak=True))
    assert [h["saksnummer"] for h in on_topic.hits] == ["35/2024"]
    assert sum(decided.facets["year"].values()) == len(expected)


def _by_date(names: set[str], newest_first: bool = True) -> list[str]:
    dated = sorted((n for n in names if RECORDS[n].date), key=lambda n: IDS[n])
    dated.sort(key=lambda n: RECORDS[n].date, reverse=newest_first)
    return dated + sorted((n for n in names if not RECORDS[n].date), key=lambda n: IDS[n])


@pytest.mark.parametrize("sort", ["date", "date_asc"])
def test_date_sort_of_documents(corpus_backend: SearchBackend, sort: str) -> None:
    newest = sort == "date"
    for text in ("", "rehabilitering", "kommune"):
        result = corpus_backend.search(SearchQuery(text=text, sort=sort, limit=100))
        expected = _by_date({SHORT_OF[h["doc_id"]] for h in result.hits}, newest)
        assert [SHORT_OF[h["doc_id"]] for h in result.hits] == expected
    # pages of the date order are slices of it
    whole = [h["id"] for h in corpus_backend.search(SearchQuery(sort=sort, limit=100)).hits]
    paged = [h["id"] for off in range(0, 5, 2) for h in corpus_backend.search(
        SearchQuery(sort=sort, limit=2, offset=off)).hits]
    assert paged == whole
    assert RECORDS[SHORT_OF[whole[0]]].date == max(r.date for r in RECORDS.values() if r.date) or not newest


def test_date_sort_of_cases_is_by_meeting_then_agenda(corpus_backend: SearchBackend) -> None:
    result = corpus_backend.search(SearchQuery(what="saker", sort="date", limit=100))
    expected = [
        f"{IDS[name]}-{i}" for name in _by_date({n for n, r in RECORDS.items() if r.saker})
        for i in range(len(RECORDS[name].saker))
    ]
    assert [h["id"] for h in result.hits] == expected
    paged = [h["id"] for off in range(0, len(expected), 7) for h in corpus_backend.search(
        SearchQuery(what="saker", sort="date", limit=7, offset=off)).hits]
    assert paged == expected
    one_organ = corpus_backend.search(
        SearchQuery(what="saker", sort="date", organs=["Strategisk samarbeidsutvalg"], limit=100))
    numbers = [h["saksnummer"] for h in one_organ.hits]
    assert numbers[:3] == ["33/2024", "34/2024", "35/2024"]


def test_document_matches_every_page(corpus_backend: SearchBackend) -> None:
    rec = RECORDS["ahus2025"]
    pages = sorted({s.page for s in rec.sections if "fact" in s.text.lower()})
    assert len(pages) >= 2
    matches = corpus_backend.document_matches(IDS["ahus2025"], "FACT")
    assert [m["page"] for m in matches] == pages
    assert all("<em>" in m["snippet"].lower() for m in matches)
    assert corpus_backend.document_matches(IDS["ahus2025"], "zzqxv") == []
    assert corpus_backend.document_matches(IDS["ahus2025"], "") == []
    assert corpus_backend.document_matches("0" * 64, "FACT") == []


@pytest.mark.opensearch
@pytest.mark.parametrize("what", ["documents", "saker"])
@pytest.mark.parametrize("sort", ["date", "date_asc"])
@pytest.mark.parametrize("filters", AGREE_FILTERS, ids=[str(f) for f in AGREE_FILTERS])
def test_backends_agree_on_date_order(
    both_backends: tuple[SearchBackend, SearchBackend], what: str, sort: str, filters: dict
) -> None:
    """The date orders are total (date, doc_id, case index): both backends give the same list."""
    embedded, opensearch = both_backends
    for text in ["", "rehabilitering", "kommune", "vedtak", "SSU", "NOT ahus", "zzqxv"]:
        for offset, limit in ((0, 100), (3, 4)):
            q = SearchQuery(text=text, what=what, sort=sort, limit=limit, offset=offset, **filters)  # type: ignore[arg-type]
            a, b = embedded.search(q), opensearch.search(q)
            assert (a.total, a.facets) == (b.total, b.facets), text
            assert [h["id"] for h in a.hits] == [h["id"] for h in b.hits], (text, offset)


@pytest.mark.opensearch
def test_backends_agree_on_document_matches(both_backends: tuple[SearchBackend, SearchBackend]) -> None:
    embedded, opensearch = both_backends
    for doc_id in IDS.values():
        for text in ["FACT", "rehabilitering", "kommune", '"strategisk samarbeidsutvalg"', "33/24", "zzqxv", ""]:
            a = embedded.document_matches(doc_id, text)
            b = opensearch.document_matches(doc_id, text)
            assert [m["page"] for m in a] == [m["page"] for m in b], (doc_id, text)
