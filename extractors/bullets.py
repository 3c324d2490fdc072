"""The one bullet table (`data/bullets.toml`): which glyphs open a list item, and which
private-use code points (Symbol and Wingdings fonts) show them.

The extractors normalise every private-use bullet to its glyph (`text_normalise`), so the
layout only ever carries glyphs of this table; headings never open with one, and NLP
tells list items by exactly this set (`list_marker_end`).
"""

from __future__ import annotations

import re
from functools import cache

from extractors.data_files import read_toml


@cache
def _rows() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(glyph, kind, private-use code points) for every row of the table."""
    data = read_toml("bullets.toml")
    return tuple(
        (row["glyph"], kind, tuple(row.get("private_use", ()))) for kind in ("bullet", "dash") for row in data[kind]
    )


@cache
def bullet_glyphs() -> str:
    """Glyphs that open a list item on their own (`• Kari`, `•Kari`)."""
    return "".join(glyph for glyph, kind, _ in _rows() if kind == "bullet")


@cache
def dash_glyphs() -> str:
    """Glyphs that open a list item when a space follows (`- Kari`, not `-5`)."""
    return "".join(glyph for glyph, kind, _ in _rows() if kind == "dash")


@cache
def all_glyphs() -> str:
    """Every glyph of the table: a line opening with one is a list item, never a heading."""
    return bullet_glyphs() + dash_glyphs()


@cache
def private_use() -> dict[str, str]:
    """Private-use code point -> the glyph it shows."""
    return {chr(int(code, 16)): glyph for glyph, _, codes in _rows() for code in codes}


@cache
def _marker() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:[{re.escape(bullet_glyphs())}]|[{re.escape(dash_glyphs())}](?=\s))\s*")


def list_marker_end(text: str) -> int:
    """Where the text after a leading list marker starts; 0 when there is none."""
    match = _marker().match(text)
    return match.end() if match else 0
