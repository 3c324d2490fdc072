"""OpenSearch operations: unreachable cluster, alias swap on rebuild, synonym updates, analysis parity."""

from __future__ import annotations

import socket
import time

import pytest
import tantivy

import index_mappings
from samsok.config import OpenSearchSettings
from samsok.search.analysis import PY_TOKEN_RE, load_analysis
from samsok.search.base import BackendUnavailable, SearchQuery
from samsok.search.embedded_schema import analyzers
from samsok.search.opensearch import OpenSearchBackend
from tests.search.corpus_records import CORPUS, corpus_items


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_down_cluster_is_backend_unavailable() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    started = time.monotonic()
    with pytest.raises(BackendUnavailable) as info:
        OpenSearchBackend(OpenSearchSettings(url=url, index_prefix="samsok-test-down"))
    message = str(info.value)
    assert url in message and "not reachable" in message and "samsok opensearch start" in message
    assert time.monotonic() - started < 10


@pytest.mark.opensearch
def test_rebuild_swaps_alias_without_duplicates(os_settings: OpenSearchSettings) -> None:
    backend = OpenSearchBackend(os_settings)
    items = corpus_items()
    backend.index_records(items)
    first = {kind: backend.indices_behind(kind) for kind in ("sections", "saker")}
    assert first == {
        "sections": [f"{os_settings.index_prefix}-sections-v1"],
        "saker": [f"{os_settings.index_prefix}-saker-v1"],
    }
    before = backend.search(SearchQuery(text="")).total
    n_cases = backend.search(SearchQuery(text="", what="saker")).total
    backend.rebuild(items)
    after = {kind: backend.indices_behind(kind) for kind in ("sections", "saker")}
    for kind in ("sections", "saker"):
        assert len(after[kind]) == 1 and after[kind] != first[kind]
        assert after[kind][0].startswith(f"{os_settings.index_prefix}-{kind}-v1-")
        assert not backend.client.indices.exists(index=first[kind][0])
    assert backend.search(SearchQuery(text="")).total == before == len(items)
    assert backend.search(SearchQuery(text="", what="saker")).total == n_cases
    backend.index_records(items)
    assert backend.search(SearchQuery(text="", what="saker")).total == n_cases
    backend.close()


@pytest.mark.opensearch
def test_synonym_update_needs_no_reindex(os_settings: OpenSearchSettings, tmp_path, monkeypatch) -> None:
    backend = OpenSearchBackend(os_settings)
    backend.index_records(corpus_items())
    assert backend.search(SearchQuery(text="blåbærteam")).total == 0
    # a copy of index_mappings/ with one extra synonym line
    for path in index_mappings.DIRECTORY.iterdir():
        if path.suffix in (".json", ".txt"):
            (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "synonyms.txt").open("a", encoding="utf-8") as fh:
        fh.write("blåbærteam, hjemmesykehus\n")
    monkeypatch.setattr(index_mappings, "DIRECTORY", tmp_path)
    monkeypatch.setattr(index_mappings.load_analysis, "__defaults__", (tmp_path,))
    monkeypatch.setattr(index_mappings.synonym_rules, "__defaults__", (tmp_path,))
    names = backend.update_synonyms()
    assert len(names) == 2
    result = backend.search(SearchQuery(text="blåbærteam"))
    assert result.total == 1 and result.hits[0]["title"].startswith("Referat")
    backend.close()


def _corpus_words() -> list[str]:
    words: set[str] = set()
    for path in CORPUS.glob("*.txt"):
        words.update(w.lower() for w in PY_TOKEN_RE.findall(path.read_text(encoding="utf-8")))
    return sorted(words)


@pytest.mark.opensearch
def test_embedded_analysis_matches_opensearch(os_settings: OpenSearchSettings) -> None:
    """Stemmer and decompounder of the embedded side give OpenSearch's tokens on every corpus word."""
    backend = OpenSearchBackend(os_settings)
    index = backend.aliases["sections"]
    analysis = load_analysis()
    text_an = analyzers(analysis)["no_text"]
    words = _corpus_words()
    stem_diff, part_diff = [], []
    for start in range(0, len(words), 500):
        chunk = words[start : start + 500]
        resp = backend.client.indices.analyze(index=index, body={"analyzer": "no_text", "text": chunk})
        stems = [t["token"] for t in resp["tokens"]]
        ours = [tok for w in chunk for tok in text_an.analyze(w)]
        stem_diff += [(a, b) for a, b in zip(stems, ours, strict=True) if a != b]
        for word in chunk:
            resp = backend.client.indices.analyze(index=index, body={"analyzer": "no_parts", "text": word})
            theirs = sorted({t["token"] for t in resp["tokens"]})
            mine = sorted(set(text_an.analyze(word)) | set(text_an.analyze(analysis.parts_text(word))))
            if theirs != mine:
                part_diff.append((word, theirs, mine))
    # Snowball `norwegian` in Lucene and in tantivy (rust-stemmers) differ on a few
    # words ending in -rs (Lucene strips the s): at most a handful in the corpus.
    assert len(stem_diff) <= 3, stem_diff
    assert not [d for d in part_diff if not d[0].endswith("rs")], part_diff[:10]
    assert isinstance(text_an, tantivy.TextAnalyzer)
    backend.close()
