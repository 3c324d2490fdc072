"""The raw store: every harvested PDF once, named by the sha256 of its bytes.

Layout: `<raw_dir>/ab/abcdef....pdf`. A file is written to `<raw_dir>/tmp/` first, flushed
and fsynced, then renamed into place, so a process killed at any moment leaves either
the whole file or none of it under its final name; leftovers in `tmp/` are removed by
`clean_temp()` (the ingest flow calls it while it holds the home's run lock).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 16
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


class TooLarge(Exception):
    """The stream grew past the size limit; nothing was stored."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than the limit of {limit} bytes")
        self.limit = limit


@dataclass(frozen=True)
class Stored:
    sha256: str
    path: Path
    size: int
    created: bool  # False when the same bytes were already in the store
    head: bytes  # the first bytes, for magic-number checks


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class RawStore:
    """Content-addressed PDF files under one directory."""

    HEAD_BYTES = 1024

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.tmp_dir = self.root / "tmp"

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.pdf"

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_stream(
        self,
        chunks: Iterable[bytes],
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        check_head: Callable[[bytes], None] | None = None,
        on_chunk: Callable[[int], None] | None = None,
    ) -> Stored:
        """Write a byte stream into the store atomically; raise TooLarge past `max_bytes`.

        `check_head(first_bytes)` may raise to refuse the stream (e.g. not a PDF) as soon
        as the first kilobyte is there; `on_chunk(total)` is told the running total after
        each chunk is on disk. Any exception leaves nothing behind.
        """
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        head = b""
        fd, tmp_name = tempfile.mkstemp(prefix="dl-", suffix=".part", dir=self.tmp_dir)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                checked = check_head is None
                for chunk in chunks:
                    if not chunk:
                        continue
                    size += len(chunk)
                    if size > max_bytes:
                        raise TooLarge(max_bytes)
                    if len(head) < self.HEAD_BYTES:
                        head += chunk[: self.HEAD_BYTES - len(head)]
                    if not checked and len(head) >= self.HEAD_BYTES and check_head is not None:
                        check_head(head)
                        checked = True
                    digest.update(chunk)
                    out.write(chunk)
                    if on_chunk is not None:
                        out.flush()
                        on_chunk(size)
                if not checked and check_head is not None:
                    check_head(head)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_for(sha)
            if final.is_file():
                tmp.unlink()
                return Stored(sha, final, size, False, head)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
            return Stored(sha, final, size, True, head)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def put_file(self, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Stored:
        """Copy a local file into the store (streamed, atomic)."""
        with open(path, "rb") as fh:
            return self.put_stream(iter(lambda: fh.read(CHUNK), b""), max_bytes=max_bytes)

    def clean_temp(self) -> int:
        """Remove partial downloads left by a killed process; return how many."""
        if not self.tmp_dir.is_dir():
            return 0
        removed = 0
        for leftover in self.tmp_dir.iterdir():
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed += 1
        return removed

    def iter_files(self) -> Iterable[Path]:
        """Every complete file in the store."""
        for sub in sorted(self.root.glob("[0-9a-f][0-9a-f]")):
            yield from sorted(sub.glob("*.pdf"))
