"""The OpenSearch search backend (opensearch-py).

Indices come from index_mappings/ (`<prefix>-sections-v1`, `<prefix>-saker-v1`) and are
used only through the aliases `<prefix>-sections` and `<prefix>-saker`. Entry ids are
derived from content: the documents index uses the doc_id (its sections are nested),
the saker index `<doc_id>-<case index>`; re-indexing a record overwrites its entries
and deletes cases it no longer has, so nothing is duplicated. `rebuild` fills a new
generation `<prefix>-<kind>-v1-<timestamp>`, switches both aliases in one `_aliases`
call, then deletes the old indices; searches are answered throughout.
"""

from __future__ import annotations

import contextlib
import itertools
import time
from collections.abc import Iterable, Iterator
from typing import Any

from opensearchpy import exceptions as os_exc
from opensearchpy import helpers

import index_mappings
from contract.record import Record
from samsok.config import OpenSearchSettings
from samsok.search import opensearch_query as dsl
from samsok.search import query as ast
from samsok.search.analysis import Synonyms
from samsok.search.base import (
    FACET_KEYS,
    MAX_MATCH_SECTIONS,
    BackendUnavailable,
    SearchQuery,
    SearchResult,
    clamp_page,
    matches_by_page,
    sorted_facet,
    trend_dict,
)
from samsok.search.entries import Entries, project
from samsok.search.opensearch_client import call, make_client, unavailable

KINDS = ("sections", "saker")
BATCH = 500
# Mapping fields added after v1 indices existed (put on existing indices at start).
ADDED_FIELDS: dict[str, dict[str, Any]] = {"saker": {"has_vedtak": {"type": "boolean"}}}


def entry_actions(entries: Entries, aliases: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Bulk `index` actions for one document's entries."""
    meta = entries.meta.fields()
    numbers = sorted({n for s in entries.sections for n in s.saksnummer} | {
        s.saksnummer for s in entries.saker if s.saksnummer
    })
    yield {
        "_op_type": "index",
        "_index": aliases["sections"],
        "_id": entries.meta.doc_id,
        "_source": {
            **meta,
            "saksnummer": numbers,
            "n_saker": len(entries.saker),
            "sections": [
                {
                    "index": s.index,
                    "number": s.number,
                    "title": s.title,
                    "page": s.page,
                    "year": entries.meta.year,
                    "saksnummer": s.saksnummer,
                    "text": s.text,
                }
                for s in entries.sections
            ],
        },
    }
    for sak in entries.saker:
        yield {
            "_op_type": "index",
            "_index": aliases["saker"],
            "_id": f"{entries.meta.doc_id}-{sak.index}",
            "_source": {
                **meta,
                "sak_index": sak.index,
                "saksnummer": sak.saksnummer,
                "raw": sak.raw,
                "sak_title": sak.title,
                "kind": sak.kind,
                "vedtak": sak.vedtak,
                "has_vedtak": sak.has_vedtak,
                "page": sak.page,
                "attendees": sak.attendees,
                "text": sak.text,
            },
        }


def prepare_actions(items: Iterable[tuple[str, Record]], aliases: dict[str, str]) -> list[dict[str, Any]]:
    return [a for doc_id, record in items for a in entry_actions(project(doc_id, record), aliases)]


def _hits_total(resp: dict[str, Any]) -> int:
    total = resp["hits"]["total"]
    return int(total["value"] if isinstance(total, dict) else total)


def _facets(aggs: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Facet buckets of `dsl.facet_aggs` (each a filter aggregation holding `values`)."""
    return {
        key: sorted_facet(
            {str(b["key"]): int(b["doc_count"]) for b in aggs.get(key, {}).get("values", {}).get("buckets", [])}
        )
        for key in FACET_KEYS
    }


def _snippet(highlight: dict[str, list[str]], prefix: str) -> str:
    """The first highlighted fragment (stemmed, exact, then compound parts), HTML as tantivy's."""
    return _best_fragment(highlight, prefix).replace("&#x2F;", "/").replace("&#x27;", "&#x27;")


def _best_fragment(highlight: dict[str, list[str]], prefix: str) -> str:
    for field in (f"{prefix}text", f"{prefix}text.exact", f"{prefix}text.parts"):
        frags = highlight.get(field)
        if frags and "<em>" in frags[0]:
            return " ".join(frags[0].split())
    frags = highlight.get(f"{prefix}text") or []
    return " ".join(frags[0].split()) if frags else ""


class OpenSearchBackend:
    name = "opensearch"

    def __init__(self, settings: OpenSearchSettings, ensure: bool = True) -> None:
        self.settings = settings
        self.url = settings.url.rstrip("/")
        self.prefix = settings.index_prefix
        self.client = make_client(settings)
        self.aliases = {kind: f"{self.prefix}-{kind}" for kind in KINDS}
        self.synonyms = Synonyms.parse(index_mappings.synonym_rules())
        if ensure:
            self._call(self.client.info, "connection check")
            self.ensure_indices()

    def _call(self, fn: Any, what: str = "request", *args: Any, **kwargs: Any) -> Any:
        return call(self.url, lambda: fn(*args, **kwargs), what)

    # -- indices and aliases ------------------------------------------------------

    def index_name(self, kind: str, generation: str | None = None) -> str:
        base = f"{self.prefix}-{kind}-{index_mappings.MAPPING_VERSION}"
        return f"{base}-{generation}" if generation else base

    def _create(self, kind: str, name: str) -> None:
        try:
            self._call(self.client.indices.create, "index creation", index=name, body=index_mappings.load_index(kind))
        except os_exc.RequestError as exc:
            if exc.error != "resource_already_exists_exception":
                raise

    def ensure_indices(self) -> None:
        """Create the first index generation and its alias when the alias is missing; an
        existing index gets the fields added to the mapping since it was made."""
        for kind in KINDS:
            alias = self.aliases[kind]
            if self._call(self.client.indices.exists_alias, "alias check", name=alias):
                self._add_new_fields(kind)
                continue
            name = self.index_name(kind)
            self._create(kind, name)
            try:
                self._call(self.client.indices.put_alias, "alias creation", index=name, name=alias)
            except os_exc.RequestError:
                if not self._call(self.client.indices.exists_alias, "alias check", name=alias):
                    raise

    def _add_new_fields(self, kind: str) -> None:
        """Fields later added to the mapping (additive, so old indices accept new entries;
        entries indexed before lack them until `samsok reindex`)."""
        added = ADDED_FIELDS.get(kind)
        if not added:
            return
        try:
            self._call(self.client.indices.put_mapping, "mapping update", index=self.aliases[kind],
                       body={"properties": added})
        except os_exc.RequestError as exc:
            raise BackendUnavailable(
                f"OpenSearch index {self.aliases[kind]!r} has an incompatible mapping ({exc.error}): "
                "run `samsok reindex --backend opensearch`"
            ) from exc

    def indices_behind(self, kind: str) -> list[str]:
        try:
            got = self._call(self.client.indices.get_alias, "alias lookup", name=self.aliases[kind])
        except os_exc.NotFoundError:
            return []
        return sorted(got)

    def refresh(self) -> None:
        self._call(self.client.indices.refresh, "refresh", index=",".join(self.aliases.values()))

    # -- writing ------------------------------------------------------------------

    def _bulk(self, actions: list[dict[str, Any]]) -> None:
        def run() -> Any:
            return helpers.bulk(
                self.client, actions, chunk_size=500, max_retries=5, initial_backoff=0.5, request_timeout=120,
                ignore_status=(404,),
            )

        self._call(run, "bulk indexing")

    def _delete_matching(self, index: str, query: dict[str, Any]) -> int:
        """Delete every entry matching `query` (search ids, bulk delete; no delete_by_query
        so that a node without the reindex module works too)."""
        deleted = 0
        while True:
            resp = self._call(
                self.client.search,
                "search for deletion",
                index=index,
                body={"query": query, "size": 5000, "_source": False},
            )
            hits = resp["hits"]["hits"]
            if not hits:
                return deleted
            actions = [{"_op_type": "delete", "_index": h["_index"], "_id": h["_id"]} for h in hits]
            self._bulk(actions)
            self._call(self.client.indices.refresh, "refresh", index=index)
            deleted += len(hits)

    def _stale_saker(self, counts: dict[str, int]) -> list[dict[str, Any]]:
        """Delete actions for cases beyond each record's new number of cases.

        The documents index remembers each document's `n_saker`; case ids are
        `<doc_id>-<index>`, so the stale ones are known without searching.
        """
        resp = self._call(
            self.client.mget,
            "case count lookup",
            index=self.aliases["sections"],
            body={"ids": list(counts)},
            _source_includes=["n_saker"],
        )
        actions = []
        for doc in resp.get("docs", []):
            if not doc.get("found"):
                continue
            old = int(doc.get("_source", {}).get("n_saker") or 0)
            actions += [
                {"_op_type": "delete", "_index": self.aliases["saker"], "_id": f"{doc['_id']}-{i}"}
                for i in range(counts[doc["_id"]], old)
            ]
        return actions

    def index_records(self, items: Iterable[tuple[str, Record]], refresh: bool = True) -> int:
        count = 0
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, BATCH)):
            entries = [project(doc_id, record) for doc_id, record in batch]
            actions = self._stale_saker({e.meta.doc_id: len(e.saker) for e in entries})
            actions += [a for e in entries for a in entry_actions(e, self.aliases)]
            self._bulk(actions)
            count += len(batch)
        if refresh:
            self.refresh()
        return count

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(doc_ids))
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            for alias in self.aliases.values():
                self._delete_matching(alias, {"terms": {"doc_id": chunk}})
        self.refresh()

    def rebuild(self, items: Iterable[tuple[str, Record]]) -> None:
        generation = time.strftime("%Y%m%d%H%M%S", time.gmtime()) + f"{time.time_ns() % 1_000_000:06d}"
        new = {kind: self.index_name(kind, generation) for kind in KINDS}
        old = {kind: self.indices_behind(kind) for kind in KINDS}
        for kind in KINDS:
            self._create(kind, new[kind])
        try:
            iterator = iter(items)
            while batch := list(itertools.islice(iterator, BATCH)):
                self._bulk(prepare_actions(batch, new))
            self._call(self.client.indices.refresh, "refresh", index=",".join(new.values()))
            actions: list[dict[str, Any]] = []
            for kind in KINDS:
                actions += [{"remove": {"index": name, "alias": self.aliases[kind]}} for name in old[kind]]
                actions.append({"add": {"index": new[kind], "alias": self.aliases[kind]}})
            self._call(self.client.indices.update_aliases, "alias switch", body={"actions": actions})
        except BaseException:
            self._call(self.client.indices.delete, "cleanup", index=",".join(new.values()), ignore_unavailable=True)
            raise
        stale = [name for names in old.values() for name in names]
        if stale:
            self._call(self.client.indices.delete, "old index removal", index=",".join(stale), ignore_unavailable=True)

    def update_synonyms(self) -> list[str]:
        """Push index_mappings/synonyms.txt into the live indices without reindexing.

        OpenSearch 2.19 (without the index-management plugin) has no reload API for
        search analyzers, so each index is closed, its `no_synonyms` filter replaced,
        and reopened: searches fail for the second or so that takes.
        """
        analysis = index_mappings.load_analysis()
        body = {"analysis": {"filter": {"no_synonyms": analysis["filter"]["no_synonyms"]}}}
        names = [name for kind in KINDS for name in self.indices_behind(kind)]
        for name in names:
            self._call(self.client.indices.close, "close", index=name)
            try:
                self._call(self.client.indices.put_settings, "settings update", index=name, body=body)
            finally:
                self._call(self.client.indices.open, "open", index=name, wait_for_active_shards=1)
        self._call(self.client.cluster.health, "health", index=",".join(names), wait_for_status="yellow")
        self.synonyms = Synonyms.parse(index_mappings.synonym_rules())
        return names

    # -- searching ----------------------------------------------------------------

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except Exception:
            return False

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close()

    def _tree(self, text: str) -> ast.Node:
        return ast.parse(text, self.synonyms)

    def _search(self, index: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return self._call(self.client.search, "search", index=index, body=body)
        except os_exc.NotFoundError as exc:
            raise BackendUnavailable(
                f"OpenSearch at {self.url} has no index {index!r}: run `samsok reindex --backend opensearch`"
            ) from exc

    def search(self, q: SearchQuery) -> SearchResult:
        started = time.perf_counter()
        tree = self._tree(q.text)
        offset, limit = clamp_page(q)
        if q.what == "saker":
            resp = self._search(self.aliases["saker"], dsl.saker_body(q, tree, offset, limit))
            hits = [self._sak_hit(h) for h in resp["hits"]["hits"]]
        else:
            resp = self._search(self.aliases["sections"], dsl.documents_body(q, tree, offset, limit))
            hits = [self._document_hit(h) for h in resp["hits"]["hits"]]
        took = int((time.perf_counter() - started) * 1000)
        return SearchResult(
            total=_hits_total(resp), took_ms=took, hits=hits, facets=_facets(resp.get("aggregations", {}))
        )

    @staticmethod
    def _base_hit(src: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": src["doc_id"],
            "doc_id": src["doc_id"],
            "title": src.get("title"),
            "doc_type": src.get("doc_type"),
            "year": src.get("year"),
            "date": src.get("date"),
            "sykehusomrader": list(src.get("sykehusomrader") or []),
            "organ": src.get("organ"),
            "source": src.get("source"),
        }

    def _document_hit(self, h: dict[str, Any]) -> dict[str, Any]:
        hit = self._base_hit(h["_source"])
        inner = h.get("inner_hits", {}).get("sections", {}).get("hits", {}).get("hits", [])
        section = inner[0] if inner else {}
        src = section.get("_source", {})
        numbers = src.get("saksnummer") or []
        hit.update(
            {
                "page": src.get("page"),
                "section": src.get("title"),
                "saksnummer": numbers[0] if numbers else None,
                "snippet": _snippet(section.get("highlight", {}), "sections."),
            }
        )
        return hit

    def _sak_hit(self, h: dict[str, Any]) -> dict[str, Any]:
        src = h["_source"]
        hit = self._base_hit(src)
        hit.update(
            {
                "id": f"{src['doc_id']}-{src.get('sak_index')}",
                "page": src.get("page"),
                "saksnummer": src.get("saksnummer"),
                "sak_title": src.get("sak_title"),
                "kind": src.get("kind"),
                "vedtak": src.get("vedtak"),
                "snippet": _snippet(h.get("highlight", {}), ""),
            }
        )
        return hit

    def document_matches(self, doc_id: str, text: str) -> list[dict[str, Any]]:
        """Every page of `doc_id` with a section matching `text`, a snippet each."""
        tree = self._tree(text)
        if isinstance(tree, ast.MatchAll):
            return []
        resp = self._search(self.aliases["sections"], dsl.matches_body(doc_id, tree, MAX_MATCH_SECTIONS))
        hits = resp["hits"]["hits"]
        if not hits:
            return []
        inner = hits[0].get("inner_hits", {}).get("sections", {}).get("hits", {}).get("hits", [])
        sections = [
            {
                "page": h.get("_source", {}).get("page"),
                "index": h.get("_source", {}).get("index", h.get("_nested", {}).get("offset", 0)),
                "section": h.get("_source", {}).get("title"),
                "snippet": _snippet(h.get("highlight", {}), "sections."),
            }
            for h in inner
        ]
        return matches_by_page(sections)

    def trend(self, term: str, q: SearchQuery | None = None) -> dict[str, Any]:
        tree = self._tree(term)
        resp = self._search(self.aliases["sections"], dsl.trend_body(q or SearchQuery(), tree))
        aggs = resp.get("aggregations", {})

        def buckets(agg: dict[str, Any]) -> dict[str, int]:
            return {str(b["key"]): int(b["doc_count"]) for b in agg.get("buckets", [])}

        return trend_dict(
            term,
            _hits_total(resp),
            buckets(aggs.get("by_year", {})),
            buckets(aggs.get("by_omrade", {})),
            buckets(aggs.get("mentions", {}).get("matching", {}).get("by_year", {})),
        )


__all__ = ["OpenSearchBackend", "prepare_actions", "unavailable"]
