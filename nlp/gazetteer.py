"""Matching names from the gazetteers (areas, organisations, organs) in text.

One rule for how an alias is matched, shared by every gazetteer:

* an alias with no lower-case letters (`OUS`, `HEL`, `KS`) or with a capital inside a
  word (`SiV`, `HDir`, `OsloMet`) matches with its exact case;
* otherwise the first letter of each word may be either case (`sykehuset Østfold`
  matches `Sykehuset Østfold`), the rest is exact;
* spaces match any whitespace, and the name must stand alone (not inside a longer word);
  a genitive `s` or apostrophe (`Ahus'`, `OUS’`, `Diakonhjemmets`) may follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

GENITIVE = r"(?:['’]s?|s)?"
_LEFT = r"(?<![\w\-])"
_RIGHT = r"(?![\w\-])"


def is_exact_case(alias: str) -> bool:
    if not any(c.islower() for c in alias):
        return True
    return any(any(c.isupper() for c in word[1:]) for word in re.split(r"[\s\-–]+", alias) if word)


def alias_regex(alias: str) -> str:
    """The regular expression for one alias (without boundaries)."""
    if is_exact_case(alias):
        return r"\s+".join(re.escape(word) for word in alias.split())
    words = []
    for word in alias.split():
        first, rest = word[0], word[1:]
        head = f"[{re.escape(first.upper())}{re.escape(first.lower())}]" if first.isalpha() else re.escape(first)
        words.append(head + re.escape(rest))
    return r"\s+".join(words)


@dataclass(frozen=True)
class Mention:
    key: str  # the canonical name the alias belongs to
    alias: str
    text: str  # as found in the text
    start: int
    end: int  # end of the name
    full_end: int  # end including a genitive ending


class Gazetteer:
    """Aliases of canonical names, found in text with one compiled expression."""

    def __init__(self, entries: Iterable[tuple[str, str]], *, genitive: bool = True) -> None:
        self._by_alias: dict[str, str] = {}
        for key, alias in entries:
            self._by_alias.setdefault(alias, key)
        aliases = sorted(self._by_alias, key=len, reverse=True)
        self._groups = {f"a{i}": alias for i, alias in enumerate(aliases)}
        suffix = GENITIVE if genitive else ""
        body = "|".join(f"(?P<{name}>{alias_regex(alias)})" for name, alias in self._groups.items())
        self._regex = re.compile(f"{_LEFT}(?:{body}){suffix}{_RIGHT}") if aliases else None

    def finditer(self, text: str) -> Iterable[Mention]:
        if self._regex is None:
            return
        for match in self._regex.finditer(text):
            name = match.lastgroup
            if name is None:
                continue
            alias = self._groups[name]
            yield Mention(self._by_alias[alias], alias, match.group(name), match.start(), match.end(name), match.end())

    def lookup(self, name: str) -> str | None:
        """The canonical name when `name` (whole) is one of the aliases."""
        stripped = " ".join(name.split())
        for mention in self.finditer(stripped):
            if mention.start == 0 and len(stripped) in (mention.end, mention.full_end):
                return mention.key
        return None
