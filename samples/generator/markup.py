"""A small block markup for the sample texts, turned into ReportLab flowables.

Blocks are separated by blank lines. A line starting with ``%%`` is a comment.
Text uses ReportLab's paragraph markup (``<b>``, ``<super>``, ``<a href>``); a
line ending in `` \\`` keeps its line break (used where the original broke a
line after a hyphen), ``//`` inside a table cell is a line break.

Directives and block kinds::

    @page                       page break (also @slide)
    @space 12                   vertical space in points
    @indent 56                  left indent (points) of what follows; @label puts its label there
    @style NAME                 style of the next text block (body, small, bold, caps, title, ...)
    @footnote 1 text            footnote at the bottom of the page this lands on
    # / ## / ### / #### text    headings, levels 1-4
    !! text                     bold line (unnumbered heading, label)
    - G text / -- G text        list item (level 1 / 2) with bullet glyph or number G
    @label LABEL | text         LABEL bold in the indent gutter, text beside it
    @table 0.2,0.5,0.3 [head=1] [size=9] [spanhead=1]
    a | b | c                   ruled table, one row a line; #green/#yellow/#red fill a cell
    @toc                        table of contents, lines ``title | page``
    @image NAME [width] [height]   a chart from charts.py (width: fraction of the frame)
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Image, Indenter, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.tables import TableStyle

from .charts import chart
from .layout import DocSpec, FootnoteMark, TocLine

FILLS = {
    "#green": colors.HexColor("#70AD47"),
    "#yellow": colors.HexColor("#FFC000"),
    "#red": colors.HexColor("#C00000"),
    "#grey": colors.HexColor("#D9D9D9"),
}
HEAD_FILL = colors.HexColor("#D9E2F3")
BLOCK_DIRECTIVES = ("@table", "@toc", "@image", "@label")


def _blocks(text: str) -> Iterator[list[str]]:
    block: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("%%"):
            continue
        if not line.strip():
            if block:
                yield block
                block = []
            continue
        block.append(line)
    if block:
        yield block


def join_lines(lines: list[str]) -> str:
    """Join markup lines into paragraph text; `` \\`` at a line end keeps the break."""
    out = ""
    for i, line in enumerate(lines):
        line = line.strip()
        hard = line.endswith(" \\") or line == "\\"
        if hard:
            line = line[:-1].rstrip()
        out += line
        if i < len(lines) - 1:
            out += "<br/>" if hard else " "
    return out


def _options(tokens: list[str]) -> dict[str, str]:
    opts = {}
    for token in tokens:
        key, _, value = token.partition("=")
        opts[key] = value or "1"
    return opts


class Builder:
    """Turns the markup of one document into flowables."""

    def __init__(self, spec: DocSpec, styles: dict[str, ParagraphStyle], avail_width: float) -> None:
        self.spec = spec
        self.styles = styles
        self.avail_width = avail_width
        self.indent = 0.0
        self.next_style: str | None = None
        self.out: list[Flowable] = []

    # -- helpers -----------------------------------------------------------------
    def style(self, name: str, **changes) -> ParagraphStyle:
        base = self.styles[name]
        if not changes:
            return base
        return ParagraphStyle(f"{name}-{len(self.out)}", parent=base, **changes)

    def take_style(self, default: str) -> str:
        name = self.next_style or default
        self.next_style = None
        return name

    # -- directives --------------------------------------------------------------
    def directive(self, line: str) -> bool:
        parts = line.split(None, 1)
        name, arg = parts[0], (parts[1] if len(parts) > 1 else "")
        if name in ("@page", "@slide"):
            self.out.append(PageBreak())
        elif name == "@space":
            self.out.append(Spacer(1, float(arg)))
        elif name == "@keep":
            self.out.append(CondPageBreak(float(arg)))
        elif name == "@indent":
            new = float(arg)
            if new != self.indent:
                self.out.append(Indenter(left=new - self.indent))
                self.indent = new
        elif name == "@style":
            self.next_style = arg.strip()
        elif name == "@footnote":
            number, _, text = arg.partition(" ")
            self.out.append(FootnoteMark(number, text))
        else:
            return False
        return True

    # -- blocks ------------------------------------------------------------------
    def block(self, lines: list[str]) -> None:
        first = lines[0]
        if first.startswith("@table"):
            self.table(first.split()[1:], lines[1:])
        elif first.startswith("@toc"):
            self.toc(lines[1:])
        elif first.startswith("@image"):
            self.image(first.split()[1:])
        elif first.startswith("@label"):
            self.label(lines)
        elif first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            text = join_lines([first[level:], *lines[1:]])
            self.out.append(Paragraph(text, self.styles[self.take_style(f"h{level}")]))
        elif first.startswith("!! "):
            text = join_lines([first[3:], *lines[1:]])
            self.out.append(Paragraph(text, self.styles[self.take_style("bold")]))
        elif first.startswith("- ") or first.startswith("-- "):
            self.items(lines)
        elif first.startswith("@"):
            raise ValueError(f"unknown directive in block: {first!r}")
        else:
            self.out.append(Paragraph(join_lines(lines), self.styles[self.take_style("body")]))

    def items(self, lines: list[str]) -> None:
        items: list[tuple[int, str, list[str]]] = []
        for line in lines:
            match = re.match(r"^(--?) (\S+) ?(.*)$", line)
            if match and line.startswith(("- ", "-- ")):
                items.append((len(match.group(1)), match.group(2), [match.group(3)]))
            else:
                items[-1][2].append(line)
        base_name = self.take_style("body")
        base = self.styles[base_name]
        step = base.fontSize * 1.6
        for n, (level, glyph, body) in enumerate(items):
            numbered = bool(re.match(r"^\d+\.$", glyph))
            hang = base.fontSize * (1.8 if numbered else 1.4)
            style = ParagraphStyle(
                f"li-{len(self.out)}-{n}",
                parent=base,
                leftIndent=step * (level - 1) + hang + (step * 0.4 if level == 1 and not numbered else 0),
                bulletIndent=step * (level - 1) + (step * 0.4 if level == 1 and not numbered else 0),
                bulletFontName=base.fontName,
                bulletFontSize=base.fontSize,
                spaceAfter=base.spaceAfter * 0.6,
            )
            self.out.append(Paragraph(join_lines(body), style, bulletText=glyph))

    def label(self, lines: list[str]) -> None:
        head, _, text = lines[0][len("@label"):].partition("|")
        label = head.strip()
        body = join_lines([text.strip(), *lines[1:]]) if (text.strip() or len(lines) > 1) else ""
        base = self.styles[self.take_style("body")]
        if not body:
            style = ParagraphStyle(f"lab-{len(self.out)}", parent=base, leftIndent=-self.indent)
            self.out.append(Paragraph(f"<b>{label}</b>", style))
            return
        style = ParagraphStyle(
            f"lab-{len(self.out)}",
            parent=base,
            bulletIndent=-self.indent,
            bulletFontName=self.spec.bold,
            bulletFontSize=base.fontSize,
        )
        self.out.append(Paragraph(body, style, bulletText=label))

    def table(self, tokens: list[str], rows: list[str]) -> None:
        fractions = [float(x) for x in tokens[0].split(",")]
        opts = _options(tokens[1:])
        head = int(opts.get("head", "1"))
        size = float(opts.get("size", str(self.styles["cell"].fontSize)))
        pad = float(opts.get("pad", "3"))
        cell = self.style("cell", fontSize=size, leading=size * 1.2)
        cellhead = self.style("cellhead", fontSize=size, leading=size * 1.2)
        width = self.avail_width - self.indent
        data: list[list[object]] = []
        commands: list[tuple] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), opts.get("valign", "TOP")),
            ("LEFTPADDING", (0, 0), (-1, -1), pad + 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad + 1),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 1),
        ]
        for r, row in enumerate(rows):
            cells = [c.strip() for c in re.split(r"\s*\|\s*", row.strip())]
            cells += [""] * (len(fractions) - len(cells))
            out_row: list[object] = []
            for c, text in enumerate(cells):
                if text in FILLS:
                    commands.append(("BACKGROUND", (c, r), (c, r), FILLS[text]))
                    text = ""
                style = cellhead if r < head else cell
                out_row.append(Paragraph(text.replace(" // ", "<br/>").replace("//", "<br/>"), style))
            data.append(out_row)
        if head:
            commands.append(("BACKGROUND", (0, 0), (-1, head - 1), HEAD_FILL))
        if opts.get("spanhead"):
            commands.append(("SPAN", (0, 0), (-1, 0)))
        table = Table(data, colWidths=[f * width for f in fractions], hAlign="LEFT", repeatRows=0)
        table.setStyle(TableStyle(commands))
        self.out.append(table)
        self.out.append(Spacer(1, float(opts.get("after", str(self.spec.base_size * 0.8)))))

    def toc(self, lines: list[str]) -> None:
        style = self.styles["body"]
        for line in lines:
            title, _, page = line.rpartition(" | ")
            number = title.split()[0]
            depth = number.rstrip(".").count(".")
            indent = [0, 12, 24, 36][min(depth, 3)]
            font = self.spec.bold if depth == 0 else self.spec.family
            self.out.append(TocLine(title, page.strip(), indent, font, style.fontSize))

    def image(self, tokens: list[str]) -> None:
        name = tokens[0]
        frac = float(tokens[1]) if len(tokens) > 1 else 1.0
        data = chart(name)
        reader = ImageReader(io.BytesIO(data))
        iw, ih = reader.getSize()
        width = (self.avail_width - self.indent) * frac
        height = float(tokens[2]) if len(tokens) > 2 else width * ih / iw
        self.out.append(Image(io.BytesIO(data), width=width, height=height, hAlign="LEFT"))
        self.out.append(Spacer(1, self.spec.base_size * 0.6))


def parse(text: str, spec: DocSpec, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    width, _height = spec.pagesize
    left, right, _top, _bottom = spec.margins
    builder = Builder(spec, styles, width - left - right)
    for lines in _blocks(text):
        while lines and lines[0].startswith("@") and not lines[0].startswith(BLOCK_DIRECTIVES):
            if not builder.directive(lines[0]):
                raise ValueError(f"unknown directive: {lines[0]!r}")
            lines = lines[1:]
        if lines:
            builder.block(lines)
    return builder.out
