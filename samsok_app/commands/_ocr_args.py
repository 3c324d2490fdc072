"""The OCR switches shared by `extract` and `ingest`: --no-ocr and the two limits."""

from __future__ import annotations

import argparse

from extractors.ocr.options import OcrOptions


def add_ocr_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("OCR (pages without a usable text layer)")
    group.add_argument("--no-ocr", action="store_true",
                       help="never OCR; a scan without text gets the error no_text ($SAMSOK_OCR=0)")
    group.add_argument("--ocr-page-timeout", type=float, default=None, metavar="SECONDS",
                       help="time limit for OCR of one page (default: $SAMSOK_OCR_PAGE_TIMEOUT or 60)")
    group.add_argument("--ocr-max-pages", type=int, default=None, metavar="N",
                       help="pages OCR'd per document at most (default: $SAMSOK_OCR_MAX_PAGES or 100)")


def ocr_options(args: argparse.Namespace) -> OcrOptions:
    return OcrOptions.from_env(
        enabled=False if args.no_ocr else None,
        page_timeout_s=args.ocr_page_timeout,
        max_pages=args.ocr_max_pages,
    )
