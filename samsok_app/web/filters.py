"""The search state shared by every page and API route, parsed from and written to a URL.

Every page's state lives in its query string, so a link is enough to share a search.
Parameter names (the same for HTML and JSON): `q`, `year` (`2019` or `2019..2025`),
`year_from`, `year_to`, `omrade`, `type`, `organ` (repeatable), `what`, `limit`, `offset`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from samsok.search.base import SearchQuery, parse_year_range

What = Literal["documents", "saker"]
# Sort values (the backend's), with the Norwegian names the Vedtak view used as aliases.
SORT_ALIASES = {"relevans": "relevance", "nyeste": "date", "eldste": "date_asc"}
SortParam = Literal["relevance", "date", "date_asc", "relevans", "nyeste", "eldste"]

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 10_000
MIN_YEAR = 1900
MAX_YEAR = 2100


# Facet key in the backend's result -> URL parameter that filters on it.
FACET_PARAMS = {"year": "year", "sykehusomrade": "omrade", "doc_type": "type", "organ": "organ"}


class FilterError(HTTPException):
    """A query parameter the user typed that cannot be understood (HTTP 400)."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=400, detail=message)


def parse_year(value: str | None) -> tuple[int | None, int | None]:
    """`2019` -> (2019, 2019); `2019..2025` -> (2019, 2025); `..2020` -> (None, 2020)."""
    try:
        return parse_year_range(value)
    except ValueError:
        raise FilterError(f"Ugyldig år: «{value}». Skriv for eksempel 2019 eller 2019..2025.") from None


def _clean_list(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        value = value.strip()
        if value and value not in seen:
            seen.append(value)
    return seen


@dataclass(frozen=True)
class Filters:
    q: str = ""
    year_from: int | None = None
    year_to: int | None = None
    omrader: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    organs: tuple[str, ...] = ()
    what: What = "documents"
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    extra: dict[str, str] = field(default_factory=dict)
    years: tuple[int, ...] = ()
    # None: the view's default (on in the Vedtak view, off elsewhere).
    has_vedtak: bool | None = None
    # None: the view's default (relevance with words, date without).
    sort: str | None = None

    # -- query string -------------------------------------------------------------

    def params(self, *, paging: bool = True, what: bool = True) -> list[tuple[str, str]]:
        """The state as (name, value) pairs; defaults are left out to keep links short."""
        pairs: list[tuple[str, str]] = []
        if self.q:
            pairs.append(("q", self.q))
        pairs += [("year", str(y)) for y in self.years]
        if self.year_from is not None:
            pairs.append(("year_from", str(self.year_from)))
        if self.year_to is not None:
            pairs.append(("year_to", str(self.year_to)))
        pairs += [("omrade", v) for v in self.omrader]
        pairs += [("type", v) for v in self.doc_types]
        pairs += [("organ", v) for v in self.organs]
        if what and self.what != "documents":
            pairs.append(("what", self.what))
        if self.has_vedtak is not None:
            pairs.append(("har_vedtak", "1" if self.has_vedtak else "0"))
        if self.sort is not None:
            pairs.append(("sort", self.sort))
        if paging:
            if self.limit != DEFAULT_LIMIT:
                pairs.append(("limit", str(self.limit)))
            if self.offset:
                pairs.append(("offset", str(self.offset)))
        pairs += sorted(self.extra.items())
        return pairs

    def query_string(self, **kwargs: bool) -> str:
        return urlencode(self.params(**kwargs))

    def url(self, path: str, **kwargs: bool) -> str:
        qs = self.query_string(**kwargs)
        return f"{path}?{qs}" if qs else path

    # -- derived states (each resets the page) -------------------------------------

    def changed(self, **changes: Any) -> Filters:
        changes.setdefault("offset", 0)
        return replace(self, **changes)

    def page(self, offset: int) -> Filters:
        return replace(self, offset=max(0, offset))

    def values(self, param: str) -> tuple[str, ...]:
        if param == "year":
            return tuple(str(y) for y in self.years)
        return {"omrade": self.omrader, "type": self.doc_types, "organ": self.organs}.get(param, ())

    def toggled(self, param: str, value: str) -> Filters:
        """The state with one facet value added, or removed when it is already active."""
        if param == "year":
            year = int(value)
            years = tuple(y for y in self.years if y != year) if year in self.years else (*self.years, year)
            return self.changed(years=tuple(sorted(years)))
        current = self.values(param)
        new = tuple(v for v in current if v != value) if value in current else (*current, value)
        key = {"omrade": "omrader", "type": "doc_types", "organ": "organs"}[param]
        return self.changed(**{key: new})

    def is_active(self, param: str, value: str) -> bool:
        return value in self.values(param)

    def cleared(self) -> Filters:
        """The same words and view without any facet or year filter."""
        return self.changed(year_from=None, year_to=None, years=(), omrader=(), doc_types=(), organs=())

    @property
    def has_filters(self) -> bool:
        return bool(
            self.year_from is not None
            or self.year_to is not None
            or self.years
            or self.omrader
            or self.doc_types
            or self.organs
        )

    def sort_or(self, default: str) -> str:
        return self.sort or default

    def default_sort(self) -> str:
        """Relevance ranks words; without words (browsing an organ, a year) newest first."""
        return self.sort or ("relevance" if self.q else "date")

    def to_search_query(self, **overrides: Any) -> Any:
        """The backend's `SearchQuery` for this state (user text goes in as plain words)."""
        args: dict[str, Any] = {
            "text": self.q,
            "year_from": self.year_from,
            "year_to": self.year_to,
            "omrader": list(self.omrader),
            "doc_types": list(self.doc_types),
            "organs": list(self.organs),
            "what": self.what,
            "limit": self.limit,
            "offset": self.offset,
            "years": list(self.years),
            "has_vedtak": bool(self.has_vedtak) and self.what == "saker",
            "sort": self.sort or "relevance",
        }
        args.update(overrides)
        return SearchQuery(**args)


def build_filters(
    q: str = "",
    year: str | list[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    omrade: list[str] | None = None,
    doc_type: list[str] | None = None,
    organ: list[str] | None = None,
    what: What = "documents",
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    has_vedtak: bool | None = None,
    sort: str | None = None,
) -> Filters:
    """The state from parameters: each `year` is one year (ticked in the year facet, several
    OR-ed) or a range `2019..2025` (the year range)."""
    first = last = None
    years: list[int] = []
    for value in [year] if isinstance(year, str) else (year or []):
        if not value.strip():
            continue
        a, b = parse_year(value)
        if a is not None and a == b and value.strip().isdigit():
            if not MIN_YEAR <= a <= MAX_YEAR:
                raise FilterError(f"Ugyldig år: {a}.")
            if a not in years:
                years.append(a)
        else:
            first, last = a, b
    if year_from is not None:
        first = year_from
    if year_to is not None:
        last = year_to
    for value in (first, last):
        if value is not None and not MIN_YEAR <= value <= MAX_YEAR:
            raise FilterError(f"Ugyldig år: {value}.")
    if first is not None and last is not None and first > last:
        first, last = last, first
    return Filters(
        q=" ".join(q.split()),
        year_from=first,
        year_to=last,
        omrader=tuple(_clean_list(omrade or [])),
        doc_types=tuple(_clean_list(doc_type or [])),
        organs=tuple(_clean_list(organ or [])),
        what=what,
        limit=limit,
        offset=offset,
        years=tuple(sorted(years)),
        has_vedtak=has_vedtak,
        sort=SORT_ALIASES.get(sort, sort) if sort else None,
    )


def filters_dependency(
    q: Annotated[str, Query(max_length=500, description="Søkeord (vanlige ord, ingen spørresyntaks)")] = "",
    year: Annotated[
        list[str], Query(description="År, `2019` (kan gjentas: flere år), eller periode, `2019..2025`")
    ] = [],  # noqa: B006
    year_from: Annotated[str | None, Query(description="Fra og med år", pattern=r"^\s*\d{0,4}\s*$")] = None,
    year_to: Annotated[str | None, Query(description="Til og med år", pattern=r"^\s*\d{0,4}\s*$")] = None,
    omrade: Annotated[list[str], Query(description="Sykehusområde (kan gjentas)")] = [],  # noqa: B006
    doc_type: Annotated[list[str], Query(alias="type", description="Dokumenttype (kan gjentas)")] = [],  # noqa: B006
    organ: Annotated[list[str], Query(description="Organ (kan gjentas)")] = [],  # noqa: B006
    what: Annotated[What, Query(description="`documents` (dokumenter/avsnitt) eller `saker`")] = "documents",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    has_vedtak: Annotated[
        bool | None, Query(description="Bare saker med vedtak (`true`); i Vedtak-visningen på som standard")
    ] = None,
    har_vedtak: Annotated[bool | None, Query(description="Det samme som `has_vedtak` (sidenes navn)")] = None,
    sort: Annotated[
        SortParam | None,
        Query(description="`relevance` (standard), `date` (nyeste først) eller `date_asc` (eldste først)"),
    ] = None,
) -> Filters:
    # An empty year box of a submitted form means "no limit".
    first = int(year_from) if year_from and year_from.strip() else None
    last = int(year_to) if year_to and year_to.strip() else None
    decided = har_vedtak if har_vedtak is not None else has_vedtak
    return build_filters(q, year, first, last, omrade, doc_type, organ, what, limit, offset, decided, sort)


