"""read_layout_guarded: extraction in a child process under a time limit."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from extractors import (
    ExtractionCrashedError,
    ExtractionTimeoutError,
    NotPdfError,
    read_layout,
    read_layout_guarded,
)
from extractors.pool import WorkerPool, run_guarded
from tests.support.pdfs import SAMPLES, text_file_named_pdf

SAMPLE = SAMPLES / "helsefellesskap-oslo-ssu-referat-2024-12-05.pdf"


def hang(path: str) -> None:
    """Stands in for a parser that never returns."""
    time.sleep(3600)


def die(path: str) -> None:
    """Stands in for a parser that crashes the process."""
    os._exit(7)


def pause_or_fail(job: str) -> str:
    """A job that returns, hangs or fails as it says."""
    if job == "hang":
        time.sleep(3600)
    if job == "raise":
        raise NotPdfError("not a PDF")
    return job


def test_guarded_result_equals_in_process_result() -> None:
    assert read_layout_guarded(SAMPLE, timeout_s=60) == read_layout(SAMPLE)


def test_layout_errors_cross_the_process_boundary(tmp_path: Path) -> None:
    with pytest.raises(NotPdfError) as caught:
        read_layout_guarded(text_file_named_pdf(tmp_path / "x.pdf"), timeout_s=60)
    assert caught.value.code == "not_pdf"


def test_a_hanging_parser_is_stopped() -> None:
    start = time.monotonic()
    with pytest.raises(ExtractionTimeoutError) as caught:
        run_guarded(hang, SAMPLE, timeout_s=1.0)
    assert caught.value.code == "timeout"
    assert time.monotonic() - start < 30  # start-up plus the limit, not the hour


def test_the_limit_applies_to_real_extraction() -> None:
    with pytest.raises(ExtractionTimeoutError):
        read_layout_guarded(SAMPLES / "helsefellesskapet-ahus-arsrapport-2025.pdf", timeout_s=0.001)


def test_a_crashing_parser_is_reported() -> None:
    with pytest.raises(ExtractionCrashedError) as caught:
        run_guarded(die, SAMPLE, timeout_s=30)
    assert caught.value.code == "worker_crashed"


def test_a_pool_replaces_a_stopped_worker_and_keeps_input_order() -> None:
    with WorkerPool(pause_or_fail, workers=2, timeout_s=5.0) as pool:
        outcomes = list(pool.map(["ok", "hang", "raise", "ok"]))
    assert outcomes[0] == "ok" and outcomes[3] == "ok"
    assert isinstance(outcomes[1], ExtractionTimeoutError) and outcomes[1].code == "timeout"
    assert isinstance(outcomes[2], NotPdfError) and outcomes[2].code == "not_pdf"
