"""Norwegian dates in text: `05.12.24`, `28.3.19`, `05.12.2024`, `2024-12-05`,
`5. desember 2024`, `torsdag 5. des. 2024`, `desember 2024`, `13. desember` (year from
context). Month names (bokmål and nynorsk, with their short forms) are in
`data/months.tsv`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from contract.saksnummer import expand_year
from nlp.resources import read_rows


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int
    has_day: bool = True  # False for "desember 2024"
    has_year: bool = True  # False for "13. desember" (year taken from context)


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    textual: re.Pattern[str]
    month_year: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    months = {name.casefold(): int(number) for name, number, *_ in read_rows("months.tsv")}
    month_names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    return _Patterns(
        months=months,
        numeric=re.compile(r"(?<![\d.,/])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.]\d|\d)"),
        iso=re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
        textual=re.compile(
            rf"(?<![\d.])(\d{{1,2}})\.?\s*(?i:({month_names}))\.?(?:\s+(\d{{4}}))?(?![\wæøå])"
        ),
        month_year=re.compile(rf"(?<![\wæøå.])(?i:({month_names}))\.?\s+(\d{{4}})(?!\d)"),
    )


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, context_year: int | None = None) -> list[FoundDate]:
    """Every date in `text`, in text order. Dates without a year need `context_year`."""
    return list(_find_dates(text, context_year))


@lru_cache(maxsize=16)
def _find_dates(text: str, context_year: int | None) -> tuple[FoundDate, ...]:
    pat = _patterns()
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(item: FoundDate | None) -> None:
        if item is None or any(s < item.end and item.start < e for s, e in taken):
            return
        taken.append((item.start, item.end))
        found.append(item)

    for m in pat.iso.finditer(text):
        date = _date(int(m[1]), int(m[2]), int(m[3]))
        add(FoundDate(date, m.start(), m.end()) if date else None)
    for m in pat.numeric.finditer(text):
        year = int(m[3]) if len(m[3]) == 4 else expand_year(int(m[3]), context_year)
        date = _date(year, int(m[2]), int(m[1]))
        add(FoundDate(date, m.start(), m.end()) if date else None)
    for m in pat.textual.finditer(text):
        month = pat.months[m[2].casefold()]
        if m[3]:
            date = _date(int(m[3]), month, int(m[1]))
            add(FoundDate(date, m.start(), m.end()) if date else None)
        elif context_year is not None:
            date = _date(context_year, month, int(m[1]))
            add(FoundDate(date, m.start(), m.end(), has_year=False) if date else None)
    for m in pat.month_year.finditer(text):
        date = _date(int(m[2]), pat.months[m[1].casefold()], 1)
        add(FoundDate(date, m.start(), m.end(), has_day=False) if date else None)
    return tuple(sorted(found, key=lambda d: d.start))


def first_date(text: str, context_year: int | None = None) -> dt.date | None:
    """The first full date (with a day) in `text`."""
    for item in find_dates(text, context_year):
        if item.has_day:
            return item.date
    return None
