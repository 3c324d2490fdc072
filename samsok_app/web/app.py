"""The FastAPI application: JSON API, HTML pages, security headers, Norwegian error pages."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from samsok.config import Settings
from samsok_app.web import api, pages
from samsok_app.web.render import STATIC_DIR, make_templates
from samsok_app.web.services import Services, ServiceUnavailable

log = logging.getLogger(__name__)

# Swagger UI 5 (it reads OpenAPI 3.1) as shipped in the swagger-ui-py package.
SWAGGER_UI_DIR = Path(importlib.util.find_spec("swagger_ui").origin).parent / "static"

DOCS_PAGE = """<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>samsok – API-dokumentasjon</title>
<link rel="stylesheet" href="/docs-assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="/openapi.json"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/api-docs.js"></script>
</body>
</html>
"""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The API docs page runs Swagger UI from the local swagger-ui-py package (no CDN);
# Swagger UI sets inline style attributes, so only that page allows inline styles.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs",)

UNAVAILABLE = "Søketjenesten er ikke tilgjengelig akkurat nå. Prøv igjen om litt."
NOT_FOUND = "Siden finnes ikke."
SERVER_ERROR = "Noe gikk galt. Feilen er logget; prøv igjen senere."
BAD_REQUEST = "Forespørselen kunne ikke forstås."

API_PREFIXES = ("/api/", "/health", "/openapi.json")


def wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIXES)


def error_response(request: Request, status: int, message: str, code: str) -> Response:
    if wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    templates = request.app.state.templates
    titles = {400: "Ugyldig søk", 404: "Fant ikke siden", 405: "Ikke tillatt", 503: "Ikke tilgjengelig"}
    # The words the user searched for stay on the error page (search box and a link back).
    q = " ".join(str(request.query_params.get("q") or "").split())[:500]
    search_url = "/?" + urlencode({"q": q}) if q else "/"
    if q and request.url.path.startswith(("/vedtak", "/trend")):
        search_url = request.url.path.split(".")[0] + "?" + urlencode({"q": q})
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "heading": titles.get(status, "Feil"), "message": message, "q": q,
         "search_url": search_url},
        status_code=status,
    )


def security_headers(path: str) -> list[tuple[str, str]]:
    headers = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]
    if path.startswith("/pdf/"):
        # Browsers render PDFs with their own viewer; keep it to our own pages.
        headers.append(("X-Frame-Options", "SAMEORIGIN"))
    else:
        headers.append(("X-Frame-Options", "DENY"))
        headers.append(("Content-Security-Policy", DOCS_CSP if path in DOCS_PATHS else CSP))
    return headers


def add_security_headers(path: str, response: Response) -> None:
    for name, value in security_headers(path):
        response.headers[name] = value


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): headers on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in security_headers(scope["path"])]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in extra}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": headers + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings, backend_name: str | None = None) -> FastAPI:
    services = Services(settings, backend_name)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        services.close()

    app = FastAPI(
        title="samsok",
        description=(
            "Søk i møtereferater, saker, vedtak og årsrapporter fra helsefellesskapene. "
            "Bare lesing (GET). Søkeord tolkes som vanlige ord."
        ),
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.services = services
    app.state.templates = make_templates()

    @app.exception_handler(ServiceUnavailable)
    async def unavailable(request: Request, exc: ServiceUnavailable) -> Response:
        log.warning("search backend unavailable: %s", exc)
        response = error_response(request, 503, UNAVAILABLE, "backend_unavailable")
        response.headers["Retry-After"] = "30"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            message = exc.detail if exc.detail not in (None, "Not Found") else NOT_FOUND
            return error_response(request, 404, str(message), "not_found")
        if exc.status_code == 405:
            response = error_response(request, 405, "Bare lesing (GET) er tillatt.", "method_not_allowed")
            response.headers["Allow"] = "GET, HEAD"
            return response
        if exc.status_code == 400:
            return error_response(request, 400, str(exc.detail), "bad_request")
        return error_response(request, exc.status_code, SERVER_ERROR, "error")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_json(request):
            details: list[dict[str, Any]] = [
                {"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()
            ]
            return JSONResponse(
                {"error": {"code": "invalid_parameter", "message": BAD_REQUEST, "details": details}},
                status_code=422,
            )
        names = sorted({str(e.get("loc", ("", ""))[-1]) for e in exc.errors()})
        message = f"{BAD_REQUEST} Sjekk verdien av: {', '.join(names)}."
        return error_response(request, 400, message, "bad_request")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s", request.url.path, exc_info=exc)
        response = error_response(request, 500, SERVER_ERROR, "internal_error")
        # This handler runs outside the middleware stack.
        add_security_headers(request.url.path, response)
        return response

    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.mount("/docs-assets", StaticFiles(directory=str(SWAGGER_UI_DIR)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
