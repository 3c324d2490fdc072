"""Hostile input to the harvest, against a real HTTP server on 127.0.0.1: malformed and
over-long links, servers that trickle, a run deadline. One bad URL fails that URL only."""

from __future__ import annotations

import hashlib
import time

import pytest
from flowhelpers import FaultServer, Route

from flows.pipeline import run_pipeline
from flows.stages import harvest_stage
from samsok.catalog import Catalog
from samsok.config import Settings
from samsok.harvest import HttpOptions, SourceConfig
from samsok.harvest.config import ConfigError, parse_config
from samsok.harvest.links import MAX_URL_CHARS, parse_listing
from samsok_app.commands.status import collect, render

FAST = HttpOptions(timeout_s=2, retries=0, backoff_s=0.01, concurrency=2)
pytestmark = pytest.mark.timeout(60)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def outcomes(report) -> dict[str, tuple[str, str]]:
    return {item.url: (item.outcome, item.status) for item in report.items}


def listing(web: FaultServer, **kw) -> SourceConfig:
    return SourceConfig(name="hf", listing_urls=(web.url("/moter"),), allowed_hosts=("127.0.0.1",), **kw)


def test_parse_listing_sets_malformed_and_long_hrefs_aside() -> None:
    long_href = "/" + "a" * 100_000 + ".pdf"
    html = (f'<a href="http://[::1:bad/x.pdf">v6</a><a href="{long_href}">lang</a>'
            '<a href="/ok.pdf">ok</a><a href="data:application/pdf;base64,' + "A" * 20_000 + '">data</a>')
    links = parse_listing(html, "https://hf.example.no/moter")
    assert [link.url for link in links.pdfs] == ["https://hf.example.no/ok.pdf"]
    reasons = {bad.href[:20]: bad.reason for bad in links.bad}
    assert "Invalid IPv6 URL" in reasons["http://[::1:bad/x.pd"]
    assert reasons[long_href[:20]] == f"the link is {len(long_href)} characters long (limit {MAX_URL_CHARS})"
    assert len(links.bad) == 2  # a data: URI is no link to fetch, not a bad one
    assert len(links.bad[1].label) < 260 and links.bad[1].label.endswith(f"({len(long_href)} characters)")


def test_bad_links_fail_alone_and_the_good_pdfs_are_fetched(web: FaultServer, settings: Settings, pdfs) -> None:
    a, b = pdfs["referat-2024-03"].read_bytes(), pdfs["referat-2024-06"].read_bytes()
    web.routes["/a.pdf"] = Route(a)
    web.routes["/b.pdf"] = Route(b)
    long_href = "/" + "x" * 100_000 + ".pdf"
    web.page("/moter", [("/a.pdf", "A"), ("http://[::1:bad/x.pdf", "v6"), (long_href, "lang"),
                        ("http://127.0.0.1:99999/port.pdf", "port"), ("/b.pdf", "B")])
    report = harvest_stage(settings, [listing(web)], FAST)
    got = outcomes(report)
    assert got[web.url("/a.pdf")] == ("new", "ok") and got[web.url("/b.pdf")] == ("new", "ok")
    assert got["http://[::1:bad/x.pdf"] == ("failed", "bad_url")
    assert got["http://127.0.0.1:99999/port.pdf"] == ("failed", "bad_url")  # port out of range
    long_key = next(u for u in got if u.startswith("/xxx"))
    assert got[long_key] == ("failed", "bad_url") and len(long_key) < 260
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.stats()["documents"] == 2
    text = render(collect(settings, 5))
    assert "http://[::1:bad/x.pdf: bad_url: not a valid URL: Invalid IPv6 URL" in text
    assert f"{long_key}: bad_url: the link is 100005 characters long" in text
    assert "http://127.0.0.1:99999/port.pdf: bad_url" in text
    assert len(text) < 5000  # the 100,000 characters are not repeated into status


def test_a_trickling_server_is_cut_off_by_the_download_deadline(web: FaultServer, settings: Settings,
                                                                 pdfs) -> None:
    good = pdfs["arsrapport-2023"].read_bytes()
    web.routes["/drip.pdf"] = Route(good, drip_s=0.05)  # ~20 bytes/s: would take minutes
    web.routes["/ok.pdf"] = Route(good)
    web.page("/moter", [("/drip.pdf", "drypp"), ("/ok.pdf", "ok")])
    options = HttpOptions(timeout_s=2, retries=0, concurrency=2, download_deadline_s=1.5, min_bytes_per_s=0)
    started = time.monotonic()
    report = harvest_stage(settings, [listing(web)], options)
    assert time.monotonic() - started < 10
    got = outcomes(report)
    assert got[web.url("/drip.pdf")] == ("failed", "deadline")
    assert got[web.url("/ok.pdf")] == ("new", "ok")
    with Catalog(settings.catalog_path) as catalog:
        fail = next(f for f in catalog.failures() if f["url"] == web.url("/drip.pdf"))
        assert fail["message"].startswith("the download took longer than 1.5 s")
    assert list((settings.raw_dir / "tmp").iterdir()) == []  # the partial download is gone


def test_minimum_rate_and_per_source_deadline(web: FaultServer, settings: Settings, pdfs) -> None:
    good = pdfs["arsrapport-2023"].read_bytes()
    web.routes["/drip.pdf"] = Route(good, drip_s=0.05)
    web.page("/moter", [("/drip.pdf", "drypp")])
    slow = HttpOptions(timeout_s=2, retries=0, download_deadline_s=600, min_bytes_per_s=1000, slow_grace_s=0.5)
    got = outcomes(harvest_stage(settings, [listing(web)], slow))
    assert got[web.url("/drip.pdf")] == ("failed", "too_slow")
    # the source's own deadline wins over [http]
    lenient = HttpOptions(timeout_s=2, retries=0, download_deadline_s=600, min_bytes_per_s=0)
    web.routes["/other.pdf"] = Route(good, drip_s=0.05)
    src = SourceConfig(name="treg", pdf_urls=(web.url("/other.pdf"),), download_deadline_s=1.0)
    started = time.monotonic()
    got = outcomes(harvest_stage(settings, [src], lenient))
    assert got[web.url("/other.pdf")] == ("failed", "deadline") and time.monotonic() - started < 8


def test_deadline_keys_in_the_sources_file() -> None:
    cfg = parse_config({"http": {"download_deadline_s": 60, "min_bytes_per_s": 10, "run_deadline_s": 0},
                        "source": [{"name": "a", "pdf_urls": ["https://x.no/a.pdf"], "download_deadline_s": 5}]})
    assert (cfg.http.download_deadline_s, cfg.http.min_bytes_per_s, cfg.http.run_deadline_s) == (60, 10, 0)
    assert cfg.sources[0].download_deadline_s == 5.0
    with pytest.raises(ConfigError, match="min_bytes_per_s"):
        parse_config({"source": [{"name": "a", "pdf_urls": ["https://x.no/a.pdf"], "min_bytes_per_s": "fast"}]})


def test_run_deadline_ends_the_harvest_and_the_downloaded_pdf_is_extracted(
    web: FaultServer, settings: Settings, pdfs
) -> None:
    a = pdfs["referat-2024-03"].read_bytes()
    web.routes["/a.pdf"] = Route(a)
    names = ["referat-2024-06", "arsrapport-2023", "innkalling-2024-09"]
    for name in names:
        web.routes[f"/{name}.pdf"] = Route(pdfs[name].read_bytes(), drip_s=0.05)
    web.page("/moter", [("/a.pdf", "a"), *[(f"/{n}.pdf", n) for n in names]])
    options = HttpOptions(timeout_s=2, retries=0, concurrency=1, run_deadline_s=1.0, min_bytes_per_s=0)
    started = time.monotonic()
    summary = run_pipeline(settings, [listing(web)], http=options, workers=1)
    harvest_seconds = time.monotonic() - started
    assert summary["new"] == 1 and summary["failed"] == 3 and summary["extracted"] == 1
    assert summary["indexed"] == 1 and harvest_seconds < 40
    with Catalog(settings.catalog_path) as catalog:
        codes = {f["url"]: f["code"] for f in catalog.failures() if f["kind"] == "url"}
        assert codes == {web.url(f"/{n}.pdf"): "run_deadline" for n in names}
        assert catalog.recent_runs(1)[0]["status"] == "finished"
        assert catalog.get_record(sha(a)) is not None
