"""The samsok record (contract `samsok.record/1`) as dataclasses.

This is the one place the record's shape is defined; extractors and NLP fill it,
the catalog stores it as JSON, the search backends project it into index entries.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "samsok.record/1"

DOC_TYPES = (
    "arsrapport",
    "referat",
    "protokoll",
    "innkalling",
    "saksframlegg",
    "presentasjon",
    "retningslinje",
    "annet",
)

SAK_KINDS = ("vedtakssak", "orienteringssak", "temasak", "drøftingssak", "eventuelt")


@dataclass
class Source:
    path: str
    sha256: str
    pages: int = 0
    url: str | None = None
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (project extension)


@dataclass
class Section:
    number: str | None
    title: str
    level: int
    page: int
    text: str
    ocr: bool = False  # some of its text was read by OCR (project extension)


@dataclass
class Sak:
    saksnummer: str | None
    raw: str | None
    title: str | None
    kind: str | None
    vedtak: str | None
    page: int | None  # 1-based page where the case starts
    vedtak_page: int | None = None  # page where its decision starts (project extension)


@dataclass
class Attendee:
    name: str
    role: str | None = None
    org: str | None = None
    substitute_for: str | None = None
    page: int | None = None  # page where the person is listed (project extension)
    # Meetings the person attended, from an x-per-date attendance table: ISO dates where
    # the column header is a date, else the header as printed (project extension).
    meetings: list[str] | None = None


@dataclass
class Attendees:
    present: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)
    chair: str | None = None
    secretary: str | None = None


@dataclass
class RecordError:
    code: str
    message: str


@dataclass
class RecordWarning:
    """The record is usable but incomplete (e.g. an OCR limit was hit); project extension."""

    code: str
    message: str


@dataclass
class Record:
    source: Source
    doc_type: str = "annet"
    title: str | None = None
    language: str = "nb"
    year: int | None = None
    date: str | None = None
    organ: str | None = None
    sykehusomrader: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    saker: list[Sak] = field(default_factory=list)
    attendees: Attendees = field(default_factory=Attendees)
    persons: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    error: RecordError | None = None
    warnings: list[RecordWarning] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if data["error"] is None:
            del data["error"]
        if not data["warnings"]:
            del data["warnings"]
        # Put `schema` first, as in the contract's examples.
        return {"schema": data.pop("schema"), **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        att = data.get("attendees") or {}
        err = data.get("error")
        return cls(
            source=Source(**data["source"]),
            doc_type=data.get("doc_type", "annet"),
            title=data.get("title"),
            language=data.get("language", "nb"),
            year=data.get("year"),
            date=data.get("date"),
            organ=data.get("organ"),
            sykehusomrader=list(data.get("sykehusomrader") or []),
            sections=[Section(**s) for s in data.get("sections") or []],
            saker=[Sak(**s) for s in data.get("saker") or []],
            attendees=Attendees(
                present=[Attendee(**a) for a in att.get("present") or []],
                absent=[Attendee(**a) for a in att.get("absent") or []],
                chair=att.get("chair"),
                secretary=att.get("secretary"),
            ),
            persons=list(data.get("persons") or []),
            organizations=list(data.get("organizations") or []),
            error=RecordError(**err) if err else None,
            warnings=[RecordWarning(**w) for w in data.get("warnings") or []],
            schema=data.get("schema", SCHEMA),
        )
