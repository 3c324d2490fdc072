"""The embedded search backend: tantivy, persisted under `Settings.embedded_index_dir`.

Layout: `<dir>/CURRENT` names the live generation directory `<dir>/<generation>/`.
`rebuild` writes a new generation and switches CURRENT atomically (os.replace), then
removes the old one. Readers notice a new commit or generation on their next search.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tantivy

from contract.record import Record
from samsok.search import query as ast
from samsok.search import snippets
from samsok.search.analysis import PY_TOKEN_RE, Analysis, load_analysis
from samsok.search.base import (
    FACET_SIZE,
    MAX_MATCH_SECTIONS,
    BackendUnavailable,
    SearchQuery,
    SearchResult,
    clamp_page,
    date_sorted,
    matches_by_page,
    sorted_facet,
    trend_dict,
)
from samsok.search.embedded_query import Translator
from samsok.search.embedded_schema import analyzers, build_schema, documents, register
from samsok.search.entries import project

WRITER_HEAP = 64_000_000
MAX_DOC_BUCKETS = 65_000
FACET_FIELDS = {"year": "year", "sykehusomrade": "sykehusomrader", "doc_type": "doc_type", "organ": "organ"}


def _generation_name() -> str:
    return time.strftime("g%Y%m%d%H%M%S", time.gmtime()) + f"{time.time_ns() % 1_000_000_000:09d}"


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, directory: Path, analysis: Analysis | None = None) -> None:
        self.directory = Path(directory)
        self.analysis = analysis or load_analysis()
        self.schema = build_schema()
        self._analyzers = analyzers(self.analysis)
        self.translator = Translator(self.schema, self.analysis, self._analyzers)
        self._lock = threading.RLock()
        self._generation: str | None = None
        self._index: tantivy.Index | None = None
        self._stamp: tuple[str, float] | None = None
        self._meta: dict[str, dict[str, Any]] = {}
        self._num_to_id: dict[int, str] = {}
        self._open_current()

    # -- generations --------------------------------------------------------------

    @property
    def _current_file(self) -> Path:
        return self.directory / "CURRENT"

    def _read_current(self) -> str | None:
        try:
            name = self._current_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name or None

    def _write_current(self, name: str) -> None:
        tmp = self.directory / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(name + "\n", encoding="utf-8")
        os.replace(tmp, self._current_file)

    def _new_index(self, path: Path) -> tantivy.Index:
        path.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(self.schema, path=str(path), reuse=True)
        register(index, self.analysis)
        return index

    def _open_current(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            name = self._read_current()
            if name is None or not (self.directory / name).is_dir():
                name = _generation_name()
                self._new_index(self.directory / name)
                self._write_current(name)
            self._index = self._new_index(self.directory / name)
        except (OSError, ValueError) as exc:
            raise BackendUnavailable(f"embedded index at {self.directory} cannot be opened: {exc}") from exc
        self._generation = name
        self._stamp = None

    def _fresh(self) -> tantivy.Index:
        """The live index, reopened after a rebuild and reloaded after another process's commit."""
        with self._lock:
            name = self._read_current()
            if name and name != self._generation:
                self._open_current()
            assert self._index is not None
            meta_file = self.directory / str(self._generation) / "meta.json"
            try:
                stamp = (str(self._generation), meta_file.stat().st_mtime)
            except FileNotFoundError:
                stamp = (str(self._generation), 0.0)
            if stamp != self._stamp:
                self._index.reload()
                self._load_meta(self._index)
                self._stamp = stamp
            return self._index

    def _load_meta(self, index: tantivy.Index) -> None:
        searcher = index.searcher()
        q = tantivy.Query.term_query(self.schema, "kind", "doc")
        count = searcher.search(q, 1, count=True).count or 0
        meta: dict[str, dict[str, Any]] = {}
        num_to_id: dict[int, str] = {}
        if count:
            for _, addr in searcher.search(q, count).hits:
                doc = searcher.doc(addr)
                fields = json.loads(doc.get_first("meta_json"))
                meta[fields["doc_id"]] = fields
                num_to_id[int(doc.get_first("doc_num"))] = fields["doc_id"]
        self._meta = meta
        self._num_to_id = num_to_id

    # -- writing ------------------------------------------------------------------

    def _writer(self, index: tantivy.Index) -> tantivy.IndexWriter:
        try:
            return index.writer(WRITER_HEAP, 1)
        except ValueError as exc:
            raise BackendUnavailable(
                f"embedded index at {self.directory} is locked by another writer: {exc}"
            ) from exc

    def _write(self, index: tantivy.Index, items: Iterable[tuple[str, Record]], delete_first: bool) -> int:
        writer = self._writer(index)
        count = 0
        try:
            for doc_id, record in items:
                if delete_first:
                    writer.delete_documents_by_term("doc_id", doc_id)
                for doc in documents(project(doc_id, record), self.analysis):
                    writer.add_document(doc)
                count += 1
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        return count

    def index_records(self, items: Iterable[tuple[str, Record]]) -> int:
        with self._lock:
            index = self._fresh()
            count = self._write(index, items, delete_first=True)
            self._stamp = None
        return count

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        with self._lock:
            index = self._fresh()
            writer = self._writer(index)
            try:
                for doc_id in doc_ids:
                    writer.delete_documents_by_term("doc_id", doc_id)
                writer.commit()
            finally:
                writer.wait_merging_threads()
            self._stamp = None

    def rebuild(self, items: Iterable[tuple[str, Record]]) -> None:
        with self._lock:
            old = self._read_current()
            name = _generation_name()
            path = self.directory / name
            try:
                self._write(self._new_index(path), items, delete_first=False)
            except BaseException:
                shutil.rmtree(path, ignore_errors=True)
                raise
            self._write_current(name)
            self._open_current()
            if old and old != name:
                shutil.rmtree(self.directory / old, ignore_errors=True)

    # -- searching ----------------------------------------------------------------

    def ping(self) -> bool:
        try:
            self._fresh()
        except BackendUnavailable:
            return False
        return True

    def close(self) -> None:
        with self._lock:
            self._index = None
            self._generation = None

    def _tree(self, text: str) -> ast.Node:
        return ast.parse(text, self.analysis.synonyms)

    def search(self, q: SearchQuery) -> SearchResult:
        started = time.perf_counter()
        index = self._fresh()
        searcher = index.searcher()
        tree = self._tree(q.text)
        if q.what == "saker":
            total, hits, facets = self._search_saker(searcher, q, tree)
        else:
            total, hits, facets = self._search_documents(searcher, q, tree)
        took = int((time.perf_counter() - started) * 1000)
        return SearchResult(total=total, took_ms=took, hits=hits, facets=facets)

    def _matching_docs(self, searcher: tantivy.Searcher, query: tantivy.Query) -> dict[str, int]:
        """doc_id -> matching entries, for every document with a matching entry."""
        agg = searcher.aggregate(query, {"d": {"terms": {"field": "doc_id", "size": MAX_DOC_BUCKETS}}})
        return {b["key"]: int(b["doc_count"]) for b in agg["d"]["buckets"]}

    def _doc_facets(self, doc_ids: Iterable[str], keys: Iterable[str] = FACET_FIELDS) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {k: {} for k in keys}
        for doc_id in doc_ids:
            meta = self._meta.get(doc_id)
            if meta is None:
                continue
            if "year" in counts and meta.get("year") is not None:
                key = str(meta["year"])
                counts["year"][key] = counts["year"].get(key, 0) + 1
            if "sykehusomrade" in counts:
                for area in set(meta.get("sykehusomrader") or []):
                    counts["sykehusomrade"][area] = counts["sykehusomrade"].get(area, 0) + 1
            for facet, field in (("doc_type", "doc_type"), ("organ", "organ")):
                if facet in counts and meta.get(field):
                    counts[facet][meta[field]] = counts[facet].get(meta[field], 0) + 1
        return {k: sorted_facet(v) for k, v in counts.items()}

    def _disjunctive_doc_facets(
        self, searcher: tantivy.Searcher, q: SearchQuery, tree: ast.Node, matched: dict[str, int]
    ) -> dict[str, dict[str, int]]:
        """Each facet counted over the matches without that facet's own filter."""
        facets = self._doc_facets(matched, [k for k in FACET_FIELDS if not q.facet_filtered(k)])
        for key in FACET_FIELDS:
            if q.facet_filtered(key):
                others = self._matching_docs(searcher, self.translator.full("section", q.without_facet(key), tree))
                facets.update(self._doc_facets(others, [key]))
        return {k: facets[k] for k in FACET_FIELDS}

    def _date_order(self, doc_ids: Iterable[str], sort: str) -> list[str]:
        def date_of(doc_id: str) -> str | None:
            return (self._meta.get(doc_id) or {}).get("date")

        return date_sorted(doc_ids, date_of, lambda d: d, newest_first=sort != "date_asc")

    def _search_documents(
        self, searcher: tantivy.Searcher, q: SearchQuery, tree: ast.Node
    ) -> tuple[int, list[dict[str, Any]], dict[str, dict[str, int]]]:
        query = self.translator.full("section", q, tree)
        matched = self._matching_docs(searcher, query)
        facets = self._disjunctive_doc_facets(searcher, q, tree, matched)
        offset, limit = clamp_page(q)
        wanted = min(len(matched), offset + limit)
        if q.sort != "relevance":
            chosen_ids = self._date_order(matched, q.sort)[offset:wanted]
            docs = []
            for doc_id in chosen_ids:
                best = searcher.search(self.translator.full("section", q, tree, doc_id), 1).hits
                if best:
                    docs.append(searcher.doc(best[0][1]))
            return len(matched), self._document_hits(searcher, query, tree, docs), facets
        best: dict[int, tuple[float, Any]] = {}
        order: list[int] = []
        chunk = max(64, wanted * 4)
        while len(order) < wanted:
            result = searcher.search(query, chunk, count=False)
            addrs = [addr for _, addr in result.hits]
            nums = searcher.fast_field_values("doc_num", addrs) if addrs else []
            for (score, addr), num in zip(result.hits, nums, strict=True):
                if num is not None and num not in best:
                    best[num] = (score, addr)
                    order.append(num)
            if len(result.hits) < chunk:
                break
            chunk *= 4
        docs = [searcher.doc(best[num][1]) for num in order[offset:wanted]]
        return len(matched), self._document_hits(searcher, query, tree, docs), facets

    def _document_hits(
        self, searcher: tantivy.Searcher, query: tantivy.Query, tree: ast.Node, docs: list[tantivy.Document]
    ) -> list[dict[str, Any]]:
        if not docs:
            return []
        snippet_gen = tantivy.SnippetGenerator.create(searcher, query, self.schema, "text")
        snippet_gen.set_max_num_chars(snippets.SNIPPET_CHARS)
        return [self._document_hit(doc, snippet_gen, tree) for doc in docs]

    def _snippet(self, doc: tantivy.Document, gen: tantivy.SnippetGenerator, tree: ast.Node) -> str:
        snippet = gen.snippet_from_doc(doc)
        ranges = [(r.start, r.end) for r in snippet.highlighted()]
        if ranges:
            return snippets.from_byte_ranges(snippet.fragment(), ranges)
        return self._fallback_snippet(doc.get_first("text") or "", tree)

    def _fallback_snippet(self, text: str, tree: ast.Node) -> str:
        """Highlight exact or compound matches the stemmed-field snippet could not see."""
        wanted = set()
        for word in ast.positive_words(tree):
            wanted.update(self._analyzers["no_text"].analyze(word))
        if not wanted:
            return snippets.plain(text)
        ranges = []
        for match in PY_TOKEN_RE.finditer(text):
            token = match.group(0)
            stems = set(self._analyzers["no_text"].analyze(token))
            stems.update(
                s
                for sub in self.analysis.decompounder.subwords(token.lower())
                for s in self._analyzers["no_text"].analyze(sub)
            )
            if stems & wanted:
                ranges.append((match.start(), match.end()))
        return snippets.from_char_ranges(text, ranges)

    def _base_hit(self, doc: tantivy.Document) -> dict[str, Any]:
        doc_id = doc.get_first("doc_id")
        meta = self._meta.get(doc_id) or {}
        return {
            "id": doc_id,
            "doc_id": doc_id,
            "title": meta.get("title"),
            "doc_type": meta.get("doc_type"),
            "year": meta.get("year"),
            "date": meta.get("date"),
            "sykehusomrader": list(meta.get("sykehusomrader") or []),
            "organ": meta.get("organ"),
            "source": meta.get("source"),
        }

    def _document_hit(self, doc: tantivy.Document, gen: tantivy.SnippetGenerator, tree: ast.Node) -> dict[str, Any]:
        hit = self._base_hit(doc)
        numbers = doc.to_dict().get("saksnummer") or []
        hit.update(
            {
                "page": doc.get_first("page"),
                "section": doc.get_first("section_title"),
                "saksnummer": numbers[0] if numbers else None,
                "snippet": self._snippet(doc, gen, tree),
            }
        )
        return hit

    def _sak_facets(self, searcher: tantivy.Searcher, q: SearchQuery, tree: ast.Node) -> dict[str, dict[str, int]]:
        """Case counts per facet value, each facet without its own filter (disjunctive)."""
        facets: dict[str, dict[str, int]] = {}
        groups: dict[bool, list[str]] = {}
        for facet in FACET_FIELDS:
            groups.setdefault(q.facet_filtered(facet), []).append(facet)
        plans = [(q, groups.get(False, []))] + [(q.without_facet(f), [f]) for f in groups.get(True, [])]
        for variant, keys in plans:
            if not keys:
                continue
            query = self.translator.full("sak", variant, tree)
            raw = searcher.aggregate(query, {k: {"terms": {"field": FACET_FIELDS[k], "size": 1000}} for k in keys})
            for key in keys:
                buckets = (raw or {}).get(key, {}).get("buckets", [])
                facets[key] = sorted_facet({_key(b["key"]): int(b["doc_count"]) for b in buckets}, FACET_SIZE)
        return {k: facets.get(k, {}) for k in FACET_FIELDS}

    def _sak_docs_by_date(
        self, searcher: tantivy.Searcher, q: SearchQuery, tree: ast.Node, query: tantivy.Query
    ) -> tuple[int, list[tantivy.Document]]:
        """(total, the page's case entries) in date order: documents by date, then doc_id,
        each document's matching cases in their order in the document."""
        per_doc = self._matching_docs(searcher, query)
        total = sum(per_doc.values())
        offset, limit = clamp_page(q)
        out: list[tantivy.Document] = []
        seen = 0
        for doc_id in self._date_order(per_doc, q.sort):
            count = per_doc[doc_id]
            if seen + count > offset and len(out) < limit:
                result = searcher.search(self.translator.full("sak", q, tree, doc_id), count)
                entries = sorted(
                    (searcher.doc(addr) for _, addr in result.hits), key=lambda d: d.get_first("entry_index")
                )
                start = max(0, offset - seen)
                out.extend(entries[start : start + limit - len(out)])
            seen += count
            if len(out) >= limit:
                break
        return total, out

    def _search_saker(
        self, searcher: tantivy.Searcher, q: SearchQuery, tree: ast.Node
    ) -> tuple[int, list[dict[str, Any]], dict[str, dict[str, int]]]:
        query = self.translator.full("sak", q, tree)
        offset, limit = clamp_page(q)
        if q.sort != "relevance":
            total, docs = self._sak_docs_by_date(searcher, q, tree, query)
        else:
            result = searcher.search(query, max(1, limit), count=True, offset=offset)
            total = int(result.count or 0)
            docs = [searcher.doc(addr) for _, addr in result.hits] if limit else []
        facets = self._sak_facets(searcher, q, tree)
        hits = []
        if docs:
            gen = tantivy.SnippetGenerator.create(searcher, query, self.schema, "text")
            gen.set_max_num_chars(snippets.SNIPPET_CHARS)
            for doc in docs:
                hit = self._base_hit(doc)
                index = doc.get_first("entry_index")
                hit.update(
                    {
                        "id": f"{hit['doc_id']}-{index}",
                        "page": doc.get_first("page"),
                        "saksnummer": doc.get_first("saksnummer"),
                        "sak_title": doc.get_first("sak_title"),
                        "kind": doc.get_first("sak_kind"),
                        "vedtak": doc.get_first("vedtak"),
                        "snippet": self._snippet(doc, gen, tree),
                    }
                )
                hits.append(hit)
        return total, hits, facets

    # -- reading one document in context -------------------------------------------

    def document_matches(self, doc_id: str, text: str) -> list[dict[str, Any]]:
        """Every page of `doc_id` with a section matching `text`, a snippet each."""
        tree = self._tree(text)
        if isinstance(tree, ast.MatchAll):
            return []
        index = self._fresh()
        searcher = index.searcher()
        query = self.translator.full("section", SearchQuery(), tree, doc_id)
        result = searcher.search(query, MAX_MATCH_SECTIONS)
        if not result.hits:
            return []
        gen = tantivy.SnippetGenerator.create(searcher, query, self.schema, "text")
        gen.set_max_num_chars(snippets.SNIPPET_CHARS)
        sections = []
        for _, addr in result.hits:
            doc = searcher.doc(addr)
            sections.append(
                {
                    "page": doc.get_first("page"),
                    "index": doc.get_first("entry_index"),
                    "section": doc.get_first("section_title"),
                    "snippet": self._snippet(doc, gen, tree),
                }
            )
        return matches_by_page(sections)

    # -- trend --------------------------------------------------------------------

    def trend(self, term: str, q: SearchQuery | None = None) -> dict[str, Any]:
        base = q or SearchQuery()
        index = self._fresh()
        searcher = index.searcher()
        tree = self._tree(term)
        query = self.translator.full("section", base, tree)
        matched = self._matching_docs(searcher, query)
        by_year: dict[str, int] = {}
        by_omrade: dict[str, int] = {}
        for doc_id in matched:
            meta = self._meta.get(doc_id) or {}
            if meta.get("year") is not None:
                by_year[str(meta["year"])] = by_year.get(str(meta["year"]), 0) + 1
            for area in set(meta.get("sykehusomrader") or []):
                by_omrade[area] = by_omrade.get(area, 0) + 1
        mentions: dict[str, int] = {}
        if matched:
            agg = searcher.aggregate(query, {"y": {"terms": {"field": "year", "size": 1000}}})
            mentions = {_key(b["key"]): int(b["doc_count"]) for b in agg["y"]["buckets"]}
        return trend_dict(term, len(matched), by_year, by_omrade, mentions)


def _key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
