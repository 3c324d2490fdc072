"""Repair line-end hyphenation across the document's lines (see `hyphenation`).

Two lines are consecutive running text when neither is in a table, they share font
size and weight, and the second follows the first: directly below it on the same page
(no paragraph gap), at the top of the next column, or as the first line of the next
page. A joined word stays on the first line and leaves the second; a second line left
empty is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.hyphenation import dehyphenate
from extractors.layout import Line

SIZE_TOLERANCE = 0.75
# The next line starts less than this many line heights below the previous line's bottom.
MAX_LINE_GAP = 1.0


def flows_into(prev: Line, nxt: Line) -> bool:
    """Whether `nxt` continues the running text of `prev`."""
    if prev.in_table or nxt.in_table or prev.bold != nxt.bold or abs(prev.size - nxt.size) > SIZE_TOLERANCE:
        return False
    if nxt.page == prev.page + 1:
        return True
    if nxt.page != prev.page:
        return False
    height = max(prev.bottom - prev.top, prev.size)
    if nxt.top >= prev.top:
        return nxt.top - prev.bottom <= MAX_LINE_GAP * height
    return nxt.x0 >= prev.x1 - height  # the next column, to the right and back at the top


def join_hyphenated_lines(lines: list[Line]) -> list[Line]:
    """The lines with line-end hyphenation repaired; input lines are not modified."""
    out: list[Line] = []
    for line in lines:
        if out and flows_into(out[-1], line):
            prev = out[-1]
            joined, rest = dehyphenate(prev.text, line.text)
            if joined != prev.text:
                out[-1] = replace(prev, text=joined)
                if not rest.strip():
                    continue
                line = replace(line, text=rest)
        out.append(line)
    return out
