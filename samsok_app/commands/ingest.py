"""`samsok ingest SOURCE...`: harvest -> extract -> index through the Prefect flow.

A SOURCE is a directory of PDFs, a PDF file, an http(s) URL of a PDF or of an HTML page
whose PDF links are harvested, or (with --config) the name of a configured source; with
--config and no SOURCE every configured source runs. One summary line goes to stderr;
--json prints the summary object to stdout. Exit 0 when everything was done, 3 when the
run finished but some URL or document failed (recorded in the catalog: see `samsok
status`) or records stay queued because the search backend did not take them, 2 for
usage errors.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from typing import Any

from flows import prefect_env, progress
from flows.stages import exit_code, summary_line
from samsok.config import Settings
from samsok.harvest import ConfigError, HarvestConfig, SourceConfig, Window, load_config
from samsok.harvest.config import sources_from_args
from samsok_app.commands._ocr_args import add_ocr_arguments, ocr_options

HELP = "harvest -> extract -> index: directories, PDF files, PDF URLs, listing-page URLs"
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="*", metavar="SOURCE",
                        help="directory, PDF file, http(s) URL, or a source name from --config")
    parser.add_argument("--backend", choices=["embedded", "opensearch"], default=None,
                        help="search backend to index into (default: $SAMSOK_BACKEND or embedded)")
    parser.add_argument("--json", action="store_true", help="print the run summary as JSON on stdout")
    parser.add_argument("--config", metavar="SOURCES_TOML", help="sources file (see sources.example.toml)")
    parser.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="only PDFs published (Last-Modified / file time) on or after this day")
    parser.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="only PDFs published on or before this day")
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: CPUs, max 4)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per PDF extraction")
    add_ocr_arguments(parser)


def run(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config) if args.config else HarvestConfig()
        sources = sources_from_args(args.sources, config) if args.sources else list(config.sources)
    except ConfigError as exc:
        print(f"samsok ingest: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not sources:
        print("samsok ingest: give at least one SOURCE (or --config with sources)", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings.load(args.home, args.backend or config.backend)
    summary = run_flow(
        settings,
        sources,
        http=config.http,
        window=Window(args.since, args.until),
        workers=args.workers,
        timeout_s=args.timeout,
        ocr=ocr_options(args).to_dict(),
        verbose=bool(getattr(args, "verbose", False)),
    )
    print(f"samsok ingest: {summary_line(summary)}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary))
    return exit_code(summary)


def run_flow(settings: Settings, sources: list[SourceConfig], *, verbose: bool = False, **params: Any) -> dict:
    """Run the samsok-ingest flow with progress on stderr; return its summary."""
    prefect_env.configure(settings.home, quiet=not verbose)
    if not verbose:
        for noisy in ("httpx", "httpcore"):  # one line per request: only with -v
            logging.getLogger(noisy).setLevel(logging.WARNING)
    sink = progress.for_terminal()
    if not verbose and not isinstance(sink, progress.LogProgress):
        logging.getLogger().setLevel(logging.WARNING)  # the bar replaces the info lines
    previous = progress.use(sink)
    try:
        # imported after prefect_env.configure: Prefect reads its settings when first imported
        from flows.ingest import run_ingest

        return run_ingest(settings, sources, **params)
    finally:
        progress.use(previous)
        sink.close()
