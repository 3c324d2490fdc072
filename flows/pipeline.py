"""One run of the pipeline: lock the home, harvest, extract, index, record the run.

`run_pipeline` is plain Python. The Prefect flows pass their tasks in as the stages; tests
and tools may call it with the plain stage functions.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from flows.stages import extract_stage, harvest_stage, index_stage, summarize, summary_line
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
        harvest = stages.harvest(settings, list(sources), http, window)
        extract = stages.extract(settings, workers=workers, timeout_s=timeout_s, **(extract_options or {}))
        index = stages.index(settings, settings.backend)
        summary = summarize(harvest, extract, index, time.monotonic() - started)
        summary["run_id"] = run_id
        with Catalog(settings.catalog_path) as catalog:
            catalog.finish_run(run_id, summary)
    log.info("run %d: %s", run_id, summary_line(summary))
    return summary
