"""Jinja2 environment (autoescape on) and the display helpers the templates use."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

DOC_TYPE_LABELS = {
    "arsrapport": "Årsrapport",
    "referat": "Referat",
    "protokoll": "Protokoll",
    "innkalling": "Innkalling",
    "saksframlegg": "Saksframlegg",
    "presentasjon": "Presentasjon",
    "retningslinje": "Retningslinje",
    "annet": "Annet",
}

KIND_LABELS = {
    "vedtakssak": "Vedtakssak",
    "orienteringssak": "Orienteringssak",
    "temasak": "Temasak",
    "drøftingssak": "Drøftingssak",
    "eventuelt": "Eventuelt",
}

FACET_LABELS = {
    "year": "År",
    "sykehusomrade": "Sykehusområde",
    "doc_type": "Dokumenttype",
    "organ": "Organ",
}

MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip


_EM_TAG = re.compile(r"(</?em>)")


def highlight(snippet: str | None) -> Markup:
    """A backend snippet as markup in which exactly the highlighter's `<em>` tags survive.

    The backends HTML-escape snippet text; each piece between the tags is unescaped and
    escaped again, so text is never double-escaped and nothing but `<em>` is markup.
    """
    if not snippet:
        return Markup("")
    out: list[str] = []
    depth = 0
    for piece in _EM_TAG.split(snippet):
        if piece == "<em>":
            if depth == 0:
                out.append("<em>")
            depth += 1
        elif piece == "</em>":
            if depth == 1:
                out.append("</em>")
            depth = max(0, depth - 1)
        else:
            out.append(str(escape(html.unescape(piece))))
    if depth:
        out.append("</em>")
    return Markup("".join(out))


def doc_type_label(value: str | None) -> str:
    return DOC_TYPE_LABELS.get(value or "", value or "")


def kind_label(value: str | None) -> str:
    return KIND_LABELS.get(value or "", value or "")


def norwegian_date(value: str | None) -> str:
    """`2024-12-05` -> `5. desember 2024`; anything else is shown as it came."""
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def norwegian_datetime(value: str | None) -> str:
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{norwegian_date(moment.date().isoformat())} kl. {moment:%H:%M}"


def number(value: Any) -> str:
    """Thousands with a (non-breaking) space, as written in Norwegian."""
    try:
        return f"{int(value):,}".replace(",", "\u00a0")
    except (TypeError, ValueError):
        return str(value)


def page_list(pages: Any) -> str:
    """`1–3, 7`: page numbers with runs shortened (for the OCR notice)."""
    runs: list[list[int]] = []
    for page in sorted(int(p) for p in pages or []):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


# Record warnings (`Record.warnings[].code`) as the document page says them.
WARNING_LABELS = {
    "ocr_page_limit": "Grensen for hvor mange sider som leses med tekstgjenkjenning ble nådd; "
                      "noen skannede sider er ikke lest.",
    "ocr_timeout": "Tekstgjenkjenningen tok for lang tid på noen sider og ble stoppet; de sidene er ikke lest.",
    "ocr_unavailable": "Tekstgjenkjenning var ikke tilgjengelig; skannede sider er ikke lest.",
}


def warning_label(code: str) -> str:
    return WARNING_LABELS.get(code, code)


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    env = templates.env
    env.autoescape = True
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.filters.update(
        highlight=highlight,
        doc_type_label=doc_type_label,
        kind_label=kind_label,
        nodate=norwegian_date,
        nodatetime=norwegian_datetime,
        number=number,
        page_list=page_list,
        warning_label=warning_label,
    )
    env.globals.update(facet_labels=FACET_LABELS)
    return templates
