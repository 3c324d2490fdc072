"""Options and helpers shared by `samsok search`, `samsok trend` and `samsok reindex`."""

from __future__ import annotations

import argparse
import re
import sys

from samsok.search.base import BackendUnavailable

YEAR_RE = re.compile(r"^\s*(\d{4})?\s*(?:(\.\.|-)\s*(\d{4})?)?\s*$")


class UsageError(ValueError):
    """A bad option value (exit 2 with the message)."""


def add_backend_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backend",
        choices=["embedded", "opensearch"],
        default=None,
        help="search backend (default: $SAMSOK_BACKEND or embedded)",
    )


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", default=None, help="a year (2019) or a range (2019..2025, 2019.., ..2025)")
    parser.add_argument("--omrade", action="append", default=[], metavar="NAME", help="sykehusområde (repeatable)")
    parser.add_argument("--type", dest="types", action="append", default=[], metavar="DOC_TYPE",
                        help="document type (repeatable)")
    parser.add_argument("--organ", action="append", default=[], metavar="NAME", help="organ (repeatable)")


def parse_year(value: str | None) -> tuple[int | None, int | None]:
    if value is None or not value.strip():
        return None, None
    match = YEAR_RE.match(value)
    if not match or not (match.group(1) or match.group(3)):
        raise UsageError(f"--year: expected YEAR or FIRST..LAST, got {value!r}")
    first = int(match.group(1)) if match.group(1) else None
    if match.group(2) is None:
        return first, first
    last = int(match.group(3)) if match.group(3) else None
    if first is not None and last is not None and first > last:
        first, last = last, first
    return first, last


def fail(command: str, message: str, code: int = 1) -> int:
    print(f"samsok {command}: {message}", file=sys.stderr)
    return code


def unavailable(command: str, exc: BackendUnavailable) -> int:
    return fail(command, str(exc), 1)
