"""Extract stage: PDF files read into the layout model (`extractors.layout`).

`read_layout(path)` reads one PDF in the calling process; `read_layout_guarded(path,
timeout_s)` does the same in a child process under a time limit. Input that cannot be
read raises a `LayoutError` subclass whose `code` is stable (see `extractors.errors`).
"""

from extractors.errors import (
    ERROR_CODES,
    CorruptPdfError,
    EmptyPdfError,
    EncryptedPdfError,
    ExtractionCrashedError,
    ExtractionTimeoutError,
    LayoutError,
    NoTextLayerError,
    NotPdfError,
    TruncatedPdfError,
    UnreadableFileError,
)
from extractors.guarded import read_layout_guarded
from extractors.layout import LayoutDocument, Line, Table, TocEntry
from extractors.reader import read_layout

__all__ = [
    "ERROR_CODES",
    "CorruptPdfError",
    "EmptyPdfError",
    "EncryptedPdfError",
    "ExtractionCrashedError",
    "ExtractionTimeoutError",
    "LayoutDocument",
    "LayoutError",
    "Line",
    "NoTextLayerError",
    "NotPdfError",
    "Table",
    "TocEntry",
    "TruncatedPdfError",
    "UnreadableFileError",
    "read_layout",
    "read_layout_guarded",
]
