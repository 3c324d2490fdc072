"""The JSON API over the real ingested samples, checked against the backend and catalog."""

from __future__ import annotations

import hashlib
import re

import pytest

BROAD = "samhandling"  # in every sample document
CONTRACT_HIT_KEYS = {
    "id", "title", "doc_type", "year", "date", "sykehusomrader", "organ", "page", "saksnummer", "snippet", "source",
}  # fmt: skip
FACET_KEYS = {"year", "sykehusomrade", "doc_type", "organ"}


def search(client, **params):
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def without_timing(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "took_ms"}


def test_search_is_the_contract_json_of_the_backend(client, backend):
    from samsok.search.base import SearchQuery

    got = search(client, q=BROAD)
    assert set(got) >= {"total", "took_ms", "hits", "facets"}
    assert got["total"] > 0 and got["hits"]
    assert set(got["facets"]) >= FACET_KEYS
    for hit in got["hits"]:
        assert set(hit) >= CONTRACT_HIT_KEYS
    expected = backend.search(SearchQuery(text=BROAD)).to_dict()
    assert without_timing(got) == without_timing(expected)


def test_snippets_highlight_with_em(client):
    hits = search(client, q=BROAD)["hits"]
    assert any("<em>" in (h["snippet"] or "") for h in hits)


def test_year_and_year_range(client):
    base = search(client, q=BROAD)
    years = sorted(int(y) for y, n in base["facets"]["year"].items() if n)
    assert len(years) >= 2, "the samples span several years"
    one = years[0]
    only = search(client, q=BROAD, year=str(one), limit=100)
    assert only["total"] == base["facets"]["year"][str(one)]
    assert {h["year"] for h in only["hits"]} == {one}

    first, last = years[0], years[-2] if len(years) > 2 else years[0]
    ranged = search(client, q=BROAD, year=f"{first}..{last}", limit=100)
    assert all(first <= h["year"] <= last for h in ranged["hits"])
    assert ranged["total"] == sum(n for y, n in base["facets"]["year"].items() if first <= int(y) <= last)
    split = search(client, q=BROAD, year_from=first, year_to=last, limit=100)
    assert without_timing(split) == without_timing(ranged)


def test_repeated_omrade_combines(client):
    base = search(client, q=BROAD)
    omrader = [o for o, n in sorted(base["facets"]["sykehusomrade"].items(), key=lambda kv: -kv[1]) if n]
    assert len(omrader) >= 2, "the samples cover several sykehusområder"
    a, b = omrader[:2]
    only_a = search(client, q=BROAD, omrade=a, limit=100)
    both = search(client, q=BROAD, omrade=[a, b], limit=100)
    assert only_a["total"] == base["facets"]["sykehusomrade"][a]
    assert both["total"] >= max(only_a["total"], base["facets"]["sykehusomrade"][b])
    for hit in both["hits"]:
        assert {a, b} & set(hit["sykehusomrader"])


@pytest.mark.parametrize(("param", "facet", "field"), [("type", "doc_type", "doc_type"), ("organ", "organ", "organ")])
def test_type_and_organ_filters(client, param, facet, field):
    base = search(client, q=BROAD)
    value, count = max(base["facets"][facet].items(), key=lambda kv: kv[1])
    got = search(client, q=BROAD, limit=100, **{param: value})
    assert got["total"] == count
    assert {h[field] for h in got["hits"]} == {value}


def test_saker_mode(client):
    got = search(client, q=BROAD, what="saker", limit=100)
    assert got["total"] > 0
    for hit in got["hits"]:
        assert set(hit) >= CONTRACT_HIT_KEYS | {"kind", "vedtak"}
        if hit["saksnummer"] is not None:
            assert re.fullmatch(r"[1-9]\d*/\d{4}", hit["saksnummer"])


def test_pagination_is_stable_and_disjoint(client):
    whole = search(client, q=BROAD, limit=6)
    if whole["total"] < 4:
        pytest.skip("too few hits to page")
    first = search(client, q=BROAD, limit=2, offset=0)
    second = search(client, q=BROAD, limit=2, offset=2)
    assert first["total"] == second["total"] == whole["total"]
    assert [h["id"] for h in first["hits"] + second["hits"]] == [h["id"] for h in whole["hits"][:4]]


def test_facets_endpoint_matches_search(client):
    got = client.get("/api/facets", params={"q": BROAD, "type": "referat"}).json()
    full = search(client, q=BROAD, type="referat")
    assert got == {"total": full["total"], "facets": full["facets"]}


def test_query_syntax_is_plain_words(client):
    # Operators and brackets are words to the backend, never a parse error.
    for text in ['"', "FACT AND (", "title:*", "a OR -b", "{!xss}", "\\", "*?~^"]:
        response = client.get("/api/search", params={"q": text})
        assert response.status_code == 200, (text, response.text)


def test_trend(client, backend):
    got = client.get("/api/trend", params={"term": "FACT"}).json()
    raw = backend.trend("FACT")
    assert got["term"] == "FACT"
    assert got["by_year"] == raw["by_year"]
    assert got["by_omrade"] == raw["by_omrade"]
    assert got["by_year"], "FACT is mentioned in the samples"
    assert set(got["by_year_omrade"]) <= set(raw["by_omrade"])


def test_documents_and_saker_come_from_the_catalog(client, catalog, settings):
    records = list(catalog.iter_records())
    assert records
    raw_store = str(settings.raw_dir)
    seen_saker = 0
    for doc_id, record in records:
        response = client.get(f"/api/documents/{doc_id}")
        assert response.status_code == 200
        assert raw_store not in response.text, "the raw store path stays on the server"
        doc = response.json()
        assert doc["id"] == doc_id
        assert doc["title"] == record.title
        assert len(doc["sections"]) == len(record.sections)
        assert doc["attendees"]["present"] == [a.__dict__ for a in record.attendees.present]
        assert doc["links"]["pdf"] == f"/pdf/{doc_id}"
        assert doc["harvested_at"]
        for sak_doc, sak in zip(doc["saker"], record.saker, strict=True):
            one = client.get(f"/api/saker/{sak_doc['id']}").json()
            assert (one["saksnummer"], one["vedtak"], one["title"]) == (sak.saksnummer, sak.vedtak, sak.title)
            assert one["document"]["id"] == doc_id
            seen_saker += 1
    assert seen_saker > 0, "the samples hold cases"


def test_unknown_ids_are_json_404(client):
    for path in ["/api/documents/" + "0" * 64, "/api/documents/nope", "/api/saker/" + "0" * 64 + "-0", "/api/saker/x"]:
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_bad_parameters(client):
    assert client.get("/api/search", params={"limit": 0}).status_code == 422
    assert client.get("/api/search", params={"what": "everything"}).status_code == 422
    bad_year = client.get("/api/search", params={"year": "nittennitten"})
    assert bad_year.status_code == 400
    assert "Ugyldig år" in bad_year.json()["error"]["message"]


def test_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)("/api/search")
        assert response.status_code == 405, method
        assert getattr(client, method)("/").status_code == 405


def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["backend"]["ok"] and body["catalog"]["ok"]
    assert body["catalog"]["stats"]["documents"] > 0


def test_security_headers(client):
    for path in ["/", "/api/search?q=FACT", "/finnes-ikke", "/health"]:
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "object-src 'none'" in csp


def test_pdf_is_served_from_the_raw_store_by_id(client, catalog):
    doc_id, _ = next(iter(catalog.iter_records()))
    response = client.get(f"/pdf/{doc_id}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert hashlib.sha256(response.content).hexdigest() == doc_id


@pytest.mark.parametrize(
    "path",
    [
        "/pdf/" + "0" * 64,
        "/pdf/../catalog.sqlite",
        "/pdf/..%2Fcatalog.sqlite",
        "/pdf/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/pdf/" + "A" * 64,
        "/pdf/" + "0" * 63,
        "/pdf/catalog.sqlite",
    ],
)
def test_pdf_rejects_anything_but_a_known_id(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert not response.content.startswith(b"%PDF")
    assert b"SQLite" not in response.content and b"root:" not in response.content


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/search", "/api/trend", "/api/documents/{doc_id}", "/api/saker/{sak_id}", "/api/facets", "/health"):
        assert set(paths[path]) == {"get"}
