"""OCR settings: on/off, limits and resolution; from the command line or the environment.

| variable | meaning | default |
| --- | --- | --- |
| SAMSOK_OCR | OCR pages without a usable text layer (`0`/`false` turns it off) | on |
| SAMSOK_OCR_PAGE_TIMEOUT | seconds Tesseract may spend on one page | 60 |
| SAMSOK_OCR_MAX_PAGES | pages OCR'd per document at most | 100 |
| SAMSOK_OCR_DPI | resolution pages are rendered at for OCR | 300 |
| SAMSOK_OCR_LANG | Tesseract language model(s) | nor |
| SAMSOK_TESSDATA | Tesseract's model directory | /usr/share/tesseract-ocr/5/tessdata |
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, replace
from typing import Any

TESSDATA_DIR = "/usr/share/tesseract-ocr/5/tessdata"
_FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class OcrOptions:
    enabled: bool = True
    page_timeout_s: float = 60.0
    max_pages: int = 100
    dpi: int = 300
    lang: str = "nor"
    tessdata: str = TESSDATA_DIR

    @classmethod
    def from_env(cls, **overrides: Any) -> OcrOptions:
        env = os.environ
        options = cls(
            enabled=(env.get("SAMSOK_OCR", "").strip().lower() not in _FALSE),
            page_timeout_s=float(env.get("SAMSOK_OCR_PAGE_TIMEOUT") or cls.page_timeout_s),
            max_pages=int(env.get("SAMSOK_OCR_MAX_PAGES") or cls.max_pages),
            dpi=int(env.get("SAMSOK_OCR_DPI") or cls.dpi),
            lang=env.get("SAMSOK_OCR_LANG") or cls.lang,
            tessdata=env.get("SAMSOK_TESSDATA") or TESSDATA_DIR,
        )
        return replace(options, **{k: v for k, v in overrides.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> OcrOptions:
        return cls(**data) if data else cls.from_env()


OCR_OFF = OcrOptions(enabled=False)
