"""The one hook between page reading and OCR: which text a page gets, its layer's or Tesseract's.

`OcrPass.page_segments(page, page_no, segments)` is called by `extractors.reader` for every
page with the segments read from its text layer. It returns them unchanged when the layer
is good (`quality.text_quality`), and otherwise the page rendered (pypdfium2) and read by
Tesseract (`engine`) as segments (`segments`). A page with no text is OCR'd when it shows
an image (a scan); a page with a little text (a stamp, a page number) when images cover a
good part of it. A sideways or upside-down scan is turned upright (Tesseract's orientation
detection) when the first reading finds few words.

Limits: `OcrOptions.max_pages` pages per document (pages after that keep their layer, with
a warning), `OcrOptions.page_timeout_s` per page (the page keeps its layer, with a
warning). What happened is left in `ocr_pages` and `warnings` for the record.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from extractors.layout import LayoutWarning
from extractors.ocr.engine import OcrLine, OcrPageTimeout, OcrUnavailableError, recognise, upright_rotation
from extractors.ocr.options import OcrOptions
from extractors.ocr.quality import MIN_WORDS, text_quality
from extractors.ocr.render import MIN_IMAGE_COVER, image_cover, render_page
from extractors.ocr.segments import ocr_segments
from extractors.segments import Segment

log = logging.getLogger(__name__)

FEW_LETTERS = 40  # a text layer with fewer letters than this may be a scan's stamp
SIDEWAYS_KEEP = 0.8  # an upright reading of a sideways page needs this share of its known words
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class PageText:
    segments: list[Segment]
    height: float | None = None  # page height in points as OCR saw it (turned upright)
    ocr: bool = False  # the segments come from OCR


@dataclass
class OcrPass:
    options: OcrOptions
    on_page: Callable[[int], None] | None = None  # told before each page is OCR'd
    ocr_pages: list[int] = field(default_factory=list)
    timed_out: list[int] = field(default_factory=list)
    over_limit: list[int] = field(default_factory=list)
    unavailable: str | None = None
    attempted: int = 0  # pages given to OCR (the page limit counts these)

    def needs_ocr(self, page: pdfium.PdfPage, segments: Sequence[Segment]) -> str | None:
        """Why the page must be OCR'd, or None to keep its text layer."""
        text = "\n".join(s.text for s in segments)
        letters = len(_LETTER.findall(text, 0, 8 * FEW_LETTERS)) if len(text) < 8 * FEW_LETTERS else FEW_LETTERS
        if letters < FEW_LETTERS:
            cover = image_cover(page)
            if (letters == 0 and cover > 0) or cover >= MIN_IMAGE_COVER:
                return "no text layer" if letters == 0 else "a scan with little text"
            return None
        quality = text_quality(text)
        return quality.reason

    def page_segments(self, page: pdfium.PdfPage, page_no: int, segments: list[Segment]) -> PageText:
        if not self.options.enabled or self.unavailable:
            return PageText(segments)
        reason = self.needs_ocr(page, segments)
        if reason is None:
            return PageText(segments)
        if self.attempted >= self.options.max_pages:
            self.over_limit.append(page_no)
            return PageText(segments)
        self.attempted += 1
        if self.on_page is not None:
            self.on_page(page_no)
        try:
            read = self._ocr(page, page_no)
        except OcrPageTimeout:
            self.timed_out.append(page_no)
            return PageText(segments)
        except OcrUnavailableError as exc:
            self.unavailable = exc.message
            log.warning("OCR unavailable: %s", exc.message)
            return PageText(segments)
        log.info("page %d read by OCR (%s): %d segments", page_no, reason, len(read.segments))
        if not read.segments and segments:
            return PageText(segments)  # OCR found nothing: the layer, poor as it is, is kept
        self.ocr_pages.append(page_no)
        return read

    def _ocr(self, page: pdfium.PdfPage, page_no: int) -> PageText:
        opts = self.options
        deadline = time.monotonic() + opts.page_timeout_s  # one limit for all of the page's readings
        image = render_page(page, opts.dpi)
        lines = recognise(image, dpi=opts.dpi, timeout_s=_left(deadline), tessdata=opts.tessdata, lang=opts.lang)
        segments = ocr_segments(lines, page_no, opts.dpi)
        height = image.height * 72.0 / opts.dpi
        sideways = _sideways(lines)
        if sideways or _looks_unread(segments):
            turn = upright_rotation(image, tessdata=opts.tessdata)
            if turn:
                turned = image.rotate(turn, expand=True)
                turned_lines = recognise(turned, dpi=opts.dpi, timeout_s=_left(deadline),
                                         tessdata=opts.tessdata, lang=opts.lang)
                upright = ocr_segments(turned_lines, page_no, opts.dpi)
                # sideways text read in place has its lines across the page: upright wins
                # unless it reads clearly fewer words
                bar = SIDEWAYS_KEEP * _known_words(segments) if sideways else _known_words(segments)
                if _known_words(upright) > bar or (sideways and not _sideways(turned_lines)
                                                   and _known_words(upright) >= bar):
                    segments, height = upright, turned.height * 72.0 / opts.dpi
        return PageText(segments, round(height, 2), ocr=True)

    def warnings(self) -> list[LayoutWarning]:
        out: list[LayoutWarning] = []
        if self.unavailable:
            out.append(LayoutWarning("ocr_unavailable", f"pages were not OCR'd: {self.unavailable}"))
        if self.timed_out:
            out.append(LayoutWarning(
                "ocr_timeout",
                f"OCR took longer than {self.options.page_timeout_s:g} s on page(s) "
                f"{_pages(self.timed_out)} and was stopped; they keep their text layer (if any)",
            ))
        if self.over_limit:
            out.append(LayoutWarning(
                "ocr_page_limit",
                f"OCR page limit of {self.options.max_pages} reached; page(s) {_pages(self.over_limit)} "
                "were not OCR'd",
            ))
        return out


def _pages(pages: Sequence[int]) -> str:
    """`3, 5–9, 12`: page numbers with runs shortened."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise OcrPageTimeout("no time left for the page")
    return left


def _sideways(lines: Sequence[OcrLine]) -> bool:
    """Most words of three or more characters stand taller than wide: text running up or down
    the page, which Tesseract reads but in boxes across the page's lines."""
    long = [w for line in lines for w in line.words if len(w.text) >= 3]
    tall = sum(1 for w in long if (w.bottom - w.top) > (w.x1 - w.x0))
    return bool(long) and tall * 2 > len(long)


def _looks_unread(segments: Sequence[Segment]) -> bool:
    text = "\n".join(s.text for s in segments)
    quality = text_quality(text)
    return quality.words < MIN_WORDS or not quality.ok


def _known_words(segments: Sequence[Segment]) -> float:
    quality = text_quality("\n".join(s.text for s in segments))
    return quality.known_share * quality.words
