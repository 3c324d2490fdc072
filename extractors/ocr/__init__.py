"""OCR for pages without a usable text layer: scans and garbled fonts (Tesseract, Norwegian).

`OcrPass` (in `pages`) is the one hook `extractors.reader` calls per page; `OcrOptions`
holds the switches and limits; `quality.text_quality` is the text-layer test.
"""

from extractors.ocr.options import OCR_OFF, OcrOptions
from extractors.ocr.pages import OcrPass, PageText

__all__ = ["OCR_OFF", "OcrOptions", "OcrPass", "PageText"]
