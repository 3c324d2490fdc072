"""Small text helpers shared by the NLP rules: whitespace, bullets, joining lines."""

from __future__ import annotations

import re
import unicodedata

from extractors.bullets import list_marker_end

_WS_RE = re.compile(r"\s+")


def ws(text: str) -> str:
    """NFC, whitespace runs collapsed to one space, stripped."""
    return _WS_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def is_bullet_item(text: str) -> bool:
    """A list item: a marker of the extractors' one bullet table, then text."""
    return list_marker_end(text) > 0 and bool(strip_bullet(text))


def strip_bullet(text: str) -> str:
    return ws(text[list_marker_end(text) :])


def join_lines(texts: list[str]) -> str:
    """Lines of running text as one whitespace-normalised string."""
    return ws(" ".join(texts))
