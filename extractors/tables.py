"""Ruled tables: found cheaply with pypdfium2, read as rows with pdfplumber.

pdfplumber is slow (it interprets the whole page in Python), so it only reads pages
where pypdfium2's path objects show ruling: at least `MIN_RULES` horizontal and
vertical rules (thin lines or thin filled rectangles, as Word draws cell borders), or a
path with many segments (a grid drawn as one path). Tables keep their empty cells ("")
and merged cells (None); a cell's lines are joined with the same hyphenation rules as
running text. A table that continues on the next page is read as one table per page.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.hyphenation import dehyphenate
from extractors.layout import Table

# A rule is thinner than this (points) across and longer than `MIN_RULE_LENGTH` along.
RULE_THICKNESS = 2.5
MIN_RULE_LENGTH = 8.0
# Ruling that makes a table likely: this many horizontal and vertical rules.
MIN_RULES = (3, 2)
# A single path with this many segments draws a grid.
GRID_SEGMENTS = 12
# Objects nested in form XObjects are looked into this deep.
MAX_FORM_DEPTH = 3
# What pdfplumber keeps: a table has at least this many rows and columns.
MIN_ROWS = 2
MIN_COLUMNS = 2
PDFPLUMBER_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def _path_objects(objects: Iterator[ctypes.c_void_p], depth: int = 0) -> Iterator[ctypes.c_void_p]:
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            yield from _path_objects(
                (pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(count)), depth + 1
            )


def count_rules(page: pdfium.PdfPage) -> tuple[int, int, bool]:
    """(horizontal rules, vertical rules, a grid path seen) on the page."""
    raw = page.raw
    objects = (pdfium_c.FPDFPage_GetObject(raw, k) for k in range(pdfium_c.FPDFPage_CountObjects(raw)))
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    horizontal = vertical = 0
    grid = False
    for obj in _path_objects(objects):
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            continue
        width, height = right.value - left.value, top.value - bottom.value
        if width >= MIN_RULE_LENGTH and height <= RULE_THICKNESS:
            horizontal += 1
        elif height >= MIN_RULE_LENGTH and width <= RULE_THICKNESS:
            vertical += 1
        elif width >= MIN_RULE_LENGTH and height >= MIN_RULE_LENGTH:
            horizontal += 2
            vertical += 2
            grid = grid or pdfium_c.FPDFPath_CountSegments(obj) >= GRID_SEGMENTS
    return horizontal, vertical, grid


def has_ruled_table(page: pdfium.PdfPage) -> bool:
    horizontal, vertical, grid = count_rules(page)
    return grid or (horizontal >= MIN_RULES[0] and vertical >= MIN_RULES[1])


def clean_cell(cell: str | None) -> str | None:
    """A cell's lines joined into one line, line-end hyphenation repaired."""
    if cell is None:
        return None
    parts = [" ".join(part.split()) for part in cell.splitlines()]
    parts = [part for part in parts if part]
    if not parts:
        return ""
    text = parts[0]
    for part in parts[1:]:
        text, rest = dehyphenate(text, part)
        if rest:
            text = f"{text} {rest}"
    return text


def read_tables(plumber_page: object, page_no: int) -> list[Table]:
    """The ruled tables on one pdfplumber page, top to bottom."""
    tables: list[Table] = []
    for found in plumber_page.find_tables(PDFPLUMBER_SETTINGS):  # type: ignore[attr-defined]
        rows = [[clean_cell(cell) for cell in row] for row in found.extract()]
        rows = [row for row in rows if any(cell for cell in row)]
        if len(rows) < MIN_ROWS or max((len(row) for row in rows), default=0) < MIN_COLUMNS:
            continue
        x0, top, x1, bottom = found.bbox
        tables.append(
            Table(page=page_no, rows=rows, top=float(top), x0=float(x0), x1=float(x1), bottom=float(bottom))
        )
    tables.sort(key=lambda t: t.top)
    return tables
