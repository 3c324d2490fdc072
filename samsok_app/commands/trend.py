"""`samsok trend TERM [--json]`: documents (and mentions) per year and per sykehusområde."""

from __future__ import annotations

import argparse
import json

from samsok.config import Settings
from samsok.search import open_backend
from samsok.search.base import BackendUnavailable, SearchQuery
from samsok_app.commands._search_common import (
    UsageError,
    add_backend_option,
    add_filter_options,
    fail,
    parse_year,
    unavailable,
)

HELP = "how many documents (and sections mentioning it) per year and sykehusområde a term has"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("term", nargs="+", help="a word, phrase or query, e.g. FACT or \"tidlig innsats\"")
    add_filter_options(parser)
    add_backend_option(parser)
    parser.add_argument("--json", action="store_true", help="print the trend as JSON")


def run(args: argparse.Namespace) -> int:
    term = " ".join(args.term)
    try:
        year_from, year_to = parse_year(args.year)
    except UsageError as exc:
        return fail("trend", str(exc), 2)
    q = SearchQuery(
        text=term, year_from=year_from, year_to=year_to,
        omrader=list(args.omrade), doc_types=list(args.types), organs=list(args.organ),
    )
    settings = Settings.load(args.home, args.backend)
    try:
        backend = open_backend(settings, args.backend)
        try:
            trend = backend.trend(term, q)
        finally:
            backend.close()
    except BackendUnavailable as exc:
        return unavailable("trend", exc)
    if args.json:
        print(json.dumps(trend, ensure_ascii=False))
        return 0
    print(f"{trend['term']}: {trend['total']} dokumenter")
    mentions = trend.get("mentions_by_year", {})
    for year, n in trend["by_year"].items():
        print(f"  {year}: {n:4d} dokumenter, {mentions.get(year, 0):4d} avsnitt  {'#' * min(n, 60)}")
    if trend["by_omrade"]:
        print("  " + ", ".join(f"{k} ({v})" for k, v in trend["by_omrade"].items()))
    return 0
