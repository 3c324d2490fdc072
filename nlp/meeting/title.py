"""The document's own title: the first page's largest lines when they say more than a
type word, else the PDF's title when it is a real one (not a file name or a template's),
else the first page's opening lines. A title field (`Sak: Økonomirapport per mai 2023`)
counts as a line of its value. A title that is only a type word
(`Referat`) is joined with the emphasised line next to it (`Helsefellesskap Oslo
Referat`). Rules in `data/metadata.toml` [title].
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from extractors.layout import Line
from nlp.entities.organizations import canonical_organization
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


@cache
def _title_label() -> re.Pattern[str]:
    labels = sorted(read_toml("metadata.toml")["title"]["labels"], key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, label.split())) for label in labels)
    return re.compile(rf"^\s*(?:{alternatives})\s*:\s*(?P<value>[^\W\d].*)$", re.I)


def labelled_title(text: str) -> str | None:
    """The value of a title field (`Sak: Økonomirapport per mai 2023`), or None."""
    match = _title_label().match(text)
    if match is None or ":" in match["value"]:
        return None
    return ws(match["value"]) or None


def _as_title_line(line: Line) -> Line:
    """A title field's line as its value alone; any other line as it is."""
    value = labelled_title(line.text)
    return replace(line, text=value) if value else line


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
    head = [_as_title_line(ln) for ln in lines if ln.page == first_page and ln.text.strip()][:FIRST_LINES]
    candidates = [ln for ln in head if _is_candidate(ln)]
    if not candidates:
        return None
    sizes = {round(ln.size, 1) for ln in head}
    if max(sizes) <= 0 or len(sizes) == 1:
        return _plain_title(candidates)
    named = [ln for ln in candidates if not _is_organisation(ln.text)] or candidates
    top = max(ln.size for ln in named)
    largest = [ln for ln in named if abs(ln.size - top) <= SIZE_TOLERANCE]
    first = next((ln for ln in largest if not is_generic(ln.text)), largest[0])
    start = head.index(first)
    chosen = [first]
    for ln in head[start + 1 :]:
        if len(chosen) >= MAX_TITLE_LINES or not _is_candidate(ln) or abs(ln.size - top) > SIZE_TOLERANCE:
            break
        if is_generic(ln.text) or _is_organisation(ln.text) or ln.in_table != first.in_table:
            break
        chosen.append(ln)
    title = ws(" ".join(ln.text for ln in chosen))
    if is_generic(title):
        before = head[start - 1] if start > 0 else None
        after = head[start + 1] if start + 1 < len(head) else None
        # A table's cells (a meeting-data table under the type word) are no part of the
        # title; a title boxed in a table joins only lines of that box.
        before_ok = before is not None and _joins_title(before, first)
        after_ok = after is not None and _joins_title(after, first)
        # A letterhead above the type word (`Lørenskog kommune` / `MØTEPROTOKOLL` /
        # `Helse- og omsorgsutvalget`) yields to the body named below it.
        if before_ok and after_ok and _is_organisation(before.text) and not _is_organisation(after.text):
            return ws(f"{title} {after.text}")
        if before_ok:
            return ws(f"{before.text} {title}")
        if after_ok:
            return ws(f"{title} {after.text}")
    return title or None


def _joins_title(line: Line, title: Line) -> bool:
    return _is_candidate(line) and (line.bold or line.heading) and line.in_table == title.in_table


def _is_organisation(text: str) -> bool:
    """A line that only names an organisation (a letterhead: `Oslo universitetssykehus HF`)."""
    return canonical_organization(text) is not None


def _printed_title_is_specific(lines: Sequence[Line]) -> bool:
    """Whether the first page prints a title in a larger font that says more than a type word."""
    if not lines:
        return False
    head = [
        ln for ln in (_as_title_line(ln) for ln in lines if ln.page == lines[0].page) if _is_candidate(ln)
    ][:FIRST_LINES]
    if not head or len({round(ln.size, 1) for ln in head}) < 2:
        return False
    named = [ln for ln in head if not _is_organisation(ln.text)] or head
    top = max(ln.size for ln in named)
    return any(not is_generic(ln.text) for ln in named if abs(ln.size - top) <= SIZE_TOLERANCE)


def document_title(lines: Sequence[Line], metadata: dict[str, str]) -> str | None:
    """The title the first page prints when it prints one in a larger font; else the PDF's
    title; else the first page's opening line."""
    pdf_title = clean_pdf_title(metadata.get("Title") or metadata.get("title"))
    printed = title_from_lines(lines)
    if printed and _printed_title_is_specific(lines):
        return printed
    if pdf_title and not is_generic(pdf_title):
        return pdf_title
    return printed or pdf_title
