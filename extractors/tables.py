"""Ruled tables: ruling read from pypdfium2's path objects, cells found by pdfplumber's table finder.

pdfplumber's own page parsing is slow (it interprets the whole page in Python, about 0.1 s
a page), so pdfplumber is used for what it is good at, its table finder (edges ->
intersections -> cells -> tables, the "lines" strategy), fed with ruling taken from
pypdfium2: every axis-aligned straight piece of every path object (lines, rectangle
sides, thin filled rectangles as Word draws cell borders), in page coordinates. It only
runs on pages with at least two horizontal and two vertical rules. Cell text is read with
pdfium inside each cell's box; a cell's lines are joined with the running text's
hyphenation rules. Empty cells are kept as "" and merged (spanned) cells as None. A table
that continues on the next page is read as one table per page.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder

from extractors.hyphenation import dehyphenate
from extractors.layout import Table
from extractors.page_text import PDFIUM_LINE_END_HYPHEN
from extractors.text_normalise import SOFT_HYPHEN, normalise_text

# A straight piece is axis-aligned when it leans less than this (points) over its length.
AXIS_TOLERANCE = 0.5
# Shorter pieces are not rules (the ends of a thin filled rectangle, glyph-like marks).
MIN_RULE_LENGTH = 3.0
# Ruling that makes a table possible: this many horizontal and vertical rules.
MIN_RULES = (2, 2)
# Objects nested in form XObjects are looked into this deep.
MAX_FORM_DEPTH = 3
# A table has at least this many rows and columns.
MIN_ROWS = 2
MIN_COLUMNS = 2
# pdfplumber table-finder settings besides the explicit ruling (its defaults otherwise).
FINDER_SETTINGS = {"snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3}
# Cell boxes are shrunk by this much before their text is read, to keep out the borders.
CELL_INSET = 0.5
PDFIUM_BOUNDED_HYPHEN = "\x02"

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class Rule:
    """An axis-aligned rule in page coordinates from the top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.bottom - self.top <= AXIS_TOLERANCE

    def as_edge(self) -> dict[str, float | str]:
        """The rule as a pdfplumber line object (`top == bottom` marks a horizontal line)."""
        top, bottom = (self.top, self.top) if self.horizontal else (self.top, self.bottom)
        x0, x1 = (self.x0, self.x1) if self.horizontal else (self.x0, self.x0)
        return {
            "object_type": "line",
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "width": x1 - x0,
            "height": bottom - top,
        }


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _matrix(obj: ctypes.c_void_p) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _paths(
    objects: Iterator[ctypes.c_void_p], outer: Matrix, depth: int = 0
) -> Iterator[tuple[ctypes.c_void_p, Matrix]]:
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, _compose(outer, _matrix(obj))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            children = (pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(count))
            yield from _paths(children, _compose(outer, _matrix(obj)), depth + 1)


def straight_rule(p: tuple[float, float], q: tuple[float, float]) -> Rule | None:
    """The rule from p to q (top-based page coordinates), if it is axis-aligned and long enough."""
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) <= AXIS_TOLERANCE and abs(x1 - x0) >= MIN_RULE_LENGTH:
        y = (y0 + y1) / 2
        return Rule(min(x0, x1), y, max(x0, x1), y)
    if abs(x1 - x0) <= AXIS_TOLERANCE and abs(y1 - y0) >= MIN_RULE_LENGTH:
        x = (x0 + x1) / 2
        return Rule(x, min(y0, y1), x, max(y0, y1))
    return None


def page_rules(page: pdfium.PdfPage) -> list[Rule]:
    """Every axis-aligned straight piece of the page's paths (curves are left out)."""
    left, _bottom, _right, top = page.get_bbox()
    raw = page.raw
    objects = (pdfium_c.FPDFPage_GetObject(raw, k) for k in range(pdfium_c.FPDFPage_CountObjects(raw)))
    x, y = ctypes.c_float(), ctypes.c_float()
    rules: list[Rule] = []
    for path, (a, b, c, d, e, f) in _paths(objects, IDENTITY):

        def to_page(px: float, py: float) -> tuple[float, float]:
            return (a * px + c * py + e - left, top - (b * px + d * py + f))  # noqa: B023

        start = current = None
        bezier_points = 0
        for k in range(pdfium_c.FPDFPath_CountSegments(path)):
            segment = pdfium_c.FPDFPath_GetPathSegment(path, k)
            if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
                continue
            point = to_page(x.value, y.value)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = current = point
                continue
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
                rule = straight_rule(current, point)
                if rule is not None:
                    rules.append(rule)
            elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                bezier_points += 1  # a curve: three points, the last is where it ends
                if bezier_points % 3:
                    continue
            current = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                rule = straight_rule(current, start)
                if rule is not None:
                    rules.append(rule)
                current = start
    return rules


def may_hold_table(rules: Sequence[Rule]) -> bool:
    horizontal = sum(1 for r in rules if r.horizontal)
    return horizontal >= MIN_RULES[0] and len(rules) - horizontal >= MIN_RULES[1]


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


def find_table_cells(rules: Sequence[Rule]) -> list[list[list[tuple[float, float, float, float] | None]]]:
    """Tables as rows of cell boxes (x0, top, x1, bottom), None where a cell is spanned."""
    vertical = [r.as_edge() for r in rules if not r.horizontal]
    horizontal = [r.as_edge() for r in rules if r.horizontal]
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    settings = {
        **FINDER_SETTINGS,
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical,
        "explicit_horizontal_lines": horizontal,
    }
    # With explicit ruling given as objects the finder never looks at the page itself.
    finder = TableFinder(None, settings)  # type: ignore[arg-type]
    return [[list(row.cells) for row in table.rows] for table in finder.tables]


def _cell_text(
    textpage: pdfium.PdfTextPage, box: tuple[float, float, float, float], origin: tuple[float, float]
) -> str:
    x0, top, x1, bottom = box
    left, page_top = origin
    text = textpage.get_text_bounded(
        left=left + x0 + CELL_INSET,
        bottom=page_top - bottom + CELL_INSET,
        right=left + x1 - CELL_INSET,
        top=page_top - top - CELL_INSET,
    )
    # pdfium drops a line-end hyphen and the line break, leaving a marker: put both back
    # so that `clean_cell` decides with the running text's rules.
    text = text.replace(PDFIUM_BOUNDED_HYPHEN, "-\n").replace(PDFIUM_LINE_END_HYPHEN, "-\n")
    return normalise_text(text.replace(SOFT_HYPHEN + "\r\n", "-\n").replace(SOFT_HYPHEN + "\n", "-\n"))


def read_tables(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_no: int) -> list[Table]:
    """The ruled tables on one page, top to bottom."""
    rules = page_rules(page)
    if not may_hold_table(rules):
        return []
    left, _bottom, _right, top = page.get_bbox()
    tables: list[Table] = []
    for rows in find_table_cells(rules):
        text_rows = [
            [None if box is None else clean_cell(_cell_text(textpage, box, (left, top))) for box in row]
            for row in rows
        ]
        kept = [(boxes, texts) for boxes, texts in zip(rows, text_rows, strict=True) if any(texts)]
        if len(kept) < MIN_ROWS or max(len(texts) for _, texts in kept) < MIN_COLUMNS:
            continue
        boxes = [box for row, _ in kept for box in row if box is not None]
        tables.append(
            Table(
                page=page_no,
                rows=[texts for _, texts in kept],
                top=min(b[1] for b in boxes),
                x0=min(b[0] for b in boxes),
                x1=max(b[2] for b in boxes),
                bottom=max(b[3] for b in boxes),
            )
        )
    tables.sort(key=lambda t: t.top)
    return tables
