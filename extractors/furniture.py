"""Page furniture: running headers, footers and page numbers.

A line is furniture when it sits in the top or bottom band of its page and either
(a) reads as a page number (the `PAGE_NUMBER_PATTERNS` table), or
(b) repeats, digits aside, at about the same height on a good share of the pages
    (`2 Helsefellesskapet – Ahus og kommunene`, `... styresak 19/2021 Side 7 av 7`).
    When the repeats differ in their digits, the line must be set like running text
    or smaller: a bold line or one larger than the body text that only repeats with
    other numbers is a heading (`Sak 12/24` at the top of every case's page).
A line at the top of a single page is not furniture: it does not repeat. Furniture is
only taken from the edges of the page inwards (see `find_furniture`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.data_files import read_toml

# Share of the page height, from the top and from the bottom, where furniture sits.
BAND_SHARE = 0.12
# A repeated line is furniture when it is found on at least this share of the pages
# (and on at least two pages).
REPEAT_SHARE = 0.3
# Repeated lines sit at the same height: points of tolerance around their usual position.
REPEAT_POSITION_TOLERANCE = 8.0

_DASH = "[-–—]"


def _page_number_patterns() -> tuple[tuple[str, str, bool], ...]:
    """(name, pattern, needs_total_check) from data/page_numbers.toml; the whole line must
    match, case-insensitively."""
    data = read_toml("page_numbers.toml")

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in words)

    parts = {
        "page": alternation(data["page_words"]),
        "page_abbr": alternation(data["page_abbreviations"]),
        "of": f"(?:{alternation([*data['of_words'], *data['of_symbols']])})",
        "dash": _DASH,
    }
    return tuple(
        (p["name"], re.sub(r"\{(page|page_abbr|of|dash)\}", lambda m: parts[m[1]], p["regex"]), bool(p.get("total_check")))
        for p in data["pattern"]
    )


# `needs_total_check` patterns carry "N ... M" and only count when N <= M <= pages (+slack),
# so that a case number such as "40/24" is not taken for "page 40 of 24".
PAGE_NUMBER_PATTERNS = _page_number_patterns()
_COMPILED = tuple(
    (name, re.compile(pattern, re.IGNORECASE), check) for name, pattern, check in PAGE_NUMBER_PATTERNS
)
# Printed page numbers may run ahead of the physical page count (a report's excerpt).
PAGE_NUMBER_SLACK = 50


@dataclass(frozen=True)
class PlacedLine:
    """What furniture detection needs to know about a line."""

    text: str
    page: int
    top: float
    bottom: float
    page_height: float
    in_table: bool = False
    size: float = 0.0  # font size in points (0: unknown)
    bold: bool = False


def page_number_pattern(text: str, pages: int) -> str | None:
    """The name of the page-number pattern the whole line matches, or None."""
    stripped = " ".join(text.split())
    for name, pattern, check in _COMPILED:
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        n = int(match.group("n"))
        m = int(match.group("m")) if "m" in pattern.groupindex else None
        if n > pages + PAGE_NUMBER_SLACK:
            continue  # a year or an amount, not a page number
        if m is not None and (n > m or (check and m > pages + PAGE_NUMBER_SLACK)):
            continue
        return name
    return None


def repetition_key(text: str) -> str:
    """The line with digits normalised, so that `Side 3 av 7` and `Side 4 av 7` compare equal."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def band_of(line: PlacedLine) -> str | None:
    if line.top < BAND_SHARE * line.page_height:
        return "top"
    if line.bottom > (1 - BAND_SHARE) * line.page_height:
        return "bottom"
    return None


# A line this many points larger than the body text is set as a heading.
HEADING_SIZE_MARGIN = 0.5


def _body_size(lines: Sequence[PlacedLine]) -> float:
    weights: dict[float, int] = defaultdict(int)
    for line in lines:
        if line.size > 0:
            weights[round(line.size, 1)] += len(line.text)
    return max(weights, key=lambda size: weights[size]) if weights else 0.0


def _styled_as_heading(line: PlacedLine, body_size: float) -> bool:
    return line.size > 0 and body_size > 0 and (line.bold or line.size > body_size + HEADING_SIZE_MARGIN)


def find_furniture(lines: Sequence[PlacedLine], pages: int) -> set[int]:
    """Indices of the lines that are page furniture.

    Furniture is peeled from the page edges inwards: the first line from the top (or the
    bottom) that is not furniture stops the peeling, so body text below a unique line is
    never taken even when it repeats.
    """
    candidates: dict[str, set[int]] = {"top": set(), "bottom": set()}
    positions: dict[tuple[str, str], list[tuple[int, float, int]]] = defaultdict(list)
    for index, line in enumerate(lines):
        band = band_of(line)
        if band is None or line.in_table or not line.text.strip():
            continue
        if page_number_pattern(line.text, pages):
            candidates[band].add(index)
            continue
        anchor = line.top if band == "top" else line.page_height - line.bottom
        positions[(band, repetition_key(line.text))].append((line.page, anchor, index))
    needed = max(2, math.ceil(REPEAT_SHARE * pages))
    body_size = _body_size(lines)
    for (band, _key), found in positions.items():
        anchors = sorted(anchor for _, anchor, _ in found)
        usual = anchors[len(anchors) // 2]
        at_usual = [
            (page, index) for page, anchor, index in found if abs(anchor - usual) <= REPEAT_POSITION_TOLERANCE
        ]
        if len({page for page, _ in at_usual}) < needed:
            continue
        texts = {" ".join(lines[index].text.split()) for _, index in at_usual}
        if len(texts) > 1 and all(_styled_as_heading(lines[index], body_size) for _, index in at_usual):
            continue  # the same heading with other numbers on each page: not furniture
        candidates[band].update(index for _, index in at_usual)
    return _peel(lines, candidates)


def _peel(lines: Sequence[PlacedLine], candidates: dict[str, set[int]]) -> set[int]:
    by_page: dict[int, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line.text.strip():
            by_page[line.page].append(index)
    furniture: set[int] = set()
    for indices in by_page.values():
        from_top = sorted(indices, key=lambda i: lines[i].top)
        from_bottom = sorted(indices, key=lambda i: -lines[i].bottom)
        for order, band in ((from_top, "top"), (from_bottom, "bottom")):
            for index in order:
                if index not in candidates[band]:
                    break
                furniture.add(index)
    return furniture
