"""JSON API (read-only): search, trend, documents, cases, facets, health."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from samsok_app.web import documents, hits, schemas
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


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": schemas.ErrorResponse, "description": "Ugyldig parameter"},
    422: {"model": schemas.ErrorResponse, "description": "Ugyldig parameter"},
    503: {"model": schemas.ErrorResponse, "description": "Søketjenesten er ikke tilgjengelig"},
}


@router.get(
    "/api/search",
    tags=["søk"],
    summary="Søk i dokumenter eller saker (kontraktens søk)",
    response_class=FastJSON,
    response_model=None,
    responses={200: {"model": schemas.SearchResponse, "description": "Treff og fasetter"}, **ERRORS},
)
def api_search(request: Request, filters: FiltersParam) -> FastJSON:
    """The contract's search JSON: `total`, `took_ms`, `hits`, `facets`.

    `sort=date` gives newest first; `has_vedtak=true` (with `what=saker`) only cases with a
    decision; counts within a facet are computed without that facet's own filter."""
    if filters.has_vedtak and filters.what != "saker":
        raise HTTPException(400, "«has_vedtak» gjelder saker: bruk den sammen med what=saker.")
    result = services_of(request).search(filters.to_search_query())
    return FastJSON(result.to_dict())


@router.get(
    "/api/trend", tags=["trend"], summary="Treff på et ord per år og per sykehusområde",
    response_model=schemas.TrendResponse, responses=ERRORS,
)
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


@router.get(
    "/api/facets", tags=["søk"], summary="Fasetter (antall per verdi) for et søk",
    response_model=schemas.FacetsResponse, responses=ERRORS,
)
def api_facets(request: Request, filters: FiltersParam) -> dict[str, Any]:
    result = services_of(request).search(filters.to_search_query(limit=1, offset=0))
    return {"total": result.total, "facets": result.facets}


@router.get(
    "/api/documents/{doc_id}", tags=["dokumenter"],
    summary="Et dokument: metadata, avsnitt, saker, deltakere, kilder; med q også sidene som treffer",
    response_model=schemas.DocumentResponse, response_model_by_alias=True, response_model_exclude_unset=True,
    responses={404: {"model": schemas.ErrorResponse, "description": "Ukjent dokument"}, **ERRORS},
)
def api_document(
    request: Request,
    doc_id: str,
    q: Annotated[str, Query(max_length=500, description="Søkeord: gir `matches`, hver side som treffer")] = "",
) -> dict[str, Any]:
    services = services_of(request)
    doc = documents.load(services, doc_id)
    if doc is None:
        raise HTTPException(404, "Fant ikke dokumentet.")
    data = doc.to_api()
    q = " ".join(q.split())
    if q:
        data["query"] = q
        data["matches"] = [
            {"page": m["page"], "snippet": m["snippet"], "section": m.get("section")}
            for m in services.document_matches(doc_id, q)
        ]
    return data


@router.get(
    "/api/saker/{sak_id}", tags=["dokumenter"], summary="En sak med vedtak, kildehenvisning og dokumentet den står i",
    response_model=schemas.SakResponse, responses={404: {"model": schemas.ErrorResponse}},
)
def api_sak(request: Request, sak_id: str) -> dict[str, Any]:
    parsed = hits.parse_sak_id(sak_id)
    doc = documents.load(services_of(request), parsed[0]) if parsed else None
    if parsed is None or doc is None or not 0 <= parsed[1] < len(doc.record.saker):
        raise HTTPException(404, "Fant ikke saken.")
    return doc.sak_api(parsed[1])


@router.get(
    "/health", tags=["drift"], summary="Status for søketjenesten og katalogen",
    response_model=None,
    responses={200: {"model": schemas.HealthResponse}, 503: {"model": schemas.HealthResponse}},
)
def health(request: Request) -> JSONResponse:
    services = services_of(request)
    backend = services.backend_status()
    catalog = services.catalog_status()
    ok = backend["ok"] and catalog["ok"]
    body = {"status": "ok" if ok else "degraded", "backend": backend, "catalog": catalog}
    return JSONResponse(body, status_code=200 if backend["ok"] else 503)
