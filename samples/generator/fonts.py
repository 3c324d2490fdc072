"""TrueType fonts for the samples: DejaVu from the system font directory.

The originals set their bullets with Symbol/Wingdings, which a PDF-to-text tool
reports as the private-use code point U+F0B7. DejaVu has no glyph there, so the
bullet glyph is mapped to that code point as well: the PDF then shows a bullet
and its text layer (ToUnicode) says U+F0B7, as in the originals.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
)

# family name -> (regular file, bold file)
FAMILIES: dict[str, tuple[str, str]] = {
    "Sans": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "Serif": ("DejaVuSerifCondensed.ttf", "DejaVuSerifCondensed-Bold.ttf"),
}

# fonts_fingerprint() of the DejaVu files (Debian fonts-dejavu-core/-extra 2.37) the committed
# PDFs were built with; other font versions give other (equally valid) bytes.
COMMITTED_FONTS_SHA256 = "fdc4ebdd48dc2e90b136460fefcd60cfd14cfdb74a8ffd5a226b94dfb09ac0b9"

PUA_BULLET = 0xF0B7
BULLET = 0x2022


class FontMissingError(RuntimeError):
    """A DejaVu font file the samples need is not installed."""


def font_path(filename: str) -> Path:
    for directory in FONT_DIRS:
        candidate = directory / filename
        if candidate.is_file():
            return candidate
    raise FontMissingError(
        f"{filename} not found in {', '.join(map(str, FONT_DIRS))}; install the DejaVu fonts "
        "(Debian: fonts-dejavu-core fonts-dejavu-extra)"
    )


def font_files() -> list[Path]:
    return [font_path(name) for pair in FAMILIES.values() for name in pair]


def fonts_fingerprint() -> str:
    """sha256 over the font files used; the committed PDFs are byte-identical only for the same fonts."""
    digest = hashlib.sha256()
    for path in font_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _map_pua_bullet(font: TTFont) -> None:
    face = font.face
    glyph = face.charToGlyph.get(BULLET)
    if glyph is not None:
        face.charToGlyph[PUA_BULLET] = glyph
        face.charWidths[PUA_BULLET] = face.charWidths[BULLET]


def register_fonts() -> None:
    """Register the families as ``Sans``/``Sans-Bold`` and ``Serif``/``Serif-Bold`` (idempotent)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for family, (regular, bold) in FAMILIES.items():
        for name, filename in ((family, regular), (f"{family}-Bold", bold)):
            if name in registered:
                continue
            font = TTFont(name, str(font_path(filename)))
            _map_pua_bullet(font)
            pdfmetrics.registerFont(font)
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, f"{family}-Bold")
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, f"{family}-Bold")
