"""Extraction in a child process under a time limit, so that a parser hang can be stopped.

`read_layout_guarded(path, timeout_s)` starts a fresh process (the `spawn` start method:
no state shared with the caller's threads or open documents), waits for it to be ready
(imports are not counted against the limit, they have their own `startup_timeout_s`),
then gives it `timeout_s` seconds to read the file. On time-out the process is killed and
`ExtractionTimeoutError` (code `timeout`) is raised; if it dies,
`ExtractionCrashedError` (`worker_crashed`). A `LayoutError` raised in the child is
raised again, unchanged, in the caller.

One process per call costs about half a second of start-up; to extract many files, keep
workers alive between files as `samsok.extraction.GuardedExtractor` does.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from extractors.errors import ExtractionCrashedError, ExtractionTimeoutError, LayoutError
from extractors.layout import LayoutDocument
from extractors.reader import read_layout

T = TypeVar("T")

DEFAULT_STARTUP_TIMEOUT_S = 60.0
_READY = "ready"


def _child_main(conn: Connection, target: Callable[[str], Any], path: str) -> None:
    conn.send(_READY)
    try:
        result: tuple[str, Any] = ("ok", target(path))
    except LayoutError as exc:
        result = ("error", exc)
    except Exception as exc:  # any other failure travels as a plain LayoutError
        result = ("error", LayoutError(f"{type(exc).__name__}: {exc}"))
    try:
        conn.send(result)
    finally:
        conn.close()


def _stop(process: multiprocessing.process.BaseProcess) -> None:
    if process.is_alive():
        process.kill()
    process.join()


def run_guarded(
    target: Callable[[str], T],
    path: str | os.PathLike[str],
    timeout_s: float,
    *,
    startup_timeout_s: float = DEFAULT_STARTUP_TIMEOUT_S,
) -> T:
    """`target(path)` in a child process, stopped after `timeout_s` seconds.

    `target` must be importable by name (a module-level function) for the child to find it.
    """
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child_main, args=(sender, target, os.fspath(path)), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(startup_timeout_s):
            raise ExtractionCrashedError(
                f"the extraction process did not start within {startup_timeout_s:.0f} s"
            )
        try:
            receiver.recv()  # the ready signal: the clock starts now
            if not receiver.poll(timeout_s):
                raise ExtractionTimeoutError(
                    f"extraction of {os.fspath(path)} took longer than {timeout_s:g} s and was stopped"
                )
            status, payload = receiver.recv()
        except (EOFError, OSError) as exc:
            raise ExtractionCrashedError(
                f"the extraction process died while reading {os.fspath(path)} (exit code {process.exitcode})"
            ) from exc
    finally:
        receiver.close()
        _stop(process)
    if status == "error":
        raise payload
    return payload


def read_layout_guarded(
    path: str | os.PathLike[str],
    timeout_s: float,
    *,
    startup_timeout_s: float = DEFAULT_STARTUP_TIMEOUT_S,
) -> LayoutDocument:
    """`read_layout(path)` in a child process with a time limit (see the module docstring)."""
    return run_guarded(read_layout, path, timeout_s, startup_timeout_s=startup_timeout_s)
