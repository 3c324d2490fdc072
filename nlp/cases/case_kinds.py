"""A case's kind (`vedtakssak`, `orienteringssak`, `temasak`, `drøftingssak`,
`eventuelt`) from the patterns of `data/case_kinds.tsv`: the section heading the case
sits under (`Vedtakssaker`, `Orienteringssaker`, `Temasaker`), its title
(`Orienteringssak`, `Eventuelt`), its number's prefix (`RS`, `OS`) or the wording of its
decision (`... tas til orientering`). Precedence: title, section, prefix, decision; a
case with a decision and no other hint is a vedtakssak.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.resources import read_rows


@cache
def _patterns() -> dict[str, tuple[tuple[re.Pattern[str], str], ...]]:
    by_scope: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for scope, pattern, kind, *_ in read_rows("case_kinds.tsv"):
        if scope == "section":
            regex = re.compile(rf"^\s*(?:{pattern})\s*:?\s*$", re.I)
        elif scope == "title":
            regex = re.compile(rf"^\s*(?:{pattern})", re.I)
        elif scope == "prefix":
            regex = re.compile(rf"^(?:{pattern})$")
        else:
            regex = re.compile(pattern, re.I)
        by_scope.setdefault(scope, []).append((regex, kind))
    return {scope: tuple(items) for scope, items in by_scope.items()}


def _match(scope: str, text: str | None) -> str | None:
    if not text:
        return None
    for regex, kind in _patterns().get(scope, ()):
        if regex.search(text) if scope == "decision" else regex.match(text):
            return kind
    return None


def section_kind(heading: str) -> str | None:
    """The kind of the cases listed under this heading line (`Orienteringssaker`)."""
    return _match("section", heading)


def title_kind(title: str | None) -> str | None:
    return _match("title", title)


def prefix_kind(prefix: str | None) -> str | None:
    return _match("prefix", prefix.strip() if prefix else None)


_POINT = re.compile(r"(?:^|(?<=\s))\d{1,2}[.)]\s+")


def decision_kind(vedtak: str | None) -> str | None:
    """The kind the decision's wording gives. A decision of numbered points takes a kind
    only when every point says it (`1. ... til etterretning. 2. Styret ber om en plan.`
    decides something, so it is no information case)."""
    if not vedtak:
        return None
    points = [p for p in _POINT.split(vedtak) if p.strip()]
    if len(points) >= 2:
        kinds = {_match("decision", point) for point in points}
        return kinds.pop() if len(kinds) == 1 else None
    return _match("decision", vedtak)


def is_kind_word(text: str) -> bool:
    """`Orienteringssak` standing where a title would: a label, the title follows."""
    stripped = text.strip(" :.-–")
    return bool(stripped) and (title_kind(stripped) is not None) and len(stripped.split()) == 1 and (
        stripped.casefold() not in {"eventuelt", "orientering", "informasjon", "diskusjon", "drøfting"}
    )


def case_kind(
    *,
    title: str | None,
    label: str | None = None,
    section: str | None = None,
    prefix: str | None = None,
    vedtak: str | None = None,
) -> str | None:
    """The kind of one case. `label`: a kind word printed in place of the title."""
    return (
        title_kind(label)
        or title_kind(title)
        or section
        or prefix_kind(prefix)
        or decision_kind(vedtak)
        or ("vedtakssak" if vedtak else None)
    )
