"""Project a Record into index entries: its document metadata, its sections and its cases.

Both backends index exactly these entries, so they search the same text:

* one `SectionEntry` per section; a record without sections gets one pseudo-section
  (page 1) holding everything the record says in words (title, organ, case titles and
  decisions, names), so every document has an entry;
* one `SakEntry` per case (`saker`), searchable by its title and decision.

The text of a section entry is its heading followed by its body.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from contract.record import Record
from samsok.search.section_cases import section_case_numbers, text_case_numbers


@dataclass
class DocumentMeta:
    doc_id: str
    title: str | None
    source: str
    doc_type: str
    year: int | None
    date: str | None
    language: str
    organ: str | None
    sykehusomrader: list[str]
    persons: list[str]
    organizations: list[str]

    @property
    def doc_num(self) -> int:
        """A stable 62-bit number for the doc_id (the embedded backend's fast field)."""
        return int(hashlib.sha256(self.doc_id.encode()).hexdigest()[:15], 16)

    def fields(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "source": self.source,
            "doc_type": self.doc_type,
            "year": self.year,
            "date": self.date,
            "language": self.language,
            "organ": self.organ,
            "sykehusomrader": list(self.sykehusomrader),
            "persons": list(self.persons),
            "organizations": list(self.organizations),
        }


@dataclass
class SectionEntry:
    index: int
    number: str | None
    title: str
    page: int
    text: str
    saksnummer: list[str] = field(default_factory=list)


@dataclass
class SakEntry:
    index: int
    saksnummer: str | None
    raw: str | None
    title: str | None
    kind: str | None
    vedtak: str | None
    page: int
    text: str
    attendees: list[str] = field(default_factory=list)

    @property
    def has_vedtak(self) -> bool:
        return bool(self.vedtak and self.vedtak.strip())


@dataclass
class Entries:
    meta: DocumentMeta
    sections: list[SectionEntry]
    saker: list[SakEntry]


def _meta(doc_id: str, record: Record) -> DocumentMeta:
    return DocumentMeta(
        doc_id=doc_id,
        title=record.title,
        source=record.source.url or record.source.path,
        doc_type=record.doc_type or "annet",
        year=record.year,
        date=record.date,
        language=record.language,
        organ=record.organ,
        sykehusomrader=list(dict.fromkeys(record.sykehusomrader)),
        persons=list(dict.fromkeys(record.persons)),
        organizations=list(dict.fromkeys(record.organizations)),
    )


def _join(*parts: str | None) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _pseudo_section_text(record: Record) -> str:
    lines: list[str | None] = [record.title, record.organ]
    for sak in record.saker:
        lines.append(" ".join(x for x in (sak.raw or sak.saksnummer, sak.title) if x))
        lines.append(sak.vedtak)
    lines.append(", ".join(a.name for a in record.attendees.present))
    return _join(*lines)


def project(doc_id: str, record: Record) -> Entries:
    meta = _meta(doc_id, record)
    sections: list[SectionEntry] = []
    texts = []
    for sec in record.sections:
        text = sec.text or ""
        if sec.title and not text.lstrip().startswith(sec.title.strip()):
            text = _join(sec.title, text)
        texts.append(text)
    numbers = section_case_numbers(record, texts)
    for i, (sec, text) in enumerate(zip(record.sections, texts, strict=True)):
        page = max(1, int(sec.page or 1))
        sections.append(SectionEntry(i, sec.number, sec.title, page, text, numbers[i]))
    if not sections:
        text = _pseudo_section_text(record)
        sections.append(SectionEntry(0, None, record.title or "", 1, text, text_case_numbers(record, 1, text)))
    present = [a.name for a in record.attendees.present]
    saker = [
        SakEntry(
            index=i,
            saksnummer=sak.saksnummer,
            raw=sak.raw,
            title=sak.title,
            kind=sak.kind,
            vedtak=(sak.vedtak or "").strip() or None,
            page=max(1, int(sak.page or 1)),
            text=_join(sak.title, sak.vedtak),
            attendees=present,
        )
        for i, sak in enumerate(record.saker)
    ]
    return Entries(meta, sections, saker)
