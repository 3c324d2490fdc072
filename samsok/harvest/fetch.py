"""HTTP fetching for the harvest: policy on every hop, retries, conditional requests, size limits.

One `Fetcher` (one httpx client, safe to share between threads) serves a run. Redirects
are followed by hand so that every hop passes the URL policy and loops are caught. A
timeout, a connection error, a 5xx or a 429 is retried with exponential backoff (a
Retry-After header is honoured up to `max_retry_after_s`); everything else is final.
Each outcome is a `FetchResult` whose `status` is `ok`, `not_modified`, `outside_window`
or an error code: timeout, connection_error, http_<code>, redirect_loop,
too_many_redirects, not_pdf, too_large, scheme_refused, host_not_allowed, bad_url.
"""

from __future__ import annotations

import email.utils
import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urljoin

import httpx

from samsok.harvest.config import HttpOptions
from samsok.harvest.policy import UrlPolicy
from samsok.store import RawStore, Stored, TooLarge

CHUNK = 1 << 16
HEAD_BYTES = 1024
REDIRECTS = (301, 302, 303, 307, 308)
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Window:
    """Harvest only what was published (Last-Modified / file time / document date) in [since, until]."""

    since: date | None = None
    until: date | None = None

    def contains(self, day: date | None) -> bool:
        if day is None:
            return True  # unknown dates are harvested; nothing is lost by a window
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    def __bool__(self) -> bool:
        return self.since is not None or self.until is not None


@dataclass
class FetchResult:
    url: str
    status: str
    http_status: int | None = None
    message: str | None = None
    final_url: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    stored: Stored | None = None
    html: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "not_modified")


class _Retry(Exception):
    def __init__(self, result: FetchResult, wait: float | None = None) -> None:
        super().__init__(result.status)
        self.result = result
        self.wait = wait


def http_date_to_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).astimezone(UTC).date()
    except (TypeError, ValueError):
        return None


def retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class Fetcher:
    def __init__(
        self,
        store: RawStore,
        options: HttpOptions | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.options = options or HttpOptions()
        self.sleep = sleep
        timeout = httpx.Timeout(self.options.timeout_s)
        self.client = httpx.Client(
            follow_redirects=False,
            timeout=timeout,
            headers={"User-Agent": self.options.user_agent},
            limits=httpx.Limits(max_connections=max(4, self.options.concurrency * 2)),
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ public

    def fetch(
        self,
        url: str,
        policy: UrlPolicy,
        *,
        expect: str = "pdf",
        etag: str | None = None,
        last_modified: str | None = None,
        window: Window | None = None,
        on_chunk: Callable[[int], None] | None = None,
    ) -> FetchResult:
        """GET a URL. A PDF goes into the raw store; with expect='any' an HTML page comes back as text."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        def handle(resp: httpx.Response, final: str) -> FetchResult:
            return self._body(url, resp, final, expect=expect, window=window, on_chunk=on_chunk)

        return self._with_retries(lambda: self._once(url, policy, "GET", headers, handle))

    def probe(self, url: str, policy: UrlPolicy) -> FetchResult:
        """The Content-Type a URL serves (HEAD; a GET without reading the body if HEAD is refused)."""

        def handle(resp: httpx.Response, final: str) -> FetchResult:
            self._raise_for_status(url, resp, final)
            code = resp.status_code
            if code >= 400:
                return FetchResult(url, f"http_{code}", code, f"the server answered {code} {resp.reason_phrase}",
                                   final_url=final)
            return FetchResult(url, "ok", code, final_url=final, content_type=_ctype(resp))

        result = self._with_retries(lambda: self._once(url, policy, "HEAD", {}, handle))
        if result.status in ("http_405", "http_501", "http_403"):
            result = self._with_retries(lambda: self._once(url, policy, "GET", {}, handle))
        return result

    # ------------------------------------------------------------ machinery

    def _with_retries(self, attempt: Callable[[], FetchResult]) -> FetchResult:
        tries = 0
        while True:
            try:
                return attempt()
            except _Retry as retry:
                tries += 1
                if tries > self.options.retries:
                    result = retry.result
                    result.message = f"{result.message} (gave up after {tries} attempts)"
                    return result
                wait = retry.wait
                if wait is None:
                    wait = self.options.backoff_s * (2 ** (tries - 1))
                self.sleep(min(wait, self.options.max_retry_after_s))

    def _once(
        self,
        url: str,
        policy: UrlPolicy,
        method: str,
        headers: dict[str, str],
        handle: Callable[[httpx.Response, str], FetchResult],
    ) -> FetchResult:
        current = url
        seen = {url}
        for hops in range(self.options.max_redirects + 1):
            refusal = policy.check(current)
            if refusal is not None:
                where = "" if current == url else f" (redirected to {current})"
                return FetchResult(url, refusal.code, message=refusal.message + where, final_url=current)
            try:
                with self.client.stream(method, current, headers=headers) as resp:
                    location = resp.headers.get("location")
                    if resp.status_code in REDIRECTS and location:
                        target = urljoin(current, location)
                        if target in seen:
                            return FetchResult(url, "redirect_loop", resp.status_code,
                                               f"redirect loop: {target} again after {hops + 1} redirect(s)",
                                               final_url=current)
                        seen.add(target)
                        current = target
                        continue
                    return handle(resp, current)
            except httpx.TimeoutException as exc:
                raise _Retry(FetchResult(url, "timeout", None, f"timed out after {self.options.timeout_s:g} s"
                                         f" ({exc.__class__.__name__})", final_url=current)) from exc
            except httpx.TransportError as exc:
                raise _Retry(FetchResult(url, "connection_error", None, f"{exc.__class__.__name__}: {exc}",
                                         final_url=current)) from exc
        return FetchResult(url, "too_many_redirects", None,
                           f"more than {self.options.max_redirects} redirects", final_url=current)

    def _raise_for_status(self, url: str, resp: httpx.Response, final: str) -> None:
        code = resp.status_code
        if code == 429 or code >= 500:
            result = FetchResult(url, f"http_{code}", code, f"the server answered {code} {resp.reason_phrase}",
                                 final_url=final)
            wait = retry_after_seconds(resp.headers.get("retry-after")) if code in (429, 503) else None
            raise _Retry(result, wait)

    def _body(
        self,
        url: str,
        resp: httpx.Response,
        final: str,
        *,
        expect: str,
        window: Window | None,
        on_chunk: Callable[[int], None] | None,
    ) -> FetchResult:
        self._raise_for_status(url, resp, final)
        code = resp.status_code
        base = FetchResult(
            url, "ok", code, final_url=final, content_type=_ctype(resp),
            etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"),
        )
        if code == 304:
            base.status, base.message = "not_modified", "not modified since the last run"
            return base
        if code != 200:
            base.status, base.message = f"http_{code}", f"the server answered {code} {resp.reason_phrase}"
            return base
        limit = self.options.max_pdf_bytes
        length = resp.headers.get("content-length", "")
        if length.isdigit() and int(length) > max(limit, self.options.max_page_bytes):
            base.status, base.message = "too_large", f"Content-Length {length} is over the limit of {limit} bytes"
            return base
        chunks = resp.iter_bytes(CHUNK)
        first: list[bytes] = []
        head = b""
        for chunk in chunks:
            first.append(chunk)
            head += chunk
            if len(head) >= HEAD_BYTES:
                break
        if PDF_MAGIC in head[:HEAD_BYTES]:
            if window and not window.contains(http_date_to_day(base.last_modified)):
                base.status = "outside_window"
                base.message = f"Last-Modified {base.last_modified} is outside the window"
                return base
            if length.isdigit() and int(length) > limit:
                base.status, base.message = "too_large", f"Content-Length {length} is over the limit of {limit} bytes"
                return base
            try:
                base.stored = self.store.put_stream(
                    itertools.chain(first, chunks), max_bytes=limit, on_chunk=on_chunk
                )
            except TooLarge as exc:
                base.status, base.message = "too_large", f"the body grew past the limit of {exc.limit} bytes"
            return base
        if expect == "any" and _is_html(base.content_type, head):
            text = _read_limited(itertools.chain(first, chunks), self.options.max_page_bytes)
            if text is None:
                base.status, base.message = "too_large", f"page over {self.options.max_page_bytes} bytes"
                return base
            base.html = text.decode(resp.encoding or "utf-8", errors="replace")
            return base
        base.status = "not_pdf"
        base.message = (
            f"served {base.content_type or 'no Content-Type'} and the body does not start with %PDF-"
        )
        return base


def _ctype(resp: httpx.Response) -> str | None:
    value = resp.headers.get("content-type")
    return value.split(";", 1)[0].strip().lower() if value else None


def _is_html(content_type: str | None, head: bytes) -> bool:
    if content_type in ("text/html", "application/xhtml+xml"):
        return True
    sniff = head.lstrip()[:100].lower()
    return sniff.startswith((b"<!doctype html", b"<html"))


def _read_limited(chunks: Iterator[bytes], limit: int) -> bytes | None:
    buf = bytearray()
    for chunk in chunks:
        buf += chunk
        if len(buf) > limit:
            return None
    return bytes(buf)
