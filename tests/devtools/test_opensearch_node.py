"""The local OpenSearch node manager: real node, real failures, each step named."""

from __future__ import annotations

import json
import urllib.request
import zipfile

import pytest

from devtools import opensearch_node as node

pytestmark = pytest.mark.opensearch


def _post(url: str, path: str, body: dict) -> dict:
    req = urllib.request.Request(
        url + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def _tokens(url: str, body: dict) -> list[str]:
    return [t["token"] for t in _post(url, "/_analyze", body)["tokens"]]


def test_analysis_common_module_is_loaded(opensearch_url: str) -> None:
    with urllib.request.urlopen(opensearch_url + "/_nodes/plugins", timeout=10) as resp:
        nodes = json.loads(resp.read())["nodes"]
    modules = {m["name"] for n in nodes.values() for m in n["modules"]}
    assert "analysis-common" in modules


def test_norwegian_analyzer_stems(opensearch_url: str) -> None:
    tokens = _tokens(opensearch_url, {"analyzer": "norwegian", "text": "kommunene kommunens vedtakene"})
    assert tokens == ["kommun", "kommun", "vedtak"]


def test_analysis_common_filters_exist(opensearch_url: str) -> None:
    """stemmer, synonym_graph and dictionary_decompounder come from analysis-common."""
    tokens = _tokens(
        opensearch_url,
        {
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                {"type": "synonym_graph", "synonyms": ["ssu, strategisk samarbeidsutvalg"]},
                {"type": "dictionary_decompounder", "word_list": ["tilskudd", "samhandling"]},
                {"type": "stemmer", "language": "norwegian"},
            ],
            "text": "SSU samhandlingstilskudd",
        },
    )
    assert "strategisk" in tokens
    assert "tilskudd" in tokens
    assert "samhandling" in tokens


def test_corrupt_download_is_reported_as_unpack_failure(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SAMSOK_CACHE_DIR", str(tmp_path))
    vdir = tmp_path / "opensearch" / "9.9.9"
    vdir.mkdir(parents=True)
    (vdir / "opensearch-9.9.9.zip").write_bytes(b"this is not a zip archive")
    (vdir / "analysis-common-9.9.9.jar").write_bytes(b"jar")
    with pytest.raises(node.NodeError) as err:
        node.ensure_distribution("9.9.9", log=lambda _m: None)
    assert err.value.step == "unpack"
    assert not (vdir / "opensearch-9.9.9.zip").exists(), "a broken download must be removed for the retry"


def test_zip_without_opensearch_is_reported(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SAMSOK_CACHE_DIR", str(tmp_path))
    vdir = tmp_path / "opensearch" / "9.9.9"
    vdir.mkdir(parents=True)
    with zipfile.ZipFile(vdir / "opensearch-9.9.9.zip", "w") as z:
        z.writestr("README.txt", "nothing here")
    (vdir / "analysis-common-9.9.9.jar").write_bytes(b"jar")
    with pytest.raises(node.NodeError, match="unpack") as err:
        node.ensure_distribution("9.9.9", log=lambda _m: None)
    assert "bin/opensearch" in str(err.value)


def test_start_failure_names_the_step_and_shows_the_log(tmp_path, monkeypatch, opensearch_url: str) -> None:
    """A node that cannot start (no JDK at JAVA_HOME) fails at `start` with the log tail."""
    real_version_dir = node.cache_root() / node.DEFAULT_VERSION
    assert (real_version_dir / f"opensearch-{node.DEFAULT_VERSION}" / ".samsok-ready").exists()
    monkeypatch.setenv("SAMSOK_CACHE_DIR", str(tmp_path))
    (tmp_path / "opensearch").mkdir()
    (tmp_path / "opensearch" / node.DEFAULT_VERSION).symlink_to(real_version_dir)
    monkeypatch.setenv("OPENSEARCH_JAVA_HOME", str(tmp_path / "no-such-jdk"))
    with pytest.raises(node.NodeError) as err:
        node.start(timeout=60, log=lambda _m: None)
    assert err.value.step == "start"
    assert "java" in err.value.log_tail.lower()
    assert node.status() is None, "a failed start leaves no node and no state behind"
    assert not list(tmp_path.glob("opensearch/node.json"))
