"""Sections: headings found in the lines, checked against the table of contents.

Rules, in order:

1. Heading candidates come from `headings.classify_heading` (numbered, bold, larger,
   ALL CAPS); lines on TOC pages and inside tables are never headings. A candidate
   followed closely by a line in the same style, aligned with it, continues there (a
   wrapped title, up to `WRAP_MAX_LINES` lines) unless it ends like a sentence.
2. With a table of contents, each entry is looked for, in order, among the lines after
   the previous entry's heading (number and title must match; the heading need not be
   bold). A match takes the entry's number and level. Numbered candidates that the TOC
   leaves out (`5.4.3` between `5.4.2` and `5.4.4`) are kept when their parent number is
   a heading; unnumbered emphasised lines are body text (`Resultater`, `Planer`).
3. Without a TOC, a document with at least two numbered headings is numbered: numbered
   candidates in increasing order are the sections. Otherwise every candidate is a
   section, its level ranked by font size (larger first), bold before regular.

Each section's text is the lines after its heading up to the next heading.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.headings import BULLETS, HeadingCandidate, classify_heading, split_section_number
from extractors.layout import LayoutSection, Line, TocEntry

# A title wraps onto the next line when the gap between them is under this share of the
# line height (headings are set apart by larger gaps), up to this many lines in all.
WRAP_MAX_GAP = 0.6
WRAP_MAX_LINES = 3
TITLE_ENDINGS = (".", ":", "?", "!")
SIZE_TOLERANCE = 0.5
TITLE_MATCH_RATIO = 0.85
MIN_NUMBERED_HEADINGS = 2
_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "´": "'", "`": "'", "«": '"', "»": '"', "“": '"', "”": '"', "–": "-", "—": "-"}
)


@dataclass
class _Heading:
    start: int  # index of the first heading line
    end: int  # index after the last heading line
    number: str | None
    title: str
    level: int


def dominant_size(lines: Sequence[Line]) -> float:
    """The body text size: the font size carrying the most characters."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def normalise_title(title: str) -> str:
    text = " ".join(title.translate(_QUOTES).lower().split())
    return re.sub(r"\s*([-/])\s*", r"\1", text).strip(" .:")


def titles_match(a: str, b: str) -> bool:
    return normalised_titles_match(normalise_title(a), normalise_title(b))


def normalised_titles_match(na: str, nb: str) -> bool:
    if not na or not nb:
        return False
    if na == nb or (min(len(na), len(nb)) >= 8 and (na.startswith(nb) or nb.startswith(na))):
        return True
    if abs(len(na) - len(nb)) > (1 - TITLE_MATCH_RATIO) * 2 * max(len(na), len(nb)):
        return False
    matcher = difflib.SequenceMatcher(None, na, nb)
    return matcher.quick_ratio() >= TITLE_MATCH_RATIO and matcher.ratio() >= TITLE_MATCH_RATIO


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


class _SectionFinder:
    def __init__(self, lines: Sequence[Line], toc: Sequence[TocEntry], toc_pages: set[int]) -> None:
        self.lines = lines
        self.toc = toc
        self.toc_pages = toc_pages
        self.eligible = [not line.in_table and line.page not in toc_pages for line in lines]
        self.body_size = dominant_size([ln for ln, ok in zip(lines, self.eligible, strict=True) if ok])
        self.candidates: dict[int, HeadingCandidate] = {}
        self.split: dict[int, tuple[str | None, str]] = {}
        self.by_number: dict[str, list[int]] = {}
        self.by_title: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            if not self.eligible[i]:
                continue
            number, title = self.split[i] = split_section_number(line.text)
            if number is not None:
                self.by_number.setdefault(number, []).append(i)
            self.by_title.setdefault(normalise_title(title), []).append(i)
            candidate = classify_heading(line.text, line.size, line.bold, self.body_size)
            if candidate is not None:
                self.candidates[i] = candidate

    # -- wrapped titles

    def _continues(self, i: int) -> bool:
        """Whether heading line i wraps onto line i+1: same style, set tight below it."""
        if i + 1 >= len(self.lines) or not self.eligible[i + 1]:
            return False
        line, nxt = self.lines[i], self.lines[i + 1]
        height = max(line.bottom - line.top, line.size)
        return (
            nxt.page == line.page
            and nxt.bold == line.bold
            and abs(nxt.size - line.size) <= SIZE_TOLERANCE
            and -0.25 * height <= nxt.top - line.bottom <= WRAP_MAX_GAP * height
            and abs(nxt.x0 - line.x0) <= height
            and not line.text.rstrip().endswith(TITLE_ENDINGS)
            and split_section_number(nxt.text)[0] is None
            and nxt.text[:1] not in BULLETS
        )

    def _heading_at(self, i: int, number: str | None, title: str, level: int) -> _Heading:
        end = i + 1
        while end - i < WRAP_MAX_LINES and self._continues(end - 1):
            title = f"{title} {' '.join(self.lines[end].text.split())}"
            end += 1
        return _Heading(start=i, end=end, number=number, title=title.rstrip(":").rstrip(), level=level)

    # -- with a table of contents

    def _matches_entry(self, i: int, entry: TocEntry) -> str | None:
        """The heading title when line i is the heading of `entry`, else None."""
        if not self.eligible[i]:
            return None
        number, title = self.split[i]
        if entry.number is not None and number != entry.number:
            return None
        if titles_match(title, entry.title):
            return title
        if i + 1 < len(self.lines) and self.eligible[i + 1] and self.lines[i + 1].page == self.lines[i].page:
            joined = f"{title} {' '.join(self.lines[i + 1].text.split())}"
            if titles_match(joined, entry.title):
                return title  # wrapped: `_heading_at` adds the second line
        return None

    def from_toc(self) -> list[_Heading]:
        headings: list[_Heading] = []
        cursor = 0
        for entry in self.toc:
            if entry.number is not None:
                places = [i for i in self.by_number.get(entry.number, ()) if i >= cursor]
            else:
                # An unnumbered entry: a line with exactly its title, or an emphasised one like it.
                exact = self.by_title.get(normalise_title(entry.title), [])
                places = sorted({i for i in [*exact, *self.candidates] if i >= cursor})
            found = next(((i, t) for i in places if (t := self._matches_entry(i, entry))), None)
            if found is None:
                continue
            i, title = found
            heading = self._heading_at(i, entry.number, title, entry.level)
            headings.append(heading)
            cursor = heading.end
        numbers = {h.number for h in headings if h.number}
        for i, candidate in self.candidates.items():
            number = candidate.number
            if number is None or number in numbers or any(h.start <= i < h.end for h in headings):
                continue
            parent = number.rsplit(".", 1)[0] if "." in number else None
            if parent is not None and parent in numbers:
                headings.append(self._heading_at(i, number, candidate.title, candidate.level))
                numbers.add(number)
        return sorted(headings, key=lambda h: h.start)

    # -- without a table of contents

    def from_candidates(self) -> list[_Heading]:
        numbered = [(i, c) for i, c in self.candidates.items() if c.number is not None]
        if len(numbered) >= MIN_NUMBERED_HEADINGS:
            headings: list[_Heading] = []
            last: tuple[int, ...] = ()
            for i, candidate in numbered:
                assert candidate.number is not None
                key = _number_key(candidate.number)
                if key > last and not (headings and i < headings[-1].end):
                    headings.append(self._heading_at(i, candidate.number, candidate.title, candidate.level))
                    last = key
            return headings
        styles = sorted(
            {self._style(i) for i in self.candidates}, key=lambda style: (-style[0], not style[1])
        )
        rank = {style: n + 1 for n, style in enumerate(styles)}
        headings = []
        for i, candidate in self.candidates.items():
            if headings and i < headings[-1].end:
                continue
            headings.append(self._heading_at(i, None, candidate.title, rank[self._style(i)]))
        return headings

    def _style(self, i: int) -> tuple[float, bool]:
        line = self.lines[i]
        return (round(line.size * 2) / 2, line.bold)

    def find(self) -> list[_Heading]:
        return self.from_toc() if self.toc else self.from_candidates()


def build_sections(lines: Sequence[Line], toc: Sequence[TocEntry], toc_pages: set[int]) -> list[LayoutSection]:
    """The sections of the document; marks their heading lines with `heading=True`."""
    headings = _SectionFinder(lines, toc, toc_pages).find()
    sections: list[LayoutSection] = []
    for k, heading in enumerate(headings):
        stop = headings[k + 1].start if k + 1 < len(headings) else len(lines)
        for line in lines[heading.start : heading.end]:
            line.heading = True
        body = [line.text for line in lines[heading.end : stop] if line.page not in toc_pages]
        sections.append(
            LayoutSection(
                number=heading.number,
                title=heading.title,
                level=heading.level,
                page=lines[heading.start].page,
                text="\n".join(body),
            )
        )
    return sections
