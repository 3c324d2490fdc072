"""Raw store and catalog: atomic writes, versions, duplicates by text, the index queue."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from contract.record import Record, RecordError, Section, Source
from samsok.catalog import MAX_ATTEMPTS, Catalog, text_hash
from samsok.store import RawStore, TooLarge


def test_store_is_content_addressed_and_atomic(tmp_path: Path, pdfs: dict[str, Path]) -> None:
    store = RawStore(tmp_path / "raw")
    data = pdfs["referat-2024-03"].read_bytes()
    first = store.put_file(pdfs["referat-2024-03"])
    sha = hashlib.sha256(data).hexdigest()
    assert first.sha256 == sha and first.created
    assert first.path == tmp_path / "raw" / sha[:2] / f"{sha}.pdf"
    assert first.path.read_bytes() == data
    again = store.put_stream(iter([data[:100], data[100:]]))
    assert again.sha256 == sha and not again.created
    assert list(store.iter_files()) == [first.path]
    assert list(store.tmp_dir.iterdir()) == []


def test_store_size_limit_and_interrupted_stream_leave_nothing(tmp_path: Path) -> None:
    store = RawStore(tmp_path / "raw")
    with pytest.raises(TooLarge):
        store.put_stream(iter([b"%PDF-1.4 " + b"x" * 5000] * 3), max_bytes=10_000)

    def broken():
        yield b"%PDF-1.4 partial"
        raise ConnectionError("peer went away")

    with pytest.raises(ConnectionError):
        store.put_stream(broken())
    assert list(store.iter_files()) == []
    assert list(store.tmp_dir.iterdir()) == []
    (store.tmp_dir / "dl-left.part").write_bytes(b"%PDF-half")  # as a SIGKILL leaves it
    assert store.clean_temp() == 1
    assert list(store.tmp_dir.iterdir()) == []


def _record(sha: str, text: str, pages: int = 1, error: str | None = None) -> Record:
    return Record(
        source=Source(path="x.pdf", sha256=sha, pages=pages),
        title="Referat",
        sections=[Section(number=None, title="Innledning", level=1, page=1, text=text)],
        error=RecordError(error, "bad") if error else None,
    )


def _add(catalog: Catalog, tmp: Path, url: str, content: bytes, **kw) -> tuple[str, str]:
    sha = hashlib.sha256(content).hexdigest()
    path = tmp / "raw" / f"{sha}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    outcome = catalog.record_url(url, kind="pdf", source="t", status="ok", sha256=sha,
                                 stored=(len(content), path), **kw)
    return sha, outcome


def test_catalog_versions_duplicates_and_index_queue(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    assert catalog.schema_version() == 1
    a, outcome = _add(catalog, tmp_path, "https://h.no/a.pdf", b"A1", organ="Styret", sykehusomrader=["OUS"])
    assert outcome == "new"
    assert catalog.record_url("https://h.no/a.pdf", kind="pdf", source="t", status="not_modified") == "unchanged"
    # the same bytes at a second URL: one document, two URLs
    same, outcome = _add(catalog, tmp_path, "https://h.no/copy.pdf", b"A1")
    assert same == a and outcome == "new"
    # re-exported bytes with the same text: a document of its own, but a duplicate
    b, _ = _add(catalog, tmp_path, "https://h.no/b.pdf", b"B1")
    assert catalog.pending_extraction("1") == [a, b]
    catalog.save_extraction(a, _record(a, "Sak 1/24  Vedtak:\nGodkjent"), "1")
    catalog.save_extraction(b, _record(b, "sak 1/24 vedtak: godkjent"), "1")
    assert text_hash(catalog.get_record(a)) == text_hash(catalog.get_record(b))
    assert [d for d, _ in catalog.iter_records()] == [a]
    assert catalog.document_info(b)["duplicate_of"] == a
    rec = catalog.get_record(a)
    assert rec.source.url == "https://h.no/a.pdf" and rec.organ == "Styret" and rec.sykehusomrader == ["OUS"]
    assert {u["url"] for u in catalog.document_info(a)["urls"]} == {"https://h.no/a.pdf", "https://h.no/copy.pdf"}

    assert catalog.pending_index("embedded") == [a]
    catalog.mark_indexed([a], "embedded")
    assert catalog.pending_index("embedded") == []
    assert catalog.pending_index("opensearch") == [a]

    # a changed PDF at both of a's URLs: a new version, the old one kept but no longer indexed
    a2, outcome = _add(catalog, tmp_path, "https://h.no/a.pdf", b"A2")
    _add(catalog, tmp_path, "https://h.no/copy.pdf", b"A2")
    assert outcome == "updated"
    assert [v["sha256"] for v in catalog.url_versions("https://h.no/a.pdf")] == [a, a2]
    assert catalog.raw_path(a).read_bytes() == b"A1"
    assert catalog.pending_extraction("1") == [a2]
    catalog.save_extraction(a2, _record(a2, "Sak 2/24 Ny tekst"), "1")
    # b (same text as the old a) is now the first of its text; a leaves the index
    assert catalog.pending_index("embedded") == [b, a2]
    assert catalog.pending_removal("embedded") == [a]
    catalog.mark_removed([a], "embedded")
    assert catalog.pending_removal("embedded") == []
    # a re-extraction (new revision) puts a document back in the queue
    catalog.mark_indexed([b, a2], "embedded")
    catalog.save_extraction(a2, _record(a2, "Sak 2/24 Ny tekst"), "2")
    assert catalog.pending_index("embedded") == [a2]
    catalog.close()


def test_failures_retry_limit_and_permanent_errors(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    t, _ = _add(catalog, tmp_path, "https://h.no/slow.pdf", b"T")
    p, _ = _add(catalog, tmp_path, "https://h.no/locked.pdf", b"P")
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert t in catalog.pending_extraction("1")
        catalog.save_extraction(t, _record(t, "", error="timeout"), "1")
        catalog.save_extraction(p, _record(p, "", error="encrypted"), "1")
        assert catalog.document_info(t)["attempts"] == attempt
        assert p not in catalog.pending_extraction("1")  # permanent: not retried
    assert catalog.pending_extraction("1") == []
    assert sorted(catalog.pending_extraction("2")) == sorted([t, p])  # a new extractor tries again
    fails = {f["doc_id"]: f for f in catalog.failures() if f["kind"] == "document"}
    assert fails[t]["code"] == "timeout" and not fails[t]["retry"]
    assert fails[p]["urls"] == ["https://h.no/locked.pdf"]
    catalog.record_url("https://h.no/gone.pdf", kind="pdf", source="t", status="http_404", http_status=404,
                       message="the server answered 404 Not Found")
    urls = [f for f in catalog.failures() if f["kind"] == "url"]
    assert urls == [{"kind": "url", "url": "https://h.no/gone.pdf", "url_kind": "pdf", "source": "t",
                     "code": "http_404", "http_status": 404, "message": "the server answered 404 Not Found",
                     "at": urls[0]["at"]}]


def test_runs_and_interrupted_runs(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    first = catalog.start_run(["oslo"], since="2019-01-01", until=None, backend="embedded")
    second = catalog.start_run(["oslo"], since=None, until=None, backend="embedded")  # first was killed
    catalog.finish_run(second, {"new": 1, "updated": 0, "unchanged": 0, "failed": 0, "pages": 2, "seconds": 1.0})
    runs = catalog.recent_runs(5)
    assert [(r["id"], r["status"]) for r in runs] == [(second, "finished"), (first, "interrupted")]
    assert runs[1]["window"] == {"since": "2019-01-01", "until": None}
    assert runs[0]["summary"]["pages"] == 2


def test_schema_version_refuses_newer_catalog(tmp_path: Path) -> None:
    Catalog(tmp_path / "c.sqlite").close()
    db = sqlite3.connect(tmp_path / "c.sqlite")
    db.execute("UPDATE schema_version SET version = 99")
    db.commit()
    db.close()
    with pytest.raises(RuntimeError, match="schema version 99"):
        Catalog(tmp_path / "c.sqlite")
