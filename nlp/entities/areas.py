"""Hospital areas (sykehusområder) a document belongs to, by the canonical names of
`data/sykehusomrader.tsv` (a copy of the contract's table, see data/README.md).

Mentions are counted by alias, possessives included (`Ahus'`, `OUS’`, `Ahus sitt`).
Short ambiguous aliases (`data/ambiguous_area_aliases.txt`: DS, SI, SØ, LDS) count
only in parentheses or as an attendee's organisation. An area belongs to the document
when it is the publisher or in the title (strong evidence), an attendee's
organisation, mentioned at least `MIN_MENTIONS` times and at least `MIN_SHARE` as often
as the most named area, or the only area mentioned; mentions in a list of many areas
(`Helse Bergen, UNN, St. Olavs hospital, ... og Vestre Viken`) do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from nlp.entities.gazetteer import Gazetteer
from nlp.resources import read_records, read_words, split_aliases

MIN_MENTIONS = 2
# Five or more areas named one after the other form a survey's list of hospitals; mentions
# in it do not count (a helsefellesskap naming its own three or four partners still does).
MIN_LIST_AREAS = 5
# What separates the names of a list: a comma, "og"/"and"/"eller", a dash, a line break.
_LIST_GAP = re.compile(r"\s*(?:HF\s*)?[,;/–-]?\s*(?:\b(?:og|and|eller)\b)?\s*")
# An area known only from mentions must be named at least this share as often as the
# most named area (a presentation by OUS naming Ahus in passing is OUS's).
MIN_SHARE = 0.4


@dataclass(frozen=True)
class Area:
    canonical: str
    region: str
    aliases: tuple[str, ...]  # the canonical name first


@cache
def load_areas() -> tuple[Area, ...]:
    return tuple(
        Area(row["canonical"], row["region"], (row["canonical"], *split_aliases(row["aliases"])))
        for row in read_records("sykehusomrader.tsv")
    )


@cache
def ambiguous_aliases() -> frozenset[str]:
    return frozenset(read_words("ambiguous_area_aliases.txt"))


@cache
def _gazetteers() -> tuple[Gazetteer, Gazetteer]:
    """(clear aliases, ambiguous aliases)."""
    clear, ambiguous = [], []
    for area in load_areas():
        for alias in area.aliases:
            (ambiguous if alias in ambiguous_aliases() else clear).append((area.canonical, alias))
    return Gazetteer(clear), Gazetteer(ambiguous, genitive=False)


def area_of(name: str) -> str | None:
    """The area an organisation name or alias stands for (`Ahus`, `LDS` ...)."""
    clear, ambiguous = _gazetteers()
    return clear.lookup(name) or ambiguous.lookup(name)


def count_mentions(text: str) -> dict[str, int]:
    """Mentions per area in `text`, in order of first mention."""
    clear, ambiguous = _gazetteers()
    clear_mentions = list(clear.finditer(text))
    found = [(m.start, m.key) for m in clear_mentions]
    for m in ambiguous.finditer(text):
        if text[m.start - 1 : m.start] != "(" or text[m.end : m.end + 1] != ")":
            continue
        # "Diakonhjemmet sykehus (DS)": the abbreviation of the name before it is no new mention
        if any(c.key == m.key and 0 <= m.start - c.full_end <= 3 for c in clear_mentions):
            continue
        found.append((m.start, m.key))
    counts: dict[str, int] = {}
    for _, key in sorted(found):
        counts[key] = counts.get(key, 0) + 1
    return counts


def _listed_mentions(text: str) -> dict[str, int]:
    """Mentions per area inside enumerations of at least `MIN_LIST_AREAS` areas
    (`Helse Bergen, St. Olavs hospital, UNN og Vestre Viken`): a survey's list of
    hospitals says nothing about whose document it is."""
    clear, _ambiguous = _gazetteers()
    mentions = list(clear.finditer(text))
    listed: dict[str, int] = {}
    run: list = []
    for mention in [*mentions, None]:
        if mention is not None and run and _LIST_GAP.fullmatch(text[run[-1].full_end : mention.start]):
            run.append(mention)
            continue
        if len({m.key for m in run}) >= MIN_LIST_AREAS:
            for m in run:
                listed[m.key] = listed.get(m.key, 0) + 1
        run = [mention] if mention is not None else []
    return listed


def mentioned_in(texts: Iterable[str]) -> list[str]:
    """Areas named anywhere in these short texts (titles, publishers, organisations)."""
    found: dict[str, None] = {}
    for text in texts:
        if not text:
            continue
        area = area_of(text)
        if area:
            found.setdefault(area, None)
        for key in count_mentions(text):
            found.setdefault(key, None)
    return list(found)


def find_areas(text: str, *, strong: Iterable[str] = (), attendee_orgs: Iterable[str] = ()) -> list[str]:
    """The areas the document belongs to.

    `text`: the document's running text; `strong`: its title, publisher and running
    headers; `attendee_orgs`: the organisations of the people at the meeting.
    """
    counts = count_mentions(text)
    for area, listed in _listed_mentions(text).items():
        if area in counts:
            counts[area] = max(counts[area] - listed, 0)
    counts = {area: count for area, count in counts.items() if count}
    chosen: dict[str, None] = dict.fromkeys(mentioned_in(strong))
    for area in mentioned_in(attendee_orgs):
        chosen.setdefault(area, None)
    top = max(counts.values(), default=0)
    for area, count in counts.items():
        if (count >= MIN_MENTIONS and count >= MIN_SHARE * top) or len(counts) == 1:
            chosen.setdefault(area, None)
    order = {area: i for i, area in enumerate(counts)}
    return sorted(chosen, key=lambda area: order.get(area, -1))
