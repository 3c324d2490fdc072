"""Page layout for the samples: styles, special flowables and the document builder."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .fonts import register_fonts

Furniture = Callable[[Canvas, "DocSpec", int], None]


@dataclass
class DocSpec:
    """One sample document: where it goes, how its pages look, and its metadata."""

    stem: str
    title: str
    author: str
    subject: str
    created: dt.datetime
    pages: int
    pagesize: tuple[float, float]
    margins: tuple[float, float, float, float]  # left, right, top, bottom
    base_size: float
    furniture: Furniture
    family: str = "Sans"
    leading: float = 1.25
    keywords: str = ""
    style_overrides: dict[str, dict] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.stem}.pdf"

    @property
    def bold(self) -> str:
        return f"{self.family}-Bold"


def make_styles(spec: DocSpec) -> dict[str, ParagraphStyle]:
    """Named paragraph styles, scaled from the document's base size."""
    register_fonts()
    s, fam, bold = spec.base_size, spec.family, spec.bold
    lead = spec.leading

    def style(name: str, size: float, font: str = fam, **kw) -> ParagraphStyle:
        kw.setdefault("leading", size * lead)
        kw.setdefault("spaceAfter", s * 0.5)
        return ParagraphStyle(name, fontName=font, fontSize=size, bulletFontName=fam, **kw)

    styles = {
        "body": style("body", s),
        "tight": style("tight", s, spaceAfter=0),
        "small": style("small", s * 0.85),
        "tiny": style("tiny", s * 0.7, spaceAfter=s * 0.2),
        "bold": style("bold", s, bold, spaceAfter=s * 0.3),
        "boldtight": style("boldtight", s, bold, spaceAfter=0),
        "title": style("title", s * 2.2, bold, spaceAfter=s * 0.8, leading=s * 2.7),
        "subtitle": style("subtitle", s * 1.5, fam, spaceAfter=s * 0.8),
        "center": style("center", s, alignment=TA_CENTER),
        "h1": style("h1", s * 1.35, bold, spaceBefore=s * 0.9, spaceAfter=s * 0.6, keepWithNext=1),
        "h2": style("h2", s * 1.18, bold, spaceBefore=s * 0.7, spaceAfter=s * 0.5, keepWithNext=1),
        "h3": style("h3", s * 1.05, bold, spaceBefore=s * 0.6, spaceAfter=s * 0.4, keepWithNext=1),
        "h4": style("h4", s, bold, spaceBefore=s * 0.5, spaceAfter=s * 0.3, keepWithNext=1),
        "caps": style("caps", s * 1.1, bold, spaceBefore=s * 0.8, spaceAfter=s * 0.4, keepWithNext=1),
        "slidetitle": style("slidetitle", s * 1.5, bold, spaceAfter=s * 0.9, textColor=colors.HexColor("#003A70")),
        "cell": style("cell", s * 0.92, spaceAfter=0, leading=s * 0.92 * 1.2),
        "cellhead": style("cellhead", s * 0.92, bold, spaceAfter=0, leading=s * 0.92 * 1.2),
        "footnote": style("footnote", s * 0.75, spaceAfter=0),
    }
    for name, overrides in spec.style_overrides.items():
        base = styles.get(name) or styles["body"]
        styles[name] = ParagraphStyle(name, parent=base, **overrides)
    return styles


class TocLine(Flowable):
    """A table-of-contents line: title, dotted leader and page number, all real text."""

    def __init__(self, text: str, page: str, indent: float, font: str, size: float) -> None:
        super().__init__()
        self.text, self.page, self.indent, self.font, self.size = text, page, indent, font, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.9

    def draw(self) -> None:
        canv = self.canv
        canv.setFont(self.font, self.size)
        y = self.size * 0.5
        page = " " + self.page  # spaces are real characters, as in a word processor's output
        page_w = stringWidth(page, self.font, self.size)
        head = self.text + " "
        dot_w = stringWidth(".", self.font, self.size)
        count = max(int((self.width - self.indent - page_w - stringWidth(head, self.font, self.size)) / dot_w), 0)
        canv.drawString(self.indent, y, head + "." * count)
        canv.drawRightString(self.width, y, page)


class FootnoteMark(Flowable):
    """Zero-size marker that queues a footnote for the bottom of the page it lands on."""

    def __init__(self, number: str, text: str) -> None:
        super().__init__()
        self.number, self.text = number, text

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = getattr(self.canv, "_sample_doc", None)
        if doc is not None:
            doc.footnotes.append((self.number, self.text))


class SampleDocTemplate(BaseDocTemplate):
    """A one-frame document whose pages get the spec's furniture and queued footnotes."""

    def __init__(self, target, spec: DocSpec, styles: dict[str, ParagraphStyle]) -> None:
        self.spec = spec
        self.styles = styles
        self.footnotes: list[tuple[str, str]] = []
        width, height = spec.pagesize
        left, right, top, bottom = spec.margins
        super().__init__(
            target,
            pagesize=spec.pagesize,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=spec.title,
            author=spec.author,
            subject=spec.subject,
            keywords=spec.keywords,
            creator="samsok sample generator (ReportLab)",
            invariant=1,
            lang="nb-NO",
        )
        frame = Frame(left, bottom, width - left - right, height - top - bottom, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page,
                                            onPageEnd=self._on_page_end)])

    def _on_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv._sample_doc = self
        canv.saveState()
        self.spec.furniture(canv, self.spec, canv.getPageNumber())
        canv.restoreState()

    def _on_page_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if not self.footnotes:
            return
        spec = self.spec
        left, _right, _top, bottom = spec.margins
        size = self.styles["footnote"].fontSize
        line_h = size * 1.3
        y = bottom - 4
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.line(left, y, left + 150, y)
        for number, text in self.footnotes:
            y -= line_h
            canv.setFont(spec.family, size * 0.7)
            canv.drawString(left, y + size * 0.35, number)
            canv.setFont(spec.family, size)
            canv.drawString(left + size * 0.8, y, text)
        canv.restoreState()
        self.footnotes = []


def build_pdf(
    spec: DocSpec, flowables: list[Flowable], styles: dict[str, ParagraphStyle], *, strict: bool = True
) -> bytes:
    """Render to bytes, reproducibly: invariant mode and a creation date taken from the spec."""
    register_fonts()
    rl_config.invariant = 1
    epoch = int(spec.created.replace(tzinfo=dt.UTC).timestamp())
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        buffer = io.BytesIO()
        doc = SampleDocTemplate(buffer, spec, styles)
        doc.build(flowables)
        pages = doc.page
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    if pages != spec.pages:
        if not strict:
            print(f"warning: {spec.filename}: {pages} pages, expected {spec.pages}")
            return buffer.getvalue()
        raise RuntimeError(f"{spec.filename}: laid out on {pages} pages, expected {spec.pages}")
    return buffer.getvalue()


def write_pdf(spec: DocSpec, data: bytes, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / spec.filename
    path.write_bytes(data)
    return path
