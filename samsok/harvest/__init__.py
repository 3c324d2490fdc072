"""Harvest: find PDFs on publishers' pages and download them into the raw store.

- `config`: the sources file (TOML) -> `HarvestConfig`, `SourceConfig`, `HttpOptions`
- `policy`: which URLs may be fetched (http/https on allowed hosts)
- `links`: PDF and pagination links in a listing page
- `fetch`: HTTP with retries, conditional requests, redirect and size limits
- `harvester`: sources -> raw store + catalog, one `ItemOutcome` per URL or file
"""

from samsok.harvest.config import ConfigError, HarvestConfig, HttpOptions, SourceConfig, load_config
from samsok.harvest.fetch import Deadline, Fetcher, FetchResult, Window
from samsok.harvest.harvester import Harvester, ItemOutcome
from samsok.harvest.policy import UrlPolicy

__all__ = [
    "ConfigError",
    "Deadline",
    "FetchResult",
    "Fetcher",
    "HarvestConfig",
    "Harvester",
    "HttpOptions",
    "ItemOutcome",
    "SourceConfig",
    "UrlPolicy",
    "Window",
    "load_config",
]
