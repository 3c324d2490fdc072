"""Commands the tests start as processes."""

from __future__ import annotations

import sys
from pathlib import Path

PAUSE_AT = Path(__file__).resolve().parent / "pause_at.py"


def samsok_cmd() -> list[str]:
    """The installed `samsok` script of this interpreter, else `python -m samsok_app.cli`."""
    script = Path(sys.executable).with_name("samsok")
    return [str(script)] if script.exists() else [sys.executable, "-m", "samsok_app.cli"]
