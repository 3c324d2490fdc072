"""The opensearch-py client from OpenSearchSettings, with retries and clear errors.

Every call goes through `call()`: 429 and 5xx answers are retried with exponential
backoff; a refused connection or timeout becomes `BackendUnavailable` naming the URL.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlparse

from opensearchpy import OpenSearch
from opensearchpy import exceptions as os_exc

from samsok.config import OpenSearchSettings
from samsok.search.base import BackendUnavailable

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_STATUS = {429, 500, 502, 503, 504}
ATTEMPTS = 5
FIRST_BACKOFF = 0.25
CONNECT_ATTEMPTS = 2


def _quiet_library_log() -> None:
    """opensearch-py logs every failed request with a traceback at WARNING; our errors say enough."""
    lib = logging.getLogger("opensearch")
    if lib.level == logging.NOTSET:
        lib.setLevel(logging.ERROR)


def make_client(settings: OpenSearchSettings, timeout: float = 30.0) -> OpenSearch:
    _quiet_library_log()
    url = settings.url.rstrip("/")
    parsed = urlparse(url)
    kwargs: dict[str, Any] = {
        "hosts": [url],
        "timeout": timeout,
        "max_retries": 0,
        "http_compress": False,
    }
    if settings.user:
        kwargs["http_auth"] = (settings.user, settings.password or "")
    if parsed.scheme == "https":
        kwargs.update(use_ssl=True, verify_certs=settings.verify, ssl_show_warn=settings.verify)
        if settings.ca_file:
            kwargs["ca_certs"] = settings.ca_file
        if not settings.verify:
            kwargs.update(ssl_assert_hostname=False)
    return OpenSearch(**kwargs)


def unavailable(url: str, exc: BaseException) -> BackendUnavailable:
    reason = getattr(exc, "info", None) or exc
    return BackendUnavailable(
        f"OpenSearch at {url} is not reachable ({type(exc).__name__}: {str(reason)[:200]}). "
        "Start it with `samsok opensearch start` or set SAMSOK_OPENSEARCH_URL."
    )


def call(url: str, fn: Callable[[], T], what: str = "request") -> T:
    """Run `fn`, retrying 429/5xx with backoff; connection failures -> BackendUnavailable."""
    delay = FIRST_BACKOFF
    connect_failures = 0
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return fn()
        except (os_exc.ConnectionError, os_exc.ConnectionTimeout) as exc:
            connect_failures += 1
            if connect_failures >= CONNECT_ATTEMPTS:
                raise unavailable(url, exc) from exc
        except os_exc.AuthenticationException as exc:
            raise BackendUnavailable(f"OpenSearch at {url} refused the credentials (HTTP 401)") from exc
        except os_exc.AuthorizationException as exc:
            raise BackendUnavailable(f"OpenSearch at {url} denied the {what} (HTTP 403): {exc.error}") from exc
        except os_exc.TransportError as exc:
            status = exc.status_code if isinstance(exc.status_code, int) else 0
            if status not in RETRY_STATUS or attempt == ATTEMPTS:
                if status in RETRY_STATUS:
                    raise BackendUnavailable(
                        f"OpenSearch at {url} kept answering HTTP {status} to the {what}: {exc.error}"
                    ) from exc
                raise
        log.debug("OpenSearch %s failed (attempt %d), retrying in %.2fs", what, attempt, delay)
        time.sleep(delay)
        delay *= 2
    raise BackendUnavailable(f"OpenSearch at {url}: {what} failed after {ATTEMPTS} attempts")
