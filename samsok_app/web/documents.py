"""One document from the catalog, shaped for the document page and the JSON API."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from contract.record import Record, Sak
from samsok_app.web import feed, hits
from samsok_app.web.render import norwegian_date
from samsok_app.web.services import Services


@dataclass
class Document:
    doc_id: str
    record: Record
    info: dict[str, Any]
    home: Path | None = None

    @property
    def urls(self) -> list[dict[str, Any]]:
        """Web addresses the PDF was harvested from, `{url, first_seen, last_checked, current}`."""
        out: list[dict[str, Any]] = []
        for item in self.info.get("urls") or []:
            if isinstance(item, str):
                item = {"url": item}
            if not isinstance(item, dict) or item.get("kind") == "file":
                continue
            if str(item.get("url") or "").startswith(("http://", "https://")):
                out.append(item)
        fallback = self.record.source.url or ""
        if not out and fallback.startswith(("http://", "https://")):
            out.append({"url": fallback})
        return out

    @property
    def local_files(self) -> list[dict[str, Any]]:
        """Local files the PDF was ingested from: only the file name is shown."""
        files = [u for u in self.info.get("urls") or [] if isinstance(u, dict) and u.get("kind") == "file"]
        return [{**f, "name": str(f.get("url") or "").replace("\\", "/").rsplit("/", 1)[-1]} for f in files]

    @property
    def harvested_at(self) -> str | None:
        return feed.first_seen(self.info)

    @property
    def extracted_at(self) -> str | None:
        value = self.info.get("extracted_at")
        return str(value) if value else None

    @property
    def pdf_url(self) -> str:
        return f"/pdf/{self.doc_id}"

    def links(self) -> dict[str, str]:
        return {"html": f"/dokument/{self.doc_id}", "pdf": self.pdf_url, "api": f"/api/documents/{self.doc_id}"}

    def sak_ids(self) -> list[str]:
        return [hits.sak_id(self.doc_id, i) for i in range(len(self.record.saker))]

    def to_api(self) -> dict[str, Any]:
        data = self.record.to_dict()
        data["id"] = self.doc_id
        path = Path(data["source"]["path"] or "")
        if self.home is not None and path.is_absolute() and path.is_relative_to(self.home):
            # A copy in the raw store: its place inside the home, not the server's disk layout.
            data["source"]["path"] = path.relative_to(self.home).as_posix()
        anchors = hits.sak_anchors(self.record.saker)
        data["saker"] = [
            {"id": sid, **sak, "anchor": anchor, "url": hits.sak_url(self.doc_id, i)}
            for i, (sid, sak, anchor) in enumerate(zip(self.sak_ids(), data["saker"], anchors, strict=True))
        ]
        data["source_urls"] = self.urls
        data["harvested_at"] = self.harvested_at
        data["extracted_at"] = self.extracted_at
        # Server paths (the raw store) stay on the server.
        data["catalog"] = _jsonable({k: v for k, v in self.info.items() if "path" not in k})
        data["links"] = self.links()
        return data

    def sak_api(self, index: int) -> dict[str, Any]:
        sak = asdict(self.record.saker[index])
        rec = self.record
        return {
            "id": hits.sak_id(self.doc_id, index),
            **sak,
            "document": {
                "id": self.doc_id,
                "title": rec.title,
                "doc_type": rec.doc_type,
                "year": rec.year,
                "date": rec.date,
                "organ": rec.organ,
                "sykehusomrader": rec.sykehusomrader,
            },
            "citation": citation(rec, self.record.saker[index]),
            "links": {
                "html": hits.sak_url(self.doc_id, index),
                "document_html": f"/dokument/{self.doc_id}#{hits.sak_anchors(rec.saker)[index]}",
                "pdf": hits.pdf_url(self.doc_id, sak.get("page")),
                "document": f"/api/documents/{self.doc_id}",
            },
        }


# Where a case's citation names the helsefellesskap: the first organisation the document
# names that is one (`Helsefellesskap Oslo`, `Helsefellesskapet Ahus og kommunene`).
PARENT_BODY_RE = re.compile(r"^helsefellesskap", re.IGNORECASE)


def parent_body(record: Record) -> str | None:
    return next((o for o in record.organizations if PARENT_BODY_RE.match(o) and o != record.organ), None)


def citation(record: Record, sak: Sak) -> str:
    """A line to paste: `Sak 37/2024, Strategisk samarbeidsutvalg, Helsefellesskap Oslo, 5. desember 2024`."""
    first = f"Sak {sak.saksnummer}" if sak.saksnummer else (sak.title or record.title or "Sak")
    parts = [first, record.organ, parent_body(record), norwegian_date(record.date) or (str(record.year or "") or None)]
    if not sak.saksnummer and record.title and first != record.title:
        parts.insert(1, record.title)
    return ", ".join(p for p in parts if p)


_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def _slug(text: str | None, limit: int) -> str:
    folded = unicodedata.normalize("NFKD", (text or "").translate(_ASCII)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:limit].rstrip("-")


def pdf_filename(record: Record | None, doc_id: str) -> str:
    """`<date>-<organ>-<title>.pdf` (ASCII), e.g. `2024-12-05-strategisk-samarbeidsutvalg-referat.pdf`."""
    if record is None:
        return f"{doc_id[:12]}.pdf"
    parts = [record.date or (str(record.year) if record.year else ""), _slug(record.organ, 60),
             _slug(record.title, 80)]
    stem = "-".join(p for p in parts if p)
    return f"{stem or doc_id[:12]}.pdf"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def load(services: Services, doc_id: str) -> Document | None:
    record = services.get_record(doc_id)
    if record is None:
        return None
    return Document(
        doc_id=doc_id, record=record, info=services.document_info(doc_id), home=services.settings.home
    )
