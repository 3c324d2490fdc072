"""`samsok extract FILE.pdf ...`: one contract record per file as JSON Lines on stdout."""

from __future__ import annotations

import argparse
import json
import os
import sys

from samsok.extraction import DEFAULT_TIMEOUT_S, GuardedExtractor
from samsok_app.commands._ocr_args import add_ocr_arguments, ocr_options

HELP = "extract records from local PDFs (JSON Lines on stdout; exit 3 if any file failed)"

EXIT_SOME_FAILED = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE.pdf")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="per-file time limit in seconds"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="extraction processes (default: one per core, at most one per file)",
    )
    add_ocr_arguments(parser)


def run(args: argparse.Namespace) -> int:
    workers = args.workers or min(len(args.files), os.cpu_count() or 1)
    failed = 0
    with GuardedExtractor(workers=workers, timeout_s=args.timeout, ocr=ocr_options(args)) as extractor:
        for record in extractor.map((path, None) for path in args.files):
            if record.error is not None:
                failed += 1
                print(f"{record.source.path}: {record.error.code}: {record.error.message}", file=sys.stderr)
            for warning in record.warnings:
                print(f"{record.source.path}: warning: {warning.code}: {warning.message}", file=sys.stderr)
            sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
    return EXIT_SOME_FAILED if failed else 0
