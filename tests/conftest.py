"""Session-wide fixtures shared by every test package."""

from __future__ import annotations

import os
import urllib.error
import urllib.request

import pytest

from tests.support.paths import REPO, SAMPLES, SHARED  # noqa: F401  (re-exported: tests import them from here)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _reachable(url: str) -> str | None:
    """None when the node answers, else the reason it does not."""
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=5) as resp:
            resp.read()
        return None
    except (urllib.error.URLError, OSError) as exc:
        return str(exc)


@pytest.fixture(scope="session")
def opensearch_url() -> str:
    """URL of the real OpenSearch node `make test` started (SAMSOK_OPENSEARCH_URL).

    In CI an absent or unreachable node FAILS the tests that need it; outside CI they
    are skipped with the reason, so a quick local `pytest` still runs the rest.
    """
    url = os.environ.get("SAMSOK_OPENSEARCH_URL", "").rstrip("/")
    problem = "SAMSOK_OPENSEARCH_URL is not set" if not url else _reachable(url)
    if problem is None:
        return url
    message = f"OpenSearch required but unavailable: {problem} (run `make test`)"
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)
