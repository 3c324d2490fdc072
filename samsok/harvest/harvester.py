"""Harvest sources into the raw store and the catalog: listing pages, PDF URLs, local files.

Listing pages are read one at a time (following pagination); the PDFs they link to are
downloaded by a thread pool with a bounded number in flight; every catalog write happens
in the calling thread. Each URL or file yields one `ItemOutcome`.

Isolation: whatever goes wrong with one link (a malformed or over-long href, an error
while fetching it, even a bug) marks that URL failed with its reason and the run goes on;
an unexpected error in a whole source fails that source, not the run. Each download has a
`Deadline`; past the run's deadline no download starts and what is left is `run_deadline`.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from samsok.catalog import Catalog
from samsok.harvest.config import SourceConfig
from samsok.harvest.fetch import Deadline, Fetcher, FetchResult, Window
from samsok.harvest.links import BadLink, parse_listing, shorten_url
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
        self._run_ends_at: float | None = None

    def run(self, sources: Iterable[SourceConfig]) -> Iterator[ItemOutcome]:
        options = self.fetcher.options
        workers = max(1, options.concurrency)
        self._run_ends_at = time.monotonic() + options.run_deadline_s if options.run_deadline_s > 0 else None
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="download") as pool:
            for source in sources:
                try:
                    yield from self._local(source)
                    yield from self._web(source, pool, workers * 4)
                except Exception as exc:  # a bug must cost one source, not the run
                    log.exception("%s: the harvest of this source stopped", source.name)
                    yield ItemOutcome(source.name, f"source:{source.name}", "listing", "failed", "error",
                                      message=f"the harvest of the source stopped: {exc.__class__.__name__}: {exc}")

    def deadline(self, source: SourceConfig) -> Deadline:
        o = self.fetcher.options
        total = source.download_deadline_s if source.download_deadline_s is not None else o.download_deadline_s
        rate = source.min_bytes_per_s if source.min_bytes_per_s is not None else o.min_bytes_per_s
        return Deadline(total, rate, o.slow_grace_s, self._run_ends_at)

    def _run_over(self) -> bool:
        return self._run_ends_at is not None and time.monotonic() >= self._run_ends_at

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
        deadline = self.deadline(source)
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
            in_flight[pool.submit(self._download, job, policy, deadline)] = job

        def drain(block: bool) -> Iterator[ItemOutcome]:
            if not in_flight:
                return
            done, _ = wait(list(in_flight), timeout=None if block else 0, return_when=FIRST_COMPLETED)
            for future in done:
                job = in_flight.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # _download contains its errors; this is the last guard
                    result = _unexpected(job.url, exc)
                if result is not None:
                    yield self._safe_record(job, result)

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
            if self._run_over():
                result = FetchResult(url, "run_deadline", message="the run's harvest time was up before this page")
            else:
                try:
                    result = self.fetcher.fetch(url, policy, expect="any", window=self.window,
                                                on_chunk=self.on_chunk, deadline=deadline)
                except Exception as exc:
                    result = _unexpected(url, exc)
            if result.stored is not None or result.html is None:
                self._done.add(url)
                yield self._safe_record(_Job(source, url, False, top, kind="pdf" if result.stored else "listing"),
                                        result)
                continue
            self.catalog.record_url(url, kind="listing", source=source.name, status="ok",
                                    http_status=result.http_status)
            try:
                links = parse_listing(result.html, result.final_url or url)
            except Exception as exc:  # the parser is lenient; a page it cannot read is that page's failure
                yield self._safe_record(_Job(source, url, False, top, kind="listing"), _unexpected(url, exc))
                continue
            log.info("%s: %s: %d PDF link(s), %d other link(s), %d next page(s), %d bad link(s)", source.name,
                     url, len(links.pdfs), len(links.candidates), len(links.next_pages), len(links.bad))
            for bad in links.bad:
                yield self._bad_link(source, url, bad)
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

    def _download(self, job: _Job, policy: UrlPolicy, deadline: Deadline) -> FetchResult | None:
        """Worker thread: probe if asked, then a (conditional) GET into the raw store. Never raises."""
        try:
            if job.probe_first:
                refusal = policy.check(job.url)
                if refusal is not None:
                    return None  # a page link we would not fetch anyway; not a PDF we know of
                if self._run_over():
                    return None  # an unconfirmed candidate: nothing to retry
                probe = self.fetcher.probe(job.url, policy, deadline)
                if probe.status != "ok" or probe.content_type not in PDF_TYPES:
                    return None
            if self._run_over():
                return FetchResult(job.url, "run_deadline", message="the run's harvest time was up before this download")
            return self.fetcher.fetch(job.url, policy, expect="pdf", window=self.window, on_chunk=self.on_chunk,
                                      etag=job.etag, last_modified=job.last_modified, deadline=deadline)
        except Exception as exc:
            return _unexpected(job.url, exc)

    def _bad_link(self, source: SourceConfig, page: str, bad: BadLink) -> ItemOutcome:
        """A link that cannot be fetched at all: failed, named by its (shortened) href."""
        key = bad.label
        message = f"{bad.reason} (on {shorten_url(page)})"
        self.catalog.record_url(key, kind="pdf", source=source.name,
                                status="bad_url", message=message)
        log.warning("%s: bad link %r: %s", source.name, key, message)
        return ItemOutcome(source.name, key, "pdf", "failed", "bad_url", message=message)

    def _safe_record(self, job: _Job, result: FetchResult) -> ItemOutcome:
        try:
            return self._record(job, result)
        except Exception as exc:  # e.g. a URL the catalog cannot hold: that URL's failure only
            log.exception("%s: cannot record %s", job.source.name, shorten_url(job.url))
            return ItemOutcome(job.source.name, shorten_url(job.url), job.kind, "failed", "error",
                               message=f"{exc.__class__.__name__}: {exc}")

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
        refused = result.status in ("scheme_refused", "host_not_allowed")  # a bad URL is always a failure
        skipped = result.status == "outside_window" or (refused and not job.explicit)
        kind = state.kind if state and state.sha256 else job.kind
        self.catalog.record_url(job.url, kind=kind, source=name, status=result.status,
                                http_status=result.http_status, message=result.message, **defaults)
        level = logging.INFO if skipped else logging.WARNING
        log.log(level, "%s: %s: %s: %s", name, job.url, result.status, result.message)
        return ItemOutcome(name, job.url, kind, "skipped" if skipped else "failed", result.status,
                           message=result.message)


def _unexpected(url: str, exc: Exception) -> FetchResult:
    log.exception("unexpected error fetching %s", shorten_url(url))
    return FetchResult(url, "error", None, f"unexpected error: {exc.__class__.__name__}: {exc}")
