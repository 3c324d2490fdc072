"""Prefect settings for samsok, applied before Prefect is first imported.

Prefect keeps its own database under PREFECT_HOME; samsok puts it inside the data
directory (`<SAMSOK_HOME>/prefect`) unless the operator set PREFECT_HOME or points
PREFECT_API_URL at a Prefect server. With no server, Prefect runs in ephemeral mode: it
starts a temporary local API for the duration of the run.
"""

from __future__ import annotations

import os
from pathlib import Path


def configure(home: Path, *, quiet: bool = False) -> None:
    if "prefect" in __import__("sys").modules:
        return  # too late to change Prefect's settings; they were read at import
    os.environ.setdefault("PREFECT_HOME", str(home / "prefect"))
    # Prefect creates only the last component of its home: make the whole path first.
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if quiet:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
