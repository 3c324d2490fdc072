"""Tesseract's words as the layout's `Segment`s, so OCR'd text goes the same way as a text layer.

Pixel boxes become points from the page's top-left corner (the text layer's convention).
Within a Tesseract line, a gap wider than the line's height starts a new segment (a table
cell, a value beside its label), as `page_text` does for text layers. The font size is
Tesseract's row height in points, rounded to half points so that body text has one size
and larger print (headings) stands out; OCR gives no weight, so nothing is bold.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.ocr.engine import OcrLine, OcrWord
from extractors.segments import Segment
from extractors.text_normalise import normalise_text

SEGMENT_GAP_LINE_HEIGHTS = 1.0


def _size_points(row_height_px: float, words: Sequence[OcrWord], scale: float) -> float:
    height = row_height_px if row_height_px > 0 else max(w.bottom - w.top for w in words)
    return round(height * scale * 2) / 2


def ocr_segments(lines: Sequence[OcrLine], page_no: int, dpi: int,
                 offset: tuple[float, float] = (0.0, 0.0)) -> list[Segment]:
    """Segments of one OCR'd page; `offset` is added to every point coordinate."""
    scale = 72.0 / dpi
    dx, dy = offset
    out: list[Segment] = []
    for line in lines:
        size = _size_points(line.row_height, line.words, scale)
        run: list[OcrWord] = []
        for word in line.words:
            height = max(word.bottom - word.top, 1)
            if run and word.x0 - run[-1].x1 > SEGMENT_GAP_LINE_HEIGHTS * max(height, line.row_height):
                out.append(_segment(run, page_no, size, scale, dx, dy))
                run = []
            run.append(word)
        if run:
            out.append(_segment(run, page_no, size, scale, dx, dy))
    return [s for s in out if s.text.strip()]


def _segment(run: Sequence[OcrWord], page_no: int, size: float, scale: float, dx: float, dy: float) -> Segment:
    return Segment(
        text=normalise_text(" ".join(w.text for w in run)),
        page=page_no,
        x0=round(min(w.x0 for w in run) * scale + dx, 2),
        x1=round(max(w.x1 for w in run) * scale + dx, 2),
        top=round(min(w.top for w in run) * scale + dy, 2),
        bottom=round(max(w.bottom for w in run) * scale + dy, 2),
        size=size,
        bold=False,
    )
