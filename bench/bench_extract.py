"""Benchmark: full records (`samsok extract`) and `read_layout` against plain text extraction.

Runs each reader over the same PDFs (the samples by default), repeated until at least
`--min-pages` pages, after one warm-up pass, and prints pages per second with ratios:
full records (layout, sections, NLP) in this one process (one core) and through the
guarded worker pool `samsok extract` uses (one process per core), the layout stage
alone, and plain text extraction with pdfplumber alone and pypdfium2 alone.
A benchmark, not a test: it asserts nothing.

    .venv/bin/python bench/bench_extract.py
    .venv/bin/python bench/bench_extract.py --min-pages 600 path/to/*.pdf
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from extractors import read_layout
from samsok.extraction import GuardedExtractor, extract_file

REPO = Path(__file__).resolve().parents[1]
DEFAULT_MIN_PAGES = 300


def record_pages(path: Path) -> int:
    record = extract_file(path)
    if record.error is not None:
        raise SystemExit(f"{path}: {record.error.code}: {record.error.message}")
    return record.source.pages


def nlp_ms_per_page(runs: Sequence[Path]) -> float:
    """The NLP stage alone (`nlp.build_record` on layouts read beforehand), ms per page."""
    from nlp import build_record, warm_up

    warm_up()
    layouts = [read_layout(path) for path in dict.fromkeys(runs)]
    for layout in layouts:  # warm-up: per-process caches
        build_record(layout, path=layout.path, sha256=layout.sha256)
    by_path = {layout.path: layout for layout in layouts}
    start = time.perf_counter()
    pages = 0
    for path in runs:
        layout = by_path[str(path)]
        build_record(layout, path=layout.path, sha256=layout.sha256)
        pages += layout.pages
    return (time.perf_counter() - start) * 1000 / pages


def pool_pages_per_second(runs: Sequence[Path], workers: int) -> tuple[int, float]:
    """Full records through the worker pool of `samsok extract` (start-up excluded)."""
    with GuardedExtractor(workers=workers) as pool:
        list(pool.map((path, None) for path in dict.fromkeys(runs)))  # warm-up
        start = time.perf_counter()
        pages = sum(record.source.pages for record in pool.map((path, None) for path in runs))
        return pages, pages / (time.perf_counter() - start)


def layout_pages(path: Path) -> int:
    return read_layout(path).pages


def pdfplumber_pages(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def pypdfium2_pages(path: Path) -> int:
    document = pdfium.PdfDocument(path)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()


def page_count(path: Path) -> int:
    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def workload(files: Sequence[Path], min_pages: int) -> list[Path]:
    """The files repeated, in order, until they add up to at least `min_pages` pages."""
    counts = {path: page_count(path) for path in files}
    if not any(counts.values()):
        raise SystemExit("the files have no pages")
    runs: list[Path] = []
    total = 0
    while total < min_pages:
        for path in files:
            runs.append(path)
            total += counts[path]
    return runs


def pages_per_second(reader: Callable[[Path], int], runs: Sequence[Path]) -> tuple[int, float]:
    for path in dict.fromkeys(runs):  # warm-up: imports, caches, first-use costs
        reader(path)
    start = time.perf_counter()
    pages = sum(reader(path) for path in runs)
    return pages, pages / (time.perf_counter() - start)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="PDFs (default: samples/*.pdf)")
    parser.add_argument("--min-pages", type=int, default=DEFAULT_MIN_PAGES)
    args = parser.parse_args(argv)
    files = args.files or sorted((REPO / "samples").glob("*.pdf"))
    if not files:
        raise SystemExit("no PDFs: pass some, or generate samples/*.pdf")
    runs = workload(files, args.min_pages)
    print(f"{len(files)} files, {len(runs)} runs")
    results: dict[str, float] = {}
    for name, reader in (
        ("records 1 proc", record_pages),
        ("read_layout", layout_pages),
        ("pdfplumber text", pdfplumber_pages),
        ("pypdfium2 text", pypdfium2_pages),
    ):
        pages, rate = pages_per_second(reader, runs)
        results[name] = rate
        print(f"{name:16} {pages:6d} pages {rate:9.1f} pages/s")
    workers = os.cpu_count() or 1
    pages, rate = pool_pages_per_second(runs, workers)
    results["records pool"] = rate
    print(f"{'records pool':16} {pages:6d} pages {rate:9.1f} pages/s ({workers} worker processes)")
    print(f"{'nlp stage alone':16} {nlp_ms_per_page(runs):9.2f} ms/page")
    records = results["records 1 proc"]
    print(f"records (1 core) / pdfplumber text: {records / results['pdfplumber text']:.1f}x")
    print(f"records (1 core) / pypdfium2 text:  {records / results['pypdfium2 text']:.3f}x")
    print(f"records pool / records 1 proc:      {results['records pool'] / records:.2f}x")
    layout = results["read_layout"]
    print(f"read_layout / pdfplumber text: {layout / results['pdfplumber text']:.1f}x")
    print(f"read_layout / pypdfium2 text:  {layout / results['pypdfium2 text']:.3f}x")


if __name__ == "__main__":
    main()
