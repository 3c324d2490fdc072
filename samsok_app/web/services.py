"""The web layer's access to the search backend and the catalog.

The backend is opened lazily and reopened after a failure, so `samsok serve` starts
(and answers with a clear 503) while OpenSearch is down and recovers when it comes
back. SQLite connections are per thread: FastAPI runs sync routes in a thread pool.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import Any

from samsok.catalog import Catalog
from samsok.config import Settings
from samsok.search import BackendUnavailable, open_backend

log = logging.getLogger(__name__)

DOC_ID_RE = re.compile(r"^[0-9a-f]{64}$")


class ServiceUnavailable(Exception):
    """The search backend cannot answer right now (shown as HTTP 503)."""


def is_doc_id(value: str) -> bool:
    return bool(DOC_ID_RE.match(value))


class Services:
    def __init__(self, settings: Settings, backend_name: str | None = None) -> None:
        self.settings = settings
        self.backend_name = backend_name or settings.backend
        self._backend: Any = None
        self._lock = threading.Lock()
        self._local = threading.local()
        self._catalogs: list[Any] = []

    # -- search backend -------------------------------------------------------------

    def backend(self) -> Any:
        with self._lock:
            if self._backend is None:
                try:
                    self._backend = open_backend(self.settings, self.backend_name)
                except BackendUnavailable as exc:
                    raise ServiceUnavailable(str(exc)) from exc
            return self._backend

    def _call(self, method: str, *args: Any) -> Any:
        backend = self.backend()
        try:
            return getattr(backend, method)(*args)
        except BackendUnavailable as exc:
            self._drop_backend(backend)
            raise ServiceUnavailable(str(exc)) from exc

    def _drop_backend(self, backend: Any) -> None:
        with self._lock:
            if self._backend is backend:
                self._backend = None
        try:
            backend.close()
        except Exception:  # a broken connection may fail to close; it is dropped anyway
            log.debug("closing a failed backend raised", exc_info=True)

    def search(self, query: Any) -> Any:
        return self._call("search", query)

    def trend(self, term: str, query: Any) -> dict[str, Any]:
        return self._call("trend", term, query)

    def document_matches(self, doc_id: str, text: str) -> list[dict[str, Any]]:
        """Pages of `doc_id` matching `text`, `[{page, section, snippet}]`."""
        return self._call("document_matches", doc_id, text)

    def backend_status(self) -> dict[str, Any]:
        status: dict[str, Any] = {"name": self.backend_name, "ok": False}
        try:
            backend = self.backend()
            status["ok"] = bool(backend.ping())
            if not status["ok"]:
                status["detail"] = "ping failed"
                self._drop_backend(backend)
        except ServiceUnavailable as exc:
            status["detail"] = str(exc)
        return status

    # -- catalog --------------------------------------------------------------------

    def catalog(self) -> Any | None:
        """This thread's catalog, or None when the home holds no catalog yet."""
        catalog = getattr(self._local, "catalog", None)
        if catalog is not None:
            return catalog
        if not self.settings.catalog_path.exists():
            return None
        catalog = Catalog(self.settings.catalog_path)
        self._local.catalog = catalog
        with self._lock:
            self._catalogs.append(catalog)
        return catalog

    def get_record(self, doc_id: str) -> Any | None:
        catalog = self.catalog()
        if catalog is None or not is_doc_id(doc_id):
            return None
        return catalog.get_record(doc_id)

    def document_info(self, doc_id: str) -> dict[str, Any]:
        catalog = self.catalog()
        if catalog is None or not is_doc_id(doc_id):
            return {}
        try:
            return catalog.document_info(doc_id) or {}
        except KeyError:
            return {}

    def raw_pdf(self, doc_id: str) -> Path | None:
        """The stored PDF of `doc_id`, only if it lies inside the raw store."""
        catalog = self.catalog()
        if catalog is None or not is_doc_id(doc_id):
            return None
        path = catalog.raw_path(doc_id)
        if path is None:
            return None
        path = Path(path).resolve()
        store = self.settings.raw_dir.resolve()
        if not path.is_relative_to(store) or not path.is_file():
            return None
        return path

    def catalog_status(self) -> dict[str, Any]:
        status: dict[str, Any] = {"path": str(self.settings.catalog_path), "ok": False}
        try:
            catalog = self.catalog()
            if catalog is None:
                status["detail"] = "no catalog yet (run samsok ingest)"
                return status
            status["stats"] = catalog.stats()
            status["ok"] = True
        except Exception as exc:  # reported, not raised: /health must always answer
            status["detail"] = f"{type(exc).__name__}: {exc}"
        return status

    def close(self) -> None:
        with self._lock:
            backend, self._backend = self._backend, None
            catalogs, self._catalogs = self._catalogs, []
        if backend is not None:
            backend.close()
        for catalog in catalogs:
            close = getattr(catalog, "close", None)
            if close is not None:
                try:
                    close()
                except Exception:  # SQLite refuses to close another thread's connection
                    log.debug("closing a catalog raised", exc_info=True)
