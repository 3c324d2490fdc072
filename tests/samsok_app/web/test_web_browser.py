"""End to end in real headless Chromium against a real `samsok serve` subprocess."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from webhelpers import NORWEGIAN_UNAVAILABLE, XSS_WORD

pytestmark = pytest.mark.browser

BROAD = "samhandling"


def params(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_search_and_combine_two_facets(page, server, shots):
    page.goto(server.url + "/")
    page.fill("#q", BROAD)
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=samhandling"))
    assert page.locator(".hit").count() > 0
    assert page.locator(".snippet em").count() > 0
    shots(page, "1-search")

    # Tick one sykehusområde and one document type: JS submits the form each time.
    omrade = page.locator("fieldset[data-facet=omrade] input[type=checkbox]").first.get_attribute("value")
    omrade_box = page.locator(f"fieldset[data-facet=omrade] input[type=checkbox][value='{omrade}']")
    with page.expect_navigation():
        omrade_box.check()
    doc_type = page.locator("fieldset[data-facet=type] input[type=checkbox]:not(:checked)").first.get_attribute(
        "value"
    )
    # A locator by value, not by `:not(:checked)`: Playwright re-resolves a locator after the
    # click, and on the reloaded page `:not(:checked)` names the next box, which it would tick too.
    type_box = page.locator(f"fieldset[data-facet=type] input[type=checkbox][value='{doc_type}']")
    with page.expect_navigation():
        type_box.check()
    state = params(page.url)
    assert state["omrade"] == [omrade] and state["type"] == [doc_type] and state["q"] == [BROAD]
    expect(page.locator(".chip:not(.clear)")).to_have_count(2)
    shots(page, "2-two-facets")

    # The URL is the state: reloading it shows the same filters.
    page.goto(page.url)
    assert page.locator("fieldset[data-facet=omrade] input:checked").get_attribute("value") == omrade

    # Removing a chip drops exactly that filter.
    with page.expect_navigation():
        page.locator(".chip", has_text="Dokumenttype").click()
    state = params(page.url)
    assert "type" not in state and state["omrade"] == [omrade]


def test_hit_links_to_pdf_page_and_document(page, server, shots):
    page.goto(f"{server.url}/?q={BROAD}")
    pdf_href = page.locator(".hit a.pdf").first.get_attribute("href")
    assert re.fullmatch(r"/pdf/[0-9a-f]{64}#page=\d+", pdf_href)
    response = page.request.get(server.url + pdf_href.split("#")[0])
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"

    page.locator(".hit .links a", has_text="Dokumentside").first.click()
    page.wait_for_url(re.compile(r"/dokument/[0-9a-f]{64}"))
    assert page.locator("h2", has_text="Kilde").count() == 1
    # the document page keeps the search: its matching pages, highlighted, and a way back
    assert page.locator("#treff-i-dokumentet .snippet em").count() > 0
    assert page.locator("a", has_text="Tilbake til treffene").get_attribute("href") == f"/?q={BROAD}"
    shots(page, "3-document")


def test_document_page_with_saker(page, server, catalog, shots):
    doc_id, record = next((d, r) for d, r in catalog.iter_records() if r.saker and r.attendees.present)
    page.goto(f"{server.url}/dokument/{doc_id}")
    assert page.locator("ol.saker > li").count() == len(record.saker)
    assert page.locator("table.attendees.present tbody tr").count() == len(record.attendees.present)
    first_with_vedtak = next((s for s in record.saker if s.vedtak), None)
    if first_with_vedtak:
        assert page.locator(".sak .vedtak").first.is_visible()
    shots(page, "4-document-saker")


def test_vedtak_view_sort_and_csv_export(page, server, shots):
    page.goto(f"{server.url}/vedtak?q={BROAD}")
    assert page.locator("table.vedtak-table tbody tr").count() > 0
    with page.expect_navigation():
        page.locator("a[data-sort=date_asc]").click()
    assert params(page.url)["sort"] == ["date_asc"]
    dates = [d for d in page.locator("td[data-date]").evaluate_all("els => els.map(e => e.dataset.date)") if d]
    assert dates == sorted(dates)
    shots(page, "5-vedtak")

    with page.expect_download() as info:
        page.locator("a.export-csv").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    total = int(page.locator(".summary strong").inner_text().replace("\u00a0", ""))
    assert len(rows) == total
    exported = [r["dato"] for r in rows if r["dato"]]
    assert exported == sorted(exported)


def test_trend_view(page, server, shots):
    page.goto(server.url + "/trend")
    page.fill("#q", "FACT")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/trend\?q=FACT"))
    bars = page.locator("svg.trend-chart a.bar")
    assert bars.count() > 0
    assert page.locator("a.export-csv").get_attribute("href").startswith("/trend.csv?q=FACT")
    shots(page, "6-trend")

    target = page.locator("svg.trend-chart a.bar[data-series='Alle områder']").first
    year = target.get_attribute("data-year")
    page.goto(server.url + target.get_attribute("href"))
    assert params(page.url)["year"] == [year]
    assert page.locator(".hit").count() > 0


def test_xss_payload_never_runs_and_shows_as_text(page, server, shots):
    urls = [f"/?q={XSS_WORD}", f"/?q={XSS_WORD}&what=saker", f"/vedtak?q={XSS_WORD}"]
    for url in urls:
        page.goto(server.url + url)
        assert page.locator("body").inner_text().count("window.__xss") > 0, url
    page.goto(f"{server.url}/?q={XSS_WORD}")
    page.locator(".hit .links a", has_text="Dokumentside").first.click()
    page.wait_for_url(re.compile(r"/dokument/"))
    body = page.locator("body").inner_text()
    assert "<script>window.__xss=1</script>" in body
    assert "<img src=x onerror=" in body
    page.wait_for_timeout(300)  # give any (wrongly) injected handler its chance; not a timing assertion
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img").count() == 0
    assert page.problems == []
    shots(page, "7-xss")


def test_backend_down_page(page, down_server, shots):
    response = page.goto(f"{down_server.url}/?q={BROAD}")
    assert response.status == 503
    text = page.locator("body").inner_text()
    assert NORWEGIAN_UNAVAILABLE in text
    assert "Traceback" not in text
    shots(page, "8-backend-down")


def test_api_docs_render_offline(page, server, shots):
    """Swagger UI comes from the local swagger-ui-bundle package; this browser has no
    internet, so the operations only appear if nothing is fetched from a CDN."""
    page.goto(server.url + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/search" in p for p in paths)
    assert any("/api/trend" in p for p in paths)
    shots(page, "api-docs")
