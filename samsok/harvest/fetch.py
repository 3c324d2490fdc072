"""HTTP fetching for the harvest: policy on every hop, retries, conditional requests, size limits.

One `Fetcher` (one httpx client, safe to share between threads) serves a run. Redirects
are followed by hand so that every hop passes the URL policy and loops are caught. A
timeout, a connection error, a 5xx or a 429 is retried with exponential backoff (a
Retry-After header is honoured up to `max_retry_after_s`); everything else is final.
Each outcome is a `FetchResult` whose `status` is `ok`, `not_modified`, `outside_window`
or an error code: timeout, connection_error, http_<code>, redirect_loop,
too_many_redirects, not_pdf, too_large, scheme_refused, host_not_allowed, bad_url,
deadline (the download ran past its total time), too_slow (under the minimum rate),
run_deadline (the run's harvest time was up before or during the download).

A `Deadline` bounds one download: it is checked as each piece of the body arrives (and
each read has the `timeout_s` read timeout), so a server that drips one byte a second
is cut off after `download_deadline_s` at the latest, or much sooner by the rate check.
"""

from __future__ import annotations

import contextlib
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


@dataclass(frozen=True)
class Deadline:
    """The time limits of one download: total seconds, minimum rate, and the run's end."""

    total_s: float = 900.0
    min_bytes_per_s: float = 0.0
    grace_s: float = 30.0
    run_ends_at: float | None = None  # time.monotonic() value; None: no run limit

    def start(self) -> _Clock:
        return _Clock(self, time.monotonic())


class DeadlineExceeded(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class _Clock:
    deadline: Deadline
    started: float

    def check(self, received: int = 0) -> None:
        now = time.monotonic()
        elapsed = now - self.started
        d = self.deadline
        if d.run_ends_at is not None and now >= d.run_ends_at:
            raise DeadlineExceeded("run_deadline", f"the run's harvest time was up after {received} bytes")
        if d.total_s and elapsed >= d.total_s:
            raise DeadlineExceeded("deadline", f"the download took longer than {d.total_s:g} s "
                                               f"({received} bytes received)")
        if d.min_bytes_per_s and elapsed >= d.grace_s and received / elapsed < d.min_bytes_per_s:
            raise DeadlineExceeded("too_slow", f"{received / elapsed:.0f} bytes/s after {elapsed:.0f} s, under the "
                                               f"minimum of {d.min_bytes_per_s:g} bytes/s")

    def timed(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        received = 0
        for chunk in chunks:
            received += len(chunk)
            self.check(received)
            yield chunk


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
        deadline: Deadline | None = None,
    ) -> FetchResult:
        """GET a URL. A PDF goes into the raw store; with expect='any' an HTML page comes back as text.

        `deadline` bounds each attempt (default: the options' deadline, no run limit).
        """
        limits = deadline or self.default_deadline()
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        def handle(resp: httpx.Response, final: str, clock: _Clock) -> FetchResult:
            return self._body(url, resp, final, clock, expect=expect, window=window, on_chunk=on_chunk)

        clock = limits.start()  # one clock for all attempts: the deadline is per download
        return self._with_retries(lambda: self._once(url, policy, "GET", headers, handle, clock))

    def default_deadline(self) -> Deadline:
        o = self.options
        return Deadline(o.download_deadline_s, o.min_bytes_per_s, o.slow_grace_s)

    def probe(self, url: str, policy: UrlPolicy, deadline: Deadline | None = None) -> FetchResult:
        """The Content-Type a URL serves (HEAD; a GET without reading the body if HEAD is refused)."""
        limits = deadline or self.default_deadline()

        def handle(resp: httpx.Response, final: str, clock: _Clock) -> FetchResult:
            self._raise_for_status(url, resp, final)
            code = resp.status_code
            if code >= 400:
                return FetchResult(url, f"http_{code}", code, f"the server answered {code} {resp.reason_phrase}",
                                   final_url=final)
            return FetchResult(url, "ok", code, final_url=final, content_type=_ctype(resp))

        clock = limits.start()
        result = self._with_retries(lambda: self._once(url, policy, "HEAD", {}, handle, clock))
        if result.status in ("http_405", "http_501", "http_403"):
            result = self._with_retries(lambda: self._once(url, policy, "GET", {}, handle, clock))
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
        handle: Callable[[httpx.Response, str, _Clock], FetchResult],
        clock: _Clock,
    ) -> FetchResult:
        current = url
        seen = {url}
        for hops in range(self.options.max_redirects + 1):
            refusal = policy.check(current)
            if refusal is not None:
                where = "" if current == url else f" (redirected to {current})"
                return FetchResult(url, refusal.code, message=refusal.message + where, final_url=current)
            try:
                clock.check()
                request = self.client.build_request(method, current, headers=headers)
            except DeadlineExceeded as exc:
                return FetchResult(url, exc.code, None, exc.message, final_url=current)
            except (httpx.InvalidURL, ValueError) as exc:  # over-long, bad characters, bad port
                return FetchResult(url, "bad_url", None, f"not a valid URL: {exc}", final_url=current)
            try:
                with contextlib.closing(self.client.send(request, stream=True)) as resp:
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
                    clock.check()
                    return handle(resp, current, clock)
            except DeadlineExceeded as exc:
                return FetchResult(url, exc.code, None, exc.message, final_url=current)
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
        clock: _Clock,
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
        # Pieces as the network delivers them (no re-chunking): the deadline sees each one.
        chunks = clock.timed(resp.iter_bytes())
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
