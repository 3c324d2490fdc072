"""A real HTTP server on 127.0.0.1 for the harvest tests, able to produce faults, and PDFs.

Routes map a path to a `Route`; the server answers conditional requests from the route's
ETag / Last-Modified, and logs every request so tests can check what was (not) fetched.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.support.processes import samsok_cmd  # noqa: F401  (re-exported to the flow tests)

DEFAULT_MODIFIED = 1_700_000_000  # 2023-11-14


def make_pdf(path: Path, lines: list[str], pages: int = 1, producer: str = "samsok tests") -> Path:
    """A small text PDF made with reportlab (its text is `lines`, on each page).

    A different `producer` gives different bytes with the same text (a re-export).
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(lines[0] if lines else "")
    c.setCreator(producer)
    for page in range(pages):
        y = 800
        for line in lines:
            c.drawString(72, y, line)
            y -= 18
        c.drawString(72, 60, f"Side {page + 1}")
        c.showPage()
    c.save()
    return path


def pdf_bytes(tmp: Path, name: str, lines: list[str], pages: int = 1) -> bytes:
    return make_pdf(tmp / f"{name}.pdf", lines, pages).read_bytes()


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/pdf"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    modified: float = DEFAULT_MODIFIED
    conditional: bool = True  # answer If-None-Match / If-Modified-Since with 304
    delay_s: float = 0.0  # before the headers
    stall_after: int | None = None  # send this many body bytes, then stall for stall_s
    stall_s: float = 3600.0
    drip_s: float | None = None  # send the body one byte per drip_s seconds (a trickling server)
    content_length: bool = True
    # statuses to answer first, one per request, before the normal answer (e.g. [429, 503])
    first: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@dataclass
class Hit:
    method: str
    path: str
    headers: dict[str, str]


class FaultServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[], Route]] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:
                server._answer(self, head=True)

            def do_GET(self) -> None:
                server._answer(self, head=False)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def requests(self, path: str, method: str | None = None) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path == path and (method is None or h.method == method)]

    def page(self, path: str, links: list[tuple[str, str]], extra: str = "") -> None:
        """An HTML listing page with (href, text) links."""
        items = "\n".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
        html = f"<!doctype html><html><head><title>Møter og referater</title></head><body><ul>{items}</ul>{extra}</body></html>"
        self.routes[path] = Route(html.encode("utf-8"), "text/html; charset=utf-8", conditional=False)

    def _answer(self, h: BaseHTTPRequestHandler, head: bool) -> None:
        path = h.path
        with self.lock:
            self.hits.append(Hit(h.command, path, {k.lower(): v for k, v in h.headers.items()}))
        route = self.routes.get(path)
        if callable(route):
            route = route()
        if route is None:
            body = b"<html><body>Not found</body></html>"
            h.send_response(404)
            h.send_header("Content-Type", "text/html")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if not head:
                h.wfile.write(body)
            return
        if route.first:
            status, headers = route.first.pop(0)
            h.send_response(status)
            for k, v in headers.items():
                h.send_header(k, v)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        if route.delay_s:
            time.sleep(route.delay_s)
        last_modified = formatdate(route.modified, usegmt=True)
        if route.conditional and route.status == 200:
            inm = h.headers.get("If-None-Match")
            ims = h.headers.get("If-Modified-Since")
            fresh = inm == route.etag if inm else bool(
                ims and parsedate_to_datetime(ims).timestamp() >= int(route.modified)
            )
            if fresh:
                h.send_response(304)
                h.send_header("ETag", route.etag)
                h.end_headers()
                return
        h.send_response(route.status)
        h.send_header("Content-Type", route.content_type)
        if route.conditional:
            h.send_header("ETag", route.etag)
            h.send_header("Last-Modified", last_modified)
        for k, v in route.headers.items():
            h.send_header(k, v)
        if route.content_length:
            h.send_header("Content-Length", str(len(route.body)))
        h.end_headers()
        if head:
            return
        try:
            if route.drip_s is not None:
                for i in range(len(route.body)):
                    h.wfile.write(route.body[i : i + 1])
                    h.wfile.flush()
                    time.sleep(route.drip_s)
                return
            if route.stall_after is not None:
                h.wfile.write(route.body[: route.stall_after])
                h.wfile.flush()
                time.sleep(route.stall_s)
                return
            h.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def indexed_doc_ids(index_dir: Path) -> list[str]:
    """Every document entry in the embedded index, duplicates included (one per entry)."""
    import json

    import tantivy

    from samsok.search.embedded import EmbeddedBackend

    backend = EmbeddedBackend(index_dir)
    try:
        searcher = backend._fresh().searcher()  # the live generation, reloaded
        query = tantivy.Query.term_query(backend.schema, "kind", "doc")
        count = searcher.search(query, 1, count=True).count or 0
        if not count:
            return []
        return sorted(json.loads(searcher.doc(addr).get_first("meta_json"))["doc_id"]
                      for _, addr in searcher.search(query, count).hits)
    finally:
        backend.close()



