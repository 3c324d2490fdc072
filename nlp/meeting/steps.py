"""The meeting-metadata steps: language, labelled fields, title, a first year, document
type, date and year, organ."""

from __future__ import annotations

from contract.record import Attendees
from nlp.analysis import Analysis, step
from nlp.cases.decisions import decision_label
from nlp.meeting.dates import find_dates, first_date
from nlp.meeting.doc_type import Structure, classify
from nlp.meeting.language import detect_language
from nlp.meeting.metadata import find_date_and_year, find_organ, meeting_fields
from nlp.meeting.title import document_title, is_generic
from nlp.textutil import ws


@step("language", reads=["text"], sets=["language"])
def language(a: Analysis) -> None:
    a.language = detect_language(a.text)


@step("meeting_fields", reads=["lines"], sets=["fields"])
def fields(a: Analysis) -> None:
    a.fields = meeting_fields(a.lines)


@step("title", reads=["lines", "metadata", "fields"], sets=["title"])
def title(a: Analysis) -> None:
    a.title = document_title(a.lines, a.metadata)
    if a.title and is_generic(a.title) and a.fields.get("organ"):
        a.title = ws(f"{a.title} {a.fields['organ']}")  # `REFERAT` above `Møte: Lokalt samarbeidsutvalg`


@step("context_year", reads=["fields", "title", "text"], sets=["context_year"])
def context_year(a: Analysis) -> None:
    """A first guess of the year: case numbers need it to tell `5/12` from a date."""
    date = first_date(a.fields.get("date", "")) or first_date(a.title or "")
    if date:
        a.context_year = date.year
        return
    years = [d.date.year for d in find_dates(a.text) if d.has_year]
    a.context_year = max(years) if years else None


def _structure(a: Analysis) -> Structure:
    labels = [label.priority for ln in a.lines if (label := decision_label(ln.text))]
    return Structure(
        decisions=sum(1 for priority in labels if priority < 3),
        has_attendance=_has_attendance(a.attendees),
        cases=len(a.saker),
        decided_cases=sum(1 for sak in a.saker if sak.vedtak and sak.saksnummer),
        proposals=sum(1 for priority in labels if priority == 3),
    )


def _has_attendance(attendees: Attendees) -> bool:
    return bool(attendees.present or attendees.absent)


@step("doc_type", reads=["title", "first_page", "text", "lines", "pages", "saker", "attendees"], sets=["doc_type"])
def doc_type(a: Analysis) -> None:
    a.doc_type = classify(
        title=a.title, first_page=a.first_page, body=a.text, lines=a.lines, pages=a.pages, structure=_structure(a)
    )


@step("date_and_year", reads=["lines", "title", "doc_type", "fields", "metadata", "furniture"], sets=["year", "date"])
def date_and_year(a: Analysis) -> None:
    pdf_subject = [a.metadata.get(key, "") for key in ("Subject", "Keywords")]
    when = find_date_and_year(
        a.lines, title=a.title, doc_type=a.doc_type, fields=a.fields, metadata=a.metadata,
        extra_texts=[*a.furniture, *pdf_subject],
    )
    a.year = when.year
    a.date = when.date.isoformat() if when.date else None


@step("organ", reads=["lines", "title", "doc_type", "fields"], sets=["organ"])
def organ(a: Analysis) -> None:
    a.organ = find_organ(a.lines, title=a.title, doc_type=a.doc_type, fields=a.fields)
