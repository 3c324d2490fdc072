"""Atom feed of a search, so users can follow new vedtak on a topic."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import Any

from samsok_app.web.render import doc_type_label

ATOM_NS = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00+00:00"


def _iso(value: Any) -> str | None:
    """An RFC 3339 timestamp (UTC when the source had no zone), or None."""
    if not value:
        return None
    text = str(value)
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.isoformat(timespec="seconds")


def first_seen(info: dict[str, Any]) -> str | None:
    """When samsok first had the document: the earliest URL sighting, else extraction time."""
    seen = [_iso(u.get("first_seen")) for u in info.get("urls") or [] if isinstance(u, dict)]
    seen = [s for s in seen if s]
    for key in ("first_seen", "added_at", "ingested_at", "extracted_at"):
        if info.get(key):
            seen.append(_iso(info[key]) or "")
    seen = [s for s in seen if s]
    return min(seen) if seen else None


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def build(
    *,
    title: str,
    self_url: str,
    html_url: str,
    base_url: str,
    entries: list[dict[str, Any]],
) -> bytes:
    """Entries are decorated hits with `updated` (RFC 3339) set; newest first."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "title", title)
    _sub(feed, "id", base_url + self_url)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=base_url + self_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=base_url + html_url)
    _sub(feed, "updated", max((e["updated"] for e in entries), default=EPOCH))
    _sub(_sub(feed, "author"), "name", "samsok")
    _sub(feed, "generator", "samsok")
    for hit in entries:
        entry = _sub(feed, "entry")
        heading = " ".join(
            part for part in (
                f"Sak {hit['saksnummer']}" if hit.get("saksnummer") else None,
                hit.get("heading") or hit.get("title") or "(uten tittel)",
            ) if part
        )
        _sub(entry, "title", heading)
        _sub(entry, "id", f"{base_url}/hit/{hit.get('id')}")
        _sub(entry, "updated", hit["updated"])
        if hit.get("date"):
            _sub(entry, "published", _iso(hit["date"]) or hit["updated"])
        link = hit.get("main_url") or hit.get("sak_url") or hit.get("document_url")
        if link:
            _sub(entry, "link", rel="alternate", type="text/html", href=base_url + link)
        if hit.get("pdf_url"):
            _sub(entry, "link", rel="related", type="application/pdf", href=base_url + hit["pdf_url"])
        facts = [
            hit.get("document_title") if hit.get("document_title") != hit.get("heading") else None,
            hit.get("organ"),
            hit.get("date"),
            doc_type_label(hit.get("doc_type")),
            ", ".join(hit.get("sykehusomrader") or []),
        ]
        summary = " · ".join(str(f) for f in facts if f)
        if hit.get("vedtak"):
            summary += f"\nVedtak: {hit['vedtak']}"
        _sub(entry, "summary", summary.strip(), type="text")
        for name in hit.get("sykehusomrader") or []:
            _sub(entry, "category", term=str(name))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
