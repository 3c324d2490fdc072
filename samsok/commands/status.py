"""`samsok status`: arrives with its issue; until then it says so and exits 2."""

from __future__ import annotations

import argparse

from samsok.cli import not_implemented

HELP = "status (not implemented yet)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    return not_implemented("status")
