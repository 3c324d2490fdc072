"""Fixtures for extractor tests."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4

from tests.support.pdfs import Item, PageSize, write_pdf

# pytest puts `tests/` on sys.path (for tests/conftest.py), where this directory would
# shadow the real `extractors` package as an empty namespace package. A regular package
# anywhere on sys.path wins over a namespace portion, so the checkout root is added.
_REPO = str(Path(__file__).resolve().parents[2])
if _REPO not in sys.path:
    sys.path.append(_REPO)
_shadow = sys.modules.get("extractors")
if _shadow is not None and getattr(_shadow, "__file__", None) is None:
    del sys.modules["extractors"]


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Build a PDF in tmp_path from pages of `Text` and `Rule` items."""
    counter = iter(range(1000))

    def make(pages: Sequence[Sequence[Item]], name: str | None = None, pagesize: PageSize = A4) -> Path:
        return write_pdf(tmp_path / (name or f"doc{next(counter)}.pdf"), pages, pagesize)

    return make
