"""A small flowing-layout PDF writer for composed, realistic meeting documents.

A document is a list of blocks (lines, label lines with a bold label, ruled tables,
page breaks); `build_pdf` lays them out top-down with a running header and a
page-number footer on every page, breaking pages where the text reaches the
bottom margin. Fonts, sizes and the footer style vary per document so the tests
do not lean on one layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

FONTS = {
    "helvetica": ("Helvetica", "Helvetica-Bold"),
    "times": ("Times-Roman", "Times-Bold"),
}


@dataclass(frozen=True)
class Line:
    """One line of text; `bold`, `size` and `indent` (points) vary its look."""

    text: str
    bold: bool = False
    size: float | None = None
    indent: float = 0.0
    space_before: float = 0.0


@dataclass(frozen=True)
class Labelled:
    """A bold label and its value on the same line: `Møtedato:` `14.03.2024`."""

    label: str
    value: str
    size: float | None = None
    value_x: float | None = None


@dataclass(frozen=True)
class Row:
    """Text placed at given x positions on one line (form columns, side-by-side lists).

    `cells` are (x, text, bold) triples; x in points from the page's left edge.
    """

    cells: Sequence[tuple[float, str, bool]]
    size: float | None = None


@dataclass(frozen=True)
class Table:
    """A table with ruled lines; `widths` are column widths in points.

    A cell holds one line, or several separated by newlines; a row taller than the
    room left on the page breaks across the page, as a word processor lets it.
    `bold_column` sets the cells of one column in bold (a label column).
    """

    rows: Sequence[Sequence[str]]
    widths: Sequence[float]
    header_bold: bool = True
    size: float = 9.5
    bold_column: int | None = None


@dataclass(frozen=True)
class ScannedPage:
    """A page with no text layer: only drawn shapes, as a scan without OCR looks."""


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class Gap:
    """Vertical space in points."""

    points: float = 8.0


Block = Line | Labelled | Row | Table | PageBreak | Gap | ScannedPage


@dataclass
class Style:
    """How a document looks: font family, body size, header text, footer style."""

    font: str = "helvetica"
    size: float = 10.5
    leading: float = 14.0
    header: str | None = None
    footer: str = "side_av"  # side_av | dash | plain | none
    margin_left: float = 62.0
    top: float = 88.0
    bottom: float = 770.0


@dataclass
class _Writer:
    path: Path
    style: Style
    pages: list[list[tuple]] = field(default_factory=list)
    y: float = 0.0

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.style.top

    def need(self, height: float) -> None:
        if not self.pages or self.y + height > self.style.bottom:
            self.new_page()

    def text(self, x: float, text: str, bold: bool, size: float) -> None:
        self.pages[-1].append(("text", x, self.y, text, bold, size))

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.pages[-1].append(("rule", x0, y0, x1, y1))


def build_pdf(path: Path, blocks: Sequence[Block], style: Style | None = None) -> Path:
    """Lay out `blocks` into a PDF at `path` and return the path."""
    style = style or Style()
    writer = _Writer(path, style)
    writer.new_page()
    bold_font = FONTS[style.font][1]
    for block in blocks:
        if isinstance(block, PageBreak):
            writer.new_page()
        elif isinstance(block, ScannedPage):
            writer.new_page()
            writer.pages[-1].append(("scan",))
            writer.new_page()
        elif isinstance(block, Gap):
            writer.y += block.points
        elif isinstance(block, Line):
            size = block.size or style.size
            height = max(style.leading, size * 1.35) + block.space_before
            writer.need(height)
            writer.y += block.space_before
            writer.text(style.margin_left + block.indent, block.text, block.bold, size)
            writer.y += max(style.leading, size * 1.35)
        elif isinstance(block, Labelled):
            size = block.size or style.size
            writer.need(style.leading)
            writer.text(style.margin_left, block.label, True, size)
            value_x = block.value_x or style.margin_left + stringWidth(block.label, bold_font, size) + 6
            writer.text(value_x, block.value, False, size)
            writer.y += style.leading
        elif isinstance(block, Row):
            size = block.size or style.size
            writer.need(style.leading)
            for x, text, bold in block.cells:
                if text:
                    writer.text(x, text, bold, size)
            writer.y += style.leading
        elif isinstance(block, Table):
            _table(writer, block)
    _render(writer)
    return path


def _table(writer: _Writer, block: Table) -> None:
    line_h = block.size * 1.3
    pad = block.size * 0.6
    x_edges = [writer.style.margin_left]
    for width in block.widths:
        x_edges.append(x_edges[-1] + width)

    def close(top: float, bottom: float) -> None:
        writer.rule(x_edges[0], bottom, x_edges[-1], bottom)
        for x in x_edges:
            writer.rule(x, top, x, bottom)

    for k, row in enumerate(block.rows):
        cells = [cell.split("\n") for cell in row]
        remaining = max(len(cell) for cell in cells)
        writer.need(line_h + 2 * pad)
        top = writer.y
        writer.rule(x_edges[0], top, x_edges[-1], top)
        writer.y = top + pad
        done = 0
        while remaining:
            room = int((writer.style.bottom - writer.y - pad) // line_h)
            if room < 1:
                close(top, writer.y + pad)
                writer.new_page()
                top = writer.y
                writer.rule(x_edges[0], top, x_edges[-1], top)
                writer.y = top + pad
                continue
            take = min(room, remaining)
            for n in range(take):
                writer.y += line_h * 0.8
                for col, (x, cell) in enumerate(zip(x_edges, cells, strict=False)):
                    if done + n < len(cell) and cell[done + n]:
                        bold = (block.header_bold and k == 0) or col == block.bold_column
                        writer.text(x + 4, cell[done + n], bold, block.size)
                writer.y += line_h * 0.2
            done += take
            remaining -= take
        writer.y += pad
        close(top, writer.y)
    writer.y += 6


def _footer(style: Style, page: int, pages: int) -> str | None:
    return {
        "side_av": f"Side {page} av {pages}",
        "dash": f"- {page} -",
        "plain": str(page),
        "slash": f"Side {page}/{pages}",
        "none": None,
    }[style.footer]


def _render(writer: _Writer) -> None:
    style = writer.style
    regular, bold_font = FONTS[style.font]
    width, height = A4
    canvas = Canvas(str(writer.path), pagesize=A4)
    total = len(writer.pages)
    for number, items in enumerate(writer.pages, start=1):
        scanned = any(item[0] == "scan" for item in items)
        if style.header and not scanned:
            canvas.setFont(regular, 8.5)
            canvas.drawString(style.margin_left, height - 40, style.header)
            canvas.setLineWidth(0.5)
            canvas.line(style.margin_left, height - 46, width - 56, height - 46)
        footer = None if scanned else _footer(style, number, total)
        if footer:
            canvas.setFont(regular, 8.5)
            canvas.drawCentredString(width / 2, 30, footer)
        for item in items:
            if item[0] == "scan":
                canvas.setFillGray(0.85)
                for k in range(40):
                    canvas.rect(70, 90 + k * 17, 440 - (k * 37) % 160, 9, stroke=0, fill=1)
                canvas.setFillGray(0)
                continue
            if item[0] == "rule":
                _, x0, y0, x1, y1 = item
                canvas.setLineWidth(0.6)
                canvas.line(x0, height - y0, x1, height - y1)
            else:
                _, x, y, text, bold, size = item
                canvas.setFont(bold_font if bold else regular, size)
                canvas.drawString(x, height - y, text)
        canvas.showPage()
    canvas.save()


def lines(*texts: str, **style: object) -> list[Line]:
    """Consecutive plain lines."""
    return [Line(text, **style) for text in texts]  # type: ignore[arg-type]
