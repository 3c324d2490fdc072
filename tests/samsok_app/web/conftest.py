"""Fixtures for the web UI and API: a real home with the ingested samples, a real
`samsok serve` subprocess, and Debian's chromium driven by Playwright.

Everything goes through the real pipeline: `samsok ingest` of `samples/*.pdf` plus one
PDF made here whose text holds an XSS payload.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from webhelpers import (
    REPO,
    SAMPLES,
    XSS_IMG,
    XSS_SCRIPT,
    XSS_TITLE,
    XSS_WORD,
    child_env,
    closed_port_url,
    free_port,
    samsok_cmd,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]



def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def make_xss_pdf(path: Path) -> None:
    """A two-page minutes PDF whose title, a case and its vedtak carry HTML payloads."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(XSS_TITLE)
    lines = [
        ("Helvetica-Bold", 16, XSS_TITLE),
        ("Helvetica", 11, "Helsefellesskap Oslo"),
        ("Helvetica", 11, "Møtegruppe: Strategisk samarbeidsutvalg, SSU"),
        ("Helvetica", 11, "Møtetid: Torsdag 05.12.24 kl. 13.30 – 15.30"),
        ("Helvetica", 11, "Til stede: Kari Nordmann, fagsjef OUS"),
        ("Helvetica-Bold", 12, f"Sak 41/24 {XSS_WORD} og {XSS_IMG}"),
        ("Helvetica", 11, f"Saken gjelder {XSS_WORD} {XSS_SCRIPT} {XSS_IMG}."),
        ("Helvetica", 11, "Vedtak:"),
        ("Helvetica", 11, f"{XSS_WORD} {XSS_SCRIPT} tas til orientering {XSS_IMG}"),
    ]
    y = 790
    for font, size, text in lines:
        c.setFont(font, size)
        c.drawString(50, y, text)
        y -= 24
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(50, 790, f"Side 2: mer om {XSS_WORD} {XSS_SCRIPT}")
    c.save()


@dataclass(frozen=True)
class WebHome:
    home: Path
    xss_pdf: Path
    ingest_log: str


def _ingest(home: Path, sources: list[Path]) -> str:
    proc = subprocess.run(
        [*samsok_cmd(), "ingest", *map(str, sources), "--home", str(home)],
        env=child_env(home),
        capture_output=True,
        text=True,
        timeout=900,
        cwd=REPO,
    )
    if proc.returncode != 0:
        pytest.fail(f"samsok ingest failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc.stderr


@pytest.fixture(scope="session")
def web_home(tmp_path_factory: pytest.TempPathFactory) -> WebHome:
    """A SAMSOK_HOME holding samples/*.pdf and the XSS PDF, ingested by `samsok ingest`."""
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    if not pdfs:
        pytest.fail(f"no sample PDFs in {SAMPLES}")
    base = tmp_path_factory.mktemp("web")
    hostile = base / "hostile"
    hostile.mkdir()
    xss_pdf = hostile / "xss-referat.pdf"
    make_xss_pdf(xss_pdf)
    home = base / "home"
    log = _ingest(home, [SAMPLES, xss_pdf])
    return WebHome(home=home, xss_pdf=xss_pdf, ingest_log=log)


@pytest.fixture(scope="session")
def settings(web_home: WebHome):  # -> Settings
    from samsok.config import Settings

    return Settings.load(web_home.home, "embedded")


@pytest.fixture(scope="session")
def client(settings) -> Iterator:  # -> TestClient
    from fastapi.testclient import TestClient

    from samsok_app.web.app import create_app

    with TestClient(create_app(settings, "embedded"), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def catalog(settings) -> Iterator:
    from samsok.catalog import Catalog

    cat = Catalog(settings.catalog_path)
    yield cat
    cat.close()


@pytest.fixture(scope="session")
def backend(settings) -> Iterator:
    from samsok.search import open_backend

    be = open_backend(settings, "embedded")
    yield be
    be.close()


class Server:
    """A `samsok serve` subprocess on a free port."""

    def __init__(self, home: Path, log_path: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = log_path.open("w")
        self.proc = subprocess.Popen(
            [*samsok_cmd(), "serve", "--home", str(home), "--port", str(self.port), *args],
            env=env or child_env(home),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        self._wait()

    def _wait(self, limit_s: float = 60.0) -> None:
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/static/style.css", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        self.stop()
        pytest.fail(f"samsok serve did not start:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


@pytest.fixture(scope="session")
def server(web_home: WebHome, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = Server(web_home.home, tmp_path_factory.mktemp("serve") / "serve.log")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def down_server(web_home: WebHome, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`samsok serve --backend opensearch` pointed at a port where nothing listens."""
    env = child_env(web_home.home, SAMSOK_OPENSEARCH_URL=closed_port_url())
    srv = Server(
        web_home.home, tmp_path_factory.mktemp("serve-down") / "serve.log", "--backend", "opensearch", env=env
    )
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def chromium() -> Iterator:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (make test installs Debian's chromium)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(chromium, tmp_path: Path) -> Iterator:
    """A fresh browser page; page errors and dialogs are recorded on `page.problems`."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))

    def on_dialog(dialog) -> None:
        problems.append(f"dialog: {dialog.message}")
        with contextlib.suppress(Exception):
            dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.problems = problems  # type: ignore[attr-defined]
    pg.set_default_timeout(20_000)
    yield pg
    context.close()


@pytest.fixture()
def shots(tmp_path: Path):
    """`shots(page, "name")` saves a full-page screenshot under the test's tmp directory."""
    folder = tmp_path / "screenshots"
    folder.mkdir()

    def take(pg, name: str) -> Path:
        path = folder / f"{name}.png"
        pg.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0
        return path

    return take

