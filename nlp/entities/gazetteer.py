"""Matching names from the gazetteers (areas, organisations, organs) in text.

One rule for how an alias is matched, shared by every gazetteer:

* an alias with no lower-case letters (`OUS`, `HEL`, `KS`) or with a capital inside a
  word (`SiV`, `HDir`, `OsloMet`) matches with its exact case;
* otherwise the first letter of each word may be either case (`sykehuset Østfold`
  matches `Sykehuset Østfold`), the rest is exact, or the whole name is in capitals
  (`HELSE SØR-ØST` in an all-caps heading);
* spaces match any whitespace, and the name must stand alone (not inside a longer word);
  a genitive `s` or apostrophe (`Ahus'`, `OUS’`, `Diakonhjemmets`) may follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

GENITIVE = r"(?:['’]s?|s)?"
_FIRST_WORD = re.compile(r"\w+")
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
    mixed = r"\s+".join(words)
    upper = r"\s+".join(re.escape(word.upper()) for word in alias.split())
    return f"(?:{mixed}|{upper})"


@dataclass(frozen=True)
class Mention:
    key: str  # the canonical name the alias belongs to
    alias: str
    text: str  # as found in the text
    start: int
    end: int  # end of the name
    full_end: int  # end including a genitive ending


class Gazetteer:
    """Aliases of canonical names, found in text.

    Aliases are indexed by their first word (case-folded); the text's words are scanned
    once and only the aliases starting with a word are tried there, longest first, so
    the cost grows with the text, not with the size of the gazetteer.
    """

    def __init__(self, entries: Iterable[tuple[str, str]], *, genitive: bool = True) -> None:
        self._by_alias: dict[str, str] = {}
        for key, alias in entries:
            self._by_alias.setdefault(alias, key)
        self._genitive = genitive
        suffix = GENITIVE if genitive else ""
        self._index: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for alias in sorted(self._by_alias, key=len, reverse=True):
            first = _FIRST_WORD.search(alias)
            if first is None:
                continue
            pattern = re.compile(f"(?P<name>{alias_regex(alias)}){suffix}{_RIGHT}")
            self._index.setdefault(first.group(0).casefold(), []).append((alias, pattern))

    def finditer(self, text: str) -> Iterator[Mention]:
        resume = 0
        for word in _FIRST_WORD.finditer(text):
            start = word.start()
            if start < resume:
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
                continue
            candidates = self._candidates(word.group(0).casefold())
            if not candidates:
                continue
            for alias, pattern in candidates:
                match = pattern.match(text, start)
                if match is not None:
                    resume = match.end()
                    yield Mention(self._by_alias[alias], alias, match["name"], start, match.end("name"), match.end())
                    break

    def _candidates(self, word: str) -> list[tuple[str, re.Pattern[str]]]:
        """The aliases that may start at a word; a one-word name in the genitive
        (`Diakonhjemmets`, `UNNs`) is indexed under the word without its `s`."""
        candidates = self._index.get(word, [])
        if self._genitive and word.endswith("s") and len(word) > 2:
            candidates = candidates + self._index.get(word[:-1], [])
        return candidates

    def lookup(self, name: str) -> str | None:
        """The canonical name when `name` (whole) is one of the aliases."""
        stripped = " ".join(name.split())
        for mention in self.finditer(stripped):
            if mention.start == 0 and len(stripped) in (mention.end, mention.full_end):
                return mention.key
        return None
