"""Builders for the kinds of bad input `samsok extract` must survive."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from tests.conftest import SAMPLES

MINUTES = SAMPLES / "helsefellesskap-oslo-ssu-referat-2024-12-05.pdf"


def not_a_pdf(path: Path) -> Path:
    path.write_text("<html><body>Siden finnes ikke</body></html>", encoding="utf-8")
    return path


def truncated(path: Path) -> Path:
    data = MINUTES.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def encrypted(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt="hemmelig")
    c.drawString(72, 750, "Referat fra møte i Samarbeidsforum")
    c.showPage()
    c.save()
    return path


def scanned(path: Path) -> Path:
    """A page that carries only an image of text: no text layer, as from a scanner."""
    width, height = 400, 120
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            ink = 20 <= y <= 30 and (x // 6) % 2 == 0 and 20 <= x <= 380
            row += b"\x00" if ink else b"\xff"
        rows.append(bytes(row))
    png = _gray_png(width, height, rows)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(png)), 72, 600, width=width, height=height)
    c.showPage()
    c.save()
    return path


def zero_pages(path: Path) -> Path:
    """A syntactically valid PDF whose page tree is empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def _gray_png(width: int, height: int, rows: list[bytes]) -> bytes:
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + r for r in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
