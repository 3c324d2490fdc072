"""The analysis object the NLP steps work on, and the step type.

An `Analysis` starts from a `LayoutDocument` (its inputs: lines, tables, text, pages,
body text size, furniture, PDF metadata, first page, sections) and is filled by the
steps of `nlp.pipeline` in order. Each `Step` declares the fields it reads and the
fields it sets, in the style of spaCy's pipeline components; the pipeline checks that
every field a step reads is an input or set by an earlier step.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields

from contract.record import Attendees, Sak, Section
from extractors.layout import LayoutDocument, LayoutSection, Line, Table

FIRST_PAGE_LINES = 60


def body_size(lines: Sequence[Line]) -> float:
    """The median font size of the running text (0 when sizes are unknown)."""
    sizes = [ln.size for ln in lines if ln.size > 0]
    return statistics.median(sizes) if sizes else 0.0


@dataclass
class Analysis:
    # inputs, from the layout
    lines: list[Line]
    tables: list[Table]
    text: str
    pages: int
    body_size: float
    furniture: list[str]  # running headers and footers (they can carry facts)
    metadata: dict[str, str]  # the PDF's info dict
    first_page: str  # the first page's running text (at most FIRST_PAGE_LINES lines)
    layout_sections: list[LayoutSection]
    # set by the steps
    language: str = "nb"
    fields: dict[str, str] = field(default_factory=dict)  # the meeting's labelled fields (`Møte:`, `Dato:`)
    title: str | None = None
    context_year: int | None = None  # a first guess of the year, for case numbers
    saker: list[Sak] = field(default_factory=list)
    case_heading_at: set[int] = field(default_factory=set)  # line indexes of case headings
    attendees: Attendees = field(default_factory=Attendees)
    doc_type: str = "annet"
    year: int | None = None
    date: str | None = None
    organ: str | None = None
    sykehusomrader: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # the record's sections

    @classmethod
    def from_layout(cls, layout: LayoutDocument) -> Analysis:
        lines = layout.lines
        first = lines[0].page if lines else 1
        return cls(
            lines=lines,
            tables=layout.tables,
            text=layout.text(),
            pages=layout.pages,
            body_size=body_size(lines),
            furniture=[ln.text for ln in getattr(layout, "furniture", None) or []],
            metadata=layout.metadata or {},
            first_page="\n".join(ln.text for ln in lines[:FIRST_PAGE_LINES] if ln.page == first),
            layout_sections=list(layout.sections),
        )


INPUTS = frozenset(
    ("lines", "tables", "text", "pages", "body_size", "furniture", "metadata", "first_page", "layout_sections")
)
FIELDS = frozenset(f.name for f in fields(Analysis))


@dataclass(frozen=True)
class Step:
    """One NLP step: `run(analysis)` reads the fields `reads` and sets the fields `sets`."""

    name: str
    reads: tuple[str, ...]
    sets: tuple[str, ...]
    run: Callable[[Analysis], None]


def step(name: str, *, reads: Sequence[str], sets: Sequence[str]) -> Callable[[Callable[[Analysis], None]], Step]:
    """Declare a function of the analysis as a step."""
    unknown = (set(reads) | set(sets)) - FIELDS
    if unknown:
        raise ValueError(f"step {name}: no such analysis field(s): {', '.join(sorted(unknown))}")

    def wrap(run: Callable[[Analysis], None]) -> Step:
        return Step(name, tuple(reads), tuple(sets), run)

    return wrap
