"""Tesseract through tesserocr: one engine per process, kept between pages and files.

`recognise(image, dpi, timeout_s)` returns the page's words with pixel boxes, grouped by
Tesseract's text lines. Tesseract's own cancel (`Recognize(timeout=…)`) enforces the
per-page time limit inside the process, so a slow page is stopped without losing the
worker. The model comes from Debian's `tesseract-ocr-nor` (no download at run time).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from PIL import Image

from extractors.errors import LayoutError

# Tesseract's OpenMP threads would compete with the other workers of the pool.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

MIN_WORD_CONFIDENCE = 30.0  # words Tesseract is less sure of than this are dropped


class OcrUnavailableError(LayoutError):
    """Tesseract or its language model cannot be loaded."""

    code = "ocr_unavailable"


class OcrPageTimeout(Exception):
    """Tesseract did not finish a page within the per-page limit."""


@dataclass(frozen=True)
class OcrWord:
    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    confidence: float


@dataclass(frozen=True)
class OcrLine:
    words: tuple[OcrWord, ...]
    row_height: float  # pixels: Tesseract's estimate of the line's font height


@cache
def _api(tessdata: str, lang: str):  # type: ignore[no-untyped-def]
    try:
        import tesserocr
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise OcrUnavailableError(f"tesserocr is not installed: {exc}") from exc
    try:
        return tesserocr.PyTessBaseAPI(path=tessdata.rstrip("/") + "/", lang=lang,
                                       psm=tesserocr.PSM.AUTO)
    except RuntimeError as exc:
        raise OcrUnavailableError(
            f"Tesseract cannot load language {lang!r} from {tessdata} "
            "(install tesseract-ocr-nor: `make ocr-tools`)"
        ) from exc


@cache
def _osd_api(tessdata: str):  # type: ignore[no-untyped-def]
    import tesserocr

    try:
        return tesserocr.PyTessBaseAPI(path=tessdata.rstrip("/") + "/", lang="osd",
                                       psm=tesserocr.PSM.OSD_ONLY)
    except RuntimeError:
        return None


def recognise(image: Image.Image, *, dpi: int, timeout_s: float, tessdata: str, lang: str) -> list[OcrLine]:
    """Words of the page image in Tesseract's reading order, as lines."""
    from tesserocr import RIL, iterate_level

    api = _api(tessdata, lang)
    api.SetImage(image)
    api.SetSourceResolution(dpi)
    if not api.Recognize(timeout=max(1, int(timeout_s * 1000))):
        api.Clear()
        raise OcrPageTimeout(f"Tesseract took longer than {timeout_s:g} s")
    lines: list[OcrLine] = []
    words: list[OcrWord] = []
    row_height = 0.0
    iterator = api.GetIterator()
    for word in iterate_level(iterator, RIL.WORD) if iterator is not None else ():
        if word.IsAtBeginningOf(RIL.TEXTLINE):
            if words:
                lines.append(OcrLine(tuple(words), row_height))
            words = []
            row_height = float(word.RowAttributes()["row_height"])
        try:
            text = (word.GetUTF8Text(RIL.WORD) or "").strip()
        except RuntimeError:  # tesserocr: "No text returned" for an empty block
            continue
        box = word.BoundingBox(RIL.WORD)
        confidence = word.Confidence(RIL.WORD)
        if not text or box is None or confidence < MIN_WORD_CONFIDENCE:
            continue
        words.append(OcrWord(text, *box, confidence=confidence))
    if words:
        lines.append(OcrLine(tuple(words), row_height))
    api.Clear()
    return lines


def upright_rotation(image: Image.Image, *, tessdata: str) -> int:
    """Degrees (0, 90, 180, 270) to turn the image counter-clockwise so its text stands upright."""
    api = _osd_api(tessdata)
    if api is None:
        return 0
    api.SetImage(image)
    try:
        found = api.DetectOrientationScript()
    except RuntimeError:
        found = None
    finally:
        api.Clear()
    if not found or found.get("orient_conf", 0.0) < 1.0:
        return 0
    return int(found.get("orient_deg", 0)) % 360
