"""Reading the data files in `nlp/data/`: word lists, TSV tables and TOML.

Every Norwegian pattern the NLP rules use lives in one of these files; this module only
reads them (cached, so each file is parsed once per process). Lines starting with `#`
and blank lines are comments in `.txt` and `.tsv` files.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    return DATA_DIR / name


def _content_lines(name: str) -> list[str]:
    text = data_path(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def read_words(name: str) -> tuple[str, ...]:
    """A one-item-per-line list, in file order, duplicates dropped."""
    seen: dict[str, None] = {}
    for line in _content_lines(name):
        seen.setdefault(line.strip(), None)
    return tuple(seen)


@cache
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table without a header row: its rows as tuples of stripped cells."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _content_lines(name))


@cache
def read_records(name: str) -> tuple[dict[str, str], ...]:
    """A tab-separated table whose first non-comment line is the header."""
    rows = read_rows(name)
    if not rows:
        return ()
    header, *body = rows
    return tuple(dict(zip(header, row + ("",) * (len(header) - len(row)), strict=True)) for row in body)


@cache
def read_toml(name: str) -> dict[str, Any]:
    with data_path(name).open("rb") as fh:
        return tomllib.load(fh)


def split_aliases(cell: str) -> list[str]:
    """`a; b; c` -> [a, b, c] (blank items dropped)."""
    return [part.strip() for part in cell.split(";") if part.strip()]
