"""JSON API (read-only): search, trend, documents, cases, facets, health."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from samsok_app.web import documents, hits
from samsok_app.web import trend as trend_mod
from samsok_app.web.filters import Filters, filters_dependency
from samsok_app.web.services import Services

try:
    import orjson

    def dumps(content: Any) -> bytes:
        return orjson.dumps(content)

except ImportError:  # orjson comes with Prefect; the standard library does the same, slower
    import json

    def dumps(content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


router = APIRouter()

FiltersParam = Annotated[Filters, Depends(filters_dependency)]


def services_of(request: Request) -> Services:
    return request.app.state.services


class FastJSON(Response):
    """JSON for plain dicts and lists, serialised once (no `jsonable_encoder` pass)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content)


@router.get(
    "/api/search",
    tags=["søk"],
    summary="Søk i dokumenter eller saker (kontraktens søk)",
    response_class=FastJSON,
    responses={200: {"content": {"application/json": {}}}},
)
def api_search(request: Request, filters: FiltersParam) -> FastJSON:
    """The contract's search JSON: `total`, `took_ms`, `hits`, `facets`."""
    result = services_of(request).search(filters.to_search_query())
    return FastJSON(result.to_dict())


@router.get("/api/trend", tags=["trend"], summary="Treff på et ord per år og per sykehusområde")
def api_trend(
    request: Request,
    filters: FiltersParam,
    term: Annotated[str | None, Query(max_length=200, description="Ordet (ellers brukes q)")] = None,
) -> dict[str, Any]:
    if term is not None:
        filters = filters.changed(q=" ".join(term.split()))
    if not filters.q:
        raise HTTPException(400, "Oppgi et ord i «term» eller «q».")
    return trend_mod.compute(services_of(request), filters).to_dict()


@router.get("/api/facets", tags=["søk"], summary="Fasetter (antall per verdi) for et søk")
def api_facets(request: Request, filters: FiltersParam) -> dict[str, Any]:
    result = services_of(request).search(filters.to_search_query(limit=1, offset=0))
    return {"total": result.total, "facets": result.facets}


@router.get("/api/documents/{doc_id}", tags=["dokumenter"], summary="Et dokument: metadata, avsnitt, saker, deltakere, kilder")
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    doc = documents.load(services_of(request), doc_id)
    if doc is None:
        raise HTTPException(404, "Fant ikke dokumentet.")
    return doc.to_api()


@router.get("/api/saker/{sak_id}", tags=["dokumenter"], summary="En sak med vedtak og dokumentet den står i")
def api_sak(request: Request, sak_id: str) -> dict[str, Any]:
    parsed = hits.parse_sak_id(sak_id)
    doc = documents.load(services_of(request), parsed[0]) if parsed else None
    if parsed is None or doc is None or not 0 <= parsed[1] < len(doc.record.saker):
        raise HTTPException(404, "Fant ikke saken.")
    return doc.sak_api(parsed[1])


@router.get("/health", tags=["drift"], summary="Status for søketjenesten og katalogen")
def health(request: Request) -> JSONResponse:
    services = services_of(request)
    backend = services.backend_status()
    catalog = services.catalog_status()
    ok = backend["ok"] and catalog["ok"]
    body = {"status": "ok" if ok else "degraded", "backend": backend, "catalog": catalog}
    return JSONResponse(body, status_code=200 if backend["ok"] else 503)
