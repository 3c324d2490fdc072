"""Role (position) words: `direktør`, `bydelsdirektør`, `fagsjef`, `kommuneoverlege` ...

`data/role_words.txt` lists role nouns; a word is a role word when it is one of them
or a compound ending in one (at least `MIN_SUFFIX` letters). `data/role_modifiers.txt`
lists the words that open a role before the noun (`administrerende`, `fung.`).
"""

from __future__ import annotations

from functools import cache

from nlp.resources import read_words

MIN_SUFFIX = 4


@cache
def role_nouns() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_words("role_words.txt"))


@cache
def role_modifiers() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_words("role_modifiers.txt"))


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted((w for w in role_nouns() if len(w) >= MIN_SUFFIX and " " not in w), key=len, reverse=True))


@cache
def is_role_word(word: str) -> bool:
    folded = word.casefold().strip(".,;:()")
    if not folded:
        return False
    if folded in role_nouns():
        return True
    return any(folded.endswith(suffix) and len(folded) > len(suffix) for suffix in _suffixes())


def is_role_modifier(word: str) -> bool:
    return word.casefold() in role_modifiers()
