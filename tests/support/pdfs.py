"""PDF builders for the tests: small PDFs with exact layouts drawn with reportlab, and the
kinds of bad input the extractor and `samsok extract` must survive."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from tests.support.paths import CORPUS, SAMPLES  # noqa: F401  (re-exported to the extractor tests)


@dataclass(frozen=True)
class Text:
    """A string drawn with its baseline `y` points from the page top."""

    text: str
    y: float
    x: float = 56.0
    size: float = 10.5
    bold: bool = False
    align_right: bool = False


@dataclass(frozen=True)
class Rule:
    """A line from (x0, y0) to (x1, y1), y from the page top."""

    x0: float
    y0: float
    x1: float
    y1: float


Item = Text | Rule
PageSize = tuple[float, float]


def write_pdf(path: Path, pages: Sequence[Sequence[Item]], pagesize: PageSize = A4) -> Path:
    canvas = Canvas(str(path), pagesize=pagesize)
    height = pagesize[1]
    for items in pages:
        for item in items:
            if isinstance(item, Rule):
                canvas.setLineWidth(0.6)
                canvas.line(item.x0, height - item.y0, item.x1, height - item.y1)
                continue
            canvas.setFont("Helvetica-Bold" if item.bold else "Helvetica", item.size)
            if item.align_right:
                canvas.drawRightString(item.x, height - item.y, item.text)
            else:
                canvas.drawString(item.x, height - item.y, item.text)
        canvas.showPage()
    canvas.save()
    return path


def body(lines: Sequence[str], top: float = 90.0, leading: float = 14.0, **style: object) -> list[Text]:
    """Consecutive body lines from `top` down."""
    return [Text(text, top + k * leading, **style) for k, text in enumerate(lines)]  # type: ignore[arg-type]


def furniture(page: int, pages: int, title: str = "Helsefellesskapet – Ahus og kommunene") -> list[Item]:
    """A running header with the page number and a `Side N av M` footer, as in the samples."""
    return [
        Text(f"{page} {title}", 40, size=9),
        Rule(56, 45, 539, 45),
        Text(f"Side {page} av {pages}", 815, x=539, size=9, align_right=True),
    ]


# ---------------------------------------------------------------- bad input


def text_file_named_pdf(path: Path) -> Path:
    path.write_text("<html><body>Siden finnes ikke</body></html>\n", encoding="utf-8")
    return path


def truncated_copy(source: Path, path: Path, share: float = 0.6) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * share)])
    return path


def encrypted_pdf(path: Path, user_password: str = "hemmelig") -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    encryption = StandardEncryption(userPassword=user_password, ownerPassword="eier", strength=128)
    canvas = Canvas(str(path), pagesize=A4, encrypt=encryption)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(56, 700, "Referat fra Strategisk samarbeidsutvalg")
    canvas.showPage()
    canvas.save()
    return path


def image_only_pdf(path: Path, pages: int = 2) -> Path:
    """Pages carrying a picture of text but no text layer, like a scan without OCR."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    canvas = Canvas(str(path), pagesize=A4)
    for page in range(pages):
        image = Image.new("RGB", (400, 560), "white")
        draw = ImageDraw.Draw(image)
        for row in range(20):
            draw.rectangle((30, 30 + row * 25, 370 - (row * 7 + page * 11) % 90, 42 + row * 25), fill="black")
        canvas.drawImage(ImageReader(image), 56, 100, width=480, height=672)
        canvas.showPage()
    canvas.save()
    return path


def zero_page_pdf(path: Path) -> Path:
    """A well-formed PDF whose page tree is empty."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
