"""The cases (saker) of a document: numbered case headings with their title, kind,
decision and page; in reports, cases listed by title under `Vedtakssaker` /
`Orienteringssaker` / `Temasaker` headings; in case tables (`nlp/cases/case_tables.py`), rows.

A case runs from its heading to the next case heading. A number printed more than once
(an agenda at the top, an attachment list at the end) is one case: the occurrence with
a decision, else the one with the most text, gives it. The title is what follows the
number on the heading line, or the next line when the heading holds only the number or
a kind word (`36/24 Orienteringssak`) but for a number given as a form field
(`Saksnr.: 045-2023`) followed by another field; a title line ending in a word that cannot end a
title (`data/title_dangling_words.txt`), or followed by a line in the same heading
style, goes on in the next line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from contract.record import Sak
from contract.saksnummer import CaseHeading, case_heading
from extractors.layout import Line, Table
from nlp.cases.case_kinds import case_kind, is_kind_word, section_kind, title_kind
from nlp.cases.case_tables import table_cases
from nlp.cases.decisions import decision_label, find_decision, is_decision_stop
from nlp.resources import read_rows, read_words
from nlp.textutil import is_bullet_item, strip_bullet, ws

MAX_TITLE_LINES = 3
SIZE_TOLERANCE = 0.5


@dataclass(frozen=True)
class _Occurrence:
    index: int  # line index of the heading
    heading: CaseHeading


@cache
def _dangling() -> frozenset[str]:
    return frozenset(read_words("title_dangling_words.txt"))


def _nonempty(lines: Sequence[Line]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.text.strip()]


def find_case_headings(lines: Sequence[Line], *, context_year: int | None) -> list[_Occurrence]:
    found: list[_Occurrence] = []
    previous: str | None = None
    for index in _nonempty(lines):
        line = lines[index]
        heading = case_heading(
            line.text, previous, context_year=context_year, emphasised=line.bold or line.heading
        )
        if heading is not None:
            found.append(_Occurrence(index, heading))
        previous = line.text
    return found


@cache
def _meeting_label() -> re.Pattern[str]:
    labels = sorted({label for label, *_ in read_rows("meeting_labels.tsv")}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, label.split())) for label in labels)
    return re.compile(rf"^\s*(?:{alternatives})\s*:", re.I)


def _is_label(text: str) -> bool:
    stripped = text.strip()
    return (
        stripped.endswith(":")
        or decision_label(stripped) is not None
        or is_decision_stop(stripped)
        or _meeting_label().match(stripped) is not None
    )


def _same_style(a: Line, b: Line) -> bool:
    styled = a.bold or a.heading
    return styled and (b.bold or b.heading) and abs(a.size - b.size) <= SIZE_TOLERANCE


def _continues(title: str, first: Line, nxt: Line) -> bool:
    if _is_label(nxt.text) or is_bullet_item(nxt.text):
        return False
    last_word = title.split()[-1].casefold() if title.split() else ""
    if title.endswith(("-", ",")) or last_word in _dangling():
        return True
    if nxt.text.strip()[:1].islower() and not title.endswith((".", "?", "!", ":")):
        return True  # the title's sentence goes on
    return _same_style(first, nxt) and not title.endswith((".", "?", "!", ":"))


_KIND_PREFIX = re.compile(r"^(?P<word>[^\W\d]+)\s*:\s*(?P<title>\S.*)$")


def _kind_prefix(text: str, label: str | None) -> tuple[str | None, str]:
    """`Drøftingssak: Fremtidig organisering`: the kind word is a label, the rest the title."""
    match = _KIND_PREFIX.match(text)
    if match and is_kind_word(match["word"]):
        return match["word"], match["title"]
    return label, text


_FIELD_LINE = re.compile(r"^\s*[^\W\d][^:]{0,40}:\s*\S")


def _is_field(text: str, heading: CaseHeading) -> bool:
    """A case number given as a form field (`Saksnr.: 045-2023`): the lines around it are
    other fields (`Møtedato: 21.06.2023`), not its title."""
    return ":" in text[heading.number.start : heading.number.end]


def _title(lines: Sequence[Line], occurrence: _Occurrence, end: int) -> tuple[str | None, str | None]:
    """(title, kind label) of a case whose heading is at `occurrence.index`."""
    rest = occurrence.heading.rest
    label = None
    following = [i for i in range(occurrence.index + 1, end) if lines[i].text.strip()]
    first = lines[occurrence.index]
    parts: list[str] = []
    if rest and is_kind_word(rest):
        label, rest = rest.strip(" :.-–"), ""
    if rest:
        label, rest = _kind_prefix(rest, label)
        parts.append(rest)
    elif following and not _is_label(lines[following[0]].text) and not (
        _is_field(first.text, occurrence.heading) and _FIELD_LINE.match(lines[following[0]].text)
    ):
        first = lines[following[0]]
        label, text = _kind_prefix(first.text.strip(), label)
        parts.append(text)
        following = following[1:]
    for i in following[: MAX_TITLE_LINES - 1]:
        if not parts or not _continues(" ".join(parts), first, lines[i]):
            break
        parts.append(lines[i].text.strip())
    title = ws(" ".join(parts)).rstrip(" :") or None
    return title, label


def _collapse_repeats(occurrences: list[_Occurrence]) -> list[_Occurrence]:
    """A number printed again right below its own heading, before any other case
    (`Styresak 45-2023` / title / `Saksnr.: 045-2023`), is the same case: the first
    occurrence stands for it and its text runs on to the next case."""
    out: list[_Occurrence] = []
    for occ in sorted(occurrences, key=lambda o: o.index):
        if out and out[-1].heading.number.saksnummer == occ.heading.number.saksnummer:
            continue
        out.append(occ)
    return out


def _choose(occurrences: list[_Occurrence], ends: dict[int, int], lines: Sequence[Line]) -> list[_Occurrence]:
    """One occurrence per case number: the one with a decision, else the longest, else the
    last (an agenda comes before the cases); in the order the numbers first appear."""
    best: dict[str, tuple[tuple[int, int, int], _Occurrence]] = {}
    first_seen: dict[str, int] = {}
    for occ in occurrences:
        body = lines[occ.index + 1 : ends[occ.index]]
        has_decision = any(decision_label(line.text) is not None for line in body)
        size = sum(len(line.text) for line in body)
        score = (int(has_decision), size, occ.index)
        key = occ.heading.number.saksnummer
        first_seen.setdefault(key, occ.index)
        if key not in best or score > best[key][0]:
            best[key] = (score, occ)
    return sorted((occ for _, occ in best.values()), key=lambda o: first_seen[o.heading.number.saksnummer])


def _section_kinds(lines: Sequence[Line], heading_at: set[int]) -> dict[int, str | None]:
    """For each line index, the kind of the section heading it sits under."""
    kinds: dict[int, str | None] = {}
    current: str | None = None
    for index, line in enumerate(lines):
        if index not in heading_at:
            kind = section_kind(line.text)
            if kind is not None:
                current = kind
        kinds[index] = current
    return kinds


def _listed_cases(lines: Sequence[Line], heading_at: set[int]) -> list[tuple[int, Sak]]:
    """Cases listed by title under a kind heading (reports): one per bullet item."""
    out: list[tuple[int, Sak]] = []
    indexes = _nonempty(lines)
    for pos, index in enumerate(indexes):
        kind = section_kind(lines[index].text)
        if kind is None:
            continue
        items: list[tuple[int, list[str]]] = []
        for j in indexes[pos + 1 :]:
            text = lines[j].text.strip()
            if j in heading_at or section_kind(text) is not None:
                break
            if is_bullet_item(text):
                items.append((j, [strip_bullet(text)]))
            elif items and text[:1].islower():
                items[-1][1].append(text)
            else:
                break
        for j, texts in items:
            out.append((j, Sak(None, None, ws(" ".join(texts)), kind, None, lines[j].page)))
    return out


_KIND_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?P<word>[^\W\d]+)\s+(?P<title>[A-ZÆØÅ0-9«\"].*)$")
_LEADERS = re.compile(r"\.{4,}|…{2,}")


def _kind_headings(lines: Sequence[Line], heading_at: set[int]) -> list[tuple[int, Sak]]:
    """Section headings that name a case by its kind (`3.1.2 Temasak Pasientflyt`)."""
    styled = any(line.size > 0 or line.bold or line.heading for line in lines)
    out: list[tuple[int, Sak]] = []
    for index in _nonempty(lines):
        line = lines[index]
        text = ws(line.text)
        if index in heading_at or _LEADERS.search(text) or (styled and not line.heading):
            continue
        match = _KIND_HEADING.match(text)
        if match is None or not is_kind_word(match["word"]):
            continue
        if not styled and not text[:1].isdigit():
            continue  # without styles only a numbered heading is surely one
        out.append((index, Sak(None, None, match["title"].strip(), title_kind(match["word"]), None, line.page)))
    return out


def extract_saker(
    lines: Sequence[Line],
    *,
    context_year: int | None = None,
    body_size: float = 0.0,
    tables: Sequence[Table] = (),
) -> tuple[list[Sak], set[int]]:
    """The document's cases, and the line indexes of its case headings. A heading inside a
    case table (`Saksnr. | Sak | Vedtak`) takes its title and vedtak from its row's cells."""
    rows = table_cases(tables, context_year=context_year)
    occurrences = find_case_headings(lines, context_year=context_year)
    heading_at = {occ.index for occ in occurrences}
    occurrences = _collapse_repeats(occurrences)
    ordered = sorted(occ.index for occ in occurrences)
    ends = {start: (ordered[k + 1] if k + 1 < len(ordered) else len(lines)) for k, start in enumerate(ordered)}
    sections = _section_kinds(lines, heading_at)
    found: list[tuple[int, Sak]] = []
    order = {occ.heading.number.saksnummer: occ.index for occ in reversed(occurrences)}
    for occ in _choose(occurrences, ends, lines):
        end = ends[occ.index]
        title, label = _title(lines, occ, end)
        decision = find_decision(lines[occ.index + 1 : end], body_size=body_size)
        vedtak, vedtak_page = (decision.text, decision.page) if decision else (None, None)
        row = rows.get((lines[occ.index].page, occ.heading.number.saksnummer)) if lines[occ.index].in_table else None
        if row is not None:
            title, label, vedtak = row.title, None, row.vedtak
            vedtak_page = row.page if vedtak else None
        prefix = occ.heading.number.prefix
        if label is None and prefix and title_kind(prefix):
            label = prefix
        kind = case_kind(title=title, label=label, section=sections.get(occ.index), prefix=prefix, vedtak=vedtak)
        number = occ.heading.number
        sak = Sak(number.saksnummer, number.raw, title, kind, vedtak, lines[occ.index].page, vedtak_page)
        found.append((order[number.saksnummer], sak))
    found.extend(_listed_cases(lines, heading_at))
    found.extend(_kind_headings(lines, heading_at))
    found.sort(key=lambda item: item[0])
    return [sak for _, sak in found], heading_at


def document_case(
    lines: Sequence[Line], *, saksnummer: str, raw: str, title: str | None, body_size: float = 0.0
) -> Sak:
    """The one case a board case paper (saksframlegg) is: its number from the title or
    running header, its decision from the proposal in the text."""
    decision = find_decision(lines, body_size=body_size)
    vedtak = decision.text if decision else None
    page = 1
    kind = case_kind(title=title, vedtak=vedtak)
    return Sak(saksnummer, raw, title, kind, vedtak, page, decision.page if decision else None)
