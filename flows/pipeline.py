"""One run of the pipeline: lock the home, harvest, extract, index, record the run.

`run_pipeline` is plain Python. The Prefect flows pass their tasks in as the stages; tests
and tools may call it with the plain stage functions.

A stage that fails as a whole (not one item: those are recorded per URL or document)
does not end the run: the next stages still run on what is there, the error goes into the
summary's `errors` (shown by `samsok status`) and counts as a failure. Interrupting
the run (Ctrl-C, a kill) marks it `interrupted`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from flows.stages import (
    ExtractReport,
    HarvestReport,
    IndexReport,
    extract_stage,
    harvest_stage,
    index_stage,
    summarize,
    summary_line,
)
from samsok.catalog import Catalog
from samsok.config import Settings
from samsok.harvest import HttpOptions, SourceConfig, Window
from samsok.lock import run_lock
from samsok.store import RawStore

log = logging.getLogger("samsok.run")


@dataclass(frozen=True)
class Stages:
    harvest: Callable[..., Any] = harvest_stage
    extract: Callable[..., Any] = extract_stage
    index: Callable[..., Any] = index_stage


def run_pipeline(
    settings: Settings,
    sources: Sequence[SourceConfig],
    *,
    http: HttpOptions | None = None,
    window: Window | None = None,
    workers: int | None = None,
    timeout_s: float = 120.0,
    stages: Stages | None = None,
    extract_options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run harvest -> extract -> index once; return (and store) the summary."""
    stages = stages or Stages()
    window = window or Window()
    started = time.monotonic()
    with run_lock(settings.home):
        removed = RawStore(settings.raw_dir).clean_temp()
        if removed:
            log.info("removed %d partial download(s) left by an interrupted run", removed)
        with Catalog(settings.catalog_path) as catalog:
            run_id = catalog.start_run(
                [s.name for s in sources],
                since=window.since.isoformat() if window.since else None,
                until=window.until.isoformat() if window.until else None,
                backend=settings.backend,
            )
        errors: list[str] = []
        try:
            harvest = _stage("harvest", errors, HarvestReport(),
                             lambda: stages.harvest(settings, list(sources), http, window))
            extract = _stage("extract", errors, ExtractReport(),
                             lambda: stages.extract(settings, workers=workers, timeout_s=timeout_s,
                                                    **(extract_options or {})))
            index = _stage("index", errors, IndexReport(), lambda: stages.index(settings, settings.backend))
        except BaseException:  # KeyboardInterrupt, SystemExit: the run did not finish
            with Catalog(settings.catalog_path) as catalog:
                catalog.finish_run(run_id, None, status="interrupted")
            raise
        summary = summarize(harvest, extract, index, time.monotonic() - started)
        summary["run_id"] = run_id
        if errors:
            summary["errors"] = errors
            summary["failed"] += len(errors)
        with Catalog(settings.catalog_path) as catalog:
            catalog.finish_run(run_id, summary)
    log.info("run %d: %s", run_id, summary_line(summary))
    return summary


def _stage(name: str, errors: list[str], empty: Any, call: Callable[[], Any]) -> Any:
    try:
        return call()
    except Exception as exc:
        log.exception("the %s stage failed; the run goes on without it", name)
        errors.append(f"{name}: {exc.__class__.__name__}: {exc}")
        return empty
