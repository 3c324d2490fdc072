"""Harvest sources into the raw store and the catalog: listing pages, PDF URLs, local files.

Listing pages are read one at a time (following pagination); the PDFs they link to are
downloaded by a thread pool with a bounded number in flight; every catalog write happens
in the calling thread. Each URL or file yields one `ItemOutcome`.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from samsok.catalog import Catalog
from samsok.harvest.config import SourceConfig
from samsok.harvest.fetch import Fetcher, FetchResult, Window
from samsok.harvest.links import parse_listing
from samsok.harvest.policy import UrlPolicy
from samsok.store import RawStore, TooLarge

log = logging.getLogger(__name__)

PDF_TYPES = ("application/pdf", "application/x-pdf", "application/acrobat")


@dataclass(frozen=True)
class ItemOutcome:
    source: str
    url: str  # URL, or absolute path of a local file
    kind: str  # pdf | file | listing
    outcome: str  # new | updated | unchanged | failed | skipped
    status: str  # ok | not_modified | outside_window | an error code
    sha256: str | None = None
    message: str | None = None


@dataclass
class _Job:
    source: SourceConfig
    url: str
    probe_first: bool
    explicit: bool  # named by the operator (counts as failed when refused), not found on a page
    kind: str = "pdf"  # pdf, or listing for a page (recorded as such when it fails)
    etag: str | None = None
    last_modified: str | None = None


class Harvester:
    def __init__(
        self,
        catalog: Catalog,
        store: RawStore,
        fetcher: Fetcher,
        *,
        window: Window | None = None,
        on_chunk: Callable[[int], None] | None = None,
    ) -> None:
        self.catalog = catalog
        self.store = store
        self.fetcher = fetcher
        self.window = window or Window()
        self.on_chunk = on_chunk
        self._done: set[str] = set()

    def run(self, sources: Iterable[SourceConfig]) -> Iterator[ItemOutcome]:
        workers = max(1, self.fetcher.options.concurrency)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="download") as pool:
            for source in sources:
                yield from self._local(source)
                yield from self._web(source, pool, workers * 4)

    # ------------------------------------------------------------ local files

    def _local(self, source: SourceConfig) -> Iterator[ItemOutcome]:
        for entry in source.paths:
            root = Path(entry).expanduser()
            if root.is_dir():
                files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
            elif root.is_file():
                files = [root]
            else:
                yield ItemOutcome(source.name, str(root.resolve()), "file", "failed", "not_found",
                                  message=f"no such file or directory: {entry}")
                continue
            for path in files:
                key = str(path.resolve())
                if key in self._done:
                    continue
                self._done.add(key)
                yield self._local_file(source, path, key)

    def _local_file(self, source: SourceConfig, path: Path, key: str) -> ItemOutcome:
        try:
            st = path.stat()
        except OSError as exc:
            return ItemOutcome(source.name, key, "file", "failed", "unreadable", message=str(exc))
        fingerprint = f"{st.st_size}-{st.st_mtime_ns}"
        mtime = datetime.fromtimestamp(st.st_mtime, UTC)
        if not self.window.contains(mtime.date()):
            return ItemOutcome(source.name, key, "file", "skipped", "outside_window",
                               message="file time outside the window")
        state = self.catalog.url_state(key)
        defaults = {"sykehusomrader": list(source.sykehusomrader), "organ": source.organ}
        if state and state.etag == fingerprint and state.sha256 and self.store.has(state.sha256):
            outcome = self.catalog.record_url(key, kind="file", source=source.name, status="not_modified",
                                              etag=fingerprint, **defaults)
            return ItemOutcome(source.name, key, "file", outcome, "not_modified", state.sha256)
        try:
            stored = self.store.put_file(path, max_bytes=self.fetcher.options.max_pdf_bytes)
        except TooLarge as exc:
            self.catalog.record_url(key, kind="file", source=source.name, status="too_large", message=str(exc),
                                    **defaults)
            return ItemOutcome(source.name, key, "file", "failed", "too_large", message=str(exc))
        except OSError as exc:
            self.catalog.record_url(key, kind="file", source=source.name, status="unreadable", message=str(exc),
                                    **defaults)
            return ItemOutcome(source.name, key, "file", "failed", "unreadable", message=str(exc))
        outcome = self.catalog.record_url(
            key, kind="file", source=source.name, status="ok", etag=fingerprint,
            last_modified=mtime.isoformat(timespec="seconds"), sha256=stored.sha256,
            stored=(stored.size, stored.path), **defaults,
        )
        return ItemOutcome(source.name, key, "file", outcome, "ok", stored.sha256)

    # ------------------------------------------------------------ the web

    def _web(self, source: SourceConfig, pool: ThreadPoolExecutor, max_in_flight: int) -> Iterator[ItemOutcome]:
        policy = UrlPolicy(source.hosts())
        in_flight: dict[Future[FetchResult | None], _Job] = {}

        def submit(job: _Job) -> Iterator[ItemOutcome]:
            if job.url in self._done:
                return
            self._done.add(job.url)
            state = self.catalog.url_state(job.url)
            if state is not None and state.sha256 and self.store.has(state.sha256):
                job.etag, job.last_modified = state.etag, state.last_modified
            while len(in_flight) >= max_in_flight:
                yield from drain(block=True)
            in_flight[pool.submit(self._download, job, policy)] = job

        def drain(block: bool) -> Iterator[ItemOutcome]:
            if not in_flight:
                return
            done, _ = wait(list(in_flight), timeout=None if block else 0, return_when=FIRST_COMPLETED)
            for future in done:
                job = in_flight.pop(future)
                result = future.result()
                if result is not None:
                    yield self._record(job, result)

        for url in source.pdf_urls:
            yield from submit(_Job(source, url, False, True))
        # (page URL, depth in its pagination chain); depth 0 is a URL from the source itself
        pages: deque[tuple[str, int]] = deque((u, 0) for u in (*source.entry_urls, *source.listing_urls))
        seen_pages: set[str] = set()
        while pages:
            url, depth = pages.popleft()
            top = depth == 0
            if url in seen_pages or url in self._done:
                continue
            seen_pages.add(url)
            state = self.catalog.url_state(url)
            if state is not None and state.kind == "pdf" and state.sha256:
                # A URL known to serve a PDF: a conditional download, no page parsing.
                yield from submit(_Job(source, url, False, top))
                continue
            result = self.fetcher.fetch(url, policy, expect="any", window=self.window, on_chunk=self.on_chunk)
            if result.stored is not None or result.html is None:
                self._done.add(url)
                yield self._record(_Job(source, url, False, top, kind="pdf" if result.stored else "listing"),
                                   result)
                continue
            self.catalog.record_url(url, kind="listing", source=source.name, status="ok",
                                    http_status=result.http_status)
            links = parse_listing(result.html, result.final_url or url)
            log.info("%s: %s: %d PDF link(s), %d other link(s), %d next page(s)", source.name, url,
                     len(links.pdfs), len(links.candidates), len(links.next_pages))
            for link in links.pdfs:
                yield from submit(_Job(source, link.url, False, False))
            for link in links.candidates:
                known = self.catalog.url_state(link.url)
                if known is not None and known.kind == "pdf":
                    yield from submit(_Job(source, link.url, False, False))
                elif source.probe_links == "all" or (source.probe_links == "hinted" and link.url in links.hinted):
                    yield from submit(_Job(source, link.url, True, False))
            for nxt in links.next_pages:
                if depth + 1 < source.max_pages and policy.check(nxt) is None:
                    pages.append((nxt, depth + 1))
            yield from drain(block=False)
        while in_flight:
            yield from drain(block=True)

    def _download(self, job: _Job, policy: UrlPolicy) -> FetchResult | None:
        """Worker thread: probe if asked, then a (conditional) GET into the raw store."""
        if job.probe_first:
            refusal = policy.check(job.url)
            if refusal is not None:
                return None  # a page link we would not fetch anyway; not a PDF we know of
            probe = self.fetcher.probe(job.url, policy)
            if probe.status != "ok" or probe.content_type not in PDF_TYPES:
                return None
        return self.fetcher.fetch(job.url, policy, expect="pdf", window=self.window, on_chunk=self.on_chunk,
                                  etag=job.etag, last_modified=job.last_modified)

    def _record(self, job: _Job, result: FetchResult) -> ItemOutcome:
        source = job.source
        defaults = {"sykehusomrader": list(source.sykehusomrader), "organ": source.organ}
        name = source.name
        if result.stored is not None:
            stored = result.stored
            outcome = self.catalog.record_url(
                job.url, kind="pdf", source=name, status="ok", http_status=result.http_status,
                etag=result.etag, last_modified=result.last_modified, sha256=stored.sha256,
                stored=(stored.size, stored.path), **defaults,
            )
            return ItemOutcome(name, job.url, "pdf", outcome, "ok", stored.sha256)
        state = self.catalog.url_state(job.url)
        if result.status == "not_modified":
            self.catalog.record_url(job.url, kind="pdf", source=name, status="not_modified",
                                    http_status=result.http_status, etag=result.etag,
                                    last_modified=result.last_modified, **defaults)
            return ItemOutcome(name, job.url, "pdf", "unchanged", "not_modified", state.sha256 if state else None)
        refused = result.status in ("scheme_refused", "host_not_allowed", "bad_url")
        skipped = result.status == "outside_window" or (refused and not job.explicit)
        kind = state.kind if state and state.sha256 else job.kind
        self.catalog.record_url(job.url, kind=kind, source=name, status=result.status,
                                http_status=result.http_status, message=result.message, **defaults)
        level = logging.INFO if skipped else logging.WARNING
        log.log(level, "%s: %s: %s: %s", name, job.url, result.status, result.message)
        return ItemOutcome(name, job.url, kind, "skipped" if skipped else "failed", result.status,
                           message=result.message)
