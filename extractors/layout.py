"""Layout model: what the extractors hand to the NLP stage.

A `LayoutDocument` is the PDF read with layout: page furniture (running headers,
footers, page numbers) removed, hyphenation at line ends repaired, reading order
kept, ruled tables read as rows, and sections found. The NLP stage reads only
this model, never the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    x1: float = 0.0  # right edge
    bottom: float = 0.0  # lower edge, from the page top like `top`


@dataclass
class Table:
    page: int  # 1-based page where the table starts
    rows: list[list[str | None]]  # empty cells kept as None or ""
    top: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0


@dataclass
class LayoutSection:
    """A section found by its heading: the extractors' own type; NLP turns it into the
    record's `Section`."""

    number: str | None  # "3.1" as printed, None for an unnumbered heading
    title: str
    level: int
    page: int  # 1-based page of the heading
    text: str
    ocr: bool = False  # its pages include one read by OCR


@dataclass
class TocEntry:
    number: str | None
    title: str
    page: int  # page number printed in the table of contents
    level: int = 1  # depth of `number` (3.1.1 -> 3); 1 for an unnumbered entry


@dataclass
class LayoutWarning:
    """Something the reader could not do fully (e.g. an OCR limit hit); the document is still read."""

    code: str
    message: str


@dataclass
class LayoutDocument:
    path: str
    sha256: str
    pages: int
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    sections: list[LayoutSection] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)  # PDF info dict (Title, Author, CreationDate ...)
    # Running headers, footers and page numbers taken out of `lines`, in page order; kept
    # because they can carry facts (e.g. "styresak 19/2021").
    furniture: list[Line] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text was read by OCR
    warnings: list[LayoutWarning] = field(default_factory=list)

    def text(self) -> str:
        """All running text (tables included as their lines), one line per line."""
        return "\n".join(line.text for line in self.lines)

    def page_text(self, page: int) -> str:
        return "\n".join(line.text for line in self.lines if line.page == page)
