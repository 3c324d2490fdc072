"""`samsok search QUERY [filters] [--json]`: documents (best section each) or single cases."""

from __future__ import annotations

import argparse
import html
import json
import re
from typing import Any

from samsok.config import Settings
from samsok.search import open_backend
from samsok.search.base import BackendUnavailable, SearchQuery, SearchResult
from samsok_app.commands._search_common import (
    UsageError,
    add_backend_option,
    add_filter_options,
    fail,
    parse_year,
    unavailable,
)

HELP = "search documents or cases (vedtak), with facets; --json prints the contract's object"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="*", help='words, "phrases", AND/OR/NOT, -word, case numbers like 33/24')
    add_filter_options(parser)
    parser.add_argument("--what", choices=["documents", "saker"], default="documents",
                        help="documents (one hit per document) or saker (one hit per case)")
    parser.add_argument("--has-vedtak", action="store_true",
                        help="with --what saker: only cases with a decision (vedtak)")
    parser.add_argument("--sort", choices=["relevance", "date", "date_asc"], default="relevance",
                        help="relevance (default), date (newest first) or date_asc (oldest first)")
    add_backend_option(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--limit", type=int, default=20, help="hits to show (default 20, at most 100)")
    parser.add_argument("--offset", type=int, default=0, help="hits to skip")


def build_query(args: argparse.Namespace) -> SearchQuery:
    year_from, year_to = parse_year(args.year)
    if args.limit < 0 or args.offset < 0:
        raise UsageError("--limit and --offset must not be negative")
    if args.has_vedtak and args.what != "saker":
        raise UsageError("--has-vedtak selects cases: use it with --what saker")
    return SearchQuery(
        text=" ".join(args.query),
        year_from=year_from,
        year_to=year_to,
        omrader=list(args.omrade),
        doc_types=list(args.types),
        organs=list(args.organ),
        what=args.what,
        limit=min(args.limit, 100),
        offset=args.offset,
        has_vedtak=args.has_vedtak,
        sort=args.sort,
    )


def _plain(snippet: str) -> str:
    return html.unescape(re.sub(r"</?em>", "*", snippet))


def format_text(result: SearchResult, q: SearchQuery) -> str:
    unit = "saker" if q.what == "saker" else "dokumenter"
    lines = [f"{result.total} {unit} ({result.took_ms} ms)"]
    for n, hit in enumerate(result.hits, start=q.offset + 1):
        where = [str(x) for x in (hit.get("year"), hit.get("doc_type"), hit.get("organ")) if x]
        title = hit.get("sak_title") if q.what == "saker" and hit.get("sak_title") else hit.get("title")
        head = f"{n}. {title or '(uten tittel)'}"
        if hit.get("saksnummer"):
            head += f"  [sak {hit['saksnummer']}]"
        lines.append(head)
        lines.append(f"   {' · '.join(where)} · side {hit.get('page') or 1} · {', '.join(hit.get('sykehusomrader') or [])}")
        if hit.get("snippet"):
            lines.append(f"   {_plain(hit['snippet'])}")
        lines.append(f"   {hit.get('source')}")
    for key, buckets in result.facets.items():
        if buckets:
            lines.append(f"{key}: " + ", ".join(f"{k} ({v})" for k, v in buckets.items()))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        q = build_query(args)
    except UsageError as exc:
        return fail("search", str(exc), 2)
    settings = Settings.load(args.home, args.backend)
    try:
        backend = open_backend(settings, args.backend)
        try:
            result = backend.search(q)
        finally:
            backend.close()
    except BackendUnavailable as exc:
        return unavailable("search", exc)
    if args.json:
        out: dict[str, Any] = result.to_dict()
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(format_text(result, q))
    return 0
