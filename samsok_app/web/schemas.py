"""Response models of the JSON API, for the OpenAPI description (`/docs`).

They describe what the routes return; extra keys are allowed so that a backend or a
later version may add fields without breaking clients.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Hit(Open):
    id: str = Field(description="Dokument-ID, eller `<dokument-ID>-<n>` for en sak")
    doc_id: str | None = None
    title: str | None = Field(None, description="Dokumentets tittel")
    doc_type: str | None = None
    year: int | None = None
    date: str | None = Field(None, description="Møtedato eller dokumentdato (ISO)")
    sykehusomrader: list[str] = []
    organ: str | None = None
    source: str | None = None
    page: int | None = Field(None, description="Siden treffet står på (1 er første side)")
    saksnummer: str | None = Field(None, description="Saken treffet gjelder, `N/ÅÅÅÅ`")
    snippet: str | None = Field(None, description="Utdrag; treffordene i `<em>`")
    section: str | None = Field(None, description="Avsnittet (dokumenttreff)")
    sak_title: str | None = Field(None, description="Sakens tittel (sakstreff)")
    kind: str | None = Field(None, description="Sakstype (sakstreff)")
    vedtak: str | None = Field(None, description="Vedtaket (sakstreff)")


class Facets(Open):
    year: dict[str, int] = {}
    sykehusomrade: dict[str, int] = {}
    doc_type: dict[str, int] = {}
    organ: dict[str, int] = {}


class SearchResponse(Open):
    total: int
    took_ms: int
    hits: list[Hit]
    facets: Facets = Field(description="Antall per verdi; innen en fasett telles uten fasettens eget filter")


class FacetsResponse(Open):
    total: int
    facets: Facets


class TrendResponse(Open):
    term: str
    total: int = 0
    by_year: dict[str, int]
    by_omrade: dict[str, int]
    mentions_by_year: dict[str, int] = {}
    by_year_omrade: dict[str, dict[str, int]] = {}


class Match(Open):
    page: int
    snippet: str
    section: str | None = None


class DocumentSak(Open):
    id: str
    saksnummer: str | None = None
    raw: str | None = None
    title: str | None = None
    kind: str | None = None
    vedtak: str | None = None
    page: int | None = None
    anchor: str | None = None
    url: str | None = None


class DocumentResponse(Open):
    id: str
    schema_: str | None = Field(None, alias="schema")
    title: str | None = None
    doc_type: str | None = None
    year: int | None = None
    date: str | None = None
    organ: str | None = None
    sykehusomrader: list[str] = []
    sections: list[dict[str, Any]] = []
    saker: list[DocumentSak] = []
    attendees: dict[str, Any] = {}
    source_urls: list[dict[str, Any]] = []
    harvested_at: str | None = None
    links: dict[str, str] = {}
    matches: list[Match] | None = Field(None, description="Med `q`: hver side som treffer, med utdrag")


class SakResponse(Open):
    id: str
    saksnummer: str | None = None
    title: str | None = None
    kind: str | None = None
    vedtak: str | None = None
    page: int | None = None
    citation: str = Field(description="Kildehenvisning å lime inn")
    document: dict[str, Any]
    links: dict[str, str | None]


class HealthResponse(Open):
    status: str
    backend: dict[str, Any]
    catalog: dict[str, Any]


class ErrorBody(Open):
    code: str
    message: str


class ErrorResponse(Open):
    error: ErrorBody
