"""Benchmark: OCR speed, OCR word accuracy, and the cost of the text-layer quality test.

1. The binding: Tesseract through tesserocr (in process, model loaded once) against the
   `tesseract` command (one process per page, as pytesseract and OCRmyPDF call it), on
   the same page images, in pages per second on one core (OMP_THREAD_LIMIT=1).
2. The whole OCR path of `read_layout` (render at 300 dpi, OCR, segments, layout) on the
   first pages of the Dovre scan, pages per second on one core.
3. Word accuracy against pages typed out by hand (bench/fixtures/ocr-*.txt) at 300 and
   200 dpi: 1 - word error rate (word-level edit distance over the reference's words, in
   reading order), and the share of the reference's words found at all (bag of words).
4. The quality test's cost on born-digital pages: records for the samples with OCR on
   (every page judged) against `--no-ocr` (no test), same run, interleaved; must stay
   under 5 %. The word list's one-off load per worker is printed apart.

A benchmark, not a test: it asserts nothing.

    .venv/bin/python bench/bench_ocr.py
    .venv/bin/python bench/bench_ocr.py --pages 6 --repeat 5
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium

from extractors import read_layout
from extractors.ocr import OCR_OFF, OcrOptions
from extractors.ocr.engine import recognise
from extractors.ocr.render import render_page
from extractors.ocr.wordlist import norwegian_words
from samsok.extraction import extract_file

REPO = Path(__file__).resolve().parents[1]
REALPDFS = REPO.parent / "shared" / "realpdfs"
DOVRE = REALPDFS / "elections-no__elections-no.github.io__Dovre_kommune_Innlandet_fylke_-_kommunestyrevalget.pdf"
FIXTURES = Path(__file__).with_name("fixtures")
REFERENCES = {2: FIXTURES / "ocr-dovre-page-2.txt", 4: FIXTURES / "ocr-dovre-page-4.txt"}


def images(path: Path, pages: Sequence[int], dpi: int) -> list:
    document = pdfium.PdfDocument(path)
    try:
        return [render_page(document[p - 1], dpi) for p in pages]
    finally:
        document.close()


def tesserocr_seconds(page_images: list, dpi: int) -> float:
    options = OcrOptions()
    recognise(page_images[0], dpi=dpi, timeout_s=600, tessdata=options.tessdata, lang=options.lang)  # warm
    start = time.perf_counter()
    for image in page_images:
        recognise(image, dpi=dpi, timeout_s=600, tessdata=options.tessdata, lang=options.lang)
    return time.perf_counter() - start


def tesseract_cli_seconds(page_images: list, dpi: int) -> float | None:
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, image in enumerate(page_images):
            files.append(Path(tmp) / f"p{i}.png")
            image.save(files[-1])
        start = time.perf_counter()
        for file in files:
            subprocess.run([binary, str(file), "stdout", "-l", "nor", "--dpi", str(dpi), "tsv"],
                           check=True, capture_output=True)
        return time.perf_counter() - start


def reference_words(path: Path) -> list[str]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return words("\n".join(lines))


def words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text) if w]


def edit_distance(a: Sequence[str], b: Sequence[str]) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def ocr_page_text(page: int, dpi: int) -> str:
    """The page as the pipeline reads it (body lines and furniture, top to bottom)."""
    document = pdfium.PdfDocument(DOVRE)
    try:
        from extractors.ocr.segments import ocr_segments
        from extractors.reader import line_from_row
        from extractors.reading_order import reading_order

        options = OcrOptions(dpi=dpi)
        image = render_page(document[page - 1], dpi)
        lines = recognise(image, dpi=dpi, timeout_s=600, tessdata=options.tessdata, lang=options.lang)
        segments = ocr_segments(lines, page, dpi)
        return "\n".join(line_from_row(row, []).text for row in reading_order(segments, []))
    finally:
        document.close()


def accuracy(reference: list[str], found: list[str]) -> tuple[float, float]:
    wer = edit_distance(reference, found) / len(reference)
    bag = sum((Counter(reference) & Counter(found)).values()) / len(reference)
    return 1 - wer, bag


def quality_cost(samples: list[Path], repeat: int) -> tuple[float, float]:
    on, off = OcrOptions(), OCR_OFF
    for path in samples:  # warm-up: caches, spaCy, word list
        extract_file(path, ocr=on)
        extract_file(path, ocr=off)
    times = {"on": [], "off": []}
    for _ in range(repeat):
        for name, options in (("off", off), ("on", on)):
            start = time.perf_counter()
            for path in samples:
                record = extract_file(path, ocr=options)
                assert record.source.ocr_pages == [], path
            times[name].append(time.perf_counter() - start)
    return statistics.median(times["on"]), statistics.median(times["off"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=4, help="Dovre pages OCR'd for speed (from page 1)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the samples for the quality cost")
    args = parser.parse_args()
    if not DOVRE.is_file():
        raise SystemExit(f"missing {DOVRE}")
    pages = list(range(1, args.pages + 1))

    print(f"# OCR speed, Dovre scan pages 1-{args.pages}, 300 dpi, one core")
    page_images = images(DOVRE, pages, 300)
    fast = tesserocr_seconds(page_images, 300)
    cli = tesseract_cli_seconds(page_images, 300)
    print(f"tesserocr (in process)     {len(pages) / fast:6.3f} pages/s  ({fast / len(pages):.2f} s/page)")
    if cli is not None:
        print(f"tesseract command per page {len(pages) / cli:6.3f} pages/s  ({cli / len(pages):.2f} s/page)"
              f"  tesserocr is {cli / fast:.2f}x as fast")
    start = time.perf_counter()
    layout = read_layout(DOVRE, OcrOptions(max_pages=args.pages, page_timeout_s=600))
    whole = time.perf_counter() - start
    print(f"read_layout with OCR       {len(layout.ocr_pages) / whole:6.3f} pages/s  "
          f"({whole / len(layout.ocr_pages):.2f} s/page incl. render, OCR, layout; pages {layout.ocr_pages})")

    print("\n# Word accuracy against pages typed by hand (1 - WER; words found, any order)")
    for page, reference_file in REFERENCES.items():
        reference = reference_words(reference_file)
        for dpi in (300, 200):
            start = time.perf_counter()
            found = words(ocr_page_text(page, dpi))
            seconds = time.perf_counter() - start
            seq, bag = accuracy(reference, found)
            print(f"Dovre page {page} @{dpi} dpi: {len(reference)} reference words, word accuracy {seq:.1%}, "
                  f"words found {bag:.1%}  ({seconds:.1f} s)")

    print("\n# Quality test on born-digital pages (samples, records, median of rounds)")
    start = time.perf_counter()
    norwegian_words.cache_clear()
    count = len(norwegian_words())
    print(f"word list load (once per worker): {time.perf_counter() - start:.2f} s, {count} stems")
    samples = sorted((REPO / "samples").glob("*.pdf"))
    on, off = quality_cost(samples, args.repeat)
    page_count = sum(len(pdfium.PdfDocument(p)) for p in samples)
    print(f"records --no-ocr  {off:.2f} s for {page_count} pages ({page_count / off:.1f} pages/s)")
    print(f"records with OCR  {on:.2f} s ({page_count / on:.1f} pages/s, no page OCR'd): "
          f"{(on / off - 1):+.1%} (target < +5 %)")


if __name__ == "__main__":
    main()
