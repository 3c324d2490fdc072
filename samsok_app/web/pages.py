"""HTML pages (Norwegian bokmål): search, Vedtak view, document, trend, feed, PDFs."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from samsok_app.web import documents, feed, hits
from samsok_app.web import trend as trend_mod
from samsok_app.web.filters import FACET_PARAMS, Filters, filters_dependency
from samsok_app.web.render import doc_type_label
from samsok_app.web.services import Services, is_doc_id

router = APIRouter(include_in_schema=False)

FiltersParam = Annotated[Filters, Depends(filters_dependency)]
SEARCH_SORTS = {"relevance": "Mest relevant", "date": "Nyeste først"}
VEDTAK_SORTS = {"relevance": "Mest relevant", "date": "Nyeste først", "date_asc": "Eldste først"}
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
    names = {"year": "År", "omrade": "Sykehusområde", "type": "Dokumenttype", "organ": "Organ"}
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


class CaseLookup:
    """Case positions by number per document (one catalog read per document and request)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._records: dict[str, Any] = {}

    def record(self, doc_id: str) -> Any:
        if doc_id not in self._records:
            self._records[doc_id] = self.services.get_record(doc_id)
        return self._records[doc_id]

    def index_of(self, doc_id: str, number: str | None) -> int | None:
        record = self.record(doc_id) if number else None
        if record is None:
            return None
        return next((i for i, sak in enumerate(record.saker) if sak.saksnummer == number), None)

    def anchor(self, doc_id: str, index: int) -> str | None:
        record = self.record(doc_id)
        if record is None or not 0 <= index < len(record.saker):
            return None
        return hits.sak_anchors(record.saker)[index]


def link_hit(hit: dict[str, Any], lookup: CaseLookup, q: str = "") -> None:
    """Links of a decorated hit: a case hit to its case page; a document hit to the case
    whose text matched (when it names one) and to its document page at that case or page."""
    doc_id = hit.get("doc_id")
    if not doc_id:
        return
    query = f"?{urlencode({'q': q})}" if q else ""
    is_case = "vedtak" in hit or "kind" in hit
    index = sak_index(hit) if is_case else lookup.index_of(doc_id, hit.get("saksnummer"))
    anchor = None
    if index is not None:
        hit["sak_url"] = hits.sak_url(doc_id, index)
        anchor = lookup.anchor(doc_id, index)
    if anchor is None and not is_case and hit.get("page"):
        anchor = f"side-{int(hit['page'])}"
    hit["document_url"] = f"/dokument/{doc_id}{query}" + (f"#{anchor}" if anchor else "")
    hit["main_url"] = hit.get("sak_url") if is_case else hit["document_url"]


def sort_links(filters: Filters, base: str, chosen: str, options: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"value": value, "label": label, "active": value == chosen,
         "href": replace(filters, sort=value, offset=0).url(base, what=base == "/")}
        for value, label in options.items()
    ]


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, filters: FiltersParam) -> HTMLResponse:
    title = f"«{filters.q}» – søk" if filters.q else "Søk"
    context: dict[str, Any] = {"filters": filters, "page_title": title, "nav": "sok"}
    services = services_of(request)
    if not filters.q and not filters.has_filters:
        # The front page: facets over everything, no hits list yet.
        result = services.search(filters.to_search_query(limit=1, offset=0))
        context.update(front=True, total=result.total, facets=facet_groups(filters, result.facets, "/"))
        return render(request, "search.html", context)
    chosen = filters.default_sort()
    result = services.search(filters.to_search_query(sort=chosen))
    lookup = CaseLookup(services)
    found = [hits.decorate(h) for h in result.hits]
    for hit in found:
        link_hit(hit, lookup, filters.q)
    context.update(
        front=False,
        result=result,
        hits=found,
        sort=chosen,
        sort_links=sort_links(filters, "/", chosen, SEARCH_SORTS),
        facets=facet_groups(filters, result.facets, "/"),
        chips=active_filters(filters, "/"),
        pager=pagination(filters, result.total, "/"),
        feed_url=filters.url("/feed", paging=False),
        follow_url=filters.url("/folg", paging=False),
        vedtak_url=filters.changed(what="saker", sort=None).url("/vedtak", what=False),
        trend_url=filters.url("/trend", paging=False, what=False) if filters.q else None,
        documents_url=filters.changed(what="documents", has_vedtak=None).url("/"),
        saker_url=filters.changed(what="saker").url("/"),
    )
    return render(request, "search.html", context)


def vedtak_filters(filters: Filters) -> Filters:
    """The Vedtak view's state: cases; only those with a decision unless `har_vedtak=0`."""
    return replace(filters, what="saker", has_vedtak=True if filters.has_vedtak is None else filters.has_vedtak)


@router.get("/vedtak", response_class=HTMLResponse)
def vedtak_page(request: Request, filters: FiltersParam) -> HTMLResponse:
    services = services_of(request)
    shown = vedtak_filters(filters)
    chosen = shown.default_sort()
    result = services.search(shown.to_search_query(sort=chosen))
    lookup = CaseLookup(services)
    rows = [hits.decorate(h) for h in result.hits]
    for row in rows:
        link_hit(row, lookup, shown.q)
    # Links keep the toggle only when it is off (on is the default).
    state = replace(filters, what="saker", has_vedtak=False if shown.has_vedtak is False else None)
    context = {
        "filters": state,
        "page_title": "Vedtak",
        "nav": "vedtak",
        "rows": rows,
        "total": result.total,
        "sort": chosen,
        "has_vedtak": shown.has_vedtak,
        "sort_links": sort_links(state, "/vedtak", chosen, VEDTAK_SORTS),
        "facets": facet_groups(state, result.facets, "/vedtak"),
        "chips": active_filters(state, "/vedtak"),
        "pager": pagination(state, result.total, "/vedtak"),
        "csv_url": state.url("/vedtak.csv", paging=False, what=False),
        "json_url": state.url("/vedtak.json", paging=False, what=False),
        "feed_url": replace(state, has_vedtak=shown.has_vedtak).url("/feed", paging=False),
        "follow_url": replace(state, has_vedtak=shown.has_vedtak).url("/folg", paging=False),
        "toggle_url": replace(state, has_vedtak=False if shown.has_vedtak else None, offset=0).url(
            "/vedtak", what=False),
    }
    return render(request, "vedtak.html", context)


def _export_rows(request: Request, filters: Filters) -> list[dict[str, Any]]:
    shown = vedtak_filters(filters)
    shown = replace(shown, sort=shown.default_sort())
    services = services_of(request)
    found, _ = hits.collect(services, shown)
    lookup = CaseLookup(services)
    base = str(request.base_url).rstrip("/")
    rows = []
    for raw in found:
        row = hits.decorate(raw)
        link_hit(row, lookup)
        row["sak_link"] = base + row["sak_url"] if row.get("sak_url") else ""
        row["pdf_link"] = base + row["pdf_url"] if row.get("pdf_url") else ""
        rows.append(row)
    return rows


def _export_name(filters: Filters, ext: str) -> str:
    stem = "".join(c if c.isalnum() else "-" for c in filters.q.lower()).strip("-")[:40]
    return f"vedtak-{stem}.{ext}" if stem else f"vedtak.{ext}"


@router.get("/vedtak.csv")
def vedtak_csv(request: Request, filters: FiltersParam) -> Response:
    rows = _export_rows(request, filters)
    return Response(
        hits.saker_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{_export_name(filters, "csv")}"'},
    )


@router.get("/vedtak.json")
def vedtak_json(request: Request, filters: FiltersParam) -> Response:
    rows = _export_rows(request, filters)
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


def _document_or_404(request: Request, doc_id: str) -> documents.Document:
    doc = documents.load(services_of(request), doc_id) if is_doc_id(doc_id) else None
    if doc is None:
        raise HTTPException(404, "Fant ikke dokumentet. Lenken kan være feil, eller dokumentet er fjernet.")
    return doc


@router.get("/dokument/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request, doc_id: str, q: Annotated[str, Query(max_length=500)] = ""
) -> HTMLResponse:
    doc = _document_or_404(request, doc_id)
    q = " ".join(q.split())
    matches = services_of(request).document_matches(doc_id, q) if q else []
    anchors = hits.sak_anchors(doc.record.saker)
    context = {
        "filters": Filters(q=q),
        "page_title": doc.record.title or "Dokument",
        "nav": "",
        "doc": doc,
        "rec": doc.record,
        "q": q,
        "matches": [{**m, "pdf_url": hits.pdf_url(doc_id, m["page"])} for m in matches],
        "back_url": Filters(q=q).url("/") if q else None,
        "parent": documents.parent_body(doc.record),
        "organ_url": Filters(organs=(doc.record.organ,), sort="date").url("/") if doc.record.organ else None,
        "saker": [
            {"index": i, "anchor": anchors[i], "sak": sak, "pdf_url": hits.pdf_url(doc_id, sak.page),
             "url": hits.sak_url(doc_id, i)}
            for i, sak in enumerate(doc.record.saker)
        ],
    }
    return render(request, "document.html", context)


@router.get("/saker/{sak_id}", response_class=HTMLResponse)
def sak_page(request: Request, sak_id: str, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    parsed = hits.parse_sak_id(sak_id)
    doc = documents.load(services_of(request), parsed[0]) if parsed else None
    if parsed is None or doc is None or not 0 <= parsed[1] < len(doc.record.saker):
        raise HTTPException(404, "Fant ikke saken. Lenken kan være feil, eller saken er fjernet.")
    index = parsed[1]
    sak = doc.record.saker[index]
    q = " ".join(q.split())
    context = {
        "filters": Filters(q=q),
        "page_title": " ".join(x for x in (f"Sak {sak.saksnummer}" if sak.saksnummer else "", sak.title or "Sak") if x),
        "nav": "",
        "doc": doc,
        "rec": doc.record,
        "sak": sak,
        "sak_id": sak_id,
        "citation": documents.citation(doc.record, sak),
        "parent": documents.parent_body(doc.record),
        "pdf_url": hits.pdf_url(doc.doc_id, sak.page),
        "vedtak_pdf_url": hits.pdf_url(doc.doc_id, sak.vedtak_page) if sak.vedtak_page else None,
        "document_url": f"/dokument/{doc.doc_id}#{hits.sak_anchors(doc.record.saker)[index]}",
        "organ_url": Filters(organs=(doc.record.organ,), what="saker").url("/vedtak", what=False)
        if doc.record.organ else None,
        "back_url": Filters(q=q, what="saker").url("/") if q else None,
    }
    return render(request, "sak.html", context)


@router.get("/pdf/{doc_id}")
def pdf(request: Request, doc_id: str) -> FileResponse:
    path = services_of(request).raw_pdf(doc_id) if is_doc_id(doc_id) else None
    if path is None:
        raise HTTPException(404, "Fant ikke PDF-en.")
    record = services_of(request).get_record(doc_id)
    name = documents.pdf_filename(record, doc_id)
    return FileResponse(
        path,
        media_type="application/pdf",
        headers={"Content-Disposition": f"inline; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"},
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


def _feed_filters(filters: Filters) -> Filters:
    """The feed's state: the tab it is offered on (documents unless `what=saker`), newest first."""
    return replace(filters, sort="date")


@router.get("/feed")
def atom_feed(request: Request, filters: FiltersParam) -> Response:
    """Atom feed of a search: the same hits as its page, newest (by meeting date) first."""
    services = services_of(request)
    filters = _feed_filters(filters)
    result = services.search(filters.to_search_query(limit=FEED_SIZE, offset=0))
    lookup = CaseLookup(services)
    entries: list[dict[str, Any]] = []
    info_cache: dict[str, dict[str, Any]] = {}
    for raw in result.hits:
        hit = hits.decorate(raw)
        link_hit(hit, lookup, filters.q)
        doc_id = hit.get("doc_id")
        if doc_id and doc_id not in info_cache:
            info_cache[doc_id] = services.document_info(doc_id)
        seen = feed.first_seen(info_cache.get(doc_id or "", {}))
        hit["updated"] = seen or feed.EPOCH
        entries.append(hit)
    what_label = "saker" if filters.what == "saker" else "dokumenter"
    title = f"samsok: {what_label} om «{filters.q}»" if filters.q else f"samsok: nye {what_label}"
    base = str(request.base_url).rstrip("/")
    page_state = replace(filters, sort=None)
    body = feed.build(
        title=title,
        self_url=replace(filters, sort=None).url("/feed", paging=False),
        html_url=page_state.url("/", paging=False),
        base_url=base,
        entries=entries,
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/folg", response_class=HTMLResponse)
def follow_page(request: Request, filters: FiltersParam) -> HTMLResponse:
    """How to follow a search: the feed address to copy into a feed reader."""
    state = replace(filters, sort=None, offset=0)
    base = str(request.base_url).rstrip("/")
    what_label = "saker og vedtak" if state.what == "saker" else "dokumenter"
    context = {
        "filters": state,
        "page_title": "Følg søket",
        "nav": "",
        "feed_url": base + state.url("/feed", paging=False),
        "feed_path": state.url("/feed", paging=False),
        "search_url": state.url("/vedtak" if state.what == "saker" and state.has_vedtak is not None else "/",
                                paging=False),
        "what_label": what_label,
        "chips": active_filters(state, "/"),
    }
    return render(request, "folg.html", context)
