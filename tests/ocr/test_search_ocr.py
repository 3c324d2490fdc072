"""The Dovre scan and the Harstad garbled layer are found by their words after `samsok ingest`,
on the embedded backend and on a real OpenSearch node (the first two pages OCR'd, as in
test_real_scans)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from samsok.config import OpenSearchSettings
from tests.ocr.test_real_scans import DOVRE, HARSTAD
from tests.search.conftest import drop_prefix

WORDS = ("Valgprotokoll", "stemmeberettigede")


def samsok(home: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("samsok")
    child = {**os.environ, "SAMSOK_HOME": str(home), **env}
    child.pop("SAMSOK_BACKEND", None)
    return subprocess.run([str(script), *argv], env=child, capture_output=True, text=True, timeout=900)


def ingest(home: Path, *extra: str, **env: str) -> dict:
    proc = samsok(home, "ingest", str(DOVRE), str(HARSTAD), "--ocr-max-pages", "2", "--json", *extra, **env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def search(home: Path, query: str, *extra: str, **env: str) -> dict:
    proc = samsok(home, "search", query, "--json", *extra, **env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def sources(result: dict) -> set[str]:
    return {Path(hit["source"]).name for hit in result["hits"]}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("ocr-home")
    summary = ingest(home)
    assert (summary["new"], summary["failed"]) == (2, 0)
    return home


def test_embedded_search_finds_both_by_their_words(home: Path) -> None:
    for word in WORDS:
        result = search(home, word)
        assert sources(result) == {DOVRE.name, HARSTAD.name}, word
        assert result["facets"]["year"] == {"2019": 2}
    assert sources(search(home, "Dovre")) == {DOVRE.name}
    assert sources(search(home, "Harstad")) == {HARSTAD.name}


@pytest.fixture
def opensearch_env(opensearch_url: str) -> Iterator[dict[str, str]]:
    prefix = f"samsok-test-{uuid.uuid4().hex[:10]}"
    yield {"SAMSOK_OPENSEARCH_URL": opensearch_url, "SAMSOK_INDEX_PREFIX": prefix}
    drop_prefix(OpenSearchSettings(url=opensearch_url, index_prefix=prefix))


@pytest.mark.opensearch
def test_opensearch_search_finds_both_by_their_words(home: Path, opensearch_env: dict[str, str]) -> None:
    ingest(home, "--backend", "opensearch", **opensearch_env)  # extracted already: indexed into OpenSearch
    for word in (*WORDS, "Dovre", "Harstad"):
        embedded = search(home, word)
        found = search(home, word, "--backend", "opensearch", **opensearch_env)
        assert sources(found) == sources(embedded) and found["total"] == embedded["total"], word
        assert found["facets"] == embedded["facets"], word
    assert sources(search(home, "stemmeberettigede", "--backend", "opensearch", **opensearch_env)) == {
        DOVRE.name, HARSTAD.name}


def test_document_page_says_which_pages_were_ocrd(home: Path) -> None:
    from fastapi.testclient import TestClient

    from samsok.catalog import Catalog
    from samsok.config import Settings
    from samsok_app.web.app import create_app

    settings = Settings.load(home, "embedded")
    with Catalog(settings.catalog_path) as catalog:
        records = dict(catalog.iter_records())
    assert len(records) == 2
    with TestClient(create_app(settings, "embedded")) as client:
        for doc_id, record in records.items():
            html = client.get(f"/dokument/{doc_id}").text
            assert record.source.ocr_pages == [1, 2]
            assert "Sidene 1–2 er skannet eller hadde ikke lesbar tekst, og er lest med tekstgjenkjenning (OCR)" in html
            assert "Grensen for hvor mange sider som leses med tekstgjenkjenning ble nådd" in html
            assert "side 1 · lest med OCR" in html
