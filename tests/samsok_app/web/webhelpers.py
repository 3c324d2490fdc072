"""Constants and small helpers shared by the web tests (imported by name from tests/samsok_app/web)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from tests.support.paths import REPO, SAMPLES  # noqa: F401  (re-exported to the web tests)
from tests.support.processes import samsok_cmd  # noqa: F401

# The unique word lets tests find the hostile document; the payloads must stay inert.
XSS_WORD = "Kvitretrosten"
XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss=2;alert('xss')\">"
XSS_TITLE = f"Referat {XSS_WORD} {XSS_SCRIPT}"

NORWEGIAN_UNAVAILABLE = "Søketjenesten er ikke tilgjengelig akkurat nå"
TRACEBACK_MARKERS = ("Traceback", 'File "', "Internal Server Error")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port_url() -> str:
    """An http URL on 127.0.0.1 where nothing listens."""
    return f"http://127.0.0.1:{free_port()}"


def child_env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SAMSOK_BACKEND", None)
    env["SAMSOK_HOME"] = str(home)
    env.update(extra)
    return env
