"""Translate the query AST and filters into tantivy queries (the embedded backend).

Mirrors opensearch_query.py rule for rule:

* Term: stemmed term in `text`, or in `parts` (compound subwords), or any synonym
  alternative (multi-word alternatives as phrases) in `text`;
* SynonymRun: the words as a stemmed phrase, or any alternative;
* Phrase: the words in order in `exact` (lowercase, folded, unstemmed);
* CaseNumber: the `saksnummer` keyword;
* NOT x: everything but x (tantivy needs the explicit `all` clause).
"""

from __future__ import annotations

from dataclasses import dataclass

import tantivy

from samsok.search import query as ast
from samsok.search.analysis import Analysis
from samsok.search.base import SearchQuery
from samsok.search.embedded_schema import EXACT, TEXT

Occur = tantivy.Occur
HAS_TEXT = "(.|\n)+"


@dataclass
class Translator:
    schema: tantivy.Schema
    analysis: Analysis
    analyzers: dict[str, tantivy.TextAnalyzer]

    def _tokens(self, analyzer: str, text: str) -> list[str]:
        return list(self.analyzers[analyzer].analyze(text))

    def _words(self, field: str, analyzer: str, words: tuple[str, ...]) -> tantivy.Query | None:
        toks = self._tokens(analyzer, " ".join(words))
        if not toks:
            return None
        if len(toks) == 1:
            return tantivy.Query.term_query(self.schema, field, toks[0])
        return tantivy.Query.phrase_query(self.schema, field, toks)

    def _any(self, queries: list[tantivy.Query | None]) -> tantivy.Query:
        qs = [q for q in queries if q is not None]
        if not qs:
            return tantivy.Query.empty_query()
        if len(qs) == 1:
            return qs[0]
        return tantivy.Query.boolean_query([(Occur.Should, q) for q in qs])

    def _with_synonyms(self, words: tuple[str, ...]) -> list[tantivy.Query | None]:
        return [self._words("text", TEXT, alt) for alt in self.analysis.synonyms.alternatives(words)]

    def node(self, node: ast.Node) -> tantivy.Query:
        if isinstance(node, ast.MatchAll):
            return tantivy.Query.all_query()
        if isinstance(node, ast.Term):
            words = (node.word,)
            return self._any(
                [self._words("text", TEXT, words), self._words("parts", TEXT, words), *self._with_synonyms(words)]
            )
        if isinstance(node, ast.SynonymRun):
            return self._any([self._words("text", TEXT, node.words), *self._with_synonyms(node.words)])
        if isinstance(node, ast.Phrase):
            return self._any([self._words("exact", EXACT, node.words)])
        if isinstance(node, ast.CaseNumber):
            return tantivy.Query.term_query(self.schema, "saksnummer", node.number)
        if isinstance(node, ast.Or):
            return tantivy.Query.boolean_query([(Occur.Should, self.node(i)) for i in node.items])
        if isinstance(node, ast.And):
            clauses = []
            for item in node.items:
                if isinstance(item, ast.Not):
                    clauses.append((Occur.MustNot, self.node(item.item)))
                else:
                    clauses.append((Occur.Must, self.node(item)))
            if all(occur == Occur.MustNot for occur, _ in clauses):
                clauses.append((Occur.Must, tantivy.Query.all_query()))
            return tantivy.Query.boolean_query(clauses)
        if isinstance(node, ast.Not):
            return tantivy.Query.boolean_query(
                [(Occur.Must, tantivy.Query.all_query()), (Occur.MustNot, self.node(node.item))]
            )
        raise TypeError(f"unknown query node {node!r}")

    def _terms(self, field: str, values: list[str]) -> tantivy.Query:
        return tantivy.Query.term_set_query(self.schema, field, [v.lower() for v in values])

    def filters(self, kind: str, q: SearchQuery) -> list[tantivy.Query]:
        out = [tantivy.Query.term_query(self.schema, "kind", kind)]
        if q.year_from is not None or q.year_to is not None:
            out.append(
                tantivy.Query.range_query(
                    self.schema, "year", tantivy.FieldType.Integer, q.year_from, q.year_to
                )
            )
        if q.years:
            out.append(tantivy.Query.term_set_query(self.schema, "year", [int(y) for y in q.years]))
        if q.has_vedtak and kind == "sak":
            # Every non-empty decision is one term of the raw-tokenised `vedtak` field.
            out.append(tantivy.Query.regex_query(self.schema, "vedtak", HAS_TEXT))
        if q.omrader:
            out.append(self._terms("sykehusomrader_lc", q.omrader))
        if q.doc_types:
            out.append(self._terms("doc_type_lc", q.doc_types))
        if q.organs:
            out.append(self._terms("organ_lc", q.organs))
        return out

    def full(self, kind: str, q: SearchQuery, tree: ast.Node, doc_id: str | None = None) -> tantivy.Query:
        clauses = [(Occur.Must, f) for f in self.filters(kind, q)]
        if doc_id is not None:
            clauses.append((Occur.Must, tantivy.Query.term_query(self.schema, "doc_id", doc_id)))
        if not isinstance(tree, ast.MatchAll):
            clauses.append((Occur.Must, self.node(tree)))
        return tantivy.Query.boolean_query(clauses)
