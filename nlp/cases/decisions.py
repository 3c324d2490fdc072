"""Decisions (vedtak): the labels that introduce them and where they end.

Labels (`Vedtak:`, `Forslag til vedtak:`, `Framlegg til vedtak:`, `Innstilling:`,
`Tilråding:`, `Konklusjon:`, `Beslutning:`, `ADM. DIREKTØRS INNSTILLING:`, `Styret
fattet følgende vedtak:` ...) are in `data/decision_markers.tsv` with a priority: a
case's vedtak comes from its best label (the decision taken before a proposal). The
text runs from the label to the end of the case, across page breaks, numbered points
kept whole, and stops at a line of `data/decision_stops.tsv` (`Vedlegg:`, `PAUSE`, a
signature ...) or at a heading line that follows the decision text. Its page is where
the text starts: the label's, or the next text line's when the label stands alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractors.layout import Line
from nlp.resources import read_rows, read_words
from nlp.textutil import ws

# Words a label may be followed by before its colon ("Vedtak i SSU:", "Vedtak (enstemmig):").
_LABEL_TAIL = r"(?:\s*\([^)]{0,40}\))?(?:\s+[^\s:]+){0,4}?\s*"
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-h][.)]|[-–•\uf0b7])\s+")


@dataclass(frozen=True)
class DecisionLabel:
    priority: int
    content: str  # text after the label on the same line


@cache
def _labels() -> tuple[tuple[int, re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    for priority, pattern, *_ in read_rows("decision_markers.tsv"):
        with_colon = re.compile(rf"^\s*(?:{pattern}){_LABEL_TAIL}:\s*(?P<content>.*)$", re.I)
        alone = re.compile(rf"^\s*(?:{pattern})\s*:?\s*$", re.I)
        out.append((int(priority), with_colon, alone))
    return tuple(out)


@cache
def _stops() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"^\s*(?:{pattern})", re.I) for pattern in read_words("decision_stops.tsv"))


def decision_label(text: str) -> DecisionLabel | None:
    """The decision label `text` opens with, or None."""
    best: DecisionLabel | None = None
    for priority, with_colon, alone in _labels():
        match = with_colon.match(text)
        if match is None and alone.match(text):
            label = DecisionLabel(priority, "")
        elif match is not None:
            label = DecisionLabel(priority, match["content"].strip())
        else:
            continue
        if best is None or label.priority < best.priority:
            best = label
    return best


def is_decision_stop(text: str) -> bool:
    return any(pattern.match(text) for pattern in _stops())


def _looks_like_heading(line: Line, body_size: float) -> bool:
    text = line.text.strip()
    if _NUMBERED.match(text):
        return False
    if line.heading:
        return True
    return line.bold and len(text.split()) <= 8 and not text.endswith((".", ",")) and (line.size >= body_size)


@dataclass(frozen=True)
class Decision:
    text: str
    page: int  # the page where its text starts (the label's, or the next text line's)


def decision_text(lines: Sequence[Line], *, body_size: float = 0.0) -> str | None:
    """The vedtak in one case's lines (the heading line excluded), or None."""
    decision = find_decision(lines, body_size=body_size)
    return decision.text if decision else None


def find_decision(lines: Sequence[Line], *, body_size: float = 0.0) -> Decision | None:
    """The vedtak in one case's lines and the page it starts on, or None."""
    found: list[tuple[int, int, str]] = []
    for index, line in enumerate(lines):
        label = decision_label(line.text)
        if label is not None:
            found.append((label.priority, index, label.content))
    if not found:
        return None
    priority = min(p for p, _, _ in found)
    _, start, content = next(item for item in found if item[0] == priority)
    parts = [content] if content else []
    page = lines[start].page if content else None
    for line in lines[start + 1 :]:
        text = line.text.strip()
        if not text:
            continue
        if decision_label(text) is not None or is_decision_stop(text):
            break
        if parts and _looks_like_heading(line, body_size):
            break
        parts.append(text)
        page = page or line.page
    result = ws(" ".join(parts))
    return Decision(result, page or lines[start].page) if result else None
