"""`samsok serve` as a process: binding, the API over HTTP, and a backend that is down."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
import uuid
from email.message import Message

import pytest
from webhelpers import NORWEGIAN_UNAVAILABLE, SAMPLES, TRACEBACK_MARKERS, child_env, samsok_cmd

from samsok_app.cli import build_parser


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


@pytest.mark.opensearch
def test_opensearch_backend_serves_the_same_search(opensearch_url, web_home, client, tmp_path, monkeypatch):
    """`serve --backend opensearch` over the same samples: same totals and facets as embedded."""
    from fastapi.testclient import TestClient

    from samsok.config import Settings
    from samsok_app.web.app import create_app

    prefix = f"samsokweb{uuid.uuid4().hex[:10]}"
    env = child_env(web_home.home, SAMSOK_OPENSEARCH_URL=opensearch_url, SAMSOK_INDEX_PREFIX=prefix)
    home = tmp_path / "home-os"
    proc = subprocess.run(
        [*samsok_cmd(), "ingest", str(SAMPLES), "--home", str(home), "--backend", "opensearch"],
        env={**env, "SAMSOK_HOME": str(home)}, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    monkeypatch.setenv("SAMSOK_OPENSEARCH_URL", opensearch_url)
    monkeypatch.setenv("SAMSOK_INDEX_PREFIX", prefix)
    with TestClient(create_app(Settings.load(home, "opensearch"), "opensearch")) as os_client:
        assert os_client.get("/health").json()["backend"]["ok"] is True
        for params in ({"q": "samhandling"}, {"q": "samhandling", "what": "saker"}, {"q": "FACT", "type": "arsrapport"}):
            got = os_client.get("/api/search", params=params).json()
            # The embedded home also holds the XSS PDF, which does not match these words.
            want = client.get("/api/search", params=params).json()
            assert (got["total"], got["facets"]) == (want["total"], want["facets"]), params
        html = os_client.get("/?q=samhandling").text
        assert "treff" in html and "<em>" in html
