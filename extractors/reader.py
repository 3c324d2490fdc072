"""`read_layout`: a PDF file read into a `LayoutDocument`.

Steps: open and check the file (`pdf_file`); per page, text segments with pypdfium2
(`page_text`), ruled tables where the page has ruling (`tables`: pypdfium2 geometry,
pdfplumber's table finder), and lines in reading order (`reading_order`); then, over
the whole document, page furniture removed (`furniture`), line-end hyphenation repaired
(`line_joining`), the table of contents read (`toc`) and sections found (`sections`).
A page without a usable text layer is read by OCR instead (`extractors.ocr`, one hook:
`OcrPass.page_segments`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pypdfium2 as pdfium

from extractors.errors import NoTextLayerError
from extractors.footnotes import find_footnotes
from extractors.furniture import PlacedLine, find_furniture
from extractors.layout import LayoutDocument, LayoutSection, Line, Table
from extractors.line_joining import join_hyphenated_lines
from extractors.ocr import OcrOptions, OcrPass, PageText
from extractors.page_text import read_page_segments
from extractors.pdf_file import open_pdf
from extractors.pool import DEFAULT_STARTUP_TIMEOUT_S, run_guarded
from extractors.reading_order import Box, in_any_box, join_row_text, reading_order
from extractors.sections import build_sections
from extractors.segments import Segment
from extractors.tables import read_tables
from extractors.toc import find_toc


def line_from_row(row: Sequence[Segment], table_boxes: Sequence[Box]) -> Line:
    """One visual line from its segments; style from the segment carrying most text."""
    main = max(row, key=lambda s: len(s.text))
    in_table = sum(len(s.text) for s in row if in_any_box(s, table_boxes)) * 2 > sum(len(s.text) for s in row)
    return Line(
        text=join_row_text(row),
        page=row[0].page,
        x0=round(min(s.x0 for s in row), 2),
        top=round(min(s.top for s in row), 2),
        size=main.size,
        bold=main.bold,
        in_table=in_table,
        x1=round(max(s.x1 for s in row), 2),
        bottom=round(max(s.bottom for s in row), 2),
    )


def read_pages(
    document: pdfium.PdfDocument, ocr: OcrPass | None = None
) -> tuple[list[Line], list[Table], dict[int, float]]:
    """Every page's lines in reading order, its ruled tables, and page heights by page number."""
    lines: list[Line] = []
    tables: list[Table] = []
    heights: dict[int, float] = {}
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        try:
            heights[index + 1] = page.get_height()
            segments = read_page_segments(page, textpage, index + 1)
            read = ocr.page_segments(page, index + 1, segments) if ocr is not None else PageText(segments)
            segments = read.segments
            heights[index + 1] = read.height or heights[index + 1]
            # ruled tables are read from the text layer's geometry: not on an OCR'd page
            page_tables = read_tables(page, textpage, index + 1) if segments and not read.ocr else []
        finally:
            textpage.close()
            page.close()
        boxes = [(t.x0, t.top, t.x1, t.bottom) for t in page_tables]
        lines.extend(line_from_row(row, boxes) for row in reading_order(segments, boxes))
        tables.extend(page_tables)
    return lines, tables, heights


def split_furniture(
    lines: list[Line], heights: dict[int, float], pages: int
) -> tuple[list[Line], list[Line]]:
    """(body lines, furniture lines); footnotes count as furniture."""
    placed = [
        PlacedLine(ln.text, ln.page, ln.top, ln.bottom, heights[ln.page], ln.in_table, ln.size, ln.bold)
        for ln in lines
    ]
    furniture_ids = find_furniture(placed, pages)
    rest = [i for i in range(len(lines)) if i not in furniture_ids]
    notes = find_footnotes([lines[i] for i in rest], heights)
    furniture_ids = set(furniture_ids) | {rest[k] for k in notes}
    body = [line for i, line in enumerate(lines) if i not in furniture_ids]
    return body, [line for i, line in enumerate(lines) if i in furniture_ids]


def mark_ocr_sections(sections: Sequence[LayoutSection], ocr_pages: Sequence[int], pages: int) -> None:
    """Flag each section whose pages (its heading's up to the next heading's) include an OCR'd page."""
    if not ocr_pages:
        return
    read = set(ocr_pages)
    for i, section in enumerate(sections):
        last = sections[i + 1].page if i + 1 < len(sections) else pages
        section.ocr = any(p in read for p in range(section.page, max(last, section.page) + 1))


def no_text_message(pages: int, ocr: OcrPass) -> str:
    if not ocr.options.enabled:
        return f"no text layer on any of the {pages} pages, and OCR is off (--no-ocr)"
    if ocr.unavailable:
        return f"no text layer on any of the {pages} pages, and OCR is unavailable: {ocr.unavailable}"
    said = [w.message for w in ocr.warnings()]
    tried = f"OCR tried {ocr.attempted} of them and found no text"
    return f"no text layer on any of the {pages} pages; {tried}" + "".join(f"; {m}" for m in said)


def read_layout(
    path: str | os.PathLike[str],
    ocr: OcrOptions | None = None,
    on_ocr_page: Callable[[int], None] | None = None,
) -> LayoutDocument:
    """Read a PDF into a layout document.

    Pages without a usable text layer are OCR'd as `ocr` says (default: `OcrOptions.from_env()`);
    `on_ocr_page(page)` is told before each OCR'd page (a worker's heartbeat).
    Raises a `LayoutError` subclass (with a stable `code`) for input that cannot be read:
    `unreadable`, `not_pdf`, `encrypted`, `truncated`, `corrupt`, `empty`, `no_text`.
    Runs in the calling process with no time limit; `read_layout_guarded` adds one.
    """
    path = Path(path)
    opened = open_pdf(path)
    ocr_pass = OcrPass(ocr or OcrOptions.from_env(), on_ocr_page)
    try:
        pages = opened.pages
        lines, tables, heights = read_pages(opened.document, ocr_pass)
        if not any(line.text.strip() for line in lines):
            raise NoTextLayerError(no_text_message(pages, ocr_pass))
        body, furniture = split_furniture(lines, heights, pages)
        body = join_hyphenated_lines(body)
        toc, toc_pages = find_toc(body)
        sections = build_sections(body, toc, toc_pages)
        mark_ocr_sections(sections, ocr_pass.ocr_pages, pages)
        return LayoutDocument(
            path=str(path),
            sha256=opened.sha256,
            pages=pages,
            lines=body,
            tables=tables,
            sections=sections,
            toc=toc,
            metadata=opened.metadata(),
            furniture=furniture,
            ocr_pages=list(ocr_pass.ocr_pages),
            warnings=ocr_pass.warnings(),
        )
    finally:
        opened.document.close()


def read_layout_guarded(
    path: str | os.PathLike[str],
    timeout_s: float,
    *,
    startup_timeout_s: float = DEFAULT_STARTUP_TIMEOUT_S,
) -> LayoutDocument:
    """`read_layout(path)` in a child process under a time limit (see `extractors.pool`):
    `ExtractionTimeoutError` when it runs over, `ExtractionCrashedError` when the child
    dies, the child's `LayoutError` raised again unchanged."""
    return run_guarded(read_layout, os.fspath(path), timeout_s, startup_timeout_s=startup_timeout_s)
