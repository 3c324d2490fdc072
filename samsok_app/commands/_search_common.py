"""Options and helpers shared by `samsok search`, `samsok trend` and `samsok reindex`."""

from __future__ import annotations

import argparse
import sys

from samsok.search.base import BackendUnavailable, parse_year_range


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
    try:
        return parse_year_range(value)
    except ValueError:
        raise UsageError(f"--year: expected YEAR or FIRST..LAST, got {value!r}") from None


def fail(command: str, message: str, code: int = 1) -> int:
    print(f"samsok {command}: {message}", file=sys.stderr)
    return code


def unavailable(command: str, exc: BackendUnavailable) -> int:
    return fail(command, str(exc), 1)
