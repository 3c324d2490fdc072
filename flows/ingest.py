"""The Prefect flows: `samsok-ingest` (the ingest command) and `samsok-nightly` (the batch).

Import this module only after `flows.prefect_env.configure(home)`: Prefect reads its
settings (PREFECT_HOME) when it is first imported. Each stage is a task wrapping the
plain function of `flows.stages`; the flows' parameters are JSON-friendly so runs show up
readably in a Prefect server's UI. Callers pass typed values to `run_ingest`, which turns
them into those parameters: the one place they become JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.pipeline import Stages, run_pipeline
from flows.stages import extract_stage, harvest_stage, index_stage, summary_line
from samsok.config import Settings
from samsok.harvest import HttpOptions, SourceConfig, Window, load_config
from samsok.harvest.config import source_from_dict, source_to_dict

harvest_task = task(harvest_stage, name="harvest", cache_policy=NO_CACHE)
extract_task = task(extract_stage, name="extract", cache_policy=NO_CACHE)
index_task = task(index_stage, name="index", cache_policy=NO_CACHE)
PREFECT_STAGES = Stages(harvest=harvest_task, extract=extract_task, index=index_task)


def _window(since: str | None, until: str | None) -> Window:
    return Window(date.fromisoformat(since) if since else None, date.fromisoformat(until) if until else None)


@flow(name="samsok-ingest", log_prints=False)
def ingest_flow(
    home: str,
    backend: str,
    sources: list[dict[str, Any]],
    http: dict[str, Any] | None = None,
    since: str | None = None,
    until: str | None = None,
    workers: int | None = None,
    timeout_s: float = 120.0,
    ocr: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """harvest -> extract -> index for the given sources; returns the run summary.

    `ocr` is `extractors.ocr.OcrOptions.to_dict()` (default: from the environment).
    """
    settings = Settings.load(home, backend)
    summary = run_pipeline(
        settings,
        [source_from_dict(s) for s in sources],
        http=HttpOptions(**http) if http else HttpOptions(),
        window=_window(since, until),
        workers=workers,
        timeout_s=timeout_s,
        stages=PREFECT_STAGES,
        extract_options={"ocr": ocr} if ocr else None,
    )
    get_run_logger().info(summary_line(summary))
    return summary


def run_ingest(
    settings: Settings,
    sources: Sequence[SourceConfig],
    *,
    http: HttpOptions | None = None,
    window: Window | None = None,
    **extract: Any,
) -> dict[str, Any]:
    """The samsok-ingest flow for typed values; returns the run summary. `extract`: the
    extraction options of `run_pipeline` (`workers`, `timeout_s`)."""
    window = window or Window()
    return ingest_flow(
        home=str(settings.home),
        backend=settings.backend,
        sources=[source_to_dict(s) for s in sources],
        http=asdict(http) if http else None,
        since=window.since.isoformat() if window.since else None,
        until=window.until.isoformat() if window.until else None,
        **extract,
    )


@flow(name="samsok-nightly", log_prints=False)
def nightly_flow(
    config: str,
    home: str | None = None,
    backend: str | None = None,
    sources: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """The unattended batch: every source of the sources file (or the named ones)."""
    cfg = load_config(config)
    settings = Settings.load(home, backend or cfg.backend)
    summary = run_pipeline(
        settings,
        list(cfg.select(sources or [])),
        http=cfg.http,
        window=_window(since, until),
        stages=PREFECT_STAGES,
    )
    get_run_logger().info(summary_line(summary))
    return summary
