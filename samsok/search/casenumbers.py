"""Case numbers (`Sak 33/24`, `33/2024`, `033/24`, `Sak 2014/15`) normalised to `N/YYYY`.

The normalisation rule is the contract's (section 1, `saker.saksnummer`) and lives in
one place, `contract.saksnummer.normalise`, shared by extraction and search; this module only
finds case-number-shaped tokens in queries and section text.
"""

from __future__ import annotations

import re

from contract.saksnummer import normalise

PREFIX = r"(?:(?:styre)?sak(?:snr|snummer)?\.?|ps|saknr\.?)"
# `33/24`, `33/2024`, `033/24`, `2014/15`; a dash only after a prefix word (`Sak 01-21`).
_SLASH = r"\d{1,4}\s?/\s?\d{2,4}"
_DASH = r"\d{1,3}\s?-\s?\d{2,4}"
CASE_RE = re.compile(
    rf"(?<![\w/])(?:(?P<prefix>{PREFIX})\s*(?P<n1>{_SLASH}|{_DASH})|(?P<n2>{_SLASH}))(?![\w/])",
    re.IGNORECASE,
)


def find_case_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised) of every case number in `text`, in order."""
    found = []
    for match in CASE_RE.finditer(text):
        value = normalise(match.group(0))
        if value:
            found.append((match.start(), match.end(), value))
    return found
