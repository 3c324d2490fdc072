"""One run at a time per home: an advisory lock the kernel drops when the process dies.

`ingest` and `nightly` (through `flows.pipeline.run_pipeline`) and `reindex` take it, so
no two of them change the catalog or the index state of one home at once; a second one
waits for the first to finish.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)


@contextlib.contextmanager
def run_lock(home: Path) -> Iterator[None]:
    home.mkdir(parents=True, exist_ok=True)
    fd = os.open(home / "ingest.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("another samsok run (ingest, nightly or reindex) holds %s; waiting for it to finish", home)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
