"""The shape of a person's name, and the gazetteer of first names.

A name is 2-6 tokens: capitalised words (`Tjønn`, `Anne-Lise`, `O'Neil`), initials
(`W.`, `M.`) and lower-case particles (`van`, `de`) between them; it starts and ends
with a capitalised word. It stops at a role word (`Bydelsdirektør`), an abbreviation
with a dot (`Adm.`), an organisation word (`Ahus`, `Helseetaten`), or anything else.
In running text a name must start with a known first name (`data/first_names.txt`);
in an attendee list the list itself says names are there, so any two capitalised
words not being organisation or role words will do.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.attendance.roles import is_role_word
from nlp.entities.organizations import bydeler, org_entries
from nlp.meeting.organs import organ_words
from nlp.resources import read_rows, read_words

MIN_TOKENS = 2
MAX_TOKENS = 6
_WORD = re.compile(r"^[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóíúñç]+(?:['’][a-zæøå]+)?(?:-[A-ZÆØÅ]?[a-zæøåäöüé]+)*$")
_INITIAL = re.compile(r"^[A-ZÆØÅ]\.(?:-?[A-ZÆØÅ]\.)?$")
_TOKEN = re.compile(r"[^\s,;:()«»\"]+")


@cache
def first_names() -> frozenset[str]:
    return frozenset(read_words("first_names.txt"))


@cache
def particles() -> frozenset[str]:
    return frozenset(read_words("name_particles.txt"))


@cache
def not_name_words() -> frozenset[str]:
    """Capitalised words that are no part of a name: organisation and place words,
    months and weekdays (from the gazetteers)."""
    words: set[str] = set(read_words("not_name_words.txt"))
    for entry in org_entries():
        for alias in entry.aliases:
            words.update(w for w in alias.split() if w[:1].isupper())
    for name in bydeler():
        words.update(name.split())
    words.update(organ_words())
    words.update(name.capitalize() for name, *_ in read_rows("months.tsv"))
    words.update(day.capitalize() for day in read_words("weekdays.txt"))
    return frozenset(words - first_names())


def is_first_name(token: str) -> bool:
    parts = token.split("-")
    return token in first_names() or all(p in first_names() for p in parts if p)


def is_name_word(token: str) -> bool:
    return bool(_WORD.match(token)) and token not in not_name_words() and not is_role_word(token)


def is_initial(token: str) -> bool:
    return bool(_INITIAL.match(token))


def leading_name(text: str, *, require_first_name: bool) -> str | None:
    """The person's name `text` starts with, or None."""
    tokens: list[str] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if tokens and text[previous_end : match.start()].strip():
            break  # a comma, colon or bracket ends the name
        previous_end = match.end()
        if len(tokens) >= MAX_TOKENS:
            break
        if is_name_word(token) or (tokens and is_initial(token)) or (tokens and token in particles()):
            tokens.append(token)
            continue
        if not tokens and is_initial(token):
            tokens.append(token)  # "K. Hansen" is rare but a name
            continue
        break
    while tokens and (is_initial(tokens[-1]) or tokens[-1] in particles()):
        tokens.pop()
    words = [t for t in tokens if not is_initial(t) and t not in particles()]
    if len(tokens) < MIN_TOKENS or not words:
        return None
    if len(words) < 2 and not any(is_initial(t) for t in tokens):
        return None
    if require_first_name and not is_first_name(tokens[0]):
        return None
    return " ".join(tokens)


def only_first_names(name: str) -> bool:
    """`Bjørn Atle`: every word a first name, so no surname is given."""
    return all(is_first_name(t) for t in name.split() if not is_initial(t))


def name_key(name: str) -> tuple[str, str]:
    """(first word, last word) case-folded: `Asle W. Medhus` and `Asle Medhus` share it."""
    words = [t for t in name.split() if not is_initial(t)]
    return (words[0].casefold(), words[-1].casefold()) if words else ("", "")


def same_person(short: str, full: str) -> bool:
    """Whether `short` names the same person as `full` with fewer middle parts
    (`Asle Medhus` / `Asle W. Medhus`, `Stine E. Hansen` / `Stine Eugenie Hansen`)."""
    if name_key(short) != name_key(full):
        return False
    middle_short = short.split()[1:-1]
    middle_full = full.split()[1:-1]
    for part in middle_short:
        initial = part[0].casefold()
        if not any(p[0].casefold() == initial for p in middle_full):
            return False
    return True
