"""PDF file -> contract record: the extract and NLP stages joined, with bad input contained.

`extract_file` runs in the calling process and never raises for a bad PDF: it returns a
record whose `error` says what went wrong. `GuardedExtractor` runs the same function in
worker processes with a per-file time limit, so a file that makes the parser hang is
stopped (error code `timeout`) and the other files go on.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING

from samsok.record import Record, RecordError, Source

if TYPE_CHECKING:  # the extractors are imported lazily, in the workers
    from extractors.ocr.options import OcrOptions

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
    (default: from the environment, see `extractors.ocr.options`).
    """
    from extractors import read_layout  # imported here: workers import lazily
    from nlp import build_record

    path = Path(path)
    try:
        sha = sha256_file(path)
    except OSError as exc:
        return error_record(path, "0" * 64, "unreadable", f"cannot read {path}: {exc.strerror or exc}", url)
    try:
        layout = read_layout(path, ocr, on_ocr_page)
        return build_record(layout, path=str(path), sha256=sha, url=url)
    except Exception as exc:  # one bad file must never stop the others
        code = getattr(exc, "code", None)
        if code is None:
            log.exception("unexpected failure extracting %s", path)
            code = "extract_failed"
        return error_record(path, sha, str(code), str(exc) or exc.__class__.__name__, url)


# ---------------------------------------------------------------- guarded workers


def _warm_up() -> None:
    """Import the extraction stack (and load the NLP pipeline) before taking jobs."""
    import extractors  # noqa: F401
    import nlp
    from extractors.ocr.wordlist import norwegian_words

    norwegian_words()  # the text-layer quality test's word list, once per worker
    warm = getattr(nlp, "warm_up", None)
    if warm is not None:
        warm()


def _worker_main(conn: Connection) -> None:
    _warm_up()
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        from extractors.ocr.options import OcrOptions

        path, url, ocr = job
        record = extract_file(path, url=url, ocr=OcrOptions.from_dict(ocr),
                              on_ocr_page=lambda page: conn.send(("ocr_page", page)))
        conn.send(record.to_dict())


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    job: int | None = None
    started: float = 0.0
    allowed: float = 0.0  # seconds this job may take: the per-file limit plus its OCR pages' limits


class GuardedExtractor:
    """Extract many files in worker processes, each file under a time limit.

    Results come back in input order. A worker that exceeds the limit is killed and
    replaced; its file gets an error record with code `timeout`. OCR runs inside the
    worker reading the file: before each OCR'd page the worker says so, and the file's
    limit grows by the per-page OCR limit (`ocr.page_timeout_s`), so a scan is bounded by
    its page limits while the other workers go on with other files.
    """

    def __init__(
        self, workers: int = 1, timeout_s: float = DEFAULT_TIMEOUT_S, ocr: OcrOptions | None = None
    ) -> None:
        self.workers = max(1, workers)
        self.timeout_s = timeout_s
        if ocr is None:
            from extractors.ocr.options import OcrOptions

            ocr = OcrOptions.from_env()
        self.ocr = ocr
        self._ctx = multiprocessing.get_context("spawn")
        self._pool: list[_Worker] = []

    def __enter__(self) -> GuardedExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child,), daemon=True)
        proc.start()
        child.close()
        # The time limit counts extraction only, not the worker's start-up imports.
        if not parent.poll(STARTUP_TIMEOUT_S) or parent.recv() != "ready":
            proc.kill()
            raise RuntimeError("the extraction worker did not start")
        return _Worker(proc, parent)

    def close(self) -> None:
        for worker in self._pool:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._pool.clear()

    def map(self, jobs: Iterable[tuple[str | os.PathLike[str], str | None]]) -> Iterator[Record]:
        """Extract (path, url) jobs; yield records in input order."""
        pending = list(jobs)
        results: dict[int, Record] = {}
        next_job = 0
        next_out = 0
        while len(self._pool) < min(self.workers, max(1, len(pending))):
            self._pool.append(self._spawn())
        while next_out < len(pending):
            for worker in self._pool:
                if worker.job is None and next_job < len(pending):
                    path, url = pending[next_job]
                    worker.conn.send((str(path), url, self.ocr.to_dict()))
                    worker.job, worker.started = next_job, time.monotonic()
                    worker.allowed = self.timeout_s
                    next_job += 1
            busy = [w for w in self._pool if w.job is not None]
            timeout = min(w.allowed - (time.monotonic() - w.started) for w in busy)
            ready = wait([w.conn for w in busy], timeout=max(0.0, timeout))
            for i, worker in enumerate(list(self._pool)):
                if worker.job is None:
                    continue
                path, url = pending[worker.job]
                if worker.conn in ready:
                    try:
                        message = worker.conn.recv()
                        if isinstance(message, tuple):  # ("ocr_page", n): OCR gets its own time
                            worker.allowed += self.ocr.page_timeout_s
                            continue
                        results[worker.job] = Record.from_dict(message)
                        worker.job = None
                        continue
                    except (EOFError, OSError):
                        failure = ("worker_crashed", f"the extraction process died while reading {path}")
                elif time.monotonic() - worker.started >= worker.allowed:
                    failure = ("timeout", f"extraction took longer than {worker.allowed:g} s and was stopped")
                else:
                    continue
                results[worker.job] = error_record(Path(path), _safe_sha(Path(path)), *failure, url=url)
                worker.process.kill()
                worker.process.join()
                worker.conn.close()
                self._pool[i] = self._spawn()
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1


def _safe_sha(path: Path) -> str:
    try:
        return sha256_file(path)
    except OSError:
        return "0" * 64
