"""The document type (contract `doc_type`): `referat`, `protokoll`, `innkalling`,
`saksframlegg`, `arsrapport`, `presentasjon`, `retningslinje` or `annet`.

Weighted cues (`data/doc_type_cues.tsv`) are summed over the title, the first page and
the whole text; structure adds to them: attendance lists with decided cases make
minutes, numbered cases with proposals but no decisions a notice, many short pages of
short lines a slide presentation (`data/metadata.toml` [presentation]). A title naming
both a notice and its minutes (`data/metadata.toml` [[combined_title]]) is decided by
whether the document records the meeting held.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractors.layout import Line
from nlp.resources import read_rows, read_toml

STRUCTURE_WEIGHT = 6


@dataclass(frozen=True)
class Structure:
    has_attendance: bool = False
    cases: int = 0
    decided_cases: int = 0  # cases with a `Vedtak:` (not only a proposal)
    proposals: int = 0  # cases with a proposal label only
    decisions: int = 0  # decision labels (`Vedtak:`, `Konklusjon:`), proposals not counted


@cache
def _cues() -> tuple[tuple[str, str, int, re.Pattern[str]], ...]:
    return tuple(
        (doc_type, where, int(weight), re.compile(pattern, re.I | re.M))
        for doc_type, where, weight, pattern, *_ in read_rows("doc_type_cues.tsv")
    )


@cache
def _combined_titles() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple(
        (re.compile(rule["pattern"], re.I), rule["held"], rule["not_held"])
        for rule in read_toml("metadata.toml").get("combined_title", [])
    )


def held_meeting(structure: Structure) -> bool:
    """Whether the document records a meeting held: who attended, or decisions taken."""
    return structure.has_attendance or structure.decisions > 0


def is_presentation(lines: Sequence[Line], pages: int) -> bool:
    rules = read_toml("metadata.toml")["presentation"]
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    if pages < int(rules["min_pages"]) or not texts:
        return False
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    return words / pages <= int(rules["max_words_per_page"]) and chars / len(texts) <= int(rules["max_chars_per_line"])


def classify(
    *, title: str | None, first_page: str, body: str, lines: Sequence[Line], pages: int, structure: Structure
) -> str:
    for pattern, held, not_held in _combined_titles():
        if title and pattern.search(title):
            return held if held_meeting(structure) else not_held
    scores: Counter[str] = Counter()
    texts = {"title": title or "", "first": first_page, "body": body}
    for doc_type, where, weight, pattern in _cues():
        if pattern.search(texts[where]):
            scores[doc_type] += weight
    if structure.has_attendance and structure.decided_cases:
        scores["referat"] += STRUCTURE_WEIGHT
    elif structure.cases and structure.proposals and not structure.decided_cases and not structure.has_attendance:
        scores["innkalling"] += STRUCTURE_WEIGHT
    if is_presentation(lines, pages):
        scores["presentasjon"] += STRUCTURE_WEIGHT
    if not scores:
        return "annet"
    best, score = max(scores.items(), key=lambda item: item[1])
    return best if score > 0 else "annet"
