"""Footnotes: the block of small-print lines at the foot of a page that opens with a note
marker (`1Utkastet ble sendt ...`, `* Tall for 2024`). Word and Writer put footnotes
there, above the footer; read as running text they would end up inside the paragraph or
the decision that crosses the page break. They leave the body like page furniture.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from extractors.layout import Line

# A footnote's print is at most this share of the body text's font size.
FOOTNOTE_SIZE_RATIO = 0.9
# Footnotes sit in the lower part of the page: their block starts below this share of its height.
FOOTNOTE_ZONE = 0.5
# The first footnote line opens with a marker: a number (often a superscript run into the
# word), or an asterisk / dagger.
FOOTNOTE_MARKER = re.compile(r"^(?:\d{1,3}\s?(?=[^\W\d_])|[*†‡]\s?\S)")


def body_font_size(lines: Sequence[Line]) -> float:
    """The font size carrying most characters of the document."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size)] += len(line.text)
    return float(sizes.most_common(1)[0][0]) if sizes else 0.0


def find_footnotes(lines: Sequence[Line], heights: dict[int, float]) -> set[int]:
    """Indices of footnote lines: per page, the run of small-print lines at its foot whose
    first line opens with a note marker."""
    body_size = body_font_size(lines)
    if not body_size:
        return set()
    by_page: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(i)
    found: set[int] = set()
    for page, indices in by_page.items():
        ordered = sorted(indices, key=lambda i: lines[i].top)
        block: list[int] = []
        for i in reversed(ordered):
            line = lines[i]
            if line.in_table or line.size > body_size * FOOTNOTE_SIZE_RATIO or line.heading:
                break
            block.append(i)
        # the block is read from its top; it may hold several notes, the first opens it
        block.reverse()
        while block and not FOOTNOTE_MARKER.match(lines[block[0]].text):
            block.pop(0)
        if block and lines[block[0]].top >= heights.get(page, 0.0) * FOOTNOTE_ZONE:
            found.update(block)
    return found
