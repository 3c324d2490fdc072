"""The cases-and-decisions steps: the cases and their decisions, and a board case
paper's own case."""

from __future__ import annotations

from contract.saksnummer import find_prefixed
from nlp.analysis import Analysis, step
from nlp.cases.cases import document_case, extract_saker


@step("cases", reads=["lines", "context_year", "body_size", "tables"], sets=["saker", "case_heading_at"])
def cases(a: Analysis) -> None:
    a.saker, a.case_heading_at = extract_saker(
        a.lines, context_year=a.context_year, body_size=a.body_size, tables=a.tables
    )


def _case_title(title: str, raw: str | None) -> str:
    """A board case's title from the document's: its own case number left out."""
    if raw and raw in title:
        for number in find_prefixed(title):
            if number.raw == raw:
                return title.replace(title[number.start : number.end], "").strip(" -–:") or title
    return title


@step(
    "document_case",
    reads=["doc_type", "saker", "title", "furniture", "metadata", "first_page", "year", "lines", "body_size"],
    sets=["saker"],
)
def own_case(a: Analysis) -> None:
    """A case paper is its own case: its number from the title, the running lines, the PDF
    subject or the first page (when it stands only in a form field), its title from the
    document's."""
    if a.doc_type != "saksframlegg":
        return
    if not any(sak.saksnummer for sak in a.saker):
        pdf_subject = [a.metadata.get(key, "") for key in ("Subject", "Keywords")]
        for source in [a.title or "", *a.furniture, *pdf_subject, a.first_page]:
            numbers = find_prefixed(source, a.year)
            if numbers:
                number = numbers[0]
                case_title = a.title.replace(source[number.start : number.end], "").strip(" -–:") if a.title else None
                a.saker = [document_case(a.lines, saksnummer=number.saksnummer, raw=number.raw,
                                         title=case_title or a.title, body_size=a.body_size)]
                break
    if len(a.saker) == 1 and a.saker[0].title is None and a.title:
        a.saker[0].title = _case_title(a.title, a.saker[0].raw)
