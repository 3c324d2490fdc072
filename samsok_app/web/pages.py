"""HTML pages (Norwegian bokmål): search, Vedtak view, document, trend, feed, PDFs."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from samsok_app.web import documents, feed, hits
from samsok_app.web import trend as trend_mod
from samsok_app.web.filters import FACET_PARAMS, Filters, filters_dependency
from samsok_app.web.render import doc_type_label
from samsok_app.web.services import Services, is_doc_id

router = APIRouter(include_in_schema=False)

FiltersParam = Annotated[Filters, Depends(filters_dependency)]
Sort = Literal["relevans", "nyeste", "eldste"]
SORT_LABELS = {"relevans": "Mest relevant", "nyeste": "Nyeste først", "eldste": "Eldste først"}
FEED_SIZE = 50


def services_of(request: Request) -> Services:
    return request.app.state.services


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def facet_groups(filters: Filters, facets: dict[str, dict[str, int]], base: str) -> list[dict[str, Any]]:
    """Facets as groups of {value, count, active, href}; active values stay listed."""
    groups: list[dict[str, Any]] = []
    for key, param in FACET_PARAMS.items():
        counts = dict(facets.get(key) or {})
        for value in filters.values(param):
            counts.setdefault(value, 0)
        if param == "year":
            items = sorted(counts.items(), key=lambda kv: kv[0], reverse=True)
        else:
            items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        groups.append(
            {
                "key": key,
                "param": param,
                "values": [
                    {
                        "value": value,
                        "count": count,
                        "active": filters.is_active(param, str(value)),
                        "href": filters.toggled(param, str(value)).url(base),
                    }
                    for value, count in items
                ],
            }
        )
    return groups


def active_filters(filters: Filters, base: str) -> list[dict[str, str]]:
    """Chips for the active filters, each with the link that removes it."""
    chips: list[dict[str, str]] = []
    if filters.year_from is not None or filters.year_to is not None:
        if filters.year_from == filters.year_to:
            label = f"År: {filters.year_from}"
        else:
            label = f"År: {filters.year_from or ''}–{filters.year_to or ''}"
        chips.append({"label": label, "href": filters.changed(year_from=None, year_to=None).url(base)})
    names = {"omrade": "Sykehusområde", "type": "Dokumenttype", "organ": "Organ"}
    for param, name in names.items():
        for value in filters.values(param):
            shown = doc_type_label(value) if param == "type" else value
            chips.append(
                {"label": f"{name}: {shown}", "param": param, "value": value,
                 "href": filters.toggled(param, value).url(base)}
            )
    return chips


def pagination(filters: Filters, total: int, base: str, extra: dict[str, str] | None = None) -> dict[str, Any]:
    shown_total = min(total, filters.offset + 10_000)
    pages = max(1, -(-shown_total // filters.limit))
    current = filters.offset // filters.limit + 1
    window = range(max(1, current - 3), min(pages, current + 3) + 1)

    def link(page: int) -> str:
        return filters.page((page - 1) * filters.limit).url(base)

    return {
        "current": current,
        "pages": pages,
        "prev": link(current - 1) if current > 1 else None,
        "next": link(current + 1) if current < pages else None,
        "window": [{"number": n, "href": link(n), "current": n == current} for n in window],
        "first": filters.offset + 1 if total else 0,
        "last": min(filters.offset + filters.limit, total),
    }


_SAK_INDEX_RE = re.compile(r"^[0-9a-f]{64}\W+\D*(\d+)$")


def sak_index(hit: dict[str, Any]) -> int | None:
    """Which case of its document a case hit is (position in `record.saker`)."""
    for key in ("sak_index", "index"):
        if isinstance(hit.get(key), int):
            return int(hit[key])
    match = _SAK_INDEX_RE.match(str(hit.get("id") or ""))
    return int(match.group(1)) if match else None


def sak_link(hit: dict[str, Any]) -> None:
    """Add the document page anchor of a case hit, when the hit tells which case it is."""
    if "vedtak" not in hit and "kind" not in hit:
        return
    index = sak_index(hit)
    if hit.get("doc_id") and index is not None:
        hit["sak_url"] = hits.document_url(hit["doc_id"], hits.sak_anchor(index))


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, filters: FiltersParam) -> HTMLResponse:
    title = f"«{filters.q}» – søk" if filters.q else "Søk"
    context: dict[str, Any] = {"filters": filters, "page_title": title, "nav": "sok"}
    if not filters.q and not filters.has_filters:
        # The front page: facets over everything, no hits list yet.
        result = services_of(request).search(filters.to_search_query(limit=1, offset=0))
        context.update(front=True, total=result.total, facets=facet_groups(filters, result.facets, "/"))
        return render(request, "search.html", context)
    result = services_of(request).search(filters.to_search_query())
    found = [hits.decorate(h) for h in result.hits]
    for hit in found:
        sak_link(hit)
    context.update(
        front=False,
        result=result,
        hits=found,
        facets=facet_groups(filters, result.facets, "/"),
        chips=active_filters(filters, "/"),
        pager=pagination(filters, result.total, "/"),
        feed_url=filters.url("/feed", paging=False),
        vedtak_url=filters.changed(what="saker").url("/vedtak", what=False),
        trend_url=filters.url("/trend", paging=False, what=False) if filters.q else None,
        documents_url=filters.changed(what="documents").url("/"),
        saker_url=filters.changed(what="saker").url("/"),
    )
    return render(request, "search.html", context)


def _vedtak_rows(
    services: Services, filters: Filters, sort: str, everything: bool
) -> tuple[list[dict[str, Any]], int, Any]:
    """Cases for the Vedtak view/exports: one page, or all of them (exports, date sort)."""
    filters = filters.changed(what="saker", offset=filters.offset)
    if sort == "relevans" and not everything:
        result = services.search(filters.to_search_query())
        rows, total, facets = result.hits, result.total, result.facets
    else:
        rows, total = hits.collect(services, filters)
        facets = None
        if sort != "relevans":
            rows = hits.sort_by_date(rows, newest_first=sort == "nyeste")
        if not everything:
            rows = rows[filters.offset : filters.offset + filters.limit]
    decorated = [hits.decorate(h) for h in rows]
    for hit in decorated:
        sak_link(hit)
    return decorated, total, facets


def default_sort(filters: Filters, sort: str | None) -> str:
    if sort:
        return sort
    return "relevans" if filters.q else "nyeste"


@router.get("/vedtak", response_class=HTMLResponse)
def vedtak_page(
    request: Request, filters: FiltersParam, sort: Annotated[Sort | None, Query()] = None
) -> HTMLResponse:
    services = services_of(request)
    filters = filters.changed(what="saker", offset=filters.offset)
    chosen = default_sort(filters, sort)
    keep = {"sort": chosen} if sort else {}
    filters = replace(filters, extra=keep)
    rows, total, facets = _vedtak_rows(services, filters, chosen, everything=False)
    if facets is None:
        facets = services.search(filters.to_search_query(limit=1, offset=0)).facets
    context = {
        "filters": filters,
        "page_title": "Vedtak",
        "nav": "vedtak",
        "rows": rows,
        "total": total,
        "sort": chosen,
        "sort_links": [
            {"value": value, "label": label, "active": value == chosen,
             "href": filters.changed(extra={"sort": value}).url("/vedtak", what=False)}
            for value, label in SORT_LABELS.items()
        ],
        "facets": facet_groups(filters, facets, "/vedtak"),
        "chips": active_filters(filters, "/vedtak"),
        "pager": pagination(filters, total, "/vedtak"),
        "csv_url": filters.url("/vedtak.csv", paging=False, what=False),
        "json_url": filters.url("/vedtak.json", paging=False, what=False),
        "feed_url": filters.url("/feed", paging=False, what=False),
        "capped": total > hits.MAX_COLLECT and chosen != "relevans",
        "max_collect": hits.MAX_COLLECT,
    }
    return render(request, "vedtak.html", context)


def _export_rows(request: Request, filters: Filters, sort: str | None) -> list[dict[str, Any]]:
    chosen = default_sort(filters, sort)
    rows, _, _ = _vedtak_rows(services_of(request), filters, chosen, everything=True)
    return rows


def _export_name(filters: Filters, ext: str) -> str:
    stem = "".join(c if c.isalnum() else "-" for c in filters.q.lower()).strip("-")[:40]
    return f"vedtak-{stem}.{ext}" if stem else f"vedtak.{ext}"


@router.get("/vedtak.csv")
def vedtak_csv(
    request: Request, filters: FiltersParam, sort: Annotated[Sort | None, Query()] = None
) -> Response:
    rows = _export_rows(request, filters, sort)
    return Response(
        hits.saker_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{_export_name(filters, "csv")}"'},
    )


@router.get("/vedtak.json")
def vedtak_json(
    request: Request, filters: FiltersParam, sort: Annotated[Sort | None, Query()] = None
) -> Response:
    rows = _export_rows(request, filters, sort)
    keys = [key for _, key in hits.CSV_COLUMNS] + ["id", "sak_url", "pdf_url"]
    body = {
        "query": dict(filters.params(paging=False, what=False)),
        "total": len(rows),
        "saker": [{k: row.get(k) for k in keys} for row in rows],
    }
    return Response(
        json.dumps(body, ensure_ascii=False, indent=1),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{_export_name(filters, "json")}"'},
    )


@router.get("/dokument/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    doc = documents.load(services_of(request), doc_id) if is_doc_id(doc_id) else None
    if doc is None:
        raise HTTPException(404, "Fant ikke dokumentet. Lenken kan være feil, eller dokumentet er fjernet.")
    context = {
        "filters": Filters(),
        "page_title": doc.record.title or "Dokument",
        "nav": "",
        "doc": doc,
        "rec": doc.record,
        "saker": [
            {"index": i, "anchor": hits.sak_anchor(i), "sak": sak, "pdf_url": hits.pdf_url(doc_id, sak.page)}
            for i, sak in enumerate(doc.record.saker)
        ],
    }
    return render(request, "document.html", context)


@router.get("/pdf/{doc_id}")
def pdf(request: Request, doc_id: str) -> FileResponse:
    path = services_of(request).raw_pdf(doc_id) if is_doc_id(doc_id) else None
    if path is None:
        raise HTTPException(404, "Fant ikke PDF-en.")
    return FileResponse(
        path,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{doc_id[:12]}.pdf"'},
    )


@router.get("/trend", response_class=HTMLResponse)
def trend_page(request: Request, filters: FiltersParam) -> HTMLResponse:
    filters = filters.changed(what="documents")
    context: dict[str, Any] = {"filters": filters, "page_title": "Trend", "nav": "trend", "trend": None}
    if filters.q:
        trend = trend_mod.compute(services_of(request), filters)
        context.update(
            trend=trend,
            chart=trend_mod.chart(trend, filters) if not trend.empty else None,
            total_series=trend_mod.TOTAL_SERIES,
            csv_url=filters.url("/trend.csv", paging=False, what=False),
            api_url=filters.url("/api/trend", paging=False, what=False),
            search_url=filters.url("/", paging=False, what=False),
            chips=active_filters(filters, "/trend"),
        )
    return render(request, "trend.html", context)


@router.get("/trend.csv")
def trend_csv(request: Request, filters: FiltersParam) -> Response:
    if not filters.q:
        raise HTTPException(400, "Skriv et ord å følge over tid.")
    trend = trend_mod.compute(services_of(request), filters.changed(what="documents"))
    stem = "".join(c if c.isalnum() else "-" for c in filters.q.lower()).strip("-")[:40] or "trend"
    return Response(
        hits.rows_csv(["år", "sykehusområde", "dokumenter", "omtaler"], trend.csv_rows()),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="trend-{stem}.csv"'},
    )


@router.get("/feed")
def atom_feed(request: Request, filters: FiltersParam) -> Response:
    """Atom feed of a search: newest in samsok first (cases unless `what=documents`)."""
    services = services_of(request)
    what = filters.what if "what" in request.query_params else "saker"
    filters = filters.changed(what=what)
    found, _ = hits.collect(services, filters, limit=max(FEED_SIZE * 4, 200))
    entries: list[dict[str, Any]] = []
    info_cache: dict[str, dict[str, Any]] = {}
    for raw in found:
        hit = hits.decorate(raw)
        sak_link(hit)
        doc_id = hit.get("doc_id")
        if doc_id and doc_id not in info_cache:
            info_cache[doc_id] = services.document_info(doc_id)
        seen = feed.first_seen(info_cache.get(doc_id or "", {}))
        hit["updated"] = seen or feed.EPOCH
        entries.append(hit)
    entries.sort(key=lambda h: (h["updated"], str(h.get("date") or "")), reverse=True)
    entries = entries[:FEED_SIZE]
    what_label = "saker" if what == "saker" else "dokumenter"
    title = f"samsok: {what_label} om «{filters.q}»" if filters.q else f"samsok: nye {what_label}"
    base = str(request.base_url).rstrip("/")
    body = feed.build(
        title=title,
        self_url=filters.url("/feed", paging=False),
        html_url=filters.url("/vedtak" if what == "saker" else "/", paging=False, what=False),
        base_url=base,
        entries=entries,
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")
