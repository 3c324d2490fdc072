"""Translate the query AST and filters into OpenSearch query DSL.

Mirrors embedded_query.py rule for rule; the analyzers (stemmer, synonym_graph at
search time, decompounder at index time) run inside OpenSearch:

* Term: `match` on `text` (search analyzer expands synonyms) or on `text.parts`;
* SynonymRun: `match_phrase` on `text` (synonym graph adds the alternatives);
* Phrase: `match_phrase` on `text.exact`;
* CaseNumber: `term` on `saksnummer`.

`prefix` is `sections.` inside the nested sections of the documents index, `` for saker.
"""

from __future__ import annotations

from typing import Any

from samsok.search import query as ast
from samsok.search.base import SearchQuery

Dsl = dict[str, Any]


def node(n: ast.Node, prefix: str = "") -> Dsl:
    if isinstance(n, ast.MatchAll):
        return {"match_all": {}}
    if isinstance(n, ast.Term):
        return {
            "bool": {
                "should": [
                    {"match": {f"{prefix}text": {"query": n.word}}},
                    {"match": {f"{prefix}text.parts": {"query": n.word}}},
                ],
                "minimum_should_match": 1,
            }
        }
    if isinstance(n, ast.SynonymRun):
        return {"match_phrase": {f"{prefix}text": {"query": " ".join(n.words)}}}
    if isinstance(n, ast.Phrase):
        return {"match_phrase": {f"{prefix}text.exact": {"query": " ".join(n.words)}}}
    if isinstance(n, ast.CaseNumber):
        return {"term": {f"{prefix}saksnummer": n.number}}
    if isinstance(n, ast.Or):
        return {"bool": {"should": [node(i, prefix) for i in n.items], "minimum_should_match": 1}}
    if isinstance(n, ast.And):
        must = [node(i, prefix) for i in n.items if not isinstance(i, ast.Not)]
        must_not = [node(i.item, prefix) for i in n.items if isinstance(i, ast.Not)]
        body: Dsl = {}
        if must:
            body["must"] = must
        if must_not:
            body["must_not"] = must_not
        return {"bool": body}
    if isinstance(n, ast.Not):
        return {"bool": {"must": [{"match_all": {}}], "must_not": [node(n.item, prefix)]}}
    raise TypeError(f"unknown query node {n!r}")


def base_filters(q: SearchQuery, kind: str = "sections") -> list[Dsl]:
    """Filters that are not facets: the year range and, for cases, `has_vedtak`."""
    out: list[Dsl] = []
    if q.year_from is not None or q.year_to is not None:
        bounds: Dsl = {}
        if q.year_from is not None:
            bounds["gte"] = int(q.year_from)
        if q.year_to is not None:
            bounds["lte"] = int(q.year_to)
        out.append({"range": {"year": bounds}})
    if q.has_vedtak and kind == "saker":
        out.append({"term": {"has_vedtak": True}})
    return out


def facet_filters(q: SearchQuery) -> dict[str, Dsl]:
    """Each facet's own filter (values of one facet OR-ed), keyed by facet."""
    out: dict[str, Dsl] = {}
    if q.years:
        out["year"] = {"terms": {"year": [int(y) for y in q.years]}}
    for key, field, values in (
        ("sykehusomrade", "sykehusomrader", q.omrader),
        ("doc_type", "doc_type", q.doc_types),
        ("organ", "organ", q.organs),
    ):
        if values:
            out[key] = {"terms": {f"{field}.lc": [v.lower() for v in values]}}
    return out


def filters(q: SearchQuery, kind: str = "sections") -> list[Dsl]:
    return base_filters(q, kind) + list(facet_filters(q).values())


FACET_FIELDS = {"year": "year", "sykehusomrade": "sykehusomrader", "doc_type": "doc_type", "organ": "organ"}


def facet_aggs(q: SearchQuery) -> Dsl:
    """Disjunctive facets: the facet filters go to `post_filter`; each facet's aggregation
    applies the others' filters, not its own."""
    own = facet_filters(q)
    aggs: Dsl = {}
    for key, field in FACET_FIELDS.items():
        others = [f for k, f in own.items() if k != key]
        aggs[key] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": field, "size": 1000}}},
        }
    return aggs


def post_filter(q: SearchQuery) -> Dsl | None:
    own = list(facet_filters(q).values())
    return {"bool": {"filter": own}} if own else None


def sort_clause(q: SearchQuery, kind: str) -> list[Dsl] | None:
    """Date orders: dated first by date, undated last, ties by doc_id then case index."""
    if q.sort == "relevance":
        return None
    order = "asc" if q.sort == "date_asc" else "desc"
    clause: list[Dsl] = [{"date": {"order": order, "missing": "_last"}}, {"doc_id": {"order": "asc"}}]
    if kind == "saker":
        clause.append({"sak_index": {"order": "asc"}})
    return clause


HIGHLIGHT: Dsl = {
    "type": "unified",
    "encoder": "html",
    "pre_tags": ["<em>"],
    "post_tags": ["</em>"],
    "fragment_size": 200,
    "number_of_fragments": 1,
}

DOC_SOURCE = ["doc_id", "title", "source", "doc_type", "year", "date", "organ", "sykehusomrader"]


def _highlight(prefix: str) -> Dsl:
    return {
        **HIGHLIGHT,
        "fields": {
            f"{prefix}text": {"no_match_size": 200},
            f"{prefix}text.exact": {},
            f"{prefix}text.parts": {},
        },
    }


def _with_facets_and_sort(body: Dsl, q: SearchQuery, kind: str) -> Dsl:
    body["aggs"] = facet_aggs(q)
    pf = post_filter(q)
    if pf is not None:
        body["post_filter"] = pf
    sort = sort_clause(q, kind)
    if sort is not None:
        body["sort"] = sort
    return body


def _nested_sections(tree: ast.Node, size: int, source: list[str]) -> Dsl:
    return {
        "nested": {
            "path": "sections",
            "score_mode": "max",
            "query": node(tree, "sections."),
            "inner_hits": {"size": size, "_source": source, "highlight": _highlight("sections.")},
        }
    }


SECTION_SOURCE = ["sections.index", "sections.page", "sections.title", "sections.saksnummer"]


def documents_body(q: SearchQuery, tree: ast.Node, offset: int, limit: int) -> Dsl:
    body: Dsl = {
        "query": {"bool": {"filter": base_filters(q), "must": [_nested_sections(tree, 1, SECTION_SOURCE)]}},
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": DOC_SOURCE,
    }
    return _with_facets_and_sort(body, q, "sections")


def saker_body(q: SearchQuery, tree: ast.Node, offset: int, limit: int) -> Dsl:
    body: Dsl = {
        "query": {"bool": {"filter": base_filters(q, "saker"), "must": [node(tree)]}},
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": [*DOC_SOURCE, "sak_index", "saksnummer", "sak_title", "kind", "vedtak", "page"],
        "highlight": _highlight(""),
    }
    return _with_facets_and_sort(body, q, "saker")


def matches_body(doc_id: str, tree: ast.Node, size: int) -> Dsl:
    """One document's matching sections (up to `size`), each with its highlight."""
    return {
        "query": {"bool": {"filter": [{"ids": {"values": [doc_id]}}], "must": [_nested_sections(tree, size, SECTION_SOURCE)]}},
        "size": 1,
        "_source": False,
    }


def trend_body(q: SearchQuery, tree: ast.Node) -> Dsl:
    inner = node(tree, "sections.")
    return {
        "query": {
            "bool": {
                "filter": filters(q),
                "must": [{"nested": {"path": "sections", "query": inner}}],
            }
        },
        "size": 0,
        "track_total_hits": True,
        "aggs": {
            "by_year": {"terms": {"field": "year", "size": 1000}},
            "by_omrade": {"terms": {"field": "sykehusomrader", "size": 1000}},
            "mentions": {
                "nested": {"path": "sections"},
                "aggs": {
                    "matching": {
                        "filter": inner,
                        "aggs": {"by_year": {"terms": {"field": "sections.year", "size": 1000}}},
                    }
                },
            },
        },
    }
