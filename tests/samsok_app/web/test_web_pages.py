"""HTML pages, exports and the feed over the real ingested samples (no browser)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from webhelpers import (
    NORWEGIAN_UNAVAILABLE,
    TRACEBACK_MARKERS,
    XSS_IMG,
    XSS_SCRIPT,
    XSS_WORD,
    closed_port_url,
)

BROAD = "samhandling"
ATOM = "{http://www.w3.org/2005/Atom}"


class Tags(HTMLParser):
    """Collects start tags with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def get_html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    for marker in TRACEBACK_MARKERS:
        assert marker not in response.text
    return response.text


def snippets(html: str) -> list[str]:
    return re.findall(r'<p class="snippet">(.*?)</p>', html, flags=re.S)


def test_search_page_lists_hits_with_links_and_highlights(client):
    api = client.get("/api/search", params={"q": BROAD}).json()
    html = get_html(client, f"/?q={BROAD}")
    assert "treff" in html
    hrefs = [a.get("href") or "" for t, a in tags(html) if t == "a"]
    for hit in api["hits"]:
        doc_id = hit["id"][:64]
        assert any(h.startswith(f"/dokument/{doc_id}") for h in hrefs)
        if hit["page"]:
            assert f"/pdf/{doc_id}#page={hit['page']}" in hrefs
    found = snippets(html)
    assert found and any("<em>" in s for s in found)
    for snippet in found:
        # Only <em> survives as markup inside a snippet.
        assert set(re.findall(r"</?([a-zA-Z]+)", snippet)) <= {"em"}


def test_facet_links_combine_values_and_chips_remove_them(client):
    facets = client.get("/api/search", params={"q": BROAD}).json()["facets"]
    omrader = [o for o, n in facets["sykehusomrade"].items() if n][:2]
    doc_type = next(t for t, n in facets["doc_type"].items() if n)
    url = f"/?q={BROAD}&omrade={omrader[0]}&omrade={omrader[1]}&type={doc_type}"
    html = get_html(client, url)
    checked = {(a["name"], a["value"]) for t, a in tags(html) if t == "input" and "checked" in a}
    assert {("omrade", omrader[0]), ("omrade", omrader[1]), ("type", doc_type)} <= checked
    chips = [a["href"] for t, a in tags(html) if t == "a" and "chip" in (a.get("class") or "") and "clear" not in (a.get("class") or "")]
    assert len(chips) == 3
    for href in chips:
        params = parse_qs(urlsplit(href).query)
        assert params["q"] == [BROAD]
        assert len(params.get("omrade", [])) + len(params.get("type", [])) == 2


def test_no_hits_and_not_found_in_norwegian(client):
    html = get_html(client, "/?q=xqzzyvvbnonsensewordq")
    assert "Ingen treff" in html
    html = get_html(client, "/finnes/ikke", status=404)
    assert "Fant ikke siden" in html
    html = get_html(client, "/dokument/" + "0" * 64, status=404)
    assert "Fant ikke dokumentet" in html
    html = get_html(client, "/?year=ifjor", status=400)
    assert "Ugyldig år" in html


def test_hostile_text_is_escaped_everywhere(client):
    api = client.get("/api/search", params={"q": XSS_WORD}).json()
    assert api["total"] > 0, "the XSS PDF was ingested"
    doc_id = api["hits"][0]["id"][:64]
    for url in [f"/?q={XSS_WORD}", f"/?q={XSS_WORD}&what=saker", f"/vedtak?q={XSS_WORD}", f"/dokument/{doc_id}"]:
        html = get_html(client, url)
        assert "<script>window.__xss" not in html
        assert "<img src=x" not in html
        assert "window.__xss" in html, "the payload is shown as text"
        assert [a for t, a in tags(html) if t == "script"] == [{"src": "/static/app.js", "defer": None}]
        assert not [a for t, a in tags(html) if t == "img"]
        assert not [a for t, a in tags(html) if any(k.startswith("on") for k in a)]
    for url in [f"/?q={XSS_SCRIPT}", f"/vedtak?q={XSS_IMG}", f"/trend?q={XSS_SCRIPT}"]:
        html = get_html(client, url)
        assert "<script>window.__xss" not in html and "<img src=x" not in html


def test_vedtak_view_sorts_by_date_and_exports_the_same_rows(client):
    api = client.get("/api/search", params={"q": BROAD, "what": "saker", "has_vedtak": "true", "limit": 100}).json()
    total = api["total"]
    assert total > 0
    html = get_html(client, f"/vedtak?q={BROAD}&sort=eldste")
    dates = re.findall(r'data-date="([0-9-]*)"', html)
    dated = [d for d in dates if d]
    assert dated == sorted(dated)

    response = client.get(f"/vedtak.csv?q={BROAD}&sort=nyeste")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == total
    assert {r["dokument_id"] for r in rows} == {h["id"][:64] for h in api["hits"]} if total <= 100 else True
    csv_dates = [r["dato"] for r in rows if r["dato"]]
    assert csv_dates == sorted(csv_dates, reverse=True)

    exported = json.loads(client.get(f"/vedtak.json?q={BROAD}&sort=nyeste").content)
    assert exported["total"] == total
    assert [s["saksnummer"] or "" for s in exported["saker"]] == [r["saksnummer"] for r in rows]
    assert [s["vedtak"] or "" for s in exported["saker"]] == [r["vedtak"].lstrip("'") for r in rows]


def test_vedtak_export_honours_filters(client):
    facets = client.get("/api/search", params={"q": BROAD, "what": "saker", "has_vedtak": "true"}).json()["facets"]
    organ, count = max(facets["organ"].items(), key=lambda kv: kv[1])
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/vedtak.csv", params={"q": BROAD, "organ": organ}).content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert len(rows) == count
    assert {r["organ"] for r in rows} == {organ}


def test_document_page_shows_outline_saker_attendees_and_source(client, catalog):
    checked = 0
    for doc_id, record in catalog.iter_records():
        html = get_html(client, f"/dokument/{doc_id}")
        hrefs = {a.get("href") for t, a in tags(html) if t == "a"}
        for section in record.sections:
            assert f"/pdf/{doc_id}#page={section.page}" in hrefs
        from samsok_app.web.hits import sak_anchors

        for index, (sak, anchor) in enumerate(zip(record.saker, sak_anchors(record.saker), strict=True)):
            assert f'id="{anchor}"' in html
            assert f'href="/saker/{doc_id}-{index}"' in html
            if sak.saksnummer:
                assert f"Sak {sak.saksnummer}" in html
        for person in record.attendees.present + record.attendees.absent:
            assert escape(person.name) in html
            if person.page:
                assert f"/pdf/{doc_id}#page={person.page}" in hrefs
        for sak in record.saker:
            if sak.vedtak_page and sak.vedtak_page != sak.page:
                assert f"/pdf/{doc_id}#page={sak.vedtak_page}" in hrefs
        assert "Kilde" in html and doc_id in html
        checked += bool(record.saker) and bool(record.attendees.present)
    assert checked, "at least one sample has cases and attendees"


def test_document_page_shows_who_attended_which_meeting(client, catalog):
    """The 2019 report's x-per-date tables: Kari Sørum has an x under 4.6.19 and 26.11.19."""
    doc_id = next(d for d, r in catalog.iter_records() if r.source.path.endswith("arsrapport-2019.pdf"))
    html = get_html(client, f"/dokument/{doc_id}")
    assert "Møter" in html
    row = next(r for r in html.split("<tr>") if "Kari Sørum" in r)
    assert "4. juni 2019, 26. november 2019" in row


def escape(text: str) -> str:
    from markupsafe import escape as markup_escape

    return str(markup_escape(text))


def test_trend_page_chart_and_csv(client):
    api = client.get("/api/trend", params={"term": "FACT"}).json()
    html = get_html(client, "/trend?q=FACT")
    bars = [a for t, a in tags(html) if t == "a" and a.get("class") == "bar"]
    assert bars
    for bar in bars:
        params = parse_qs(urlsplit(bar["href"]).query)
        assert params["q"] == ["FACT"] and params["year"] == [bar["data-year"]]
    total_bars = {b["data-year"] for b in bars if b["data-series"] == "Alle områder"}
    assert {y for y, v in api["by_year"].items() if v} <= total_bars

    response = client.get("/trend.csv?q=FACT")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    totals = {r["år"]: int(r["dokumenter"]) for r in rows if r["sykehusområde"] == ""}
    assert {y: n for y, n in totals.items() if n} == {y: n for y, n in api["by_year"].items() if n}
    for name in api["by_omrade"]:
        per_area = {r["år"]: int(r["dokumenter"]) for r in rows if r["sykehusområde"] == name}
        assert {y: n for y, n in per_area.items() if n} == api["by_year_omrade"].get(name, {})


def test_feed_is_atom_newest_first_with_filters(client):
    response = client.get("/feed", params={"q": BROAD})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert entries
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert all(updated)
    for entry in entries:
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("http://testserver/dokument/")

    facets = client.get("/api/search", params={"q": BROAD}).json()["facets"]
    organ, count = min(facets["organ"].items(), key=lambda kv: kv[1])
    filtered = ET.fromstring(client.get("/feed", params={"q": BROAD, "organ": organ}).content)
    assert len(filtered.findall(f"{ATOM}entry")) == min(count, 50)


def test_hostile_text_in_feed_is_xml_text(client):
    root = ET.fromstring(client.get("/feed", params={"q": XSS_WORD}).content)
    texts = " ".join(e.findtext(f"{ATOM}title") + " " + (e.findtext(f"{ATOM}summary") or "") for e in root.findall(f"{ATOM}entry"))
    assert XSS_WORD in texts


def test_backend_down_is_a_norwegian_503(web_home, monkeypatch):
    from fastapi.testclient import TestClient

    from samsok.config import Settings
    from samsok_app.web.app import create_app

    monkeypatch.setenv("SAMSOK_OPENSEARCH_URL", closed_port_url())
    settings = Settings.load(web_home.home, "opensearch")
    with TestClient(create_app(settings, "opensearch"), raise_server_exceptions=False) as down:
        for url in ["/", f"/?q={BROAD}", "/vedtak", "/trend?q=FACT"]:
            html = get_html(down, url, status=503)
            assert NORWEGIAN_UNAVAILABLE in html
        api = down.get("/api/search", params={"q": BROAD})
        assert api.status_code == 503 and api.json()["error"]["code"] == "backend_unavailable"
        health = down.get("/health")
        assert health.status_code == 503 and health.json()["backend"]["ok"] is False
        assert health.json()["catalog"]["ok"] is True
