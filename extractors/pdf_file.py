"""Open a PDF with pypdfium2, turning every way it can fail into a typed error.

Checks are cheap and run before parsing: the `%PDF-` header (else `not_pdf`) and the
`%%EOF` marker at the end (else `truncated`: pdfium would otherwise repair a cut file
silently and lose its last pages). Parser failures map to `encrypted` or `corrupt`;
a document without pages is `empty`.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.errors import (
    CorruptPdfError,
    EmptyPdfError,
    EncryptedPdfError,
    LayoutError,
    NotPdfError,
    TruncatedPdfError,
    UnreadableFileError,
)

PDF_MAGIC = b"%PDF-"
# Readers accept leading junk before the header; the specification allows 1024 bytes.
HEADER_WINDOW = 1024
# The end-of-file marker may be followed by whitespace or a little trailing junk.
EOF_MARKER = b"%%EOF"
EOF_WINDOW = 2048
ENCRYPT_KEY = b"/Encrypt"

# Metadata keys of the PDF info dictionary kept on the layout document.
METADATA_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate")


@dataclass
class OpenedPdf:
    data: bytes
    sha256: str
    document: pdfium.PdfDocument

    @property
    def pages(self) -> int:
        return len(self.document)

    def metadata(self) -> dict[str, str]:
        info = self.document.get_metadata_dict(skip_empty=True)
        return {key: str(info[key]).strip() for key in METADATA_KEYS if str(info.get(key, "")).strip()}


def read_file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"cannot read {path}: {exc.strerror or exc}") from exc


def check_pdf_bytes(data: bytes) -> None:
    """Raise `NotPdfError` / `TruncatedPdfError` for bytes that cannot be a whole PDF."""
    if not data:
        raise NotPdfError("the file is empty (0 bytes), not a PDF")
    if PDF_MAGIC not in data[:HEADER_WINDOW]:
        start = data[:40].decode("latin-1").strip().splitlines()
        shown = start[0][:40] if start else ""
        raise NotPdfError(f"no %PDF- header: the file starts with {shown!r}")
    if EOF_MARKER not in data[-EOF_WINDOW:]:
        raise TruncatedPdfError(f"the PDF ends without its %%EOF marker after {len(data)} bytes (truncated)")


def diagnose_load_failure(data: bytes, err_code: int | None, reason: str) -> LayoutError:
    """The typed error for bytes pdfium refused to load.

    pdfium's error code is not reset between calls (a refused empty page tree reports the
    previous file's error), so it is only trusted together with an `/Encrypt` entry, and
    otherwise pdfminer parses the file to tell an empty document from a corrupt one.
    """
    if err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and ENCRYPT_KEY in data:
        return EncryptedPdfError("the PDF is encrypted and needs a password")
    # pdfminer only for a file pdfium refused: most files never load it
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        parsed = PDFDocument(PDFParser(io.BytesIO(data)))
        pages = sum(1 for _ in PDFPage.create_pages(parsed))
    except (PDFEncryptionError, PDFPasswordIncorrect):
        return EncryptedPdfError("the PDF is encrypted and needs a password")
    except Exception:
        return CorruptPdfError(f"the PDF cannot be parsed ({reason})")
    if pages == 0:
        return EmptyPdfError("the PDF has no pages")
    return CorruptPdfError(f"the PDF cannot be parsed ({reason})")


def open_pdf(path: Path) -> OpenedPdf:
    """Read and open `path`; raise a `LayoutError` subclass when it cannot be read."""
    data = read_file_bytes(path)
    check_pdf_bytes(data)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise diagnose_load_failure(data, getattr(exc, "err_code", None), str(exc)) from exc
    if len(document) == 0:
        document.close()
        raise EmptyPdfError("the PDF has no pages")
    return OpenedPdf(data=data, sha256=hashlib.sha256(data).hexdigest(), document=document)
