"""Layout model: what the extractors hand to the NLP stage.

A `LayoutDocument` is the PDF read with layout: page furniture (running headers,
footers, page numbers) removed, hyphenation at line ends repaired, reading order
kept, ruled tables read as rows, and sections found. The NLP stage reads only
this model, never the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from samsok.record import Section


@dataclass
class Line:
    """One line of running text, in reading order."""

    text: str
    page: int  # 1-based
    x0: float = 0.0
    top: float = 0.0
    size: float = 0.0  # dominant font size in points
    bold: bool = False
    in_table: bool = False  # the line lies inside a ruled table (its cells are in `tables`)
    heading: bool = False  # the line was recognised as a section heading


@dataclass
class Table:
    page: int  # 1-based page where the table starts
    rows: list[list[str | None]]  # empty cells kept as None or ""
    top: float = 0.0


@dataclass
class TocEntry:
    number: str | None
    title: str
    page: int  # page number printed in the table of contents


@dataclass
class LayoutDocument:
    path: str
    sha256: str
    pages: int
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)  # PDF info dict (Title, Author, CreationDate ...)

    def text(self) -> str:
        """All running text (tables included as their lines), one line per line."""
        return "\n".join(line.text for line in self.lines)

    def page_text(self, page: int) -> str:
        return "\n".join(line.text for line in self.lines if line.page == page)
