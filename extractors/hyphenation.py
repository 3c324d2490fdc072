"""Line-end hyphenation: decide whether a hyphen at the end of a line is a word break.

Pure rules on the last word of a line and the first word of the next:

- `by-` / `overgripende`            -> `byovergripende`  (a break: the hyphen goes)
- `samhandling-` / `og helse...`    -> unchanged          (a suspended compound: `samhandling- og`)
- `Helse Sør-` / `Øst`              -> `Sør-Øst`          (next part capitalised: hyphen kept)
- `NAV-` / `kontorene`              -> `NAV-kontorene`    (abbreviation: hyphen kept)
- `2020–` / `2023`                  -> `2020–2023`        (number range: dash kept)

Joining merges lines: the joined word stays on the first line and is removed from the
next (which may become empty). See `extractors.line_joining` for when two lines are
consecutive text at all.
"""

from __future__ import annotations

import enum

from extractors.data_files import read_toml

# Words after which a line-end hyphen is a suspended compound ("helse- og omsorgstjenester").
CONTINUATION_WORDS = frozenset(read_toml("hyphenation.toml")["continuation_words"])
HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen
SOFT_HYPHEN = "\u00ad"  # only ever a break
DASHES = "\u2013"  # en dash: number ranges, never a break
URL_MARKERS = ("://", "www.", "/", "@")
# Characters trimmed from the next word before it is judged (not from the joined text).
TRAILING_PUNCTUATION = ".,;:!?)»”\"'’"


class HyphenJoin(enum.Enum):
    NONE = "none"  # not a break: leave both lines as they are
    DROP = "drop"  # a hyphenation break: join without the hyphen
    KEEP = "keep"  # a compound split at its hyphen: join and keep it


def _is_abbreviation(part: str) -> bool:
    letters = [c for c in part if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def hyphen_decision(left_word: str, right_word: str) -> HyphenJoin:
    """How the last word of a line and the first word of the next line join."""
    if len(left_word) < 2 or not right_word:
        return HyphenJoin.NONE
    mark, stem = left_word[-1], left_word[:-1]
    if mark not in HYPHENS + SOFT_HYPHEN + DASHES or stem[-1] in HYPHENS + SOFT_HYPHEN + DASHES:
        return HyphenJoin.NONE
    core = right_word.rstrip(TRAILING_PUNCTUATION)
    if not core or core.lower() in CONTINUATION_WORDS or right_word.lower() in CONTINUATION_WORDS:
        return HyphenJoin.NONE
    first = core[0]
    if not first.isalnum():
        return HyphenJoin.NONE  # a bullet, a quote or another dash starts the next line
    if mark == SOFT_HYPHEN:
        return HyphenJoin.DROP
    if stem.rstrip(".")[-1:].isdigit():  # "2020–" / "2023", "10.-" / "11. september"
        return HyphenJoin.KEEP if first.isdigit() else HyphenJoin.NONE
    if first.isdigit():
        return HyphenJoin.NONE  # "by-" then "3.1 ...": not one word
    if mark in DASHES:
        return HyphenJoin.KEEP
    last_part = stem.split("-")[-1]
    if (
        any(marker in stem for marker in URL_MARKERS)
        or _is_abbreviation(last_part)
        or len(last_part) == 1
        or first.isupper()
    ):
        return HyphenJoin.KEEP
    if stem[-1].isalpha() and first.islower():
        return HyphenJoin.DROP
    return HyphenJoin.NONE


def dehyphenate(left_line: str, right_line: str) -> tuple[str, str]:
    """The two lines after repairing a line-end hyphen (unchanged when it is not a break)."""
    left = left_line.rstrip()
    left_words = left.split()
    right_words = right_line.split(maxsplit=1)
    if not left_words or not right_words:
        return left_line, right_line
    left_word, right_word = left_words[-1], right_words[0]
    decision = hyphen_decision(left_word, right_word)
    if decision is HyphenJoin.NONE:
        return left_line, right_line
    stem = left_word[:-1] if decision is HyphenJoin.DROP else left_word
    joined = left[: len(left) - len(left_word)] + stem + right_word
    rest = right_words[1] if len(right_words) > 1 else ""
    return joined, rest
