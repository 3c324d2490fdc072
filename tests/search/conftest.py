"""Fixtures for the search tests: corpus records and both backends, each in isolation.

OpenSearch tests use the session fixture `opensearch_url` of tests/conftest.py (fails
in CI when the node is unreachable, skips otherwise) and a unique index prefix that is
deleted afterwards, so they never touch another home's indices.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from samsok.config import OpenSearchSettings
from samsok.search.base import SearchBackend
from tests.search.corpus_records import corpus_items


def unique_prefix() -> str:
    return f"samsok-test-{uuid.uuid4().hex[:10]}"


def drop_prefix(settings: OpenSearchSettings) -> None:
    from samsok.search.opensearch_client import make_client

    client = make_client(settings)
    try:
        client.indices.delete(index=f"{settings.index_prefix}-*", ignore_unavailable=True)
    finally:
        client.close()


@pytest.fixture
def os_settings(opensearch_url: str) -> Iterator[OpenSearchSettings]:
    settings = OpenSearchSettings(url=opensearch_url, index_prefix=unique_prefix())
    yield settings
    drop_prefix(settings)


def make_backend(name: str, tmp: Path, opensearch_url: str | None) -> SearchBackend:
    if name == "embedded":
        from samsok.search.embedded import EmbeddedBackend

        return EmbeddedBackend(tmp / "index")
    from samsok.search.opensearch import OpenSearchBackend

    assert opensearch_url
    return OpenSearchBackend(OpenSearchSettings(url=opensearch_url, index_prefix=unique_prefix()))


BACKEND_PARAMS = [
    pytest.param("embedded", id="embedded"),
    pytest.param("opensearch", id="opensearch", marks=pytest.mark.opensearch),
]


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def corpus_backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchBackend]:
    """A backend holding the five corpus records (module-scoped: indexed once per backend)."""
    url = request.getfixturevalue("opensearch_url") if request.param == "opensearch" else None
    backend = make_backend(request.param, tmp_path_factory.mktemp(request.param), url)
    backend.index_records(corpus_items())
    yield backend
    if request.param == "opensearch":
        drop_prefix(backend.settings)  # type: ignore[attr-defined]
    backend.close()


@pytest.fixture(scope="module")
def both_backends(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[SearchBackend, SearchBackend]]:
    """Embedded and OpenSearch with the same records, for the cross-backend comparison."""
    url = request.getfixturevalue("opensearch_url")
    embedded = make_backend("embedded", tmp_path_factory.mktemp("both"), None)
    opensearch = make_backend("opensearch", Path(), url)
    items = corpus_items()
    embedded.index_records(items)
    opensearch.index_records(items)
    yield embedded, opensearch
    drop_prefix(opensearch.settings)  # type: ignore[attr-defined]
    embedded.close()
    opensearch.close()
