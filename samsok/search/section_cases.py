"""Which case each section of a record is about, so a hit names the case whose text matched.

A section's case numbers, the one it is about first:

1. numbers printed in its heading (`37/24 Orienteringssak Endringer ...`);
2. else the case whose title the heading repeats (a case heading printed without its number);
3. else the case of the nearest case heading before it, while the sections stay at that
   heading's level or deeper (`Kommentar fra hvert av sykehusene` under `35/24 ...`);
4. else nothing from the neighbours: never the first case on the same page.

Numbers printed in the section's body follow (deduplicated), so a search for a case number
finds the sections that mention it.
"""

from __future__ import annotations

from dataclasses import dataclass

from contract.record import Record
from contract.saksnummer import find_case_numbers

# A heading must be at least this long to be matched against case titles (rule 2).
MIN_TITLE_CHARS = 6


def _squash(text: str | None) -> str:
    return " ".join((text or "").lower().split())


@dataclass
class _Open:
    number: str
    level: int


def _title_case(title: str, cases: list[tuple[str, str]]) -> str | None:
    heading = _squash(title)
    if len(heading) < MIN_TITLE_CHARS:
        return None
    for case_title, number in cases:
        if case_title and (heading == case_title or heading.endswith(" " + case_title)):
            return number
    return None


def section_case_numbers(record: Record, texts: list[str]) -> list[list[str]]:
    """Case numbers per section of `record` (texts: each section's indexed text)."""
    cases = [(_squash(s.title), s.saksnummer) for s in record.saker if s.saksnummer and s.title]
    cases.sort(key=lambda c: -len(c[0]))  # the longest title that fits wins
    out: list[list[str]] = []
    current: _Open | None = None
    for section, text in zip(record.sections, texts, strict=True):
        level = int(section.level or 1)
        if current is not None and level < current.level:
            current = None
        heading = [value for _, _, value in find_case_numbers(section.title or "")]
        own: str | None = None
        if heading:
            own = heading[0]
            current = _Open(own, level)
        else:
            own = _title_case(section.title or "", cases)
            if own is not None:
                current = _Open(own, level)
            elif current is not None:
                own = current.number
        body = [value for _, _, value in find_case_numbers(text)]
        out.append(list(dict.fromkeys([*([own] if own else []), *heading, *body])))
    return out


def text_case_numbers(record: Record, page: int, text: str) -> list[str]:
    """Numbers of a record's pseudo-section (no sections): printed ones, else its page's cases."""
    numbers = [value for _, _, value in find_case_numbers(text)]
    if not numbers:
        numbers = [sak.saksnummer for sak in record.saker if sak.saksnummer and sak.page == page]
    return list(dict.fromkeys(numbers))
