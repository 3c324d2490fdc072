"""Search: index entries projected from records, two backends behind one interface.

`open_backend(settings, name)` gives the embedded (tantivy, default) or the OpenSearch
backend; both implement `samsok.search.base.SearchBackend`. See README.md here.
"""

from __future__ import annotations

from samsok.config import Settings
from samsok.search.base import BackendUnavailable, SearchBackend, SearchQuery, SearchResult

BACKENDS = ("embedded", "opensearch")

__all__ = ["BACKENDS", "BackendUnavailable", "SearchBackend", "SearchQuery", "SearchResult", "open_backend"]


def open_backend(settings: Settings, name: str | None = None) -> SearchBackend:
    """The backend `name` (default: settings.backend); BackendUnavailable when it cannot answer."""
    chosen = (name or settings.backend or "embedded").strip().lower()
    if chosen == "embedded":
        from samsok.search.embedded import EmbeddedBackend  # only the chosen backend's client is loaded

        return EmbeddedBackend(settings.embedded_index_dir)
    if chosen == "opensearch":
        from samsok.search.opensearch import OpenSearchBackend  # only the chosen backend's client is loaded

        return OpenSearchBackend(settings.opensearch)
    raise BackendUnavailable(f"unknown search backend {chosen!r} (choose one of: {', '.join(BACKENDS)})")
