"""The three stages of a run as plain functions: harvest -> extract -> index.

Each opens what it needs from the settings (catalog, raw store) and returns a small
report; the Prefect flow in `flows.ingest` wraps each in a task, tests call them directly.
Failures are per item: a bad URL or PDF is recorded in the catalog with its reason and
the run goes on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contract.record import Record
from extractors.ocr.options import OcrOptions
from flows import progress
from samsok.catalog import MAX_ATTEMPTS, Catalog
from samsok.config import Settings
from samsok.extraction import EXTRACTOR_VERSION, GuardedExtractor
from samsok.harvest import Fetcher, Harvester, HttpOptions, ItemOutcome, SourceConfig, Window
from samsok.search import BackendUnavailable, open_backend
from samsok.store import RawStore

log = logging.getLogger(__name__)

INDEX_BATCH = 50
# Extraction jobs handed to the worker pool at a time: memory stays bounded by this.
EXTRACT_CHUNK = 16

Extractor = Callable[[Iterable[tuple[Path, str | None]]], Iterator[Record]]


@dataclass
class HarvestReport:
    items: list[ItemOutcome] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for item in self.items if item.outcome == outcome)


@dataclass
class ExtractReport:
    extracted: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # doc_id -> error code
    pages: int = 0


@dataclass
class IndexReport:
    indexed: int = 0
    removed: int = 0
    queued: int = 0
    error: str | None = None


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 2)))


# ---------------------------------------------------------------- harvest


def harvest_stage(
    settings: Settings,
    sources: Iterable[SourceConfig],
    http: HttpOptions | None = None,
    window: Window | None = None,
) -> HarvestReport:
    """Check every URL and file of the sources; new or changed PDFs go into the raw store."""
    sink = progress.current()
    sink.start("harvest")
    store = RawStore(settings.raw_dir)
    report = HarvestReport()

    def on_chunk(_total: int) -> None:
        sink.checkpoint("download")  # a PDF's first bytes are in the raw store's temp file

    with Catalog(settings.catalog_path) as catalog, Fetcher(store, http) as fetcher:
        harvester = Harvester(catalog, store, fetcher, window=window, on_chunk=on_chunk)
        for item in harvester.run(sources):
            report.items.append(item)
            sink.advance("harvest")
            if item.outcome in ("new", "updated"):
                log.info("%s %s: %s", item.outcome, item.kind, item.url)
    sink.finish("harvest")
    return report


# ---------------------------------------------------------------- extract


def guarded_extractor(
    workers: int, timeout_s: float, ocr: dict[str, Any] | None = None
) -> tuple[Extractor, Callable[[], None]]:
    """The lead's guarded worker processes (per-file time limit), as (map, close).

    `ocr`: `OcrOptions.to_dict()`, or None for the settings from the environment.
    """
    pool = GuardedExtractor(workers=workers, timeout_s=timeout_s,
                            ocr=OcrOptions.from_dict(ocr) if ocr else None)
    return pool.map, pool.close


def extract_stage(
    settings: Settings,
    *,
    workers: int | None = None,
    timeout_s: float = 120.0,
    extractor: Extractor | None = None,
    extractor_version: str | None = None,
    max_attempts: int = MAX_ATTEMPTS,
    ocr: dict[str, Any] | None = None,
) -> ExtractReport:
    """Extract every current document not yet extracted by this extractor version.

    Documents stream through in chunks of EXTRACT_CHUNK; each record is committed as soon
    as it arrives, so a killed run loses at most the documents in flight.
    """
    if extractor_version is None:
        extractor_version = EXTRACTOR_VERSION
    report = ExtractReport()
    sink = progress.current()
    with Catalog(settings.catalog_path) as catalog:
        pending = catalog.pending_extraction(extractor_version, max_attempts)
        sink.start("extract", total=len(pending))
        if not pending:
            sink.finish("extract")
            return report
        close: Callable[[], None] = lambda: None  # noqa: E731
        if extractor is None:
            extractor, close = guarded_extractor(workers or default_workers(), timeout_s, ocr)
        try:
            for start in range(0, len(pending), EXTRACT_CHUNK):
                chunk = pending[start : start + EXTRACT_CHUNK]
                jobs = [catalog.extraction_job(doc_id) for doc_id in chunk]
                for doc_id, record in zip(chunk, extractor(jobs), strict=True):
                    catalog.save_extraction(doc_id, record, extractor_version)
                    if record.error is None:
                        report.extracted += 1
                        report.pages += record.source.pages
                    else:
                        report.failed[doc_id] = record.error.code
                        log.warning("extract %s failed: %s: %s", doc_id[:12], record.error.code,
                                    record.error.message)
                    sink.advance("extract", pages=record.source.pages)
                    sink.checkpoint("extract")  # a record committed, the next not yet
        finally:
            close()
    sink.finish("extract")
    return report


# ---------------------------------------------------------------- index


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def index_stage(settings: Settings, backend_name: str | None = None) -> IndexReport:
    """Send pending records to the backend; when it is down they stay queued for the next run."""
    name = backend_name or settings.backend
    report = IndexReport()
    sink = progress.current()
    with Catalog(settings.catalog_path) as catalog:
        pending = catalog.pending_index(name)
        removals = catalog.pending_removal(name)
        sink.start("index", total=len(pending))
        if not pending and not removals:
            sink.finish("index")
            return report
        try:
            backend = open_backend(settings, name)
        except Exception as exc:  # BackendUnavailable, or a backend that cannot even be loaded
            report.queued, report.error = len(pending), f"backend {name} unavailable: {exc}"
            log.warning("%s; %d record(s) stay queued for the next run", report.error, report.queued)
            sink.finish("index")
            return report
        try:
            if not backend.ping():
                raise BackendUnavailable(f"{name} does not answer")
            if removals:
                backend.delete_documents(removals)
                catalog.mark_removed(removals, name)
                report.removed = len(removals)
            for batch in _batches(pending, INDEX_BATCH):
                items = [(doc_id, rec) for doc_id in batch if (rec := catalog.get_record(doc_id)) is not None]
                backend.index_records(items)
                sink.checkpoint("index")  # a batch sent, not yet marked indexed
                catalog.mark_indexed([doc_id for doc_id, _ in items], name)
                report.indexed += len(items)
                sink.advance("index", docs=len(items), pages=sum(r.source.pages for _, r in items))
        except Exception as exc:  # a backend that fails mid-way: the rest waits in the queue
            report.error = f"backend {name}: {exc.__class__.__name__}: {exc}"
            report.queued = len(catalog.pending_index(name))
            log.warning("%s; %d record(s) stay queued for the next run", report.error, report.queued)
        finally:
            backend.close()
    sink.finish("index")
    return report


# ---------------------------------------------------------------- summary


def summarize(harvest: HarvestReport, extract: ExtractReport, index: IndexReport, seconds: float) -> dict:
    """The run summary: per URL/file outcomes, with a document that failed extraction as failed."""
    counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0, "skipped": 0}
    covered: set[str] = set()
    for item in harvest.items:
        outcome = item.outcome
        if item.sha256 in extract.failed and outcome in ("new", "updated", "unchanged"):
            covered.add(item.sha256)
            outcome = "failed"
        counts[outcome] += 1
    counts["failed"] += len(set(extract.failed) - covered)
    return {
        "new": counts["new"],
        "updated": counts["updated"],
        "unchanged": counts["unchanged"],
        "failed": counts["failed"],
        "pages": extract.pages,
        "seconds": round(seconds, 2),
        "skipped": counts["skipped"],
        "extracted": extract.extracted,
        "indexed": index.indexed,
        "queued": index.queued,
    }


# Exit codes of `samsok ingest` and `samsok nightly` (docs/operations.md): 0 when everything
# was done; EXIT_INCOMPLETE when the run finished but some URL, document or stage failed,
# or records stay queued for an index that did not take them; 2 for usage errors.
EXIT_DONE = 0
EXIT_INCOMPLETE = 3


def exit_code(summary: dict) -> int:
    return EXIT_INCOMPLETE if summary.get("failed") or summary.get("queued") else EXIT_DONE


def summary_line(summary: dict) -> str:
    s = summary
    changed = s["new"] or s["updated"] or s["failed"] or s.get("extracted") or s.get("indexed")
    if not changed:
        tail = f"; {s['queued']} record(s) still queued for the index" if s.get("queued") else ""
        return f"nothing changed: {s['unchanged']} unchanged, {s['skipped']} skipped{tail} ({s['seconds']:.1f} s)"
    parts = [
        f"{s['new']} new", f"{s['updated']} updated", f"{s['unchanged']} unchanged", f"{s['failed']} failed",
        f"{s['pages']} pages", f"{s.get('indexed', 0)} indexed",
    ]
    if s.get("queued"):
        parts.append(f"{s['queued']} queued for the index")
    if s.get("errors"):
        parts.append("stage error(s): " + "; ".join(s["errors"]))
    if s.get("skipped"):
        parts.append(f"{s['skipped']} skipped")
    return ", ".join(parts) + f" ({s['seconds']:.1f} s)"
