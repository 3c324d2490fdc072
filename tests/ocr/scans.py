"""Composed test PDFs with scanned pages: text set by reportlab, rasterised by pypdfium2.

A "scan" is a page of text rendered to a grey image at a given resolution (optionally
turned, as a sheet fed sideways) and placed as the only content of a PDF page, with no
text layer, as a scanner makes it. Text pages are ordinary reportlab text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

TOP = 780.0
LEADING = 18.0


@dataclass(frozen=True)
class TextPage:
    lines: Sequence[str]
    heading: str | None = None


@dataclass(frozen=True)
class ScanPage:
    lines: Sequence[str]
    heading: str | None = None
    dpi: int = 300
    turn: int = 0  # degrees the sheet is turned (counter-clockwise), e.g. 90 for sideways


@dataclass(frozen=True)
class BlankScan:
    dpi: int = 200


def _draw_text(canvas: Canvas, page: TextPage | ScanPage) -> None:
    y = TOP
    if page.heading:
        canvas.setFont("Helvetica-Bold", 16)
        canvas.drawString(72, y, page.heading)
        y -= 2 * LEADING
    canvas.setFont("Helvetica", 11)
    for line in page.lines:
        canvas.drawString(72, y, line)
        y -= LEADING


def text_page_image(page: ScanPage) -> Image.Image:
    """The page's text set in Helvetica and rendered as a grey image at the page's dpi."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    _draw_text(canvas, page)
    canvas.showPage()
    canvas.save()
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        image = document[0].render(scale=page.dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()
    return image.rotate(page.turn, expand=True, fillcolor=255) if page.turn else image


def _draw_image(canvas: Canvas, image: Image.Image, dpi: int) -> None:
    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    canvas.setPageSize((width, height))
    png = io.BytesIO()
    image.save(png, format="PNG")
    png.seek(0)
    canvas.drawImage(ImageReader(png), 0, 0, width=width, height=height)


def build_pdf(path: Path, pages: Sequence[TextPage | ScanPage | BlankScan]) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for page in pages:
        if isinstance(page, TextPage):
            canvas.setPageSize(A4)
            _draw_text(canvas, page)
        elif isinstance(page, ScanPage):
            _draw_image(canvas, text_page_image(page), page.dpi)
        else:
            blank = Image.new("L", (int(A4[0] * page.dpi / 72), int(A4[1] * page.dpi / 72)), 250)
            _draw_image(canvas, blank, page.dpi)
        canvas.showPage()
    canvas.save()
    return path
