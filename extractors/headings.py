"""Heading classification: pure rules that tell a heading line from body text.

A line is a heading candidate when it reads like a title (short, starts with a capital
letter or digit, does not end like a sentence or a label) and stands out: bold, larger
than the body text, or ALL CAPS. A leading section number (`1.`, `3.1`, `5.4.6.2`) is
split off; its depth is the level. Dates (`5.2.2026`), case numbers (`33/24`) and amounts
are not section numbers. A title ending in ":" is a label (`Vedtak:`) unless its font is
larger than the body's (a slide title, whose colon is dropped). Numbered lines in body style (`1. Overgangsboliger for ...` in a
vedtak) are list items, not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.bullets import all_glyphs
from extractors.toc import SECTION_NUMBER, number_level

# "3.1 Møter og saker", "1. Innledning", "8.     Oversikt ..."; the number is at most two
# digits per part, so years and dates never match.
_NUMBERED = re.compile(rf"^(?P<number>{SECTION_NUMBER})(?P<dot>\.?)\s+(?P<title>\S.*)$")
BULLETS = all_glyphs()  # a line opening with a list marker is no heading
MAX_TITLE_CHARS = 120
MAX_TITLE_WORDS = 15
# A title ending with a full stop is a sentence when it has more words than this.
MAX_SENTENCE_TITLE_WORDS = 6
LABEL_ENDINGS = (",", ";", ":")
# A line with this many commas is a list, not a title (unless it is all capitals).
MAX_TITLE_COMMAS = 2
# A line is "larger" than body text from this many points up.
LARGER_BY = 1.0
MIN_CAPS_LETTERS = 6
TITLE_OPENERS = "«\"'(“"


@dataclass(frozen=True)
class HeadingCandidate:
    number: str | None
    title: str

    @property
    def level(self) -> int:
        return number_level(self.number)


def split_section_number(text: str) -> tuple[str | None, str]:
    """(`3.1`, `Møter og saker`) from `3.1 Møter og saker`; (None, text) without a number."""
    stripped = " ".join(text.split())
    match = _NUMBERED.match(stripped)
    if match is None:
        return None, stripped
    title = match.group("title")
    if not (title[0].isupper() or title[0] in TITLE_OPENERS):
        return None, stripped  # "23. oktober 2025", "2 x 40 %"
    return match.group("number"), title


def looks_like_title(title: str, *, larger: bool = False) -> bool:
    """Short, capitalised, not a sentence; a label ending in ":" only in a larger font (a slide title)."""
    words = title.split()
    if not words or len(title) > MAX_TITLE_CHARS or len(words) > MAX_TITLE_WORDS:
        return False
    first = title[0]
    if first in BULLETS or not (first.isupper() or first.isdigit() or first in TITLE_OPENERS):
        return False
    if title.endswith(LABEL_ENDINGS) and not (larger and title.endswith(":")):
        return False
    if title.endswith(".") and len(words) > MAX_SENTENCE_TITLE_WORDS:
        return False
    if title.count(",") >= MAX_TITLE_COMMAS and not is_caps_heading(title):
        return False  # a list of names or items (`Tone Brekke (Ap), Olav Granum (Sp), ...`), not a title
    if first.isdigit() and not any(word[0].isupper() for word in words[1:]):
        return False  # a date or an amount: "23. oktober 2025", "2 x 40 %"
    return sum(1 for c in title if c.isalpha()) >= 2


def is_caps_heading(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= MIN_CAPS_LETTERS and len(title.split()) >= 2 and all(c.isupper() for c in letters)


def classify_heading(text: str, size: float, bold: bool, body_size: float) -> HeadingCandidate | None:
    """The heading a line is, or None for body text."""
    number, title = split_section_number(text)
    larger = size >= body_size + LARGER_BY
    if not looks_like_title(title, larger=larger):
        return None
    title = title.rstrip(":").rstrip()
    emphasised = bold or larger
    if number is not None:
        return HeadingCandidate(number, title) if emphasised else None
    if emphasised or is_caps_heading(title):
        return HeadingCandidate(None, title)
    return None
