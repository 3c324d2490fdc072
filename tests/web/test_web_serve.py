"""`samsok serve` as a process: binding, the API over HTTP, and a backend that is down."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from email.message import Message

from webhelpers import NORWEGIAN_UNAVAILABLE, TRACEBACK_MARKERS

from samsok.cli import build_parser


def fetch(url: str) -> tuple[int, Message, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.headers, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode()


def test_defaults_bind_localhost_port_8000():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.backend) == ("127.0.0.1", 8000, None)
    args = build_parser().parse_args(["serve", "--port", "8123", "--host", "0.0.0.0", "--backend", "opensearch"])
    assert (args.host, args.port, args.backend) == ("0.0.0.0", 8123, "opensearch")


def test_served_api_and_pages(server):
    status, headers, body = fetch(f"{server.url}/api/search?q=samhandling&what=saker")
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert json.loads(body)["total"] > 0
    status, headers, body = fetch(f"{server.url}/?q=samhandling")
    assert status == 200 and 'lang="nb"' in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert f"http://127.0.0.1:{server.port}/" in server.log()


def test_backend_down_gives_503_in_norwegian(down_server):
    for path in ["/", "/?q=FACT", "/vedtak", "/trend?q=FACT"]:
        status, _, body = fetch(down_server.url + path)
        assert status == 503, path
        assert NORWEGIAN_UNAVAILABLE in body
        assert not any(marker in body for marker in TRACEBACK_MARKERS)
    status, headers, body = fetch(down_server.url + "/api/search?q=FACT")
    assert status == 503 and json.loads(body)["error"]["code"] == "backend_unavailable"
    assert headers.get("Retry-After")
    status, _, body = fetch(down_server.url + "/health")
    assert status == 503 and json.loads(body)["backend"]["ok"] is False
