"""Organs: the bodies that meet, decide or report (`data/organs.tsv`): Strategisk
samarbeidsutvalg (SSU), Samarbeidsforum (SF), Lokalt samarbeidsutvalg (LSU), styret,
fagråd ... Names and abbreviations are resolved to the canonical name.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.entities.gazetteer import Gazetteer, Mention
from nlp.resources import read_rows, read_toml, split_aliases


@cache
def _topic_named() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Organs named by their topic after a type word (`data/organ_topics.toml`)."""
    return tuple((rule["name"], re.compile(rule["pattern"])) for rule in read_toml("organ_topics.toml")["topic_named"])


@cache
def _organs() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (canonical, tuple(dict.fromkeys([canonical, *split_aliases(aliases)])))
        for canonical, aliases, *_ in read_rows("organs.tsv")
    )


@cache
def _gazetteer() -> Gazetteer:
    return Gazetteer((canonical, alias) for canonical, aliases in _organs() for alias in aliases)


@cache
def organ_words() -> frozenset[str]:
    """Capitalised words of organ names (they never belong to a person's name)."""
    return frozenset(
        word for _, aliases in _organs() for alias in aliases for word in alias.split() if word[:1].isupper()
    )


def find_organs(text: str) -> list[Mention]:
    return list(_gazetteer().finditer(text))


def canonical_organ(name: str) -> str | None:
    """`Strategisk samarbeidsutvalg, SSU` -> `Strategisk samarbeidsutvalg`; `LSU` -> ..."""
    text = " ".join(name.split()).strip(" .,:;")
    for name, pattern in _topic_named():
        named = pattern.match(text)
        if named:
            return f"{name} {named['topic'].strip(' ,')}"
    whole = _gazetteer().lookup(text)
    if whole:
        return whole
    for part in re.split(r"\s*[,(]\s*", text):
        key = _gazetteer().lookup(part.strip(" )"))
        if key:
            return key
    mentions = find_organs(text)
    return mentions[0].key if mentions else None
