"""Small text helpers shared by the NLP rules: whitespace, bullets, joining lines."""

from __future__ import annotations

import re
import unicodedata

# Bullet glyphs PDF text layers give for list items (private-use Symbol-font glyphs too).
BULLETS = "•●▪■◦○‣∙·*\uf0b7\uf0a7\uf0d8\uf076\uf0fc\u2023\u2043"
_BULLET_RE = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]|[-–—](?=\s))\s*")
_WS_RE = re.compile(r"\s+")


def ws(text: str) -> str:
    """NFC, whitespace runs collapsed to one space, stripped."""
    return _WS_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def is_bullet_item(text: str) -> bool:
    return bool(_BULLET_RE.match(text)) and bool(strip_bullet(text))


def strip_bullet(text: str) -> str:
    return ws(_BULLET_RE.sub("", text, count=1))


def join_lines(texts: list[str]) -> str:
    """Lines of running text as one whitespace-normalised string."""
    return ws(" ".join(texts))


def fold(text: str) -> str:
    """Comparison key: whitespace-normalised and case-folded."""
    return ws(text).casefold()
