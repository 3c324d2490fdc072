"""The `samsok` command line: one module per subcommand under `samsok_app.commands`."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

# Subcommand name -> module in samsok_app.commands. Each module defines
# `add_arguments(parser)` and `run(args) -> int`, and a one-line `HELP`.
COMMANDS = {
    "extract": "extract",
    "ingest": "ingest",
    "search": "search",
    "trend": "trend",
    "serve": "serve",
    "reindex": "reindex",
    "status": "status",
    "nightly": "nightly",
    "opensearch": "opensearch",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samsok",
        description="Ingest and search Norwegian helsefellesskap papers (minutes, board cases, reports).",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(f"samsok_app.commands.{module_name}")
        cmd = sub.add_parser(name, help=module.HELP, description=module.HELP)
        cmd.add_argument("--home", default=None, help="data directory (default: $SAMSOK_HOME or ./.samsok)")
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
