"""Extract stage: PDF files read into the layout model (`extractors.layout`).

`read_layout(path)` reads one PDF in the calling process; `read_layout_guarded(path,
timeout_s)` does the same in a child process under a time limit, and `WorkerPool` (in
`extractors.pool`) keeps guarded workers for many jobs. Input that cannot be read raises
a `LayoutError` subclass whose `code` is stable (see `extractors.errors`, the one list of
error codes). Layer: just above `contract/`, but this package imports nothing of the
project (the layout types are its own; NLP reads them); its few language-bound
patterns (page numbers, hyphenation, the one bullet table) are in `extractors/data/`.
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
from extractors.layout import LayoutDocument, LayoutSection, Line, Table, TocEntry
from extractors.pool import WorkerPool, run_guarded
from extractors.reader import read_layout, read_layout_guarded

__all__ = [
    "ERROR_CODES",
    "CorruptPdfError",
    "EmptyPdfError",
    "EncryptedPdfError",
    "ExtractionCrashedError",
    "ExtractionTimeoutError",
    "LayoutDocument",
    "LayoutError",
    "LayoutSection",
    "Line",
    "NoTextLayerError",
    "NotPdfError",
    "Table",
    "TocEntry",
    "TruncatedPdfError",
    "UnreadableFileError",
    "WorkerPool",
    "read_layout",
    "read_layout_guarded",
    "run_guarded",
]
