"""PDF file -> contract record: the extract and NLP stages joined, with bad input contained.

`extract_file` runs in the calling process and never raises for a bad PDF: it returns a
record whose `error` says what went wrong. `GuardedExtractor` runs the same function in
the extractors' guarded worker pool (`extractors.pool.WorkerPool`) with a per-file time
limit, so a file that makes the parser hang is stopped (error code `timeout`) and the
other files go on. Error codes are the extractors' (`extractors.errors`).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from contract.record import Record, RecordError, Source
from extractors.errors import LayoutError, UnreadableFileError
from extractors.ocr.options import OcrOptions
from extractors.pool import WorkerPool, ask_for_time

log = logging.getLogger(__name__)

# Bump when extraction or NLP rules change what a record holds: the nightly flow
# re-extracts every document extracted by an older version.
EXTRACTOR_VERSION = "3"

DEFAULT_TIMEOUT_S = 120.0
STARTUP_TIMEOUT_S = 120.0


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def error_record(path: Path, sha256: str, code: str, message: str, url: str | None = None) -> Record:
    return Record(
        source=Source(path=str(path), sha256=sha256, pages=0, url=url),
        error=RecordError(code=code, message=message),
    )


def extract_file(
    path: str | os.PathLike[str],
    *,
    url: str | None = None,
    ocr: OcrOptions | None = None,
    on_ocr_page: Callable[[int], None] | None = None,
) -> Record:
    """Extract one PDF into a record; bad input gives a record with `error` set.

    `ocr` says whether and within which limits pages without a usable text layer are OCR'd
    (default: from the environment, see `extractors.ocr.options`); `on_ocr_page(page)` is
    told before each OCR'd page.
    """
    # imported here: the parent of the worker pool never loads the extraction stack
    from extractors import read_layout
    from nlp import build_record

    path = Path(path)
    try:
        sha = sha256_file(path)
    except OSError as exc:
        return error_record(path, "0" * 64, UnreadableFileError.code, f"cannot read {path}: {exc.strerror or exc}", url)
    try:
        layout = read_layout(path, ocr, on_ocr_page)
        return build_record(layout, path=str(path), sha256=sha, url=url)
    except Exception as exc:  # one bad file must never stop the others
        code = getattr(exc, "code", None)
        if code is None:
            log.exception("unexpected failure extracting %s", path)
            code = LayoutError.code
        return error_record(path, sha, str(code), str(exc) or exc.__class__.__name__, url)


# ---------------------------------------------------------------- guarded workers


def _warm_up() -> None:
    """Import the extraction stack (and load the NLP pipeline) before taking jobs."""
    import nlp  # imported here: only worker processes pay for the NLP pipeline
    from extractors.ocr.wordlist import norwegian_words  # imported here: workers only

    nlp.warm_up()
    norwegian_words()  # the text-layer quality test's word list, once per worker


Job = tuple[str, str | None, dict[str, Any]]


def _extract_job(job: Job) -> dict:
    path, url, ocr_settings = job
    ocr = OcrOptions.from_dict(ocr_settings)
    # each OCR'd page gets its own time (the per-page OCR limit) on top of the file's limit
    record = extract_file(path, url=url, ocr=ocr, on_ocr_page=lambda _page: ask_for_time(ocr.page_timeout_s))
    return record.to_dict()


def _job_path(job: Job) -> str:
    return job[0]


class GuardedExtractor:
    """Extract many files in worker processes, each file under a time limit.

    Results come back in input order. A worker that exceeds the limit is killed and
    replaced; its file gets an error record with code `timeout` (`worker_crashed` when
    the worker died). OCR runs inside the worker reading the file: before each OCR'd
    page the file's limit grows by the per-page OCR limit (`ocr.page_timeout_s`), so a
    scan is bounded by its page limits while the other workers go on with other files.
    """

    def __init__(
        self, workers: int = 1, timeout_s: float = DEFAULT_TIMEOUT_S, ocr: OcrOptions | None = None
    ) -> None:
        self.workers = max(1, workers)
        self.timeout_s = timeout_s
        self.ocr = ocr or OcrOptions.from_env()
        self._pool: WorkerPool[Job, dict] = WorkerPool(
            _extract_job,
            workers=self.workers,
            timeout_s=timeout_s,
            warm_up=_warm_up,
            startup_timeout_s=STARTUP_TIMEOUT_S,
            describe=_job_path,
        )

    def __enter__(self) -> GuardedExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.close()

    def map(self, jobs: Iterable[tuple[str | os.PathLike[str], str | None]]) -> Iterator[Record]:
        """Extract (path, url) jobs; yield records in input order."""
        pending = [(os.fspath(path), url, self.ocr.to_dict()) for path, url in jobs]
        for (path, url, _ocr), outcome in zip(pending, self._pool.map(pending), strict=True):
            if isinstance(outcome, LayoutError):
                yield error_record(Path(path), _safe_sha(Path(path)), outcome.code, outcome.message, url=url)
            else:
                yield Record.from_dict(outcome)


def _safe_sha(path: Path) -> str:
    try:
        return sha256_file(path)
    except OSError:
        return "0" * 64
