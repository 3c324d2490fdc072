"""Snippets: a fragment of text with the matched words wrapped in `<em>`, HTML-escaped."""

from __future__ import annotations

import html

SNIPPET_CHARS = 200


def from_byte_ranges(fragment: str, ranges: list[tuple[int, int]]) -> str:
    """`fragment` with the UTF-8 byte ranges highlighted (tantivy gives byte offsets)."""
    data = fragment.encode("utf-8")
    out: list[str] = []
    last = 0
    for start, end in sorted(ranges):
        if start < last:
            continue
        out.append(html.escape(data[last:start].decode("utf-8", "ignore")))
        out.append("<em>" + html.escape(data[start:end].decode("utf-8", "ignore")) + "</em>")
        last = end
    out.append(html.escape(data[last:].decode("utf-8", "ignore")))
    return _squash("".join(out))


def from_char_ranges(text: str, ranges: list[tuple[int, int]], size: int = SNIPPET_CHARS) -> str:
    """A window of `text` around the first range, highlighted; the start of `text` if none."""
    if not ranges:
        return plain(text, size)
    ranges = sorted(ranges)
    first = ranges[0][0]
    start = max(0, first - size // 3)
    end = min(len(text), start + size)
    out: list[str] = []
    last = start
    for a, b in ranges:
        if a < last or b > end:
            continue
        out.append(html.escape(text[last:a]))
        out.append("<em>" + html.escape(text[a:b]) + "</em>")
        last = b
    out.append(html.escape(text[last:end]))
    return _squash("".join(out))


def plain(text: str, size: int = SNIPPET_CHARS) -> str:
    return _squash(html.escape(text[:size]))


def _squash(text: str) -> str:
    return " ".join(text.split())
