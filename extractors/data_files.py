"""Reading `extractors/data/`: the layout stage's few language-bound patterns, as TOML
(see data/README.md). Cached: each file is parsed once per process."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def read_toml(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open("rb") as fh:
        return tomllib.load(fh)
