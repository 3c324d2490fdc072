"""Typed errors for PDFs that cannot be read, each with a stable `code`.

The code is what a record's `error.code` carries (see the contract), so it must not
change once published; the message is for people and may.
"""

from __future__ import annotations


class LayoutError(Exception):
    """Base class: the file could not be read into a layout document."""

    code = "extract_failed"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[type[LayoutError], tuple[str]]:
        # Keeps the subclass and message when the error crosses a process boundary.
        return (type(self), (self.message,))


class UnreadableFileError(LayoutError):
    """The file could not be opened or read from disk."""

    code = "unreadable"


class NotPdfError(LayoutError):
    """The bytes are not a PDF (no `%PDF-` header), e.g. an HTML page saved as .pdf."""

    code = "not_pdf"


class EncryptedPdfError(LayoutError):
    """The PDF needs a password to be opened."""

    code = "encrypted"


class TruncatedPdfError(LayoutError):
    """The PDF ends early: its end-of-file marker is missing (an interrupted download)."""

    code = "truncated"


class CorruptPdfError(LayoutError):
    """The PDF is complete but its structure cannot be parsed."""

    code = "corrupt"


class EmptyPdfError(LayoutError):
    """The PDF has no pages."""

    code = "empty"


class NoTextLayerError(LayoutError):
    """The PDF has pages but no text layer (a scan without OCR)."""

    code = "no_text"


class ExtractionTimeoutError(LayoutError):
    """Extraction took longer than the per-file time limit and was stopped."""

    code = "timeout"


class ExtractionCrashedError(LayoutError):
    """The process reading the file died (e.g. the parser crashed)."""

    code = "worker_crashed"


ERROR_CODES: tuple[str, ...] = tuple(
    cls.code
    for cls in (
        UnreadableFileError,
        NotPdfError,
        EncryptedPdfError,
        TruncatedPdfError,
        CorruptPdfError,
        EmptyPdfError,
        NoTextLayerError,
        ExtractionTimeoutError,
        ExtractionCrashedError,
    )
)
