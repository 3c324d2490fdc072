"""Case numbers (`Sak 33/24`, `33/2024`, `033/24`, `Sak 2014/15`) normalised to `N/YYYY`.

The rule is the contract's (section 1, `saker.saksnummer`). When the NLP stage's
`nlp.saksnummer.normalise` exists it is used, so the rule lives in one place; this
module's own implementation is the fallback until then.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PREFIX = r"(?:(?:styre)?sak(?:snr|snummer)?\.?|ps|saknr\.?)"
# `33/24`, `33/2024`, `033/24`, `2014/15`; a dash only after a prefix word (`Sak 01-21`).
_SLASH = r"\d{1,4}\s?/\s?\d{2,4}"
_DASH = r"\d{1,3}\s?-\s?\d{2,4}"
CASE_RE = re.compile(
    rf"(?<![\w/])(?:(?P<prefix>{PREFIX})\s*(?P<n1>{_SLASH}|{_DASH})|(?P<n2>{_SLASH}))(?![\w/])",
    re.IGNORECASE,
)


def _own_normalise(raw: str) -> str | None:
    numbers = re.findall(r"\d+", raw)
    if len(numbers) != 2:
        return None
    first, second = numbers
    if len(first) == 4 and len(second) <= 3 and 1900 <= int(first) <= 2099:
        number, year = second, first
    else:
        number, year = first, second
    if len(year) == 2:
        year_value = 2000 + int(year)
    elif len(year) == 4:
        year_value = int(year)
    else:
        return None
    if not 1900 <= year_value <= 2099 or int(number) == 0 or len(number.lstrip("0")) > 3:
        return None
    return f"{int(number)}/{year_value}"


def _pick_normaliser() -> Callable[[str], str | None]:
    try:
        from nlp.saksnummer import normalise  # type: ignore[import-not-found]
    except ImportError:
        return _own_normalise
    return normalise


normalise: Callable[[str], str | None] = _pick_normaliser()


def find_case_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised) of every case number in `text`, in order."""
    found = []
    for match in CASE_RE.finditer(text):
        value = normalise(match.group(0))
        if value:
            found.append((match.start(), match.end(), value))
    return found
