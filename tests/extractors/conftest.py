"""Fixtures for extractor tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from layout_pdfs import Item, PageSize, write_pdf
from reportlab.lib.pagesizes import A4


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Build a PDF in tmp_path from pages of `Text` and `Rule` items."""
    counter = iter(range(1000))

    def make(pages: Sequence[Sequence[Item]], name: str | None = None, pagesize: PageSize = A4) -> Path:
        return write_pdf(tmp_path / (name or f"doc{next(counter)}.pdf"), pages, pagesize)

    return make
