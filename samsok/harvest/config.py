"""Sources configuration: which publishers' pages and PDFs to harvest, from a TOML file.

See `sources.example.toml` at the repository root and docs/operations.md for every key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_SCHEDULE = "30 2 * * *"
MIB = 1024 * 1024


class ConfigError(ValueError):
    """The sources file is missing a key or has a wrong value; the message says which."""


@dataclass(frozen=True)
class HttpOptions:
    timeout_s: float = 30.0
    retries: int = 3  # further attempts after a timeout, 5xx or 429
    backoff_s: float = 1.0  # first wait; doubles per attempt
    max_retry_after_s: float = 300.0  # longest Retry-After honoured
    max_redirects: int = 5
    max_pdf_bytes: int = 200 * MIB
    max_page_bytes: int = 5 * MIB
    concurrency: int = 4  # parallel downloads
    # A download (one GET, headers and body) ends as `deadline` after this many seconds, and
    # as `too_slow` when, after `slow_grace_s`, it averages under `min_bytes_per_s`.
    download_deadline_s: float = 900.0
    min_bytes_per_s: float = 1024.0
    slow_grace_s: float = 30.0
    # The harvest of a run stops starting downloads after this many seconds (0: no limit);
    # what is left is recorded as `run_deadline` and retried next run. Extract and index go on.
    run_deadline_s: float = 4 * 3600.0
    user_agent: str = "samsok/0.1 (helsefellesskap document search)"


@dataclass(frozen=True)
class SourceConfig:
    name: str
    listing_urls: tuple[str, ...] = ()  # HTML pages whose PDF links are harvested (with pagination)
    pdf_urls: tuple[str, ...] = ()  # direct PDF URLs
    entry_urls: tuple[str, ...] = ()  # URLs that may be either; decided by what the server sends
    paths: tuple[str, ...] = ()  # local directories or PDF files
    allowed_hosts: tuple[str, ...] = ()  # empty: the hosts of the URLs above
    sykehusomrader: tuple[str, ...] = ()  # default for records that name none
    organ: str | None = None  # default for records that name none
    schedule: str | None = None  # cron; None: the file's default schedule
    max_pages: int = 20  # listing pages followed through pagination, per listing URL
    probe_links: str = "hinted"  # links without .pdf to check by Content-Type: hinted|all|none
    download_deadline_s: float | None = None  # overrides [http] download_deadline_s for this source
    min_bytes_per_s: float | None = None  # overrides [http] min_bytes_per_s for this source

    def hosts(self) -> tuple[str, ...]:
        if self.allowed_hosts:
            return self.allowed_hosts
        found = []
        for url in (*self.listing_urls, *self.pdf_urls, *self.entry_urls):
            host = (urlsplit(url).hostname or "").lower()
            if host and host not in found:
                found.append(host)
        return tuple(found)


@dataclass(frozen=True)
class HarvestConfig:
    sources: tuple[SourceConfig, ...] = ()
    http: HttpOptions = field(default_factory=HttpOptions)
    schedule: str = DEFAULT_SCHEDULE
    backend: str | None = None

    def select(self, names: list[str]) -> tuple[SourceConfig, ...]:
        if not names:
            return self.sources
        known = {s.name: s for s in self.sources}
        missing = [n for n in names if n not in known]
        if missing:
            raise ConfigError(f"no source named {', '.join(missing)} (known: {', '.join(known) or 'none'})")
        return tuple(known[n] for n in names)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: `{key}` must be a string or a list of strings")


def _positive(value: Any, key: str, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"{where}: `{key}` must be a number of 0 or more")
    return float(value)


def _source(data: dict[str, Any], index: int) -> SourceConfig:
    where = f"[[source]] #{index + 1}"
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: `name` is required")
    where = f"source {name!r}"
    known = {f.name for f in fields(SourceConfig)}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    src = SourceConfig(
        name=name.strip(),
        listing_urls=_strings(data.get("listing_urls"), "listing_urls", where),
        pdf_urls=_strings(data.get("pdf_urls"), "pdf_urls", where),
        entry_urls=_strings(data.get("entry_urls"), "entry_urls", where),
        paths=_strings(data.get("paths"), "paths", where),
        allowed_hosts=tuple(h.lower() for h in _strings(data.get("allowed_hosts"), "allowed_hosts", where)),
        sykehusomrader=_strings(data.get("sykehusomrader"), "sykehusomrader", where),
        organ=data.get("organ"),
        schedule=data.get("schedule"),
        max_pages=int(data.get("max_pages", 20)),
        probe_links=str(data.get("probe_links", "hinted")),
        download_deadline_s=_positive(data.get("download_deadline_s"), "download_deadline_s", where),
        min_bytes_per_s=_positive(data.get("min_bytes_per_s"), "min_bytes_per_s", where),
    )
    if not (src.listing_urls or src.pdf_urls or src.entry_urls or src.paths):
        raise ConfigError(f"{where}: give listing_urls, pdf_urls, entry_urls or paths")
    if src.probe_links not in ("hinted", "all", "none"):
        raise ConfigError(f"{where}: probe_links must be hinted, all or none")
    return src


def parse_config(data: dict[str, Any]) -> HarvestConfig:
    http_data = dict(data.get("http") or {})
    if "max_pdf_mb" in http_data:
        http_data["max_pdf_bytes"] = int(float(http_data.pop("max_pdf_mb")) * MIB)
    if "max_page_mb" in http_data:
        http_data["max_page_bytes"] = int(float(http_data.pop("max_page_mb")) * MIB)
    known = {f.name for f in fields(HttpOptions)}
    unknown = set(http_data) - known
    if unknown:
        raise ConfigError(f"[http]: unknown key(s) {', '.join(sorted(unknown))}")
    http = replace(HttpOptions(), **http_data)
    sources = tuple(_source(s, i) for i, s in enumerate(data.get("source") or []))
    names = [s.name for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ConfigError(f"source names must be unique: {', '.join(dupes)}")
    return HarvestConfig(
        sources=sources,
        http=http,
        schedule=str(data.get("schedule", DEFAULT_SCHEDULE)),
        backend=data.get("backend"),
    )


def load_config(path: str | Path) -> HarvestConfig:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"sources file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return parse_config(data)


def source_to_dict(source: SourceConfig) -> dict[str, Any]:
    """JSON-friendly form (Prefect flow parameters)."""
    return {f.name: (list(v) if isinstance(v := getattr(source, f.name), tuple) else v) for f in fields(source)}


def source_from_dict(data: dict[str, Any]) -> SourceConfig:
    return SourceConfig(**{k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items()})


def sources_from_args(args: list[str], config: HarvestConfig) -> list[SourceConfig]:
    """Command-line SOURCEs: a configured source name, a directory, a PDF file, or a URL.

    A URL is harvested on its own host; `entry_urls` lets the server's answer decide
    whether it is a PDF or a listing page. Any other scheme (file:, ftp:) is passed on so
    that the harvest records it as refused, with the reason.
    """
    known = {s.name: s for s in config.sources}
    out: list[SourceConfig] = []
    for arg in args:
        if arg in known:
            out.append(known[arg])
            continue
        scheme = urlsplit(arg).scheme.lower()
        if scheme in ("http", "https"):
            host = (urlsplit(arg).hostname or "").lower()
            out.append(SourceConfig(name=host or arg, entry_urls=(arg,)))
        elif len(scheme) > 1:  # file:, ftp:, ... (a one-letter "scheme" is a Windows drive)
            out.append(SourceConfig(name=scheme, entry_urls=(arg,), allowed_hosts=("-",)))
        else:
            out.append(SourceConfig(name="local", paths=(str(Path(arg).expanduser().resolve()),)))
    return out
