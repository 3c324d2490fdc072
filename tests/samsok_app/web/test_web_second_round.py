"""Issue 14 behaviours over the real ingested samples (TestClient, no browser): decisions
first, date sort, disjunctive facets, case pages, reading in context, the feed and its
explanation page, and the small things."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, unquote, urlsplit

from test_web_pages import get_html, tags

BROAD = "samhandling"
ATOM = "{http://www.w3.org/2005/Atom}"


def api(client, **params):
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def ssu(catalog):
    """The SSU minutes of Helsefellesskap Oslo, 5 December 2024 (samples/)."""
    return next((d, r) for d, r in catalog.iter_records() if r.source.path.endswith("ssu-referat-2024-12-05.pdf"))


# -- 1. decisions first, date sort ---------------------------------------------------


def test_has_vedtak_in_api_and_vedtak_view(client, catalog):
    decided = {f"{d}-{i}" for d, r in catalog.iter_records() for i, s in enumerate(r.saker) if s.vedtak}
    every = sum(len(r.saker) for _, r in catalog.iter_records())
    assert 0 < len(decided) < every
    got = api(client, what="saker", has_vedtak="true", limit=100)
    assert got["total"] == len(decided) and {h["id"] for h in got["hits"]} == decided
    assert client.get("/api/search", params={"has_vedtak": "true"}).status_code == 400

    html = get_html(client, "/vedtak?limit=100")
    toggle = next(a for t, a in tags(html) if t == "input" and a.get("id") == "har-vedtak")
    assert "checked" in toggle, "on by default in the Vedtak view"
    assert "Ingen vedtak" not in html
    assert len(re.findall(r'class="case-link"', html)) == len(decided)
    html_all = get_html(client, "/vedtak?har_vedtak=0&limit=100")
    assert "checked" not in next(a for t, a in tags(html_all) if t == "input" and a.get("id") == "har-vedtak")
    assert len(re.findall(r'class="case-link"', html_all)) == every
    assert "Ingen vedtak" in html_all


def test_date_sort_api_and_pages(client, catalog):
    for what in ("documents", "saker"):
        hits = api(client, what=what, sort="date", limit=100)["hits"]
        dates = [h["date"] for h in hits if h["date"]]
        assert dates == sorted(dates, reverse=True) and len(dates) >= 2
        oldest = [h["date"] for h in api(client, what=what, sort="date_asc", limit=100)["hits"] if h["date"]]
        assert oldest == sorted(oldest)
    # Browsing an organ (no words): its meetings newest first, the search page says so.
    organ = next(r.organ for _, r in catalog.iter_records() if r.organ)
    html = get_html(client, "/?" + f"organ={organ}")
    assert re.search(r'<strong aria-current="true">Nyeste først</strong>', html)
    html = get_html(client, f"/?q={BROAD}")
    assert re.search(r'<strong aria-current="true">Mest relevant</strong>', html)
    href = next(a["href"] for t, a in tags(html) if t == "a" and a.get("data-sort") == "date")
    assert parse_qs(urlsplit(href).query)["sort"] == ["date"]
    page_ids = re.findall(r'class="hit" data-id="([^"]+)"', get_html(client, href))
    assert page_ids == [h["id"] for h in api(client, q=BROAD, sort="date")["hits"]]


# -- 2. disjunctive facets, several years, checkbox state from the URL ----------------


def test_facet_counts_predict_the_total_after_a_tick(client):
    base = api(client, q=BROAD)
    a, b = list(base["facets"]["sykehusomrade"])[:2]
    one = api(client, q=BROAD, omrade=a)
    # the other values of the ticked facet still show, counted without its filter
    assert one["facets"]["sykehusomrade"] == base["facets"]["sykehusomrade"]
    both = api(client, q=BROAD, omrade=[a, b])
    only_b = api(client, q=BROAD, omrade=b)["total"]
    overlap = len({h["id"] for h in api(client, q=BROAD, omrade=a, limit=100)["hits"]}
                  & {h["id"] for h in api(client, q=BROAD, omrade=b, limit=100)["hits"]})
    assert both["total"] == one["total"] + only_b - overlap
    # another facet narrows exactly to the count it showed
    for doc_type, count in one["facets"]["doc_type"].items():
        assert api(client, q=BROAD, omrade=a, type=doc_type)["total"] == count


def test_several_years_and_the_page_keeps_every_year(client):
    years = sorted(api(client, q=BROAD)["facets"]["year"])
    assert len(years) >= 3
    picked = years[:2]
    got = api(client, q=BROAD, year=picked, limit=100)
    assert {str(h["year"]) for h in got["hits"]} <= set(picked) and got["total"] == sum(
        api(client, q=BROAD)["facets"]["year"][y] for y in picked)
    html = get_html(client, f"/?q={BROAD}&year={picked[0]}&year={picked[1]}")
    boxes = {a["value"]: "checked" in a for t, a in tags(html) if t == "input" and a.get("name") == "year"}
    assert set(boxes) == set(years), "no year with hits disappears"
    assert {v for v, on in boxes.items() if on} == set(picked)


# -- 3. a page per case --------------------------------------------------------------


def test_case_page_with_citation(client, catalog):
    doc_id, record = ssu(catalog)
    index = next(i for i, s in enumerate(record.saker) if s.saksnummer == "37/2024")
    html = get_html(client, f"/saker/{doc_id}-{index}")
    # The minutes say: Helsefellesskap Oslo, Strategisk samarbeidsutvalg, 05.12.24, sak 37/24.
    assert "Sak 37/2024, Strategisk samarbeidsutvalg, Helsefellesskap Oslo, 5. desember 2024" in html
    hrefs = {a.get("href") for t, a in tags(html) if t == "a"}
    assert f"/pdf/{doc_id}#page={record.saker[index].page}" in hrefs
    assert f"/dokument/{doc_id}#sak-37-2024" in hrefs
    assert record.saker[index].vedtak in html
    data = client.get(f"/api/saker/{doc_id}-{index}").json()
    assert data["citation"].startswith("Sak 37/2024, Strategisk samarbeidsutvalg")
    assert data["links"]["html"] == f"/saker/{doc_id}-{index}"
    assert get_html(client, f"/saker/{doc_id}-999", status=404)


def test_every_case_hit_links_to_its_case_page(client):
    html = get_html(client, f"/?q={BROAD}&what=saker&limit=100")
    ids = re.findall(r'class="hit" data-id="([^"]+)"', html)
    assert ids
    for sak_id in ids:
        assert f'class="main-link" href="/saker/{sak_id}"' in html


def test_document_hit_names_the_case_whose_text_matched(client, catalog):
    """`Kommentar fra hvert av sykehusene` (page 2) continues case 35/24; 33/24 also starts on page 2."""
    doc_id, record = ssu(catalog)
    got = api(client, q='"Kommentar fra hvert av sykehusene"')
    hit = next(h for h in got["hits"] if h["id"] == doc_id)
    assert hit["saksnummer"] == "35/2024"
    html = get_html(client, '/?q="Kommentar fra hvert av sykehusene"')
    index = next(i for i, s in enumerate(record.saker) if s.saksnummer == "35/2024")
    assert f'<a class="saksnr" href="/saker/{doc_id}-{index}">Sak 35/2024</a>' in html
    assert "#sak-35-2024" in html
    doc_html = get_html(client, f"/dokument/{doc_id}")
    assert 'id="sak-35-2024"' in doc_html


# -- 4. reading in context -----------------------------------------------------------


def test_document_matches_every_page_and_page_keeps_the_query(client, catalog):
    doc_id, record = next((d, r) for d, r in catalog.iter_records() if r.source.path.endswith("arsrapport-2025.pdf"))
    pages = sorted({s.page for s in record.sections if "fact" in (s.title + " " + s.text).lower()})
    assert len(pages) >= 2
    data = client.get(f"/api/documents/{doc_id}", params={"q": "FACT"}).json()
    assert [m["page"] for m in data["matches"]] == pages
    assert all("<em>" in m["snippet"] for m in data["matches"])
    assert "matches" not in client.get(f"/api/documents/{doc_id}").json()
    html = get_html(client, f"/dokument/{doc_id}?q=FACT")
    for page in pages:
        assert f'id="side-{page}"' in html and f"/pdf/{doc_id}#page={page}" in html
    assert "<em>FACT</em>" in html
    assert 'href="/?q=FACT"' in html, "a link back to the results"
    assert 'value="FACT"' in html, "search inside the document keeps the words"
    # search hits carry the query to the document page
    assert f"/dokument/{doc_id}?q=FACT#" in get_html(client, "/?q=FACT")


# -- 5. the feed follows its tab, and explains itself -------------------------------


def test_feed_entries_are_the_page_hits_newest_first(client):
    for what in ("documents", "saker"):
        params = {"q": BROAD} | ({"what": what} if what == "saker" else {})
        root = ET.fromstring(client.get("/feed", params=params).content)
        entries = root.findall(f"{ATOM}entry")
        expected = api(client, sort="date", limit=50, **params)
        assert len(entries) == min(expected["total"], 50)
        ids = [e.findtext(f"{ATOM}id").rsplit("/", 1)[-1] for e in entries]
        assert ids == [h["id"] for h in expected["hits"]]
        links = [e.find(f"{ATOM}link[@rel='alternate']").get("href") for e in entries]
        prefix = "http://testserver/saker/" if what == "saker" else "http://testserver/dokument/"
        assert all(link.startswith(prefix) for link in links)


def test_follow_page_explains_and_gives_the_feed_url(client):
    html = get_html(client, f"/?q={BROAD}")
    follow = next(a["href"] for t, a in tags(html) if t == "a" and "follow" in (a.get("class") or ""))
    assert follow.startswith("/folg?")
    page = get_html(client, follow)
    assert "Følg søket" in page and "nyhetsleser" in page
    field = next(a for t, a in tags(page) if t == "input" and a.get("id") == "feed-url")
    assert field["value"] == f"http://testserver/feed?q={BROAD}"
    saker = get_html(client, f"/?q={BROAD}&what=saker")
    follow = next(a["href"] for t, a in tags(saker) if t == "a" and "follow" in (a.get("class") or ""))
    assert "what=saker" in follow


# -- 8. the small things -------------------------------------------------------------


def test_no_empty_attendee_sections(client, catalog):
    for doc_id, record in catalog.iter_records():
        html = get_html(client, f"/dokument/{doc_id}")
        att = record.attendees
        assert ("Til stede (" in html) == bool(att.present)
        assert ("Ikke til stede (" in html) == bool(att.absent)
        assert "(0)" not in html


def test_pdf_download_name(client, catalog):
    doc_id, _ = ssu(catalog)
    disposition = client.get(f"/pdf/{doc_id}").headers["content-disposition"]
    name = re.search(r'filename="([^"]+)"', disposition).group(1)
    assert name.startswith("2024-12-05-strategisk-samarbeidsutvalg-") and name.endswith(".pdf")
    assert "referat" in name and re.fullmatch(r"[a-z0-9.-]+", name)
    assert unquote(re.search(r"filename\*=UTF-8''(\S+)", disposition).group(1)) == name


def test_errors_keep_the_query(client):
    html = get_html(client, "/?q=FACT&year=ifjor", status=400)
    assert 'value="FACT"' in html and 'href="/?q=FACT"' in html
    html = get_html(client, "/vedtak?q=rehabilitering&limit=0", status=400)
    assert 'value="rehabilitering"' in html


def test_openapi_describes_typed_responses(client):
    spec = client.get("/openapi.json").json()
    def ref(path: str, code: str = "200") -> str:
        return spec["paths"][path]["get"]["responses"][code]["content"]["application/json"]["schema"].get("$ref", "")
    assert ref("/api/search").endswith("/SearchResponse")
    assert ref("/api/documents/{doc_id}").endswith("/DocumentResponse")
    assert ref("/api/saker/{sak_id}").endswith("/SakResponse")
    assert ref("/api/trend").endswith("/TrendResponse")
    assert ref("/api/facets").endswith("/FacetsResponse")
    hit = spec["components"]["schemas"]["Hit"]["properties"]
    assert {"id", "page", "saksnummer", "snippet"} <= set(hit)


def test_csv_rows_link_to_case_and_pdf_page(client):
    text = client.get("/vedtak.csv", params={"har_vedtak": "0"}).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows
    for row in rows:
        assert re.fullmatch(r"http://testserver/saker/[0-9a-f]{64}-\d+", row["sakslenke"])
        assert re.fullmatch(r"http://testserver/pdf/[0-9a-f]{64}#page=\d+", row["pdf_lenke"])
        assert client.get(row["sakslenke"].replace("http://testserver", "")).status_code == 200
