"""Settings from the environment and the command line, in one place.

| variable | meaning | default |
| --- | --- | --- |
| SAMSOK_HOME | data directory (raw store, catalog, embedded index) | ./.samsok |
| SAMSOK_BACKEND | default search backend | embedded |
| SAMSOK_OPENSEARCH_URL | OpenSearch base URL | http://127.0.0.1:9200 |
| SAMSOK_OPENSEARCH_USER / SAMSOK_OPENSEARCH_PASSWORD | basic auth | none |
| SAMSOK_OPENSEARCH_CA | CA bundle file for https | none |
| SAMSOK_OPENSEARCH_VERIFY | verify TLS certificates (true/false) | true |
| SAMSOK_INDEX_PREFIX | prefix of index names and aliases | samsok |

OCR settings (`SAMSOK_OCR`, `SAMSOK_OCR_PAGE_TIMEOUT`, `SAMSOK_OCR_MAX_PAGES`, ...) belong to
the extract stage and are read by `extractors.ocr.options.OcrOptions.from_env`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in TRUE_WORDS


@dataclass(frozen=True)
class OpenSearchSettings:
    url: str = "http://127.0.0.1:9200"
    user: str | None = None
    password: str | None = None
    ca_file: str | None = None
    verify: bool = True
    index_prefix: str = "samsok"

    @classmethod
    def from_env(cls) -> OpenSearchSettings:
        return cls(
            url=os.environ.get("SAMSOK_OPENSEARCH_URL") or cls.url,
            user=os.environ.get("SAMSOK_OPENSEARCH_USER") or None,
            password=os.environ.get("SAMSOK_OPENSEARCH_PASSWORD") or None,
            ca_file=os.environ.get("SAMSOK_OPENSEARCH_CA") or None,
            verify=env_flag("SAMSOK_OPENSEARCH_VERIFY", True),
            index_prefix=os.environ.get("SAMSOK_INDEX_PREFIX") or cls.index_prefix,
        )


@dataclass(frozen=True)
class Settings:
    home: Path
    backend: str = "embedded"
    opensearch: OpenSearchSettings = OpenSearchSettings()

    @classmethod
    def load(cls, home: str | os.PathLike[str] | None = None, backend: str | None = None) -> Settings:
        home_path = Path(home or os.environ.get("SAMSOK_HOME") or ".samsok").expanduser().resolve()
        return cls(
            home=home_path,
            backend=backend or os.environ.get("SAMSOK_BACKEND") or "embedded",
            opensearch=OpenSearchSettings.from_env(),
        )

    @property
    def raw_dir(self) -> Path:
        return self.home / "raw"

    @property
    def catalog_path(self) -> Path:
        return self.home / "catalog.sqlite"

    @property
    def embedded_index_dir(self) -> Path:
        return self.home / "index"
