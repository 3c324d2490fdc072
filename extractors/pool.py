"""The guarded worker pool: jobs run in child processes, each under a time limit.

`WorkerPool(target, workers=..., timeout_s=...)` starts `workers` processes (the `spawn`
start method: no state shared with the caller's threads or open documents). Each runs
`warm_up()` once, says it is ready (start-up imports are not counted against the limit,
they have their own `startup_timeout_s`), then calls `target(job)` for one job at a time.
`map(jobs)` yields, in input order, either the job's result or the `LayoutError` it ended
with: `ExtractionTimeoutError` (code `timeout`) when it ran over the limit and its worker
was killed, `ExtractionCrashedError` (`worker_crashed`) when its worker died, or the
`LayoutError` the target raised, unchanged. A killed worker is replaced before the next
job. `run(job)` is one job, raising instead of yielding the error.

A job may ask for more time while it runs: `ask_for_time(seconds)`, called in the worker
(the OCR of each page does, with the per-page OCR limit), adds to its job's limit, so a
long scan is bounded by its page limits and the other workers go on meanwhile.

`target` and `warm_up` must be importable by name (module-level functions) for the
children to find them, and results must pickle. The codes come from `extractors.errors`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Generic, TypeVar

from extractors.errors import ExtractionCrashedError, ExtractionTimeoutError, LayoutError

J = TypeVar("J")
R = TypeVar("R")

DEFAULT_STARTUP_TIMEOUT_S = 120.0
_READY = "ready"
_MORE_TIME = "more_time"
_conn: Connection | None = None  # in a worker: its pipe to the pool (for `ask_for_time`)


def ask_for_time(seconds: float) -> None:
    """In a worker: add `seconds` to the running job's time limit (a no-op elsewhere)."""
    if _conn is not None:
        _conn.send((_MORE_TIME, seconds))


def _no_warm_up() -> None:
    return None


def _worker_main(conn: Connection, target: Callable[[J], R], warm_up: Callable[[], None]) -> None:
    global _conn
    _conn = conn
    warm_up()
    conn.send(_READY)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            result: tuple[str, object] = ("ok", target(job))
        except LayoutError as exc:
            result = ("error", exc)
        except Exception as exc:  # any other failure travels as a plain LayoutError
            result = ("error", LayoutError(f"{type(exc).__name__}: {exc}"))
        conn.send(result)


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    job: int | None = None
    started: float = 0.0
    allowed: float = 0.0  # seconds the running job may take (the limit plus time asked for)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool(Generic[J, R]):
    """Run `target(job)` in worker processes, each job under `timeout_s` seconds."""

    def __init__(
        self,
        target: Callable[[J], R],
        *,
        workers: int = 1,
        timeout_s: float,
        warm_up: Callable[[], None] = _no_warm_up,
        startup_timeout_s: float = DEFAULT_STARTUP_TIMEOUT_S,
        describe: Callable[[J], str] = str,
    ) -> None:
        self.target = target
        self.workers = max(1, workers)
        self.timeout_s = timeout_s
        self.warm_up = warm_up
        self.startup_timeout_s = startup_timeout_s
        self.describe = describe  # how a job is named in error messages (a path)
        self._ctx = multiprocessing.get_context("spawn")
        self._pool: list[_Worker] = []

    def __enter__(self) -> WorkerPool[J, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child, self.target, self.warm_up), daemon=True)
        proc.start()
        child.close()
        worker = _Worker(proc, parent)
        try:
            ready = parent.poll(self.startup_timeout_s) and parent.recv() == _READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            worker.stop()
            raise ExtractionCrashedError(
                f"the extraction process did not start within {self.startup_timeout_s:.0f} s"
            )
        return worker

    def close(self) -> None:
        for worker in self._pool:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
            worker.process.join(timeout=2)
            worker.stop()
        self._pool.clear()

    def run(self, job: J) -> R:
        """One job; its error is raised."""
        (outcome,) = self.map([job])
        if isinstance(outcome, LayoutError):
            raise outcome
        return outcome

    def map(self, jobs: Iterable[J]) -> Iterator[R | LayoutError]:
        """Each job's result, or the `LayoutError` it ended with, in input order."""
        pending = list(jobs)
        results: dict[int, R | LayoutError] = {}
        next_job = 0
        next_out = 0
        while next_out < len(pending):
            busy_count = sum(1 for w in self._pool if w.job is not None)
            while len(self._pool) < min(self.workers, busy_count + len(pending) - next_job):
                self._pool.append(self._spawn())
            for worker in self._pool:
                if worker.job is None and next_job < len(pending):
                    worker.conn.send(pending[next_job])
                    worker.job, worker.started, worker.allowed = next_job, time.monotonic(), self.timeout_s
                    next_job += 1
            busy = [w for w in self._pool if w.job is not None]
            timeout = min(w.allowed - (time.monotonic() - w.started) for w in busy)
            ready = wait([w.conn for w in busy], timeout=max(0.0, timeout))
            for worker in list(self._pool):
                if worker.job is None:
                    continue
                name = self.describe(pending[worker.job])
                failure: LayoutError
                if worker.conn in ready:
                    try:
                        status, payload = worker.conn.recv()
                        if status == _MORE_TIME:
                            worker.allowed += float(payload)  # type: ignore[arg-type]
                            continue
                        results[worker.job] = payload  # the result, or the target's LayoutError
                        worker.job = None
                        continue
                    except (EOFError, OSError):
                        failure = ExtractionCrashedError(
                            f"the extraction process died while reading {name} "
                            f"(exit code {worker.process.exitcode})"
                        )
                elif time.monotonic() - worker.started >= worker.allowed:
                    failure = ExtractionTimeoutError(
                        f"extraction of {name} took longer than {worker.allowed:g} s and was stopped"
                    )
                else:
                    continue
                results[worker.job] = failure
                worker.stop()
                self._pool.remove(worker)  # replaced when the next job needs it
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1


def run_guarded(
    target: Callable[[J], R],
    job: J,
    timeout_s: float,
    *,
    startup_timeout_s: float = DEFAULT_STARTUP_TIMEOUT_S,
) -> R:
    """`target(job)` in a fresh child process, stopped after `timeout_s` seconds.

    One process per call costs about half a second of start-up; to run many jobs, keep a
    `WorkerPool` open.
    """
    with WorkerPool(target, timeout_s=timeout_s, startup_timeout_s=startup_timeout_s) as pool:
        return pool.run(job)
