"""People in an attendance list: `Name, role org, Name role org, ...` split into
name, role, organisation, deputy-for, remarks.

The list is split at commas outside parentheses. A part that opens with a name (or with
a role and then a name: `Administrerende direktør Tor Jarle Pettersen`) starts a new person; the parts after it belong to that person: a part that is an organisation
as a whole (`HEL`, `Fagforbundet`, `bydel Stovner`) is the organisation, the others are
the role (an organisation at the end of a role part, `administrerende direktør Oslo
universitetssykehus OUS`, is split off when no part names one on its own). Parentheses
hold an organisation's abbreviation (`Helseetaten (HEL)`), a party (`Kari Nordmann (Ap)`,
data/parties.tsv; a list part `Ap` too), a remark (`(Observatør)`,
`(vara)`) or a deputy note (`(vara for Per Dahl)`). `stedfortreder X` (data/
deputy_markers.tsv) says the person attends for X; the words after X describe X and are
skipped up to the next name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from nlp.attendance.names import is_first_name, is_initial, is_name_word, leading_name
from nlp.attendance.roles import is_role_modifier, is_role_word
from nlp.entities.organizations import canonical_organization, find_organization_spans, org_kind
from nlp.resources import read_rows

_PAREN = re.compile(r"\(([^()]*)\)")
_TRAILING = " .,;:-–"


@dataclass
class Person:
    name: str
    role_parts: list[str] = field(default_factory=list)
    role_orgs: list[tuple[str, str | None]] = field(default_factory=list)  # (role without org, org)
    org: str | None = None
    substitute_for: str | None = None
    remarks: set[str] = field(default_factory=set)
    page: int | None = None  # 1-based page where the person is listed
    meetings: list[str] | None = None  # meetings attended, from an x-per-date table

    @property
    def role(self) -> str | None:
        if self.org is not None:
            parts = [part for part in self.role_parts if part]
        else:
            parts = [role for role, _ in self.role_orgs if role]
        text = ", ".join(parts).strip(_TRAILING)
        return text or None

    def finish(self) -> None:
        """Take the organisation from a role part when no part named one alone."""
        if self.org is None:
            for _, org in self.role_orgs:
                if org:
                    self.org = org
                    # role_parts keep the org text; role_orgs hold the parts without it
                    self.role_parts = [role for role, _ in self.role_orgs]
                    return


@cache
def _deputy_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    anywhere, paren = [], []
    for scope, pattern, *_ in read_rows("deputy_markers.tsv"):
        if scope in ("any", "paren"):
            (paren if scope == "paren" else anywhere).append(pattern)
    return (
        re.compile(rf"(?i:(?<![\w])(?:{'|'.join(anywhere)}))\s+(?=[A-ZÆØÅ])"),
        re.compile(rf"^(?i:(?:{'|'.join(anywhere + paren)}))\s+(?=[A-ZÆØÅ])"),
    )


@cache
def _after_name_deputy() -> re.Pattern[str]:
    """Markers that name the absent member only right after the deputy's own name."""
    patterns = [pattern for scope, pattern, *_ in read_rows("deputy_markers.tsv") if scope == "after_name"]
    return re.compile(rf"^(?i:(?:{'|'.join(patterns)}))\s+(?=[A-ZÆØÅ])")


@cache
def _parties() -> tuple[frozenset[str], frozenset[str]]:
    """(aliases matched with exact case, full names matched ignoring case)."""
    exact, folded = set(), set()
    for canonical, aliases, *_ in read_rows("parties.tsv"):
        for alias in [canonical, *aliases.split(";")]:
            alias = " ".join(alias.split())
            if len(alias) <= 3:
                exact.add(alias)
            else:
                folded.add(alias.casefold())
    return frozenset(exact), frozenset(folded)


def is_party(text: str) -> bool:
    """Whether `text` as a whole names a political party or list (`Ap`, `KrF`, `Høyre`)."""
    text = " ".join(text.strip(_TRAILING).split())
    exact, folded = _parties()
    return text in exact or text.casefold() in folded


@cache
def _remarks() -> dict[str, str]:
    return {remark.casefold(): meaning for remark, meaning, *_ in read_rows("remarks.tsv")}


def _split_top_level(text: str) -> list[str]:
    """Split at commas and semicolons outside parentheses."""
    parts, depth, current = [], 0, []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char in ",;" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip(_TRAILING)]


def _split_and(part: str) -> list[str]:
    """`Kari Hansen og Ola Nordmann` -> two parts (only when a name follows `og`)."""
    pieces = re.split(r"\s+og\s+", part)
    if len(pieces) == 1:
        return [part]
    out = [pieces[0]]
    for piece in pieces[1:]:
        if leading_name(piece, require_first_name=True) and leading_name(out[-1], require_first_name=False):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} og {piece}"
    return out


def _name_run(text: str) -> int:
    """How many name tokens (words, initials) end `text`."""
    count = 0
    for token in reversed(text.split()):
        if is_name_word(token) or is_initial(token):
            count += 1
        else:
            break
    return count


def join_list_lines(lines: list[str]) -> str:
    """Join the lines of a list, putting a comma where a line break separates two people
    (`Kari Nordmann` / `Ola Hansen`) but not inside a broken name (`Asle W.` / `Medhus`)."""
    return join_list_lines_at(lines)[0]


def join_list_lines_at(lines: list[str]) -> tuple[str, list[int]]:
    """`join_list_lines`, and where each line starts in the joined text (-1 for an empty line)."""
    out = ""
    starts: list[int] = []
    for line in lines:
        line = " ".join(line.split())
        if not line:
            starts.append(-1)
            continue
        if not out:
            starts.append(0)
            out = line
            continue
        if out.endswith((",", ";")):
            starts.append(len(out) + 1)
            out = f"{out} {line}"
            continue
        next_name = leading_name(line, require_first_name=False)
        first = line.split()[0]
        last = out.split()[-1]
        run = _name_run(out)
        new_person = bool(next_name) and (
            (run == 0 and not is_initial(last) and not last.endswith("-"))
            or (run >= 2 and is_first_name(first) and not is_initial(last))
        )
        out = f"{out}, " if new_person else f"{out} "
        starts.append(len(out))
        out = f"{out}{line}"
    return out, starts


def _is_org_part(text: str) -> str | None:
    """The canonical organisation when `text` as a whole names one."""
    return canonical_organization(text.strip(_TRAILING))


def _split_role_org(text: str) -> tuple[str, str | None]:
    """`administrerende direktør Oslo universitetssykehus OUS` ->
    (`administrerende direktør`, `Oslo universitetssykehus`): an organisation at the end
    of a role (with repeats of it, such as its abbreviation, dropped)."""
    spans = find_organization_spans(text)
    if not spans:
        return text, None
    end = len(text.rstrip(_TRAILING))
    last = max(spans, key=lambda s: s.full_end)
    if last.full_end < end:
        return text, None
    first = last
    for span in spans:
        if span.key == last.key and span.start < first.start:
            first = span
    role = text[: first.start].strip(_TRAILING)
    return role, text[first.start : first.end]


def _apply_parens(person: Person, parens: list[str]) -> None:
    _, paren_deputy = _deputy_patterns()
    for inner in parens:
        inner = inner.strip()
        if not inner:
            continue
        deputy = paren_deputy.match(inner)
        if deputy:
            name = leading_name(inner[deputy.end() :], require_first_name=False)
            if name:
                person.substitute_for = name
                person.remarks.add("deputy")
                continue
        meaning = _remarks().get(inner.casefold().rstrip("."))
        if meaning:
            person.remarks.add(meaning)
            continue
        org = _is_org_part(inner) or is_party(inner)
        if org and person.org is None and not any(o for _, o in person.role_orgs):
            person.role_orgs.append(("", inner))


def parse_people(text: str) -> list[Person]:
    """The people of one attendance list (its text after the label)."""
    anywhere_deputy, _ = _deputy_patterns()
    people: list[Person] = []
    current: Person | None = None
    skipping = False  # after "stedfortreder X": X's own role and organisation follow
    for raw_part in _split_top_level(text):
        for part in _split_and(raw_part):
            parens = _PAREN.findall(part)
            body = _PAREN.sub(" ", part)
            body = " ".join(body.split()).strip(_TRAILING)
            if not body and current is not None and not skipping:
                _apply_parens(current, parens)
                continue
            deputy = anywhere_deputy.search(body)
            if deputy and current is not None and deputy.start() == 0:
                name = leading_name(body[deputy.end() :], require_first_name=False)
                if name:
                    current.substitute_for = name
                    skipping = True
                    continue
            name = leading_name(body, require_first_name=False)
            role_first = None if name else _role_before_name(body)
            if role_first is not None:
                role, name = role_first
                body = body[body.index(name, len(role)) :]
            if name and _is_org_part(name) is None:
                current = Person(name)
                if role_first is not None:
                    current.role_parts.append(role_first[0])
                    current.role_orgs.append((role_first[0], None))
                people.append(current)
                skipping = False
                rest = body[len(name) :].strip(_TRAILING)
                deputy = anywhere_deputy.search(rest)
                if deputy:
                    target = leading_name(rest[deputy.end() :], require_first_name=False)
                    if target:
                        current.substitute_for = target
                        rest = rest[: deputy.start()].strip(_TRAILING)
                else:
                    deputy = _after_name_deputy().match(rest)
                    target = deputy and leading_name(rest[deputy.end() :], require_first_name=True)
                    if deputy and target and _is_org_part(target) is None:
                        current.substitute_for = target
                        rest = rest[deputy.end() + len(target) :].strip(_TRAILING)
                if rest:
                    _add_material(current, rest)
                _apply_parens(current, parens)
                continue
            if current is None or skipping:
                continue
            if body:
                _add_material(current, body)
            _apply_parens(current, parens)
    for person in people:
        person.finish()
    return people


def _role_before_name(text: str) -> tuple[str, str] | None:
    """`Administrerende direktør Tor Jarle Pettersen` -> (role, name): role words and their
    modifiers, then a name that opens with a known first name."""
    words = text.split()
    count = 0
    while count < len(words) and (is_role_modifier(words[count]) or is_role_word(words[count])):
        count += 1
    if count == 0 or not any(is_role_word(word) for word in words[:count]):
        return None
    rest = " ".join(words[count:])
    name = leading_name(rest, require_first_name=True)
    if name is None or _is_org_part(name) is not None:
        return None
    return " ".join(words[:count]), name


def _add_material(person: Person, text: str) -> None:
    if is_party(text) and len(text.strip(_TRAILING)) > 1:  # outside brackets `H` may be an initial
        if person.org is None:
            person.org = text.strip(_TRAILING)
        return
    org = _is_org_part(text)
    if org is not None and org_kind(org) != "office":
        if person.org is None:
            person.org = text.strip(_TRAILING)
        return
    role, inline_org = _split_role_org(text) if org is None else (text, None)
    person.role_parts.append(text.strip(_TRAILING))
    person.role_orgs.append((role, inline_org))
