"""Case numbers (saksnummer): finding them, telling a case heading from a reference,
and normalising them to `N/YYYY`.

The rules and word lists are in `data/saksnummer.toml`:

* `Sak 33/24` -> `33/2024`, `Sak 01-21` -> `1/2021`, `075/12` -> `75/2012`,
  `Sak 2014/15` -> `15/2014` (year first when the first part is a four-digit year),
  `styresak 19/2021` -> `19/2021`, `PS 12/24` -> `12/2024`.
* Dates (`05.12.24`, `5/12`), times (`13.30`), page references (`Side 2/7`),
  fractions (`1/3`), year spans (`2020-2023`, `2019–2020`) are not case numbers.
* A case heading is a line that opens with a case number (after an optional prefix);
  a number in running text (`Det vises til sak 84/2021 behandlet i ...`) is a reference.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

# NUMBER/YEAR, NUMBER-YEAR or YEAR/NUMBER; not part of a longer number, date or span.
_NUMBER = r"(?P<first>\d{1,4})\s?(?P<sep>[/-])\s?(?P<second>\d{1,4})(?![\d/%]|[.,]\d|-\d|\w)"
_BARE_NUMBER = re.compile(rf"(?<![\w/.,-]){_NUMBER}")
# In a query or a section's text a number without a prefix counts only with a slash
# (`33/24`, `2014/15`): `12-24` there is a span or a range, not a case.
_BARE_SLASH = re.compile(r"(?<![\w/])(?P<first>\d{1,4})\s?/\s?(?P<second>\d{2,4})(?![\w/])")


@dataclass(frozen=True)
class CaseNumber:
    raw: str  # the number as printed, without its prefix: "33/24", "01-21"
    saksnummer: str  # normalised "33/2024"
    prefix: str | None  # the prefix as printed ("Sak", "PS"), None for a bare number
    start: int  # span of prefix and number in the searched text
    end: int


@dataclass(frozen=True)
class CaseHeading:
    number: CaseNumber
    rest: str  # what follows the number on the heading line (the title or a kind word)


@dataclass(frozen=True)
class _Rules:
    max_digits: int
    min_year: int
    max_year: int
    pivot: int
    prefixed: re.Pattern[str]
    query_prefixed: re.Pattern[str]
    heading: re.Pattern[str]
    reference_only: frozenset[str]
    reference_before: tuple[str, ...]
    not_case_before: tuple[str, ...]
    not_case_after: tuple[str, ...]


def _prefix_alternation(words: list[str], *, any_case: bool = False) -> str:
    """Case-sensitive for all-capital prefixes (PS, RS, OS), case-insensitive otherwise;
    `any_case` makes every prefix case-insensitive (a query typed in lower case)."""
    def pattern(word: str) -> str:
        body = r"[\s-]?".join(re.escape(part) for part in re.split(r"[\s-]+", word))
        return body if word.isupper() and not any_case else f"(?i:{body})"

    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(pattern(word) for word in ordered)


_DATA = Path(__file__).resolve().parent / "data" / "saksnummer.toml"


def _read_grammar() -> dict[str, Any]:
    with _DATA.open("rb") as fh:
        return tomllib.load(fh)


@cache
def _rules() -> _Rules:
    data = _read_grammar()
    prefixes = _prefix_alternation(data["prefixes"]["words"])
    nr = r"(?:\s*(?i:nr\.?|nummer))?"
    prefixed = re.compile(rf"(?<![\w-])(?P<prefix>{prefixes}){nr}\s*[:.]?\s*{_NUMBER}")
    any_case = _prefix_alternation(data["prefixes"]["words"], any_case=True)
    query_prefixed = re.compile(rf"(?<![\w/])(?P<prefix>{any_case}){nr}\s*[:.]?\s*{_NUMBER}")
    heading = re.compile(
        rf"^\s*(?:(?P<prefix>{prefixes}){nr}\s*[:.]?\s*)?{_NUMBER}\s*(?:[:.)\-–—]\s*)?(?P<rest>.*)$"
    )
    number = data["number"]
    return _Rules(
        max_digits=int(number["max_digits"]),
        min_year=int(number["min_year"]),
        max_year=int(number["max_year"]),
        pivot=int(number["pivot"]),
        prefixed=prefixed,
        query_prefixed=query_prefixed,
        heading=heading,
        reference_only=frozenset(w.casefold() for w in data["prefixes"].get("reference_only", [])),
        reference_before=tuple(w.casefold() for w in data["references"]["before"]),
        not_case_before=tuple(w.casefold() for w in data["not_case"]["before"]),
        not_case_after=tuple(w.casefold() for w in data["not_case"]["after"]),
    )


def expand_year(two_digits: int, context_year: int | None = None) -> int:
    """A two-digit year as four digits: the century closest to `context_year`, else the pivot."""
    rules = _rules()
    if context_year is not None:
        return min((1900 + two_digits, 2000 + two_digits), key=lambda y: abs(y - context_year))
    return 2000 + two_digits if two_digits < rules.pivot else 1900 + two_digits


def _is_year(digits: str) -> bool:
    rules = _rules()
    return len(digits) == 4 and rules.min_year <= int(digits) <= rules.max_year


def normalise_parts(first: str, second: str, context_year: int | None = None) -> str | None:
    """`N/YYYY` from the two printed parts, or None when they are no case number."""
    rules = _rules()
    if len(second) == 4:
        if not _is_year(second) or _is_year(first) or len(first) > rules.max_digits:
            return None  # "2019/2020" is a span of years
        number, year = int(first), int(second)
    elif _is_year(first) and len(second) <= 3:
        number, year = int(second), int(first)  # "2014/15": year first
    elif len(second) == 2 and len(first) <= rules.max_digits:
        number, year = int(first), expand_year(int(second), context_year)
    else:
        return None
    if number <= 0:
        return None
    return f"{number}/{year}"


def normalise(raw: str, context_year: int | None = None) -> str | None:
    """`Sak 01-21` -> `1/2021`; None when `raw` holds no case number."""
    match = _rules().prefixed.search(raw) or _BARE_NUMBER.search(raw)
    if match is None:
        return None
    return normalise_parts(match["first"], match["second"], context_year)


def _raw(match: re.Match[str]) -> str:
    return match.group(0)[match.start("first") - match.start() : match.end("second") - match.start()]


def _case_number(match: re.Match[str], context_year: int | None) -> CaseNumber | None:
    saksnummer = normalise_parts(match["first"], match["second"], context_year)
    if saksnummer is None:
        return None
    prefix = match["prefix"]
    start = match.start("prefix") if prefix else match.start("first")
    return CaseNumber(_raw(match), saksnummer, prefix, start, match.end("second"))


def _followed_by_unit(text: str, end: int) -> bool:
    tail = text[end : end + 12].lstrip().casefold()
    return any(tail.startswith(word) for word in _rules().not_case_after)


def _ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    folded = " ".join(text.casefold().split())
    return any(folded == w or folded.endswith(" " + w) for w in words)


def _looks_like_day_month(first: str, second: str) -> bool:
    return len(second) <= 2 and 1 <= int(first) <= 31 and 1 <= int(second) <= 12


def find_prefixed(text: str, context_year: int | None = None) -> list[CaseNumber]:
    """Every `Sak 33/24`-style mention in `text`, headings and references alike."""
    found = []
    for match in _rules().prefixed.finditer(text):
        number = _case_number(match, context_year)
        if number is not None and not _followed_by_unit(text, number.end):
            found.append(number)
    return found


def case_heading(
    line: str,
    previous_line: str | None = None,
    *,
    context_year: int | None = None,
    emphasised: bool = False,
) -> CaseHeading | None:
    """The case heading `line` is (`33/24 Velkommen`, `Sak 01-21 Godkjenning ...`), or None.

    `previous_line` is the line before it in reading order: when it ends with a word that
    leads into a reference (`Det vises til sak` / `84/2021 behandlet ...`), the number is
    a reference. A bare number (no prefix) must carry a plausible year for the document
    (`context_year`), so that a date like `5/12` in a 2024 document is not a case.
    `emphasised` (bold or a heading line) allows a title in lower case.
    """
    rules = _rules()
    match = rules.heading.match(line)
    if match is None:
        return None
    prefix = match["prefix"]
    if prefix and " ".join(prefix.casefold().split()) in rules.reference_only:
        return None
    number = _case_number(match, context_year)
    if number is None:
        return None
    rest = " ".join(match["rest"].split())
    if rest[:1].islower() and not emphasised:
        return None  # "84/2021 behandlet i styremøtet ..." continues a sentence
    if rest.startswith("%") or _followed_by_unit(line, match.end("second")):
        return None
    if previous_line is not None:
        before = previous_line.rstrip()
        if before.endswith((",", "-", "–")) or _ends_with_word(before, rules.reference_before):
            return None
    if prefix is None:
        if _ends_with_word(line[: match.start("first")], rules.not_case_before):
            return None
        year = int(number.saksnummer.split("/")[1])
        if context_year is not None and abs(year - context_year) > 1:
            return None
        if context_year is None and _looks_like_day_month(match["first"], match["second"]):
            return None  # "5/12" without a document year to tell it from a date
    return CaseHeading(number, rest)


def find_case_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised) of every case number in a query or a section's text, in order.

    Prefixes are the grammar's, in any case (`sak 33/24`, `ps 12/24` as typed in a search
    box); a bare number counts with a slash only. The prefix is part of the span, so a
    query's `sak 33/24` is one case-number token.
    """
    rules = _rules()
    found: list[tuple[int, int, str]] = []
    for match in rules.query_prefixed.finditer(text):
        value = normalise_parts(match["first"], match["second"])
        if value is not None:
            found.append((match.start(), match.end("second"), value))
    for match in _BARE_SLASH.finditer(text):
        if any(start < match.end() and match.start() < end for start, end, _ in found):
            continue
        value = normalise_parts(match["first"], match["second"])
        if value is not None:
            found.append((match.start(), match.end(), value))
    return sorted(found)
