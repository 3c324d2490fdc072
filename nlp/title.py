"""The document's own title: the PDF's title when it is a real one (not a file name or a
template's), otherwise the first page's largest lines. A title that is only a type word
(`Referat`) is joined with the emphasised line next to it (`Helsefellesskap Oslo
Referat`). Rules in `data/metadata.toml` [title].
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extractors.layout import Line
from nlp.resources import read_toml
from nlp.textutil import ws

FIRST_LINES = 15
MAX_TITLE_LINES = 3
SIZE_TOLERANCE = 0.5
MAX_TITLE_WORDS = 20
TYPE_LINES = 3  # without font sizes, a type word is looked for in this many opening lines


@cache
def _rules() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...], frozenset[str]]:
    data = read_toml("metadata.toml")["title"]
    return (
        tuple(re.compile(p, re.I) for p in data["reject"]),
        tuple(re.compile(p, re.I) for p in data["strip"]),
        frozenset(w.casefold() for w in data["generic"]),
    )


def clean_pdf_title(title: str | None) -> str | None:
    """The PDF info-dict title when usable, cleaned; None otherwise."""
    if not title:
        return None
    reject, strip, _ = _rules()
    text = ws(title)
    if any(p.search(text) for p in reject):
        return None
    for pattern in strip:
        text = ws(pattern.sub("", text))
    if not any(c.isalpha() for c in text) or any(p.search(text) for p in reject):
        return None
    return text


def is_generic(title: str) -> bool:
    return ws(title).casefold().strip(" :") in _rules()[2]


def _is_candidate(line: Line) -> bool:
    text = line.text.strip()
    return bool(text) and ":" not in text and len(text.split()) <= MAX_TITLE_WORDS and any(c.isalpha() for c in text)


def _names_type(text: str) -> bool:
    words = [w.casefold().strip(" :.,") for w in text.split()]
    return any(word.startswith(generic) for word in words for generic in _rules()[2])


def _plain_title(candidates: list[Line]) -> str | None:
    """Without font sizes: the first of the opening lines that names a document type
    (joined with the line before it when it is only the type word), else the first."""
    opening = candidates[:TYPE_LINES]
    for i, line in enumerate(opening):
        if _names_type(line.text):
            if is_generic(line.text) and i > 0:
                return ws(f"{opening[i - 1].text} {line.text}")
            return ws(line.text)
    return ws(opening[0].text) or None


def title_from_lines(lines: Sequence[Line]) -> str | None:
    """The title printed on the first page: its largest lines (or its first line when the
    text carries no font sizes)."""
    if not lines:
        return None
    first_page = lines[0].page
    head = [ln for ln in lines if ln.page == first_page and ln.text.strip()][:FIRST_LINES]
    candidates = [ln for ln in head if _is_candidate(ln)]
    if not candidates:
        return None
    sizes = {round(ln.size, 1) for ln in head}
    if max(sizes) <= 0 or len(sizes) == 1:
        return _plain_title(candidates)
    top = max(ln.size for ln in candidates)
    start = next(i for i, ln in enumerate(head) if _is_candidate(ln) and abs(ln.size - top) <= SIZE_TOLERANCE)
    chosen = [head[start]]
    for ln in head[start + 1 :]:
        if len(chosen) >= MAX_TITLE_LINES or not _is_candidate(ln) or abs(ln.size - top) > SIZE_TOLERANCE:
            break
        chosen.append(ln)
    title = ws(" ".join(ln.text for ln in chosen))
    if is_generic(title):
        before = head[start - 1] if start > 0 else None
        after = head[start + len(chosen)] if start + len(chosen) < len(head) else None
        for other in (before, after):
            if other is not None and _is_candidate(other) and (other.bold or other.heading or other.size > 0):
                if other is before and (other.bold or other.size > chosen[0].size * 0.6):
                    return ws(f"{other.text} {title}")
                if other is after and (other.bold or other.heading):
                    return ws(f"{title} {other.text}")
    return title or None


def document_title(lines: Sequence[Line], metadata: dict[str, str]) -> str | None:
    pdf_title = clean_pdf_title(metadata.get("Title") or metadata.get("title"))
    printed = title_from_lines(lines)
    if pdf_title and not is_generic(pdf_title):
        return pdf_title
    return printed or pdf_title
