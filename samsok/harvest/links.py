"""Find PDF links and pagination links in a listing page (stdlib HTML parser)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

# Link texts (or aria-labels) that mean "the next page of this listing".
NEXT_WORDS = re.compile(r"^\s*(neste( side)?|next( page)?|eldre|older|›|»|>|→)\s*[›»>→]?\s*$", re.IGNORECASE)
# Path endings that are certainly not PDFs: never worth a HEAD request.
NOT_PDF = re.compile(
    r"\.(html?|php|aspx?|jsp|jpe?g|png|gif|svg|webp|ico|css|js|xml|rss|json|txt|zip|docx?|xlsx?|pptx?|"
    r"odt|ods|mp[34]|mov|avi)$",
    re.IGNORECASE,
)
# Hints that a link without .pdf serves a file (download handlers of publishing systems).
FILE_HINTS = re.compile(
    r"(download|getfile|get_file|file|fil/|attachment|vedlegg|dokument|document|media|blob|asset)",
    re.IGNORECASE,
)


# Longest link followed; a longer href is a bad link (httpx refuses 64 KiB, servers far less).
MAX_URL_CHARS = 8192
# Schemes whose hrefs are never fetched, whatever they hold (a long data: URI is no bad link).
IGNORED_SCHEMES = ("data:", "javascript:", "mailto:", "tel:")


@dataclass(frozen=True)
class Link:
    url: str
    text: str


@dataclass(frozen=True)
class BadLink:
    """An href that cannot be made into a URL to fetch, with the reason."""

    href: str
    reason: str

    @property
    def label(self) -> str:
        """How the link is named in the catalog and in status: at most ~200 characters."""
        return shorten_url(self.href)


def shorten_url(url: str, keep: int = 200) -> str:
    if len(url) <= keep:
        return url
    return f"{url[:keep]}… ({len(url)} characters)"


@dataclass
class PageLinks:
    pdfs: list[Link] = field(default_factory=list)  # path ends in .pdf
    candidates: list[Link] = field(default_factory=list)  # may be PDFs: check Content-Type
    hinted: set[str] = field(default_factory=set)  # candidates that look like file downloads
    next_pages: list[str] = field(default_factory=list)
    bad: list[BadLink] = field(default_factory=list)  # malformed or over-long hrefs


def looks_like_pdf(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(".pdf")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.anchors: list[tuple[str, dict[str, str], list[str]]] = []
        self.rel_next: list[str] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and a.get("href") and self.base is None:
            self.base = a["href"]
        elif tag == "link" and "next" in a.get("rel", "").lower().split() and a.get("href"):
            self.rel_next.append(a["href"])
        elif tag == "a" and a.get("href"):
            self._open.append((a["href"], a, []))

    def handle_data(self, data: str) -> None:
        for _, _, text in self._open:
            text.append(data)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            self.anchors.append(self._open.pop())

    def close(self) -> None:
        super().close()
        while self._open:
            self.anchors.append(self._open.pop())


def parse_listing(html: str, page_url: str) -> PageLinks:
    """Absolute, de-duplicated links of one page, sorted into PDFs, candidates and next pages."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    try:
        base = urljoin(page_url, collector.base) if collector.base else page_url
        urlsplit(base).hostname  # noqa: B018 - a malformed <base href> is ignored
    except ValueError:
        base = page_url
    out = PageLinks()
    seen: set[str] = set()
    page = urldefrag(page_url)[0]

    def absolute(href: str) -> str | None:
        """The absolute URL of an href; None (and a BadLink noted) when it cannot be one."""
        href = href.strip()
        if href.lower().startswith(IGNORED_SCHEMES):
            return None
        if len(href) > MAX_URL_CHARS:
            out.bad.append(BadLink(href, f"the link is {len(href)} characters long (limit {MAX_URL_CHARS})"))
            return None
        try:
            url = urldefrag(urljoin(base, href))[0]
            parts = urlsplit(url)
            parts.hostname, parts.port  # noqa: B018 - ValueError for a malformed host ([::1:bad) or port
        except ValueError as exc:
            out.bad.append(BadLink(href, f"not a valid URL: {exc}"))
            return None
        return url

    for href in collector.rel_next:
        nxt = absolute(href)
        if nxt is not None and nxt != page and nxt not in out.next_pages:
            out.next_pages.append(nxt)
    for href, attrs, text_parts in collector.anchors:
        text = " ".join("".join(text_parts).split())
        url = absolute(href)
        if url is None:
            continue
        rel = attrs.get("rel", "").lower().split()
        label = attrs.get("aria-label", "") or attrs.get("title", "")
        classes = attrs.get("class", "").lower()
        if "next" in rel or NEXT_WORDS.match(text or " ") or NEXT_WORDS.match(label or " ") or (
            "next" in classes.split() or "pagination-next" in classes or "neste" in classes
        ):
            if url != page and url not in out.next_pages and urlsplit(url).scheme in ("http", "https"):
                out.next_pages.append(url)
            continue
        if url in seen or url == page:
            continue
        seen.add(url)
        link = Link(url, text)
        if looks_like_pdf(url):
            out.pdfs.append(link)  # any scheme: the harvester refuses file:, ftp: ... by policy
        elif urlsplit(url).scheme in ("http", "https") and not NOT_PDF.search(urlsplit(url).path):
            out.candidates.append(link)
            parts = urlsplit(url)
            if FILE_HINTS.search(parts.path + "?" + parts.query) or "pdf" in text.lower():
                out.hinted.add(url)
    return out
