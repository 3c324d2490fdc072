"""Harvest against a real HTTP server on 127.0.0.1: conditional re-runs, versions, faults, policy."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from flowhelpers import FaultServer, Route, make_pdf

from flows.stages import harvest_stage
from samsok.catalog import Catalog
from samsok.config import Settings
from samsok.harvest import HttpOptions, SourceConfig
from samsok.harvest.links import parse_listing

FAST = HttpOptions(timeout_s=0.5, retries=1, backoff_s=0.01, concurrency=2, max_retry_after_s=1.0)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def outcomes(report) -> dict[str, tuple[str, str]]:
    return {item.url: (item.outcome, item.status) for item in report.items}


def listing_source(web: FaultServer, **kw) -> SourceConfig:
    return SourceConfig(name="hf", listing_urls=(web.url("/moter"),), allowed_hosts=("127.0.0.1",), **kw)


def test_parse_listing_links() -> None:
    html = """<html><head><base href="/hf/"><link rel="next" href="?side=2"></head><body>
      <a href="referat-2024.pdf">Referat</a> <a href="https://cdn.example.no/a.PDF?x=1#p2">A</a>
      <a href="/getfile.php/123">Last ned (PDF)</a> <a href="/om-oss.html">Om oss</a>
      <a href="/nyheter">Nyheter</a> <a href="mailto:post@example.no">e-post</a>
      <a class="next" href="?side=2">Neste</a> <a href="?side=3" aria-label="Neste side">›</a></body></html>"""
    links = parse_listing(html, "https://hf.example.no/moter")
    assert [link.url for link in links.pdfs] == [
        "https://hf.example.no/hf/referat-2024.pdf", "https://cdn.example.no/a.PDF?x=1"]
    assert [link.url for link in links.candidates] == [
        "https://hf.example.no/getfile.php/123", "https://hf.example.no/nyheter"]
    assert links.hinted == {"https://hf.example.no/getfile.php/123"}
    assert links.next_pages == ["https://hf.example.no/hf/?side=2", "https://hf.example.no/hf/?side=3"]


def test_rerun_downloads_nothing_and_changes_nothing(web: FaultServer, settings: Settings, pdfs) -> None:
    a, b = pdfs["referat-2024-03"].read_bytes(), pdfs["referat-2024-06"].read_bytes()
    web.routes["/files/a.pdf"] = Route(a)
    web.routes["/files/b.pdf"] = Route(b)
    web.page("/moter", [("/files/a.pdf", "Referat mars"), ("files/b.pdf", "Referat juni")])
    first = harvest_stage(settings, [listing_source(web)], FAST)
    assert outcomes(first) == {web.url("/files/a.pdf"): ("new", "ok"), web.url("/files/b.pdf"): ("new", "ok")}
    catalog_file = settings.catalog_path
    with Catalog(catalog_file) as catalog:
        before = catalog.stats()
    second = harvest_stage(settings, [listing_source(web)], FAST)
    assert {o for o, _ in outcomes(second).values()} == {"unchanged"}
    assert {s for _, s in outcomes(second).values()} == {"not_modified"}
    # the second GET of each PDF was conditional and answered 304 without a body
    for path, body in (("/files/a.pdf", a), ("/files/b.pdf", b)):
        hits = web.requests(path)
        assert len(hits) == 2 and hits[1].headers["if-none-match"] == Route(body).etag
    with Catalog(catalog_file) as catalog:
        after = catalog.stats()
    assert after.pop("url_status") == {"not_modified": 2} and before.pop("url_status") == {"ok": 2}
    assert after == before
    assert sorted(p.name for p in settings.raw_dir.rglob("*.pdf")) == sorted([f"{sha(a)}.pdf", f"{sha(b)}.pdf"])


def test_changed_pdf_is_a_new_version_and_old_kept(web: FaultServer, settings: Settings, pdfs) -> None:
    v1, v2 = pdfs["innkalling-2024-09"].read_bytes(), pdfs["arsrapport-2023"].read_bytes()
    web.routes["/doc.pdf"] = Route(v1)
    src = SourceConfig(name="hf", pdf_urls=(web.url("/doc.pdf"),))
    assert outcomes(harvest_stage(settings, [src], FAST))[web.url("/doc.pdf")] == ("new", "ok")
    web.routes["/doc.pdf"] = Route(v2, modified=1_750_000_000)
    assert outcomes(harvest_stage(settings, [src], FAST))[web.url("/doc.pdf")] == ("updated", "ok")
    with Catalog(settings.catalog_path) as catalog:
        versions = catalog.url_versions(web.url("/doc.pdf"))
        assert [(v["sha256"], v["current"]) for v in versions] == [(sha(v1), False), (sha(v2), True)]
        assert catalog.raw_path(sha(v1)).read_bytes() == v1
        assert catalog.url_state(web.url("/doc.pdf")).sha256 == sha(v2)


def test_same_pdf_at_two_urls_is_stored_once(web: FaultServer, settings: Settings, pdfs) -> None:
    data = pdfs["referat-2024-03"].read_bytes()
    web.routes["/a/referat.pdf"] = Route(data)
    web.routes["/b/kopi.pdf"] = Route(data)
    web.page("/moter", [("/a/referat.pdf", "Referat"), ("/b/kopi.pdf", "Kopi")])
    harvest_stage(settings, [listing_source(web)], FAST)
    assert [p.name for p in settings.raw_dir.rglob("*.pdf")] == [f"{sha(data)}.pdf"]
    with Catalog(settings.catalog_path) as catalog:
        info = catalog.document_info(sha(data))
        assert {u["url"] for u in info["urls"]} == {web.url("/a/referat.pdf"), web.url("/b/kopi.pdf")}
        assert catalog.stats()["documents"] == 1


def test_faults_give_a_clear_status_each_and_spare_the_rest(
    web: FaultServer, settings: Settings, pdfs, tmp_path: Path
) -> None:
    good = pdfs["arsrapport-2023"].read_bytes()
    big = make_pdf(tmp_path / "big.pdf", ["Stor fil"] * 30, pages=40).read_bytes()
    options = HttpOptions(timeout_s=0.5, retries=1, backoff_s=0.01, concurrency=2, max_pdf_bytes=len(good) + 10)
    assert len(big) > options.max_pdf_bytes
    web.routes["/ok.pdf"] = Route(good)
    web.routes["/error.pdf"] = Route(b"oops", "text/plain", status=500, conditional=False)
    web.routes["/slow.pdf"] = Route(good, delay_s=2.0)
    web.routes["/loop/a.pdf"] = Route(status=302, headers={"Location": "/loop/b.pdf"}, conditional=False)
    web.routes["/loop/b.pdf"] = Route(status=302, headers={"Location": "/loop/a.pdf"}, conditional=False)
    web.routes["/html.pdf"] = Route(b"<!doctype html><html><body>Innlogging</body></html>", "application/pdf")
    web.routes["/big.pdf"] = Route(big)
    web.routes["/big-chunked.pdf"] = Route(big, content_length=False)
    web.page("/moter", [(p, p) for p in ("/ok.pdf", "/missing.pdf", "/error.pdf", "/slow.pdf", "/loop/a.pdf",
                                         "/html.pdf", "/big.pdf", "/big-chunked.pdf")])
    report = harvest_stage(settings, [listing_source(web)], options)
    got = outcomes(report)
    assert got == {
        web.url("/ok.pdf"): ("new", "ok"),
        web.url("/missing.pdf"): ("failed", "http_404"),
        web.url("/error.pdf"): ("failed", "http_500"),
        web.url("/slow.pdf"): ("failed", "timeout"),
        web.url("/loop/a.pdf"): ("failed", "redirect_loop"),
        web.url("/html.pdf"): ("failed", "not_pdf"),
        web.url("/big.pdf"): ("failed", "too_large"),
        web.url("/big-chunked.pdf"): ("failed", "too_large"),
    }
    assert len(web.requests("/error.pdf")) == 2  # retried once, as configured
    with Catalog(settings.catalog_path) as catalog:
        fails = {f["url"]: f for f in catalog.failures() if f["kind"] == "url"}
        assert set(fails) == {u for u, (o, _) in got.items() if o == "failed"}
        assert fails[web.url("/error.pdf")]["http_status"] == 500
        assert "gave up after 2 attempts" in fails[web.url("/slow.pdf")]["message"]
        assert "%PDF-" in fails[web.url("/html.pdf")]["message"]
        assert catalog.stats()["documents"] == 1
    assert [p.name for p in settings.raw_dir.rglob("*.pdf")] == [f"{sha(good)}.pdf"]
    assert list((settings.raw_dir / "tmp").iterdir()) == []


def test_retry_after_is_honoured(web: FaultServer, settings: Settings, pdfs) -> None:
    data = pdfs["referat-2024-06"].read_bytes()
    web.routes["/busy.pdf"] = Route(data, first=[(429, {"Retry-After": "1"}), (503, {})])
    waits: list[float] = []
    import flows.stages as stages

    original = stages.Fetcher

    class RecordingFetcher(original):
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            self.sleep = waits.append

    stages.Fetcher = RecordingFetcher
    try:
        report = harvest_stage(settings, [SourceConfig(name="hf", pdf_urls=(web.url("/busy.pdf"),))],
                               HttpOptions(retries=3, backoff_s=0.25, max_retry_after_s=30))
    finally:
        stages.Fetcher = original
    assert outcomes(report)[web.url("/busy.pdf")] == ("new", "ok")
    assert waits == [1.0, 0.5]  # Retry-After of the 429, then the second backoff step


def test_hosts_outside_allow_list_and_other_schemes_not_fetched(web: FaultServer, settings: Settings, pdfs) -> None:
    data = pdfs["referat-2024-03"].read_bytes()
    web.routes["/ok.pdf"] = Route(data)
    web.routes["/elsewhere.pdf"] = Route(data)
    web.routes["/redirect-out.pdf"] = Route(status=302, headers={"Location": web.url("/elsewhere.pdf", "localhost")},
                                            conditional=False)
    web.page("/moter", [
        ("/ok.pdf", "ok"),
        (web.url("/elsewhere.pdf", host="localhost"), "same server, other host name"),
        ("/redirect-out.pdf", "redirects to another host"),
        ("file:///etc/passwd.pdf", "file"),
        ("ftp://127.0.0.1/x.pdf", "ftp"),
    ])
    report = harvest_stage(settings, [listing_source(web)], FAST)
    got = outcomes(report)
    assert got[web.url("/ok.pdf")] == ("new", "ok")
    assert got[web.url("/elsewhere.pdf", "localhost")] == ("skipped", "host_not_allowed")
    assert got[web.url("/redirect-out.pdf")] == ("skipped", "host_not_allowed")
    assert got["file:///etc/passwd.pdf"] == ("skipped", "scheme_refused")
    assert got["ftp://127.0.0.1/x.pdf"] == ("skipped", "scheme_refused")
    assert web.requests("/elsewhere.pdf") == []  # never requested under any host name
    # a file: URL given by the operator is refused too, and counts as failed
    explicit = harvest_stage(settings, [SourceConfig(name="file", entry_urls=("file:///etc/hostname",),
                                                     allowed_hosts=("-",))], FAST)
    assert outcomes(explicit) == {"file:///etc/hostname": ("failed", "scheme_refused")}


def test_pagination_and_links_without_pdf_suffix(web: FaultServer, settings: Settings, pdfs) -> None:
    a, b, c = (pdfs[n].read_bytes() for n in ("referat-2024-03", "referat-2024-06", "arsrapport-2023"))
    web.routes["/files/a.pdf"] = Route(a)
    web.routes["/download/123"] = Route(b, "application/pdf")
    web.routes["/download/124"] = Route(b"<html>not a pdf</html>", "text/html")
    web.routes["/files/c.pdf"] = Route(c)
    web.page("/moter", [("/files/a.pdf", "Referat"), ("/download/123", "Referat juni"),
                        ("/download/124", "Skjema"), ("/om", "Om oss"), ("/moter?side=2", "Neste")])
    web.page("/moter?side=2", [("/files/c.pdf", "Årsrapport"), ("/moter?side=1", "Forrige")],
             extra='<a rel="next" href="/moter?side=2">Neste</a>')
    report = harvest_stage(settings, [listing_source(web)], FAST)
    assert outcomes(report) == {web.url("/files/a.pdf"): ("new", "ok"), web.url("/download/123"): ("new", "ok"),
                                web.url("/files/c.pdf"): ("new", "ok")}
    assert web.requests("/download/123", "HEAD") and web.requests("/download/124", "HEAD")
    assert not web.requests("/download/124", "GET") and not web.requests("/om")  # no hint: not probed
    assert len(web.requests("/moter?side=2")) == 1


@pytest.mark.parametrize("as_dir", [True, False])
def test_local_sources_go_into_store_and_catalog(settings: Settings, pdfs, as_dir: bool) -> None:
    path = pdfs["arsrapport-2023"]
    src = SourceConfig(name="local", paths=(str(path.parent if as_dir else path),))
    first = harvest_stage(settings, [src], FAST)
    assert outcomes(first)[str(path)] == ("new", "ok")
    again = harvest_stage(settings, [src], FAST)
    assert {o for o, _ in outcomes(again).values()} == {"unchanged"}
    with Catalog(settings.catalog_path) as catalog:
        doc = sha(path.read_bytes())
        assert catalog.raw_path(doc).read_bytes() == path.read_bytes()
        assert [u["url"] for u in catalog.document_info(doc)["urls"]] == [str(path)]


def test_window_filters_pdfs_by_last_modified_not_pages(web: FaultServer, settings: Settings, pdfs) -> None:
    from datetime import date

    from samsok.harvest import Window

    old, new = pdfs["referat-2024-03"].read_bytes(), pdfs["referat-2024-06"].read_bytes()
    web.routes["/old.pdf"] = Route(old, modified=1_550_000_000)  # 2019-02
    web.routes["/new.pdf"] = Route(new, modified=1_720_000_000)  # 2024-07
    web.page("/moter", [("/old.pdf", "2019"), ("/new.pdf", "2024")])
    web.routes["/moter"].headers["Last-Modified"] = "Mon, 01 Jan 2018 00:00:00 GMT"
    window = Window(since=date(2019, 1, 1), until=date(2019, 12, 31))
    got = outcomes(harvest_stage(settings, [listing_source(web)], FAST, window))
    assert got == {web.url("/old.pdf"): ("new", "ok"), web.url("/new.pdf"): ("skipped", "outside_window")}
    # without a window the skipped PDF is harvested on the next run
    got = outcomes(harvest_stage(settings, [listing_source(web)], FAST))
    assert got == {web.url("/old.pdf"): ("unchanged", "not_modified"), web.url("/new.pdf"): ("new", "ok")}


def test_failing_listing_page_is_recorded_as_a_page(web: FaultServer, settings: Settings, pdfs) -> None:
    source = listing_source(web)
    got = harvest_stage(settings, [source], FAST).items
    assert [(i.kind, i.outcome, i.status) for i in got] == [("listing", "failed", "http_404")]
    web.routes["/a.pdf"] = Route(pdfs["arsrapport-2023"].read_bytes())
    web.page("/moter", [("/a.pdf", "Årsrapport")])  # the page is back
    assert outcomes(harvest_stage(settings, [source], FAST)) == {web.url("/a.pdf"): ("new", "ok")}
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.url_info(web.url("/moter"))["kind"] == "listing"
        assert catalog.url_info(web.url("/moter"))["status"] == "ok"
