"""The stages end to end without Prefect: real extraction, the real embedded index."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from flowhelpers import FaultServer, Route, closed_port, indexed_doc_ids, make_pdf

from flows.pipeline import run_pipeline
from flows.stages import extract_stage, index_stage
from samsok.catalog import MAX_ATTEMPTS, Catalog
from samsok.config import Settings
from samsok.harvest import HttpOptions, SourceConfig

FAST = HttpOptions(timeout_s=2, retries=1, backoff_s=0.01, concurrency=2)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_rerun_duplicates_and_versions_through_the_index(
    web: FaultServer, settings: Settings, pdfs, tmp_path: Path
) -> None:
    a = pdfs["referat-2024-03"].read_bytes()
    reexport = make_pdf(tmp_path / "re.pdf", ["Referat fra møte i Strategisk samarbeidsutvalg 12.03.2024",
                                             "Sak 12/24 Samhandlingstilskudd", "Vedtak: Saken tas til orientering."],
                        pages=2, producer="another exporter").read_bytes()
    assert sha(reexport) != sha(a)
    c = pdfs["arsrapport-2023"].read_bytes()
    web.routes["/a.pdf"] = Route(a)
    web.routes["/kopi/a.pdf"] = Route(a)
    web.routes["/eksport/a.pdf"] = Route(reexport)
    web.routes["/c.pdf"] = Route(c)
    web.page("/moter", [(p, p) for p in ("/a.pdf", "/kopi/a.pdf", "/eksport/a.pdf", "/c.pdf")])
    source = SourceConfig(name="hf", listing_urls=(web.url("/moter"),), organ="Strategisk samarbeidsutvalg")
    first = run_pipeline(settings, [source], http=FAST, workers=1)
    assert (first["new"], first["updated"], first["unchanged"], first["failed"]) == (4, 0, 0, 0)
    assert first["extracted"] == 3 and first["pages"] == 6
    assert indexed_doc_ids(settings.embedded_index_dir) == sorted([sha(a), sha(c)])
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.document_info(sha(reexport))["duplicate_of"] == sha(a)
        assert {u["url"] for u in catalog.document_info(sha(a))["urls"]} == {web.url("/a.pdf"),
                                                                           web.url("/kopi/a.pdf")}
        record = catalog.get_record(sha(c))
        assert record.source.url == web.url("/c.pdf") and record.organ == "Strategisk samarbeidsutvalg"

    second = run_pipeline(settings, [source], http=FAST, workers=1)
    assert (second["new"], second["updated"], second["unchanged"], second["failed"]) == (0, 0, 4, 0)
    assert (second["extracted"], second["indexed"], second["pages"]) == (0, 0, 0)

    # c changes at its URL: the new version replaces the old one in the index
    c2 = pdfs["innkalling-2024-09"].read_bytes()
    web.routes["/c.pdf"] = Route(c2, modified=1_760_000_000)
    third = run_pipeline(settings, [source], http=FAST, workers=1)
    assert (third["updated"], third["unchanged"], third["indexed"]) == (1, 3, 1)
    assert indexed_doc_ids(settings.embedded_index_dir) == sorted([sha(a), sha(c2)])
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.raw_path(sha(c)).is_file()  # the old version is kept
        assert [r["summary"]["updated"] for r in catalog.recent_runs(3)] == [1, 0, 0]


def test_bad_pdf_is_isolated_and_retried_up_to_the_limit(settings: Settings, pdfs, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "god.pdf"
    good.write_bytes(pdfs["arsrapport-2023"].read_bytes())
    data = pdfs["referat-2024-06"].read_bytes()
    (folder / "avkuttet.pdf").write_bytes(data[: len(data) // 3])  # truncated
    source = SourceConfig(name="local", paths=(str(folder),))
    first = run_pipeline(settings, [source], workers=1)
    assert (first["new"], first["failed"], first["extracted"]) == (1, 1, 1)
    bad = sha(data[: len(data) // 3])
    with Catalog(settings.catalog_path) as catalog:
        failure = next(f for f in catalog.failures() if f["kind"] == "document")
        assert failure["doc_id"] == bad and failure["urls"] == [str(folder / "avkuttet.pdf")]
        code = failure["code"]
    assert indexed_doc_ids(settings.embedded_index_dir) == [sha(good.read_bytes())]
    attempts = 1
    while True:
        report = extract_stage(settings, workers=1)
        if not report.failed:
            break
        attempts += 1
        assert report.failed == {bad: code} and report.extracted == 0
    with Catalog(settings.catalog_path) as catalog:
        info = catalog.document_info(bad)
    assert info["status"] == "failed" and info["attempts"] == attempts
    assert attempts == (1 if code in ("not_pdf", "encrypted", "no_text", "empty") else MAX_ATTEMPTS)


def test_embedded_index_locked_keeps_records_queued(settings: Settings, pdfs) -> None:
    import tantivy  # noqa: F401  (the lock below is tantivy's own writer lock)

    from samsok.search.embedded import EmbeddedBackend

    source = SourceConfig(name="local", paths=(str(pdfs["referat-2024-03"]), str(pdfs["arsrapport-2023"])))
    holder = EmbeddedBackend(settings.embedded_index_dir)
    writer = holder._writer(holder._fresh())  # another process or thread is writing
    try:
        first = run_pipeline(settings, [source], workers=1)
    finally:
        writer.rollback()
        del writer
        holder.close()
    assert (first["new"], first["indexed"], first["queued"]) == (2, 0, 2)
    with Catalog(settings.catalog_path) as catalog:
        assert len(catalog.pending_index("embedded")) == 2
    second = run_pipeline(settings, [source], workers=1)
    assert (second["unchanged"], second["indexed"], second["queued"]) == (2, 2, 0)
    assert len(indexed_doc_ids(settings.embedded_index_dir)) == 2


@pytest.mark.opensearch
def test_opensearch_down_then_up(home: Path, pdfs, opensearch_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    prefix = f"samsok-flows-{hashlib.sha256(str(home).encode()).hexdigest()[:10]}"
    monkeypatch.setenv("SAMSOK_INDEX_PREFIX", prefix)
    request_cleanup = _drop_indices(opensearch_url, prefix)
    monkeypatch.setenv("SAMSOK_OPENSEARCH_URL", f"http://127.0.0.1:{closed_port()}")
    down = Settings.load(home, "opensearch")
    source = SourceConfig(name="local", paths=(str(pdfs["referat-2024-06"]),))
    first = run_pipeline(down, [source], workers=1)
    assert (first["new"], first["indexed"], first["queued"]) == (1, 0, 1)
    monkeypatch.setenv("SAMSOK_OPENSEARCH_URL", opensearch_url)
    up = Settings.load(home, "opensearch")
    report = index_stage(up)
    assert (report.indexed, report.queued, report.error) == (1, 0, None)
    with Catalog(up.catalog_path) as catalog:
        assert catalog.pending_index("opensearch") == []
        assert catalog.pending_index("embedded") != []  # each backend has its own queue
    request_cleanup()


def _drop_indices(url: str, prefix: str):
    import httpx

    def drop() -> None:
        names = httpx.get(f"{url}/_cat/indices/{prefix}-*?format=json", timeout=30).json()
        for entry in names:
            httpx.delete(f"{url}/{entry['index']}", timeout=30)

    return drop
