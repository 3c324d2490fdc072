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


def filters(q: SearchQuery) -> list[Dsl]:
    out: list[Dsl] = []
    if q.year_from is not None or q.year_to is not None:
        bounds: Dsl = {}
        if q.year_from is not None:
            bounds["gte"] = int(q.year_from)
        if q.year_to is not None:
            bounds["lte"] = int(q.year_to)
        out.append({"range": {"year": bounds}})
    for field, values in (("sykehusomrader", q.omrader), ("doc_type", q.doc_types), ("organ", q.organs)):
        if values:
            out.append({"terms": {f"{field}.lc": [v.lower() for v in values]}})
    return out


FACET_AGGS: Dsl = {
    "year": {"terms": {"field": "year", "size": 1000}},
    "sykehusomrade": {"terms": {"field": "sykehusomrader", "size": 1000}},
    "doc_type": {"terms": {"field": "doc_type", "size": 1000}},
    "organ": {"terms": {"field": "organ", "size": 1000}},
}

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


def documents_body(q: SearchQuery, tree: ast.Node, offset: int, limit: int) -> Dsl:
    return {
        "query": {
            "bool": {
                "filter": filters(q),
                "must": [
                    {
                        "nested": {
                            "path": "sections",
                            "score_mode": "max",
                            "query": node(tree, "sections."),
                            "inner_hits": {
                                "size": 1,
                                "_source": ["sections.index", "sections.page", "sections.title", "sections.saksnummer"],
                                "highlight": _highlight("sections."),
                            },
                        }
                    }
                ],
            }
        },
        "aggs": FACET_AGGS,
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": DOC_SOURCE,
    }


def saker_body(q: SearchQuery, tree: ast.Node, offset: int, limit: int) -> Dsl:
    return {
        "query": {"bool": {"filter": filters(q), "must": [node(tree)]}},
        "aggs": FACET_AGGS,
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": [*DOC_SOURCE, "sak_index", "saksnummer", "sak_title", "kind", "vedtak", "page"],
        "highlight": _highlight(""),
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
