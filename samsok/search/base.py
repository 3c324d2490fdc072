"""The search backend interface shared by the embedded (tantivy) and OpenSearch backends."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol, TypeVar

from contract.record import Record

What = Literal["documents", "saker"]
# `relevance` (default), `date` (newest first) or `date_asc` (oldest first); undated last either
# way, ties by doc_id, then by the case's position in its document (both backends alike).
Sort = Literal["relevance", "date", "date_asc"]
SORTS: tuple[str, ...] = ("relevance", "date", "date_asc")
FACET_KEYS = ("year", "sykehusomrade", "doc_type", "organ")
# The SearchQuery field holding each facet's own filter: counts within a facet are computed
# without it (disjunctive facets), so a count says what ticking that value gives.
FACET_FILTER_FIELDS = {"year": "years", "sykehusomrade": "omrader", "doc_type": "doc_types", "organ": "organs"}
# Buckets per facet (both backends cut at the same size, ordered by count then key).
FACET_SIZE = 100


T = TypeVar("T")

YEAR_RANGE_RE = re.compile(r"^\s*(\d{4})?\s*(?:(\.\.|-|–)\s*(\d{4})?)?\s*$")


def parse_year_range(value: str | None) -> tuple[int | None, int | None]:
    """`2019` -> (2019, 2019); `2019..2025` -> (2019, 2025); `..2020` -> (None, 2020);
    a reversed range is turned round. ValueError for anything else."""
    if value is None or not value.strip():
        return None, None
    match = YEAR_RANGE_RE.match(value)
    if not match or (match.group(1) is None and match.group(3) is None):
        raise ValueError(value)
    first = int(match.group(1)) if match.group(1) else None
    if match.group(2) is None:
        return first, first
    last = int(match.group(3)) if match.group(3) else None
    if first is not None and last is not None and first > last:
        first, last = last, first
    return first, last


class BackendUnavailable(Exception):
    """The backend cannot answer (server down, index missing or locked); the message says why."""


@dataclass
class SearchQuery:
    text: str = ""
    year_from: int | None = None
    year_to: int | None = None
    omrader: list[str] = field(default_factory=list)
    doc_types: list[str] = field(default_factory=list)
    organs: list[str] = field(default_factory=list)
    what: What = "documents"
    limit: int = 20
    offset: int = 0
    # Years ticked in the year facet (OR-ed); the range above still applies on top.
    years: list[int] = field(default_factory=list)
    # Saker only: keep cases with a decision (non-empty `vedtak`).
    has_vedtak: bool = False
    sort: Sort = "relevance"

    def without_facet(self, facet: str) -> SearchQuery:
        """This query without the filter of `facet` (for that facet's own counts)."""
        return replace(self, **{FACET_FILTER_FIELDS[facet]: []})

    def facet_filtered(self, facet: str) -> bool:
        return bool(getattr(self, FACET_FILTER_FIELDS[facet]))


@dataclass
class SearchResult:
    total: int
    took_ms: int
    hits: list[dict[str, Any]]
    facets: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (section 3)."""
        return {
            "total": self.total,
            "took_ms": self.took_ms,
            "hits": self.hits,
            "facets": {key: dict(self.facets.get(key, {})) for key in FACET_KEYS},
        }


class SearchBackend(Protocol):
    name: str

    def index_records(self, items: Iterable[tuple[str, Record]]) -> int: ...

    def delete_documents(self, doc_ids: Iterable[str]) -> None: ...

    def search(self, q: SearchQuery) -> SearchResult: ...

    def trend(self, term: str, q: SearchQuery | None = None) -> dict[str, Any]: ...

    def document_matches(self, doc_id: str, text: str) -> list[dict[str, Any]]: ...

    def rebuild(self, items: Iterable[tuple[str, Record]]) -> None: ...

    def ping(self) -> bool: ...

    def close(self) -> None: ...


def sorted_facet(counts: dict[str, int], size: int = FACET_SIZE) -> dict[str, int]:
    """Buckets by count (descending), then key (ascending), at most `size`: OpenSearch's order."""
    ordered = sorted(((k, n) for k, n in counts.items() if n > 0), key=lambda kv: (-kv[1], kv[0]))
    return dict(ordered[:size])


def clamp_page(q: SearchQuery, max_window: int = 10_000) -> tuple[int, int]:
    """(offset, limit) made safe: non-negative, limit 0..100, offset+limit within the window."""
    limit = max(0, min(int(q.limit), 100))
    offset = max(0, min(int(q.offset), max_window - limit))
    return offset, limit


def trend_dict(
    term: str, total: int, by_year: dict[str, int], by_omrade: dict[str, int], mentions: dict[str, int]
) -> dict[str, Any]:
    """The contract's trend object (section 4) plus `mentions_by_year` and `total`."""
    return {
        "term": term,
        "total": total,
        "by_year": {k: by_year[k] for k in sorted(by_year, key=int)},
        "by_omrade": sorted_facet(by_omrade, size=1000),
        "mentions_by_year": {k: mentions[k] for k in sorted(mentions, key=int)},
    }


def date_sorted(items: Iterable[T], date_of: Callable[[T], str | None], tie_of: Callable[[T], Any],
                newest_first: bool = True) -> list[T]:
    """The date orders (OpenSearch's `date` sort, `missing: _last`): dated items by date,
    undated after them; ties (and the undated) by `tie_of` ascending (doc_id, case index)."""
    items = list(items)
    dated = sorted((i for i in items if date_of(i)), key=tie_of)
    dated.sort(key=lambda i: str(date_of(i)), reverse=newest_first)  # stable: ties keep tie_of order
    undated = sorted((i for i in items if not date_of(i)), key=tie_of)
    return dated + undated


MAX_MATCH_SECTIONS = 100


def matches_by_page(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Matching sections (`page`, `index`, `section`, `snippet`) as one match per page:
    pages ascending, each with the snippet of its first matching section."""
    pages: dict[int, dict[str, Any]] = {}
    for sec in sorted(sections, key=lambda s: (int(s["page"] or 1), int(s["index"]))):
        page = int(sec["page"] or 1)
        if page not in pages:
            pages[page] = {"page": page, "section": sec.get("section"), "snippet": sec.get("snippet") or ""}
    return list(pages.values())
