"""The one place where characters of a PDF's text layer that only serve typesetting are
normalised: office programs (Word, LibreOffice) leave ligature code points (ﬁ, ﬂ),
soft hyphens (U+00AD), non-breaking and other special spaces, control characters and
Symbol/Wingdings bullets (private-use code points) in the text they export.

`normalise_text` is applied to every segment of running text and every table cell.
"""

from __future__ import annotations

import re

from extractors.bullets import private_use

SOFT_HYPHEN = "\u00ad"

# Bullets drawn with the Symbol and Wingdings fonts come out as private-use code points;
# they are replaced by the glyphs they show, from the one bullet table (data/bullets.tsv).
PRIVATE_USE_BULLETS = private_use()

# Latin ligatures (Alphabetic Presentation Forms) spelled out.
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}

# Spaces other than U+0020 (no-break, narrow no-break, figure, thin, ideographic ...).
SPECIAL_SPACES = dict.fromkeys("\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000", " ")

# Characters that take no room: soft hyphen (a possible break that was not used),
# zero-width space/joiners, word joiner, byte-order mark.
INVISIBLE = dict.fromkeys(SOFT_HYPHEN + "\u200b\u200c\u200d\u2060\ufeff", "")

_TABLE = str.maketrans({**PRIVATE_USE_BULLETS, **LIGATURES, **SPECIAL_SPACES, **INVISIBLE})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise_text(text: str) -> str:
    """Text with typesetting characters replaced: ligatures spelled out, soft hyphens and
    zero-width characters dropped, special spaces made plain, control characters removed,
    private-use bullets made Unicode bullets. Line breaks and tabs are kept."""
    return _CONTROL.sub("", text).translate(_TABLE)
