"""A real OpenSearch index built from index_mappings/ stems Norwegian the way users need."""

from __future__ import annotations

import uuid

import pytest
from opensearchpy import OpenSearch

import index_mappings

pytestmark = pytest.mark.opensearch

TEXTS = {
    "a": "Kommunene i opptaksområdet har inngått nye avtaler med sykehuset.",
    "b": "Kommunens representant la fram vedtakene fra forrige møte.",
    "c": "Sykehuset orienterte om pasientforløp og ventetider.",
}


@pytest.fixture
def index(opensearch_url: str):
    client = OpenSearch(opensearch_url, timeout=30)
    name = f"samsok-test-norwegian-{uuid.uuid4().hex[:8]}"
    body = {
        "settings": {"number_of_shards": 1, "number_of_replicas": 0, "analysis": index_mappings.load_analysis()},
        "mappings": {"properties": {"text": {"type": "text", "analyzer": "no_text"}}},
    }
    client.indices.create(index=name, body=body)
    for doc_id, text in TEXTS.items():
        client.index(index=name, id=doc_id, body={"text": text})
    client.indices.refresh(index=name)
    yield client, name
    client.indices.delete(index=name)


def _matches(client: OpenSearch, name: str, word: str) -> set[str]:
    result = client.search(index=name, body={"query": {"match": {"text": word}}})
    return {hit["_id"] for hit in result["hits"]["hits"]}


def test_kommune_finds_kommunene_and_kommunens(index) -> None:
    client, name = index
    assert _matches(client, name, "kommune") == {"a", "b"}


def test_vedtak_finds_vedtakene(index) -> None:
    client, name = index
    assert _matches(client, name, "vedtak") == {"b"}


def test_unrelated_word_finds_nothing(index) -> None:
    client, name = index
    assert _matches(client, name, "rehabilitering") == set()


def test_analyzer_from_the_mapping_file_is_the_norwegian_stemmer(index) -> None:
    client, name = index
    tokens = client.indices.analyze(index=name, body={"analyzer": "no_text", "text": "kommunene vedtakene"})
    assert [t["token"] for t in tokens["tokens"]] == ["kommun", "vedtak"]
