"""`samsok search`, `samsok trend`, `samsok reindex` through the real CLI entry point."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from samsok.config import Settings
from samsok_app.cli import main
from tests.search.corpus_records import corpus_items, ids_by_short


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home whose catalog holds the five corpus records, indexed by `samsok reindex`."""
    from samsok.catalog import Catalog

    settings = Settings.load(tmp_path)
    with Catalog(settings.catalog_path) as catalog:
        for doc_id, record in corpus_items():
            raw = tmp_path / "raw" / f"{doc_id}.pdf"
            raw.parent.mkdir(parents=True, exist_ok=True)
            raw.write_bytes(b"%PDF-1.4 test")
            catalog.record_url(
                raw.as_uri(), kind="pdf", source=str(raw), status="new", sha256=doc_id,
                stored=(raw.stat().st_size, raw),
            )
            catalog.save_extraction(doc_id, record, "test")
    return tmp_path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_reindex_then_search_json(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "reindex", "--home", str(home))
    assert code == 0 and "5 documents" in err
    code, out, _ = run_cli(capsys, "search", "rehabilitering", "--home", str(home), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"total", "took_ms", "hits", "facets"}
    assert data["total"] == 4 and set(data["facets"]) == {"year", "sykehusomrade", "doc_type", "organ"}
    hit = data["hits"][0]
    for key in ("id", "title", "doc_type", "year", "date", "sykehusomrader", "organ", "page", "saksnummer",
                "snippet", "source"):
        assert key in hit
    code, out, _ = run_cli(capsys, "search", "rehabilitering", "--home", str(home), "--json",
                           "--year", "2019..2024", "--type", "referat", "--omrade", "OUS")
    assert [h["id"] for h in json.loads(out)["hits"]] == [ids_by_short()["ssu2024"]]
    code, out, _ = run_cli(capsys, "search", "sak", "33/24", "--what", "saker", "--home", str(home), "--json")
    data = json.loads(out)
    assert data["total"] == 1 and data["hits"][0]["saksnummer"] == "33/2024"


def test_text_output_and_trend(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "reindex", "--home", str(home))[0] == 0
    code, out, _ = run_cli(capsys, "search", "FACT", "--home", str(home), "--limit", "1")
    assert code == 0 and out.startswith("2 dokumenter") and "*FACT*" in out and "year:" in out
    code, out, _ = run_cli(capsys, "trend", "FACT", "--home", str(home), "--json")
    data = json.loads(out)
    assert data["term"] == "FACT" and data["by_year"] == {"2019": 1, "2025": 1} and data["by_omrade"] == {"Ahus": 2}
    code, out, _ = run_cli(capsys, "trend", "FACT", "--home", str(home))
    assert code == 0 and "2019" in out and "2025" in out


def test_has_vedtak_and_date_sort(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "reindex", "--home", str(home))[0] == 0
    code, out, _ = run_cli(capsys, "search", "--what", "saker", "--has-vedtak", "--home", str(home), "--json",
                           "--limit", "100")
    data = json.loads(out)
    expected = sum(1 for _, r in corpus_items() for s in r.saker if s.vedtak and s.vedtak.strip())
    assert code == 0 and data["total"] == expected and all(h["vedtak"] for h in data["hits"])
    code, out, _ = run_cli(capsys, "search", "--sort", "date", "--home", str(home), "--json")
    dates = [h["date"] for h in json.loads(out)["hits"] if h["date"]]
    assert code == 0 and dates == sorted(dates, reverse=True)
    code, out, err = run_cli(capsys, "search", "x", "--has-vedtak", "--home", str(home))
    assert code == 2 and "--what saker" in err and out == ""


def test_bad_year_is_usage_error(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "search", "x", "--home", str(home), "--year", "nitten")
    assert code == 2 and "--year" in err and out == ""


def test_backend_down_is_a_clear_error(home: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("SAMSOK_OPENSEARCH_URL", f"http://127.0.0.1:{port}")
    for argv in (("search", "x"), ("trend", "x"), ("reindex",)):
        code, out, err = run_cli(capsys, *argv, "--home", str(home), "--backend", "opensearch")
        assert code == 1 and out == ""
        assert "not reachable" in err and "Traceback" not in err


@pytest.mark.opensearch
def test_opensearch_reindex_and_search(home: Path, capsys: pytest.CaptureFixture[str], opensearch_url: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from samsok.config import OpenSearchSettings
    from tests.search.conftest import drop_prefix, unique_prefix

    prefix = unique_prefix()
    monkeypatch.setenv("SAMSOK_OPENSEARCH_URL", opensearch_url)
    monkeypatch.setenv("SAMSOK_INDEX_PREFIX", prefix)
    try:
        assert run_cli(capsys, "reindex", "--home", str(home), "--backend", "opensearch")[0] == 0
        code, out, _ = run_cli(capsys, "search", "tilskudd", "--home", str(home), "--backend", "opensearch",
                               "--json")
        assert code == 0 and json.loads(out)["total"] == 2
    finally:
        drop_prefix(OpenSearchSettings(url=opensearch_url, index_prefix=prefix))


def test_reindex_waits_for_the_home_lock(home: Path, capsys: pytest.CaptureFixture[str],
                                         caplog: pytest.LogCaptureFixture) -> None:
    """`samsok reindex` takes the home's run lock: while an ingest holds it, it waits."""
    import threading

    from samsok.catalog import Catalog
    from samsok.lock import run_lock

    codes: list[int] = []
    with run_lock(home):
        worker = threading.Thread(target=lambda: codes.append(main(["reindex", "--home", str(home)])))
        worker.start()
        for _ in range(600):  # until the reindex says it waits (an upper bound, not a timing)
            if any("waiting for it to finish" in r.getMessage() for r in caplog.records):
                break
            worker.join(0.1)
        assert worker.is_alive() and codes == []
        with Catalog(Settings.load(home).catalog_path) as catalog:
            assert len(catalog.pending_index("embedded")) == 5  # nothing indexed while waiting
    worker.join(120)
    assert codes == [0]
    with Catalog(Settings.load(home).catalog_path) as catalog:
        assert catalog.pending_index("embedded") == []
