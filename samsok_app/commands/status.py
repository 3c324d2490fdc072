"""`samsok status`: the catalog's counts, the last runs, and what failed with its reason."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from samsok.catalog import Catalog
from samsok.config import Settings

HELP = "catalog counts, last runs, failed documents and URLs with reasons"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print everything as one JSON object")
    parser.add_argument("--runs", type=int, default=5, help="how many recent runs to show (default 5)")


def collect(settings: Settings, runs: int) -> dict[str, Any]:
    with Catalog(settings.catalog_path) as catalog:
        return {
            "home": str(settings.home),
            "stats": catalog.stats(),
            "pending_index": {settings.backend: len(catalog.pending_index(settings.backend))},
            "runs": catalog.recent_runs(runs),
            "failures": catalog.failures(),
        }


def _run_line(run: dict[str, Any]) -> str:
    s = run["summary"] or {}
    counts = (
        f"{s.get('new', 0)} new, {s.get('updated', 0)} updated, {s.get('unchanged', 0)} unchanged, "
        f"{s.get('failed', 0)} failed, {s.get('pages', 0)} pages, {s.get('seconds', 0)} s"
        if s else "no summary"
    )
    window = run["window"]
    span = f" window {window['since'] or '…'}..{window['until'] or '…'}" if window["since"] or window["until"] else ""
    return f"  #{run['id']} {run['started_at']} {run['status']}: {counts}{span} [{', '.join(run['sources'])}]"


def render(data: dict[str, Any]) -> str:
    st = data["stats"]
    lines = [
        f"home {data['home']}",
        f"documents {st['documents']} ({st['current']} current, {st['indexable']} searchable, "
        f"{st['duplicates']} duplicates by text); extracted {st['by_status']['extracted']}, "
        f"failed {st['by_status']['failed']}, pending {st['by_status']['pending']}; {st['pages']} pages",
        f"urls {st['urls']} ({st['versions']} versions), listing pages {st['listing_pages']}",
        "index: " + ", ".join(
            f"{name} {st['indexed'].get(name, 0)} indexed, {n} queued" for name, n in data["pending_index"].items()
        ),
        "last runs:" if data["runs"] else "no runs yet",
    ]
    lines += [_run_line(r) for r in data["runs"]]
    failures = data["failures"]
    lines.append(f"failures ({len(failures)}):" if failures else "no failures")
    for f in failures:
        if f["kind"] == "document":
            retry = "will retry" if f["retry"] else "not retried"
            where = ", ".join(f["urls"]) or f["doc_id"]
            lines.append(f"  document {where}: {f['code']}: {f['message']} (attempts {f['attempts']}, {retry})")
        else:
            http = f" HTTP {f['http_status']}" if f["http_status"] else ""
            lines.append(f"  {f['url_kind']} {f['url']}: {f['code']}{http}: {f['message']} [{f['source']}]")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    settings = Settings.load(args.home)
    if not settings.catalog_path.exists():
        print(f"samsok status: no catalog in {settings.home} yet (run samsok ingest)", file=sys.stderr)
        if args.json:
            print(json.dumps({"home": str(settings.home), "stats": None, "runs": [], "failures": []}))
        return 0
    data = collect(settings, args.runs)
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else render(data))
    return 0
