"""Which URLs samsok may fetch: http(s) only, and only on a source's allowed hosts."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Refusal:
    code: str  # scheme_refused | host_not_allowed | bad_url
    message: str


@dataclass(frozen=True)
class UrlPolicy:
    """`allowed_hosts` entries are host names; `*.example.no` also allows every subdomain."""

    allowed_hosts: tuple[str, ...]

    def check(self, url: str) -> Refusal | None:
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError as exc:
            return Refusal("bad_url", f"not a valid URL: {exc}")
        if parts.scheme.lower() not in SCHEMES:
            return Refusal("scheme_refused", f"only http and https are fetched, not {parts.scheme or 'no'} scheme")
        if not host:
            return Refusal("bad_url", "the URL has no host")
        if not self.allows_host(host):
            return Refusal("host_not_allowed", f"{host} is not in the source's allowed_hosts")
        return None

    def allows_host(self, host: str) -> bool:
        for allowed in self.allowed_hosts:
            allowed = allowed.lower()
            if allowed.startswith("*."):
                if host == allowed[2:] or host.endswith(allowed[1:]):
                    return True
            elif host == allowed:
                return True
        return False
