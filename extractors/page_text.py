"""Read one page's text with pypdfium2 as baseline `Segment`s, with font size and weight.

Speed comes from asking pdfium for the page text in one call and for geometry only at
word boundaries: pdfium already orders characters and breaks lines where the baseline
changes (`\\r\\n`, and U+FFFE where it dropped a hyphen at a line end, which we put back
so that `hyphenation` decides). Each line is split further where two words are far apart
or not on the same baseline (table cells, columns, a superscript). Font size and
boldness are sampled from a few words per segment, cached per text object. Typesetting
characters (ligatures, soft hyphens, special spaces, private-use bullets) are normalised
by `text_normalise`.
"""

from __future__ import annotations

import ctypes
import re
import statistics

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.segments import Segment
from extractors.text_normalise import SOFT_HYPHEN, normalise_text

# A gap between two words wider than this many line heights ends a segment.
SEGMENT_GAP_LINE_HEIGHTS = 1.0
# Two words whose boxes overlap vertically by less than this share are on different lines.
SAME_LINE_OVERLAP = 0.5
# How many words per segment are sampled for font size and weight.
STYLE_SAMPLES = 5

# pdfium marks a hyphen it removed at a line end with U+FFFE (the line break is dropped too).
PDFIUM_LINE_END_HYPHEN = "\ufffe"
_PIECE = re.compile(r"[^\r\n\ufffe]+")
_WORD = re.compile(r"\S+")
BOLD_NAME_MARKERS = ("bold", "black", "heavy", "semibold", "demibold", "demi", "extrabold", "ultrabold")
BOLD_WEIGHT = 600
FONT_FLAG_FORCE_BOLD = 1 << 18


# A character box as (left, right, top, bottom), top and bottom measured from the page top.
_Box = tuple[float, float, float, float]


def is_bold_font(name: str, weight: int, flags: int) -> bool:
    """Boldness from what the PDF says about the font: name, weight, or the force-bold flag."""
    lowered = name.lower().split("+", 1)[-1]
    return (
        weight >= BOLD_WEIGHT
        or bool(flags & FONT_FLAG_FORCE_BOLD)
        or any(marker in lowered for marker in BOLD_NAME_MARKERS)
    )


class _PageReader:
    def __init__(self, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_no: int) -> None:
        self.page_no = page_no
        left, _bottom, _right, top = page.get_bbox()
        self.origin_x = left
        self.origin_top = top
        self.textpage = textpage
        self.raw = textpage.raw
        self._rect = pdfium_c.FS_RECTF()
        self._rect_ref = ctypes.byref(self._rect)
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_ref = ctypes.byref(self._matrix)
        self._boxes: dict[int, _Box] = {}
        self._styles: dict[int, tuple[float, bool]] = {}

    def text(self) -> str:
        count = pdfium_c.FPDFText_CountChars(self.raw)
        if count <= 0:
            return ""
        buffer = (ctypes.c_ushort * (count + 1))()
        written = pdfium_c.FPDFText_GetText(self.raw, 0, count, buffer)
        data = bytes(memoryview(buffer).cast("B"))[: max(written - 1, 0) * 2]
        text = data.decode("utf-16-le", errors="replace")
        if len(text) != count:
            # Characters outside the BMP take two UTF-16 units: fall back to one call per char
            # so that string positions stay pdfium character indices.
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(self.raw, i) or 0xFFFD) for i in range(count))
        # Some pdfium builds mark the dropped line-end hyphen with U+0002 instead.
        return text.replace("\x02", PDFIUM_LINE_END_HYPHEN)

    def box(self, index: int) -> _Box:
        box = self._boxes.get(index)
        if box is None:
            pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, self._rect_ref)
            rect = self._rect
            box = (
                rect.left - self.origin_x,
                rect.right - self.origin_x,
                self.origin_top - rect.top,
                self.origin_top - rect.bottom,
            )
            self._boxes[index] = box
        return box

    def style(self, index: int) -> tuple[float, bool]:
        """(font size in points, bold) of the character's text object."""
        obj = pdfium_c.FPDFText_GetTextObject(self.raw, index)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        cached = self._styles.get(key)
        if cached is not None and key:
            return cached
        size = pdfium_c.FPDFText_GetFontSize(self.raw, index)
        if pdfium_c.FPDFText_GetMatrix(self.raw, index, self._matrix_ref):
            m = self._matrix
            size *= abs(m.a * m.d - m.b * m.c) ** 0.5
        bold = False
        if key:
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            if font:
                name_buf = ctypes.create_string_buffer(256)
                pdfium_c.FPDFFont_GetBaseFontName(font, name_buf, 256)
                name = name_buf.value.decode("latin-1", errors="replace")
                bold = is_bold_font(name, pdfium_c.FPDFFont_GetWeight(font), pdfium_c.FPDFFont_GetFlags(font))
        style = (round(size, 2), bold)
        self._styles[key] = style
        return style

    def segments(self) -> list[Segment]:
        text = self.text()
        out: list[Segment] = []
        for piece in _PIECE.finditer(text):
            start, end = piece.start(), piece.end()
            piece_text = piece.group()
            hyphen_at = end if end < len(text) and text[end] == PDFIUM_LINE_END_HYPHEN else None
            words = [(start + w.start(), start + w.end() - 1, w.group()) for w in _WORD.finditer(piece_text)]
            if hyphen_at is None and words and words[-1][2].endswith(SOFT_HYPHEN) and end < len(text):
                # a soft hyphen that broke the line: a line-end hyphen for `hyphenation` to judge
                first, last, word = words[-1]
                words[-1] = (first, last, word[:-1] + "-")
            if hyphen_at is not None:
                if words and words[-1][1] == end - 1:
                    first, _last, word = words[-1]
                    words[-1] = (first, hyphen_at, word + "-")
                else:
                    words.append((hyphen_at, hyphen_at, "-"))
            out.extend(self._split_words(words))
        return out

    def _split_words(self, words: list[tuple[int, int, str]]) -> list[Segment]:
        segments: list[Segment] = []
        run: list[tuple[int, int, str]] = []
        for word in words:
            if run and self._breaks(run[-1][1], word[0]):
                segments.append(self._segment(run))
                run = []
            run.append(word)
        if run:
            segments.append(self._segment(run))
        return segments

    def _breaks(self, last_char: int, next_char: int) -> bool:
        _, a_right, a_top, a_bottom = self.box(last_char)
        b_left, _, b_top, b_bottom = self.box(next_char)
        a_height, b_height = a_bottom - a_top, b_bottom - b_top
        low, high = (a_height, b_height) if a_height < b_height else (b_height, a_height)
        overlap = (a_bottom if a_bottom < b_bottom else b_bottom) - (a_top if a_top > b_top else b_top)
        if overlap < SAME_LINE_OVERLAP * max(low, 0.1):
            return True
        gap = b_left - a_right
        return gap > SEGMENT_GAP_LINE_HEIGHTS * high or gap < -high

    def _segment(self, run: list[tuple[int, int, str]]) -> Segment:
        boxes = [self.box(i) for first, last, _ in run for i in (first, last)]
        step = max(1, len(run) // STYLE_SAMPLES)
        samples = [self.style(first) for first, _last, _w in run[::step][:STYLE_SAMPLES]]
        size = statistics.median(s for s, _ in samples)
        bold = sum(1 for _, b in samples if b) * 2 > len(samples)
        text = normalise_text(" ".join(w for _, _, w in run))
        top = min(b[2] for b in boxes)
        bottom = max(b[3] for b in boxes)
        if size < 2.0:  # a font size of ~1 scaled by a matrix pdfium did not report
            size = round((bottom - top) / 1.2, 2)
        return Segment(
            text=text,
            page=self.page_no,
            x0=min(b[0] for b in boxes),
            x1=max(b[1] for b in boxes),
            top=top,
            bottom=bottom,
            size=size,
            bold=bold,
        )


def read_page_segments(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, page_no: int) -> list[Segment]:
    """The page's text as segments in pdfium's character order (not yet in reading order)."""
    return [s for s in _PageReader(page, textpage, page_no).segments() if s.text.strip()]
