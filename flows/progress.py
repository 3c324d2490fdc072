"""Progress of a run: a rich bar (documents and pages) on a terminal, log lines otherwise.

The stages report to `current()`; the command line installs a sink with `use(...)`.
Prefect tasks run in the same process, so the module-level sink reaches them.

Besides counts, the stages report checkpoints (`sink.checkpoint("extract")`): points
where a killed run must lose nothing (`download`, `extract`, `index`; see the stages).
Every sink passes them to the listeners installed with `listen(...)`; none is installed
at run time, tests install one that stops the run there (tests/support/pause_at.py).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger("samsok.progress")


class Progress:
    """No output; the base of the other sinks."""

    def start(self, stage: str, total: int | None = None) -> None:
        pass

    def advance(self, stage: str, docs: int = 1, pages: int = 0) -> None:
        pass

    def finish(self, stage: str) -> None:
        pass

    def checkpoint(self, point: str) -> None:
        """A stage reached `point`; the listeners hear of it."""
        for listener in list(_listeners):
            listener(point)

    def close(self) -> None:
        pass


class LogProgress(Progress):
    """One log line per stage start and end, and one every `every_s` seconds in between."""

    def __init__(self, every_s: float = 10.0) -> None:
        self.every_s = every_s
        self.counts: dict[str, list[int]] = {}
        self.totals: dict[str, int | None] = {}
        self.last = time.monotonic()

    def start(self, stage: str, total: int | None = None) -> None:
        self.counts[stage] = [0, 0]
        self.totals[stage] = total
        if total is None:
            log.info("%s: started", stage)
        else:
            log.info("%s: %d document(s) to do", stage, total)

    def _line(self, stage: str, verb: str) -> None:
        docs, pages = self.counts.get(stage, [0, 0])
        total = self.totals.get(stage)
        of = f"/{total}" if total is not None else ""
        log.info("%s: %s %d%s document(s), %d page(s)", stage, verb, docs, of, pages)

    def advance(self, stage: str, docs: int = 1, pages: int = 0) -> None:
        counts = self.counts.setdefault(stage, [0, 0])
        counts[0] += docs
        counts[1] += pages
        if time.monotonic() - self.last >= self.every_s:
            self.last = time.monotonic()
            self._line(stage, "at")

    def finish(self, stage: str) -> None:
        self._line(stage, "done,")


class RichProgress(Progress):
    """A bar per stage on stderr."""

    def __init__(self) -> None:
        # rich only for a terminal
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as Bar

        self.bar = Bar(
            TextColumn("{task.description:<8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("docs  {task.fields[pages]} pages"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.tasks: dict[str, Any] = {}
        self.pages: dict[str, int] = {}
        self.bar.start()

    def start(self, stage: str, total: int | None = None) -> None:
        self.pages[stage] = 0
        self.tasks[stage] = self.bar.add_task(stage, total=total, pages=0)

    def advance(self, stage: str, docs: int = 1, pages: int = 0) -> None:
        if stage not in self.tasks:
            self.start(stage)
        self.pages[stage] += pages
        self.bar.update(self.tasks[stage], advance=docs, pages=self.pages[stage])

    def finish(self, stage: str) -> None:
        task = self.tasks.get(stage)
        if task is not None:
            done = self.bar.tasks[task].completed
            self.bar.update(task, total=done, completed=done)

    def close(self) -> None:
        self.bar.stop()


Listener = Callable[[str], None]

_sink: Progress = Progress()
_listeners: list[Listener] = []


def listen(listener: Listener) -> Callable[[], None]:
    """Call `listener(point)` at every checkpoint; returns the function that removes it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)


def current() -> Progress:
    return _sink


def use(sink: Progress) -> Progress:
    global _sink
    previous, _sink = _sink, sink
    return previous


def for_terminal() -> Progress:
    return RichProgress() if sys.stderr.isatty() else LogProgress()
