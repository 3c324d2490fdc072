"""Persons and organisations named in a document.

Persons: the attendees (with deputies, chair, secretary) and the names found in the
running text: where the spaCy matcher sees a first name from the gazetteer followed by a
name part, the name shape rule (`nlp/attendance/names.py`) reads the whole name. A shorter form of
a name already known (`Asle Medhus` for `Asle W. Medhus`, `Stine E. Hansen` for `Stine
Eugenie Hansen`) is the same person; first names alone (`Bjørn Atle`) are no person.
Organisations: the gazetteers (`nlp/entities/organizations.py`), and attendees' organisations.
"""

from __future__ import annotations

from collections.abc import Iterable

from contract.record import Attendees
from nlp.attendance.names import leading_name, only_first_names, same_person
from nlp.entities.organizations import canonical_organization, find_organizations
from nlp.entities.spacy_pipeline import name_starts

NAME_WINDOW = 120


def names_in_text(text: str) -> list[str]:
    """Person names in running text, in order of first appearance."""
    found: dict[str, None] = {}
    covered_until = -1
    for start in name_starts(text):
        if start < covered_until:
            continue
        window = text[start : start + NAME_WINDOW]
        name = leading_name(window.split("\n", 1)[0], require_first_name=True)
        if name is None or only_first_names(name):
            # a name broken over two lines: "Asle W." / "Medhus"; never over three
            two_lines = "\n".join(window.split("\n", 2)[:2])
            name = leading_name(two_lines, require_first_name=True) or name
        if name:
            found.setdefault(name, None)
            covered_until = start + len(name)
    return list(found)


def attendee_names(attendees: Attendees) -> list[str]:
    names: list[str] = []
    for person in [*attendees.present, *attendees.absent]:
        names.append(person.name)
        if person.substitute_for:
            names.append(person.substitute_for)
    names.extend(n for n in (attendees.chair, attendees.secretary) if n)
    return names


def merge_persons(names: Iterable[str]) -> list[str]:
    """Deduplicated names; a shorter form of a known fuller name is dropped, and so are
    first names without a surname unless they are the only form of that person."""
    ordered = list(dict.fromkeys(" ".join(n.split()) for n in names if n and n.strip()))
    kept: list[str] = []
    for name in ordered:
        fuller = [other for other in ordered if other != name and len(other) > len(name)]
        if any(same_person(name, other) for other in fuller):
            continue
        if only_first_names(name):
            if any(other.startswith(name + " ") for other in ordered):
                continue
            if len(name.split()) < 2:
                continue
        kept.append(name)
    return kept


def find_persons(text: str, attendees: Attendees) -> list[str]:
    names = attendee_names(attendees) + names_in_text(text)
    merged = merge_persons(names)
    return [name for name in merged if not only_first_names(name) or name in attendee_names(attendees)]


def find_all_organizations(text: str, attendees: Attendees) -> list[str]:
    found = dict.fromkeys(find_organizations(text))
    for person in [*attendees.present, *attendees.absent]:
        if person.org:
            canonical = canonical_organization(person.org)
            if canonical:
                found.setdefault(canonical, None)
    return list(found)
