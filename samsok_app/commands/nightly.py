"""`samsok nightly`: the unattended harvest of every configured source.

Without --serve it runs the samsok-nightly flow once (for cron or a Prefect worker).
With --serve it serves the flow as Prefect deployments, one per cron schedule found in
the sources file (sources without their own `schedule` use the file's `schedule`), and
keeps running until stopped. See docs/operations.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import defaultdict
from pathlib import Path

from flows import prefect_env
from flows.stages import exit_code, summary_line
from samsok.config import Settings
from samsok.harvest import ConfigError, load_config
from samsok.harvest.config import HarvestConfig

HELP = "the nightly harvest flow: once, or --serve on the sources file's cron schedules"
DEFAULT_CONFIG = "sources.toml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", default=DEFAULT_CONFIG, help=f"sources file (default {DEFAULT_CONFIG})")
    parser.add_argument("--backend", choices=["embedded", "opensearch"], default=None)
    parser.add_argument("--serve", action="store_true", help="serve the deployment(s) on their cron schedules")
    parser.add_argument("--json", action="store_true", help="print the run summary as JSON (without --serve)")
    parser.add_argument("--name", default="nightly", help="deployment name prefix (default nightly)")


def schedules(config: HarvestConfig) -> dict[str, list[str]]:
    """cron expression -> names of the sources that run on it."""
    out: dict[str, list[str]] = defaultdict(list)
    for source in config.sources:
        out[source.schedule or config.schedule].append(source.name)
    return dict(out)


def run(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"samsok nightly: {exc}", file=sys.stderr)
        return 2
    if not config.sources:
        print(f"samsok nightly: {args.config} has no [[source]]", file=sys.stderr)
        return 2
    settings = Settings.load(args.home, args.backend or config.backend)
    config_path = str(Path(args.config).resolve())
    prefect_env.configure(settings.home)
    if not getattr(args, "verbose", False):
        for noisy in ("httpx", "httpcore"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
    from flows.ingest import nightly_flow  # after prefect_env.configure: Prefect reads it at import

    if not args.serve:
        summary = nightly_flow(config=config_path, home=str(settings.home), backend=settings.backend)
        print(f"samsok nightly: {summary_line(summary)}", file=sys.stderr)
        if args.json:
            print(json.dumps(summary))
        return exit_code(summary)

    from prefect import serve  # after prefect_env.configure, like flows.ingest

    deployments = []
    for cron, names in schedules(config).items():
        slug = re.sub(r"[^a-z0-9]+", "-", cron.lower()).strip("-") or "default"
        name = args.name if len(schedules(config)) == 1 else f"{args.name}-{slug}"
        deployments.append(nightly_flow.to_deployment(
            name=name,
            cron=cron,
            parameters={"config": config_path, "home": str(settings.home), "backend": settings.backend,
                        "sources": names},
        ))
        print(f"samsok nightly: serving {name} on '{cron}' for {', '.join(names)}", file=sys.stderr)
    serve(*deployments)
    return 0
