"""Organisations: the gazetteer of canonical names and their aliases, and finding the
organisations a text names.

Sources (all in `data/`): `organizations.tsv` (etater, RHF, unions, state bodies ...),
the helseforetak of `sykehusomrader.tsv` (canonical name: the alias ending in ` HF`,
else the first alias, e.g. `Akershus universitetssykehus HF`, `Diakonhjemmet Sykehus`),
`kommuner.txt` (`<name> kommune`), `oslo_bydeler.txt` (`Bydel <name>`), and the name
patterns of `org_patterns.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.entities.areas import ambiguous_aliases, load_areas
from nlp.entities.gazetteer import Gazetteer, Mention
from nlp.resources import read_rows, read_toml, read_words, split_aliases


@dataclass(frozen=True)
class OrgEntry:
    canonical: str
    kind: str
    aliases: tuple[str, ...]


def _hospital_name(aliases: tuple[str, ...], canonical: str) -> str:
    for alias in aliases:
        if alias.endswith(" HF"):
            return alias
    return aliases[0] if aliases else canonical


@cache
def org_entries() -> tuple[OrgEntry, ...]:
    entries = [
        OrgEntry(canonical, kind, tuple(dict.fromkeys([canonical, *split_aliases(aliases)])))
        for canonical, kind, aliases, *_ in read_rows("organizations.tsv")
    ]
    for area in load_areas():
        names = tuple(a for a in area.aliases[1:])
        canonical = _hospital_name(names, area.canonical)
        entries.append(OrgEntry(canonical, "helseforetak", tuple(dict.fromkeys([canonical, *area.aliases]))))
    return tuple(entries)


@cache
def kommuner() -> tuple[str, ...]:
    return read_words("kommuner.txt")


@cache
def bydeler() -> tuple[str, ...]:
    return read_words("oslo_bydeler.txt")


@cache
def _kinds() -> dict[str, str]:
    kinds = {entry.canonical: entry.kind for entry in org_entries()}
    kinds.update({f"{name} kommune": "kommune" for name in kommuner()})
    kinds.update({f"Bydel {name}": "bydel" for name in bydeler()})
    return kinds


def org_kind(canonical: str) -> str | None:
    return _kinds().get(canonical)


@cache
def _fixed() -> tuple[Gazetteer, Gazetteer]:
    """(clear aliases, ambiguous short aliases such as LDS and DS)."""
    clear, ambiguous = [], []
    for entry in org_entries():
        for alias in entry.aliases:
            (ambiguous if alias in ambiguous_aliases() else clear).append((entry.canonical, alias))
    return Gazetteer(clear), Gazetteer(ambiguous, genitive=False)


def _names(names: tuple[str, ...]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    kommune: re.Pattern[str]
    kommune_list: re.Pattern[str]
    bydel: re.Pattern[str]
    bydel_list: re.Pattern[str]
    compound: re.Pattern[str]
    generic: re.Pattern[str]
    kommune_names: re.Pattern[str]
    bydel_names: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    data = read_toml("org_patterns.toml")
    k_names, b_names = _names(kommuner()), _names(bydeler())
    k_after = "|".join(re.escape(w) for w in data["kommuner"]["after"])
    k_open = "|".join(re.escape(w) for w in data["kommuner"]["list_openers"])
    b_before = "|".join(re.escape(w) for w in data["bydeler"]["before"])
    b_after = "|".join(re.escape(w) for w in data["bydeler"]["after"])
    b_open = "|".join(re.escape(w) for w in data["bydeler"]["list_openers"])
    item = r"[A-ZÆØÅ][\wæøåÆØÅ.\-]*(?:\s+[A-ZÆØÅ][\wæøåÆØÅ\-]*)?"
    listing = rf"{item}(?:\s*,\s*{item})*(?:\s*,?\s+(?:og|samt)\s+{item})?"
    suffixes = "|".join(data["compounds"]["suffixes"])
    generic = "|".join(data["generic"]["suffixes"])
    stem = int(data["generic"]["min_stem"])
    return _Patterns(
        kommune=re.compile(rf"(?<![\w\-])({k_names})\s+(?:{k_after})(?![\w\-])"),
        kommune_list=re.compile(rf"(?<![\w\-])(?i:{k_open})\s+({listing})"),
        bydel=re.compile(rf"(?<![\w\-])(?:(?:{b_before})\s+({b_names})|({b_names})\s+(?:{b_after}))(?![\w\-])"),
        bydel_list=re.compile(rf"(?<![\w\-])(?i:{b_open})\s+({listing})"),
        compound=re.compile(
            rf"((?:[A-ZÆØÅ][\wæøå]*-\s*,\s*)*[A-ZÆØÅ][\wæøå]*-)\s+(?:og|eller)\s+([A-ZÆØÅ][\wæøå]*?)({suffixes})(?![\w])"
        ),
        generic=re.compile(rf"(?<![\w\-])[A-ZÆØÅ][a-zæøå]{{{stem - 1},}}(?:{generic})(?![\w\-])"),
        kommune_names=re.compile(rf"^(?:{k_names})$"),
        bydel_names=re.compile(rf"^(?:{b_names})$"),
    )


def _list_items(listing: str) -> list[str]:
    items = re.split(r"\s*,\s*|\s+(?:og|samt)\s+", listing)
    # "Nesodden. Stovner bydel deltok": a sentence ends inside the last item
    return [item.split(". ")[0].strip().rstrip(".") for item in items if item.strip(" .")]


def find_organizations(text: str) -> list[str]:
    """Canonical names of the organisations `text` names, in order of first mention."""
    found: list[tuple[int, str]] = []
    clear, ambiguous = _fixed()
    mentions: list[Mention] = list(clear.finditer(text))
    found.extend((m.start, m.key) for m in mentions)
    for m in ambiguous.finditer(text):
        if text[m.start - 1 : m.start] == "(" and text[m.end : m.end + 1] == ")":
            found.append((m.start, m.key))
    pat = _patterns()
    for m in pat.kommune.finditer(text):
        found.append((m.start(), f"{' '.join(m[1].split())} kommune"))
    for m in pat.kommune_list.finditer(text):
        for item in _list_items(m[1]):
            if pat.kommune_names.match(item):
                found.append((m.start(1), f"{item} kommune"))
    for m in pat.bydel.finditer(text):
        found.append((m.start(), f"Bydel {' '.join((m[1] or m[2]).split())}"))
    for m in pat.bydel_list.finditer(text):
        for item in _list_items(m[1]):
            if pat.bydel_names.match(item):
                found.append((m.start(1), f"Bydel {item}"))
    known = {" ".join(t.split()).casefold() for _, t in found}
    for m in pat.compound.finditer(text):
        suffix = m[3]
        for stem in [s.strip().rstrip("-") for s in m[1].split(",")]:
            name = stem + suffix
            key = clear.lookup(name)
            if key:
                found.append((m.start(), key))
    for m in pat.generic.finditer(text):
        key = clear.lookup(m[0]) or m[0]
        if key.casefold() not in known:
            found.append((m.start(), key))
    ordered: dict[str, None] = {}
    for _, name in sorted(found, key=lambda item: item[0]):
        ordered.setdefault(name, None)
    return list(ordered)


def canonical_organization(name: str) -> str | None:
    """The canonical name when `name` as a whole is an organisation (`HEL`, `bydel Stovner`)."""
    clear, ambiguous = _fixed()
    key = clear.lookup(name) or ambiguous.lookup(name)
    if key:
        return key
    stripped = " ".join(name.split())
    pat = _patterns()
    for m in pat.bydel.finditer(stripped):
        if m.start() == 0 and m.end() == len(stripped):
            return f"Bydel {m[1] or m[2]}"
    for m in pat.kommune.finditer(stripped):
        if m.start() == 0 and m.end() == len(stripped):
            return f"{m[1]} kommune"
    return None


def find_organization_spans(text: str) -> list[Mention]:
    """Where fixed-list organisations and bydeler stand in `text` (for splitting roles)."""
    clear, ambiguous = _fixed()
    spans = list(clear.finditer(text)) + list(ambiguous.finditer(text))
    pat = _patterns()
    for m in pat.bydel.finditer(text):
        spans.append(Mention(f"Bydel {m[1] or m[2]}", m[0], m[0], m.start(), m.end(), m.end()))
    for m in pat.kommune.finditer(text):
        spans.append(Mention(f"{m[1]} kommune", m[0], m[0], m.start(), m.end(), m.end()))
    return sorted(spans, key=lambda s: (s.start, -s.end))
