"""Chair and secretary named in a report's running text (`data/officer_statements.tsv`):
"Bente Almås, Bydel Grorud, har ledet forumet i 2019 og Bjørn Hjalmar Nielsen, Ahus, har
vært sekretær." Only a statement under the document's own organ (the nearest heading
naming an organ before it) counts; without a known organ, the first one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extractors.layout import Line
from nlp.entities.mentions import names_in_text
from nlp.meeting.organs import find_organs
from nlp.resources import read_rows

_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s|\n)")


@cache
def _phrases() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((officer, re.compile(pattern, re.I)) for officer, pattern, *_ in read_rows("officer_statements.tsv"))


def officers_in_prose(lines: Sequence[Line], organ: str | None) -> dict[str, str]:
    """`{"chair": name, "secretary": name}` from statements in the text."""
    texts = [line.text for line in lines]
    text = "\n".join(texts)
    line_starts = [0]
    for t in texts[:-1]:
        line_starts.append(line_starts[-1] + len(t) + 1)
    found: dict[str, list[tuple[bool, str]]] = {}
    for officer, phrase in _phrases():
        for match in phrase.finditer(text):
            before = text[max(0, match.start() - 200) : match.start()]
            starts = [m.end() for m in _SENTENCE_START.finditer(before)]
            clause = before[starts[-1] if starts else 0 :]
            names = names_in_text(clause)
            if not names:
                continue
            line_index = max(i for i, start in enumerate(line_starts) if start <= match.start())
            found.setdefault(officer, []).append((_under_organ(lines, line_index, organ), names[-1]))
    out: dict[str, str] = {}
    for officer, candidates in found.items():
        chosen = [name for under, name in candidates if under or organ is None]
        if chosen:
            out[officer] = chosen[0]
    return out


def _under_organ(lines: Sequence[Line], index: int, organ: str | None) -> bool:
    """Whether the nearest heading before line `index` that names an organ names `organ`
    (all lines count when the layout marks no headings)."""
    if organ is None:
        return False
    marked = any(line.heading for line in lines)
    for line in reversed(lines[: index + 1]):
        if marked and not line.heading:
            continue
        mentions = find_organs(line.text)
        if mentions:
            return mentions[0].key == organ
    return False
