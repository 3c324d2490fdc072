"""Test helper: a `LayoutDocument` built from a corpus text (the text layer of a real
PDF as a PDF-to-text tool printed it), so the NLP stage can be run end to end before
and independently of the extractor.

Each text line becomes a `Line` (no font sizes, nothing bold). Page breaks are guessed
from what this corpus shows at a page start: a line opened by a single space, a pair of
whitespace-only lines, two blank lines in a row (slides), and the running headers and
footers, which are dropped as the extractor drops page furniture. This guessing is for
the tests only; production code gets pages from the PDF.

Kept different from production on purpose: `extractors.furniture` finds furniture from
line positions on the page, which a text file has not; here the three corpus documents'
running lines are listed by hand. Characters are normalised as the extractor normalises
every segment (`extractors.text_normalise`), so NLP sees what it gets from a PDF.
"""

from __future__ import annotations

import re

from extractors.layout import LayoutDocument, Line
from extractors.text_normalise import normalise_text
from tests.support.paths import CORPUS

RUNNING = [
    re.compile(r"^Referat Strategisk samarbeidsutvalg 05\.12\.24\s*$"),
    re.compile(r"^(?P<page>\d+) Helsefellesskapet – Ahus og kommunene\s*$"),
    re.compile(r"^Oslo universitetssykehus HF styresak 19/2021 Side (?P<page>\d+) av \d+\s*$"),
]


def layout_from_text(text: str, *, path: str = "corpus.txt", metadata: dict[str, str] | None = None) -> LayoutDocument:
    raw_lines = text.splitlines()
    spaced = any(raw and set(raw) == {" "} and len(raw) >= 3 for raw in raw_lines)
    lines: list[Line] = []
    furniture: list[Line] = []
    page = 1
    blank_run = 0
    break_pending = False
    for raw in raw_lines:
        if not raw.strip():
            if spaced and raw and set(raw) == {" "} and len(raw) >= 3:
                break_pending = bool(lines)  # a pair of such lines stands at a page break
            else:
                blank_run += 1
            continue
        if not spaced and blank_run >= 2 and lines:
            break_pending = True  # slides: two blank lines between pages
        if not spaced and re.match(r"^ \S", raw) and lines:
            break_pending = True
        blank_run = 0
        running = next((m for p in RUNNING if (m := p.match(raw.strip()))), None)
        if running is not None:
            explicit = running.groupdict().get("page")
            if explicit:
                page = max(page, int(explicit))
                break_pending = False
            furniture.append(Line(raw.strip(), page))
            continue
        if break_pending:
            page += 1
            break_pending = False
        lines.append(Line(normalise_text(raw.strip()), page))
    layout = LayoutDocument(path=path, sha256="0" * 64, pages=page, lines=lines, metadata=metadata or {})
    layout.furniture = furniture  # the extractor keeps removed furniture here as well
    return layout


def corpus_layout(name: str, metadata: dict[str, str] | None = None) -> LayoutDocument:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    return layout_from_text(text, path=f"{name}.txt", metadata=metadata)


def layout_from_lines(texts: list[str], *, page_breaks: tuple[int, ...] = (), **kwargs) -> LayoutDocument:
    """Lines given one per item; a page starts at each index in `page_breaks`."""
    lines = []
    page = 1
    for i, text in enumerate(texts):
        if i in page_breaks:
            page += 1
        if text.strip():
            lines.append(Line(normalise_text(text), page))
    return LayoutDocument(path="composed.pdf", sha256="0" * 64, pages=page, lines=lines, **kwargs)
