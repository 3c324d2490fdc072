"""Table of contents: lines with dotted leaders and a page number, read as `TocEntry`s.

`parse_toc_line` is the pure rule for one line. `find_toc` reads the pages that hold a
table of contents: a page with at least `MIN_ENTRIES_PER_PAGE` leader lines, or a page
headed `Innhold` / `Innholdsfortegnelse` (whose entries may lack leaders), or the page
after a TOC page with at least one leader line. Only the first run of consecutive TOC
pages counts: leader lines further on belong to an index. An entry whose
title wraps onto a second line is joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.layout import Line, TocEntry

SECTION_NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,5}"
_LEADER = r"(?:\s*(?:\.\s*){3,}|\s*(?:…\s*)+|\s*(?:_\s*){3,}|\s*(?:·\s*){3,})"
_TOC_LEADER_LINE = re.compile(
    rf"^(?:(?P<number>{SECTION_NUMBER})\.?\s+)?(?P<title>\S.*?){_LEADER}\s*(?P<page>\d{{1,4}})\s*$"
)
# Without leaders, only on a page headed by a TOC title: "3.1 Møter og saker 4".
_TOC_PLAIN_LINE = re.compile(
    rf"^(?P<number>{SECTION_NUMBER})\.?\s+(?P<title>\S.*?)\s+(?P<page>\d{{1,4}})\s*$"
)
_NUMBER_START = re.compile(rf"^{SECTION_NUMBER}\.?\s+\S")
TOC_TITLES = frozenset(
    {"innhold", "innholdsfortegnelse", "innhald", "innhaldsliste", "contents", "table of contents"}
)
MIN_ENTRIES_PER_PAGE = 3


def number_level(number: str | None) -> int:
    return len(number.split(".")) if number else 1


def _entry(match: re.Match[str]) -> TocEntry | None:
    title = " ".join(match.group("title").split()).rstrip(" .")
    if not any(c.isalpha() for c in title):
        return None
    number = match.group("number")
    return TocEntry(number=number, title=title, page=int(match.group("page")), level=number_level(number))


def parse_toc_line(text: str, *, plain: bool = False) -> TocEntry | None:
    """A TOC entry from a line with dotted leaders; `plain` also accepts `N title page`."""
    stripped = " ".join(text.split())
    match = _TOC_LEADER_LINE.match(stripped)
    if match is None and plain:
        match = _TOC_PLAIN_LINE.match(stripped)
    return _entry(match) if match else None


def is_toc_title(text: str) -> bool:
    return " ".join(text.split()).rstrip(":").lower() in TOC_TITLES


def find_toc(lines: Sequence[Line]) -> tuple[list[TocEntry], set[int]]:
    """The TOC entries in order, and the pages that hold them."""
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    entries: list[TocEntry] = []
    toc_pages: set[int] = set()
    for page, page_lines in sorted(by_page.items()):
        titled = any(is_toc_title(line.text) for line in page_lines)
        found = _read_page(page_lines, plain=titled)
        continued = page - 1 in toc_pages  # a TOC's last page may hold a single entry
        if len(found) >= MIN_ENTRIES_PER_PAGE or ((titled or continued) and found):
            entries.extend(found)
            toc_pages.add(page)
        elif toc_pages:
            break  # the TOC is the first run of such pages; a later run is an index
    return entries, toc_pages


def _read_page(page_lines: Sequence[Line], *, plain: bool) -> list[TocEntry]:
    found: list[TocEntry] = []
    pending: str | None = None
    for line in page_lines:
        text = line.text if pending is None else f"{pending} {line.text}"
        entry = parse_toc_line(text, plain=plain)
        if entry is not None:
            found.append(entry)
            pending = None
        elif pending is None and _NUMBER_START.match(line.text) and not line.in_table:
            pending = line.text  # a title that wraps: its leader and page are on the next line
        else:
            pending = None
    return found
