"""`build_record`: a `LayoutDocument` read by the NLP steps, in order, into a contract record.

The steps (each declares what it reads and sets; see `nlp.analysis`):

language -> meeting fields -> title (a bare type word joined with the meeting's organ
field) -> a first year (case numbers need it to tell `5/12` from a date) -> cases and
their heading lines -> attendees (before the first case heading) -> document type (cues
and structure) -> date and year, organ (for that type) -> officers stated in prose -> a
case paper's own case -> hospital areas -> persons -> organisations -> sections (the
extractor's, as the record's).
"""

from __future__ import annotations

from collections.abc import Sequence

from contract.record import Record, RecordWarning, Section, Source
from extractors.layout import LayoutDocument
from nlp.analysis import INPUTS, Analysis, Step, step
from nlp.attendance import steps as attendance
from nlp.cases import steps as cases
from nlp.entities import steps as entities
from nlp.meeting import steps as meeting


@step("sections", reads=["layout_sections"], sets=["sections"])
def sections(a: Analysis) -> None:
    a.sections = [Section(s.number, s.title, s.level, s.page, s.text, ocr=s.ocr) for s in a.layout_sections]


STEPS: tuple[Step, ...] = (
    meeting.language,
    meeting.fields,
    meeting.title,
    meeting.context_year,
    cases.cases,
    attendance.attendees,
    meeting.doc_type,
    meeting.date_and_year,
    meeting.organ,
    attendance.officers,
    cases.own_case,
    entities.areas,
    entities.persons,
    entities.organizations,
    sections,
)


def check_order(steps: Sequence[Step]) -> None:
    """Every field a step reads is an input or set by an earlier step."""
    available = set(INPUTS)
    for item in steps:
        missing = set(item.reads) - available
        if missing:
            raise ValueError(f"step {item.name} reads {', '.join(sorted(missing))} before any step sets it")
        available |= set(item.sets)


check_order(STEPS)


def analyse(layout: LayoutDocument, steps: Sequence[Step] = STEPS) -> Analysis:
    analysis = Analysis.from_layout(layout)
    for item in steps:
        item.run(analysis)
    return analysis


def build_record(layout: LayoutDocument, *, path: str, sha256: str, url: str | None = None) -> Record:
    a = analyse(layout)
    return Record(
        source=Source(path=path, sha256=sha256, pages=a.pages, url=url, ocr_pages=list(layout.ocr_pages)),
        doc_type=a.doc_type,
        title=a.title,
        language=a.language,
        year=a.year,
        date=a.date,
        organ=a.organ,
        sykehusomrader=a.sykehusomrader,
        sections=a.sections,
        saker=a.saker,
        attendees=a.attendees,
        persons=a.persons,
        organizations=a.organizations,
        warnings=[RecordWarning(w.code, w.message) for w in layout.warnings],
    )
