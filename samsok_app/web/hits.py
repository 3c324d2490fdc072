"""Hits from the backend, seen by the web layer: links, case ids, date sorting, exports."""

from __future__ import annotations

import csv
import io
from typing import Any

from samsok_app.web.filters import Filters
from samsok_app.web.services import Services, is_doc_id

# How many cases the Vedtak view and its exports gather when sorting by date.
MAX_COLLECT = 5000
COLLECT_PAGE = 100


def doc_id_of(hit: dict[str, Any]) -> str | None:
    """The document (PDF sha256) a hit belongs to."""
    for key in ("doc_id", "document_id", "sha256"):
        value = hit.get(key)
        if isinstance(value, str) and is_doc_id(value):
            return value
    hit_id = str(hit.get("id") or "")
    return hit_id[:64] if is_doc_id(hit_id[:64]) else None


def pdf_url(doc_id: str | None, page: Any = None) -> str | None:
    if not doc_id:
        return None
    return f"/pdf/{doc_id}#page={int(page)}" if page else f"/pdf/{doc_id}"


def document_url(doc_id: str | None, anchor: str | None = None) -> str | None:
    if not doc_id:
        return None
    return f"/dokument/{doc_id}#{anchor}" if anchor else f"/dokument/{doc_id}"


def sak_anchor(sak: Any, index: int) -> str:
    """A case's anchor on its document page, stable across re-extraction: its number
    (`sak-37-2024`), else its position (`sak-nr-4`) for cases printed without one."""
    number = getattr(sak, "saksnummer", None) if not isinstance(sak, dict) else sak.get("saksnummer")
    if number:
        return "sak-" + "".join(c if c.isalnum() else "-" for c in str(number))
    return f"sak-nr-{index + 1}"


def sak_anchors(saker: list[Any]) -> list[str]:
    """Anchors of all cases of a document, a repeated number made unique by its position."""
    out: list[str] = []
    for i, sak in enumerate(saker):
        anchor = sak_anchor(sak, i)
        out.append(anchor if anchor not in out else f"{anchor}-{i + 1}")
    return out


def sak_url(doc_id: str, index: int) -> str:
    """The case's own page."""
    return f"/saker/{sak_id(doc_id, index)}"


def sak_id(doc_id: str, index: int) -> str:
    return f"{doc_id}-{index}"


def parse_sak_id(value: str) -> tuple[str, int] | None:
    doc_id, _, index = value.partition("-")
    if not is_doc_id(doc_id) or not index.isdigit():
        return None
    return doc_id, int(index)


def decorate(hit: dict[str, Any]) -> dict[str, Any]:
    """A copy of `hit` with the links the pages and the API add."""
    doc_id = doc_id_of(hit)
    out = dict(hit)
    out["doc_id"] = doc_id
    out["pdf_url"] = pdf_url(doc_id, hit.get("page"))
    out["document_url"] = document_url(doc_id)
    # Case hits carry the case's title in `sak_title`; `title` is the document's.
    out["heading"] = hit.get("sak_title") or hit.get("title")
    out["document_title"] = hit.get("title")
    return out


def collect(services: Services, filters: Filters, limit: int = MAX_COLLECT) -> tuple[list[dict[str, Any]], int]:
    """Every hit of `filters` (from offset 0, at most `limit`), and the backend's total."""
    hits: list[dict[str, Any]] = []
    total = 0
    offset = 0
    while offset < limit:
        size = min(COLLECT_PAGE, limit - offset)
        result = services.search(filters.to_search_query(limit=size, offset=offset))
        total = result.total
        hits.extend(result.hits)
        offset += size
        if not result.hits or offset >= total:
            break
    return hits[:limit], total


CSV_COLUMNS = (
    ("saksnummer", "saksnummer"),
    ("dato", "date"),
    ("år", "year"),
    ("organ", "organ"),
    ("tittel", "heading"),
    ("sakstype", "kind"),
    ("vedtak", "vedtak"),
    ("sykehusområder", "sykehusomrader"),
    ("dokument", "document_title"),
    ("dokumenttype", "doc_type"),
    ("side", "page"),
    ("dokument_id", "doc_id"),
    ("kilde", "source"),
    ("sakslenke", "sak_link"),
    ("pdf_lenke", "pdf_link"),
)

_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    # A spreadsheet must not run a cell as a formula (CSV injection).
    if text.startswith(_FORMULA_START) or (text.startswith("-") and text[1:2] not in ("", " ")):
        text = "'" + text
    return text


def saker_csv(hits: list[dict[str, Any]]) -> str:
    """Cases as CSV for spreadsheets: UTF-8 with BOM, `;`-separated (Norwegian Excel)."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for hit in hits:
        writer.writerow([_cell(hit.get(key)) for _, key in CSV_COLUMNS])
    return buf.getvalue()


def rows_csv(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buf.getvalue()
