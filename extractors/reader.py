"""`read_layout`: a PDF file read into a `LayoutDocument`.

Steps: open and check the file (`pdf_file`); per page, text segments with pypdfium2
(`page_text`), ruled tables where the page has ruling (`tables`: pypdfium2 geometry,
pdfplumber's table finder), and lines in reading order (`reading_order`); then, over
the whole document, page furniture removed (`furniture`), line-end hyphenation repaired
(`line_joining`), the table of contents read (`toc`) and sections found (`sections`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium

from extractors.errors import NoTextLayerError
from extractors.footnotes import find_footnotes
from extractors.furniture import PlacedLine, find_furniture
from extractors.layout import LayoutDocument, Line, Table
from extractors.line_joining import join_hyphenated_lines
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


def read_pages(document: pdfium.PdfDocument) -> tuple[list[Line], list[Table], dict[int, float]]:
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
            page_tables = read_tables(page, textpage, index + 1) if segments else []
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


def read_layout(path: str | os.PathLike[str]) -> LayoutDocument:
    """Read a PDF into a layout document.

    Raises a `LayoutError` subclass (with a stable `code`) for input that cannot be read:
    `unreadable`, `not_pdf`, `encrypted`, `truncated`, `corrupt`, `empty`, `no_text`.
    Runs in the calling process with no time limit; `read_layout_guarded` adds one.
    """
    path = Path(path)
    opened = open_pdf(path)
    try:
        pages = opened.pages
        lines, tables, heights = read_pages(opened.document)
        if not any(line.text.strip() for line in lines):
            raise NoTextLayerError(f"no text layer on any of the {pages} pages (a scan without OCR?)")
        body, furniture = split_furniture(lines, heights, pages)
        body = join_hyphenated_lines(body)
        toc, toc_pages = find_toc(body)
        return LayoutDocument(
            path=str(path),
            sha256=opened.sha256,
            pages=pages,
            lines=body,
            tables=tables,
            sections=build_sections(body, toc, toc_pages),
            toc=toc,
            metadata=opened.metadata(),
            furniture=furniture,
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
