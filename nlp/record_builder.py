"""`build_record`: a `LayoutDocument` read by the NLP rules into a contract record.

Order: language and title (a bare type word joined with the meeting's organ field); the
meeting's labels; a first guess of the year (case numbers
need it to tell `5/12` from a date); the cases and their heading lines; the attendees
(before the first case heading); the document type from cues and structure; organ,
date and year for that type; a board case paper's own case (its title from the document's title when the case
number stands only in a form field); hospital areas; persons and
organisations. Sections are the extractor's, as they are.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from extractors.layout import LayoutDocument, Line
from nlp.areas import find_areas
from nlp.attendees import extract_attendees
from nlp.dates import find_dates, first_date
from nlp.doc_type import Structure, classify
from nlp.entities import find_all_organizations, find_persons
from nlp.language import detect_language
from nlp.metadata import find_date_and_year, find_organ, meeting_fields
from nlp.officers import officers_in_prose
from nlp.saker import document_case, extract_saker
from nlp.saksnummer import find_prefixed
from nlp.textutil import ws
from nlp.title import document_title, is_generic
from nlp.vedtak import decision_label
from samsok.record import Attendees, Record, RecordWarning, Source

FIRST_PAGE_LINES = 60


def body_size(lines: Sequence[Line]) -> float:
    sizes = [ln.size for ln in lines if ln.size > 0]
    return statistics.median(sizes) if sizes else 0.0


def _context_year(fields: dict[str, str], title: str | None, text: str) -> int | None:
    date = first_date(fields.get("date", "")) or first_date(title or "")
    if date:
        return date.year
    years = [d.date.year for d in find_dates(text) if d.has_year]
    return max(years) if years else None


def _structure(lines: Sequence[Line], saker_count: int, decided: int, attendees: Attendees) -> Structure:
    labels = [label.priority for ln in lines if (label := decision_label(ln.text))]
    proposals = sum(1 for priority in labels if priority == 3)
    return Structure(
        decisions=sum(1 for priority in labels if priority < 3),
        has_attendance=bool(attendees.present or attendees.absent),
        cases=saker_count,
        decided_cases=decided,
        proposals=proposals,
    )


def _case_title(title: str, raw: str | None) -> str:
    """A board case's title from the document's: its own case number left out."""
    if raw and raw in title:
        for number in find_prefixed(title):
            if number.raw == raw:
                return title.replace(title[number.start : number.end], "").strip(" -–:") or title
    return title


def build_record(layout: LayoutDocument, *, path: str, sha256: str, url: str | None = None) -> Record:
    lines = layout.lines
    text = layout.text()
    size = body_size(lines)
    furniture = [ln.text for ln in getattr(layout, "furniture", None) or []]
    metadata = layout.metadata or {}
    language = detect_language(text)
    title = document_title(lines, metadata)
    fields = meeting_fields(lines)
    if title and is_generic(title) and fields.get("organ"):
        title = ws(f"{title} {fields['organ']}")  # `REFERAT` above `Møte: Lokalt samarbeidsutvalg`
    context_year = _context_year(fields, title, text)

    saker, heading_at = extract_saker(lines, context_year=context_year, body_size=size, tables=layout.tables)
    attendees = extract_attendees(lines, layout.tables, case_heading_at=heading_at)
    decided = sum(1 for sak in saker if sak.vedtak and sak.saksnummer)
    first_page = "\n".join(ln.text for ln in lines[:FIRST_PAGE_LINES] if ln.page == (lines[0].page if lines else 1))
    doc_type = classify(
        title=title,
        first_page=first_page,
        body=text,
        lines=lines,
        pages=layout.pages,
        structure=_structure(lines, len(saker), decided, attendees),
    )
    pdf_subject = [metadata.get(key, "") for key in ("Subject", "Keywords")]
    when = find_date_and_year(
        lines, title=title, doc_type=doc_type, fields=fields, metadata=metadata, extra_texts=[*furniture, *pdf_subject]
    )
    organ = find_organ(lines, title=title, doc_type=doc_type, fields=fields)
    if attendees.chair is None or attendees.secretary is None:
        stated = officers_in_prose(lines, organ)
        attendees.chair = attendees.chair or stated.get("chair")
        attendees.secretary = attendees.secretary or stated.get("secretary")

    if doc_type == "saksframlegg" and not any(sak.saksnummer for sak in saker):
        for source in [title or "", *furniture, *pdf_subject, first_page]:
            numbers = find_prefixed(source, when.year)
            if numbers:
                number = numbers[0]
                case_title = title.replace(source[number.start : number.end], "").strip(" -–:") if title else None
                saker = [document_case(lines, saksnummer=number.saksnummer, raw=number.raw, title=case_title or title, body_size=size)]
                break

    if doc_type == "saksframlegg" and len(saker) == 1 and saker[0].title is None and title:
        saker[0].title = _case_title(title, saker[0].raw)

    people = [*attendees.present, *attendees.absent]
    areas = find_areas(
        text,
        strong=[title or "", metadata.get("Author", ""), *furniture],
        attendee_orgs=[p.org for p in people if p.org],
    )
    return Record(
        source=Source(path=path, sha256=sha256, pages=layout.pages, url=url, ocr_pages=list(layout.ocr_pages)),
        doc_type=doc_type,
        title=title,
        language=language,
        year=when.year,
        date=when.date.isoformat() if when.date else None,
        organ=organ,
        sykehusomrader=areas,
        sections=list(layout.sections),
        saker=saker,
        attendees=attendees,
        persons=find_persons(text, attendees),
        organizations=find_all_organizations(text, attendees),
        warnings=[RecordWarning(w.code, w.message) for w in layout.warnings],
    )
