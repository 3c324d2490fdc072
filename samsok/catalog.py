"""The catalog: SQLite, the source of truth for what samsok has harvested and extracted.

Documents are keyed by `doc_id`, the sha256 of the PDF bytes. Each URL (or local file)
points at its current document and keeps every version it ever served. A document's
`text_hash` (sha256 of its normalised text) recognises the same paper re-exported with
different bytes: only the first of equal texts is indexed. The index queue is
`index_state`: a document is pending for a backend until the backend holds its current
revision. Every change happens in a transaction, so a process killed at any moment leaves
the catalog as it was before or after each step, never in between.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from contract.record import Record
from samsok.catalog_schema import MIGRATIONS

# A document whose extraction failed is tried again on later runs, up to this many times
# (per extractor version); permanent errors are not retried until the version changes.
MAX_ATTEMPTS = 3
PERMANENT_ERRORS = frozenset({"not_pdf", "encrypted", "no_text", "empty"})

_PERMANENT_MARKS = ",".join("?" * len(PERMANENT_ERRORS))
_SPACE = re.compile(r"\s+")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def text_hash(record: Record) -> str | None:
    """sha256 of the record's text, case-folded and whitespace-normalised; None if no text."""
    parts = [record.title or ""]
    parts += [f"{s.title}\n{s.text}" for s in record.sections]
    text = unicodedata.normalize("NFKC", "\n".join(parts)).casefold()
    text = _SPACE.sub(" ", text).strip()
    if not text:
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class UrlState:
    url: str
    kind: str
    status: str
    etag: str | None
    last_modified: str | None
    sha256: str | None


class Catalog:
    """One SQLite database; open one per thread (connections are not shared)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.home = self.path.parent
        self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA busy_timeout=60000")
        self._migrate()

    # ------------------------------------------------------------ plumbing

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        if self.db.in_transaction:
            yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def schema_version(self) -> int:
        row = self.db.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        with self.transaction() as db:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            version = self.schema_version()
            if version == 0 and db.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 0:
                db.execute("INSERT INTO schema_version (version) VALUES (0)")
            if version > len(MIGRATIONS):
                raise RuntimeError(
                    f"catalog {self.path} has schema version {version}; this samsok knows {len(MIGRATIONS)}"
                )
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in _statements(script):
                    db.execute(statement)
                db.execute("UPDATE schema_version SET version = ?", (number,))

    # ------------------------------------------------------------ harvest side

    def url_state(self, url: str) -> UrlState | None:
        row = self.db.execute(
            "SELECT url, kind, status, etag, last_modified, sha256 FROM urls WHERE url = ?", (url,)
        ).fetchone()
        return UrlState(**dict(row)) if row else None

    def add_document(self, doc_id: str, size: int, raw_path: Path) -> bool:
        """Register stored bytes; True if the document is new to the catalog."""
        rel = _relative(raw_path, self.home)
        with self.transaction() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO documents (doc_id, size, raw_path, added_at) VALUES (?, ?, ?, ?)",
                (doc_id, size, rel, now()),
            )
            return cur.rowcount == 1

    def record_url(
        self,
        url: str,
        *,
        kind: str,
        source: str,
        status: str,
        http_status: int | None = None,
        message: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        sha256: str | None = None,
        sykehusomrader: list[str] | None = None,
        organ: str | None = None,
        stored: tuple[int, Path] | None = None,
    ) -> str:
        """Record one check of a URL (or local file); return new, updated, unchanged or failed.

        With `sha256` (and `stored` = (size, raw path) when the bytes were just stored) the
        URL now points at that document; a different sha than before is a new version and
        the old one stays in `url_versions`. Without it the URL keeps its current version
        (a 304, or a failure). Document and URL change in one transaction.
        """
        stamp = now()
        omr = json.dumps(sykehusomrader) if sykehusomrader else None
        with self.transaction() as db:
            if stored is not None and sha256 is not None:
                db.execute(
                    "INSERT OR IGNORE INTO documents (doc_id, size, raw_path, added_at) VALUES (?, ?, ?, ?)",
                    (sha256, stored[0], _relative(stored[1], self.home), stamp),
                )
            old = db.execute("SELECT sha256, etag, last_modified FROM urls WHERE url = ?", (url,)).fetchone()
            if old is None:
                db.execute(
                    "INSERT INTO urls (url, kind, source, first_seen, last_checked, http_status, status, message,"
                    " etag, last_modified, sha256, sykehusomrader, organ)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (url, kind, source, stamp, stamp, http_status, status, message, etag, last_modified,
                     sha256, omr, organ),
                )
                previous = None
            else:
                previous = old["sha256"]
                db.execute(
                    "UPDATE urls SET kind = ?, source = ?, last_checked = ?, http_status = ?, status = ?,"
                    " message = ?, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),"
                    " sha256 = COALESCE(?, sha256), sykehusomrader = COALESCE(?, sykehusomrader),"
                    " organ = COALESCE(?, organ) WHERE url = ?",
                    (kind, source, stamp, http_status, status, message,
                     etag if sha256 or status == "not_modified" else None,
                     last_modified if sha256 or status == "not_modified" else None,
                     sha256, omr, organ, url),
                )
            if sha256 is not None:
                db.execute(
                    "INSERT OR IGNORE INTO url_versions (url, sha256, first_seen) VALUES (?, ?, ?)",
                    (url, sha256, stamp),
                )
        if status not in ("ok", "not_modified"):
            return "failed"
        if sha256 is None or sha256 == previous:
            return "unchanged"
        return "new" if previous is None else "updated"

    # ------------------------------------------------------------ extraction side

    def pending_extraction(self, extractor_version: str, max_attempts: int = MAX_ATTEMPTS) -> list[str]:
        """Current documents to extract: never extracted, older extractor, or retryable failures."""
        rows = self.db.execute(
            "SELECT doc_id FROM current_documents WHERE status = 'pending'"
            " OR extractor_version IS NOT ? "
            " OR (status = 'failed' AND attempts < ? AND error_code NOT IN (" + _PERMANENT_MARKS + "))"
            " ORDER BY id",
            (extractor_version, max_attempts, *sorted(PERMANENT_ERRORS)),
        ).fetchall()
        return [r[0] for r in rows]

    def extraction_job(self, doc_id: str) -> tuple[Path, str | None]:
        """(raw file, primary URL) to extract a document from."""
        raw = self.raw_path(doc_id)
        if raw is None:
            raise KeyError(doc_id)
        return raw, self._primary_url(doc_id)

    def save_extraction(self, doc_id: str, record: Record, extractor_version: str) -> None:
        """Store a successful record (error is None) or a failure (error set)."""
        stamp = now()
        with self.transaction() as db:
            if record.error is None:
                db.execute(
                    "UPDATE documents SET status = 'extracted', error_code = NULL, error_message = NULL,"
                    " attempts = 0, extractions = extractions + 1, extractor_version = ?, extracted_at = ?,"
                    " pages = ?, text_hash = ?, record_json = ?, revision = revision + 1 WHERE doc_id = ?",
                    (extractor_version, stamp, record.source.pages, text_hash(record),
                     json.dumps(record.to_dict(), ensure_ascii=False), doc_id),
                )
            else:
                db.execute(
                    "UPDATE documents SET status = 'failed', error_code = ?, error_message = ?,"
                    " attempts = CASE WHEN extractor_version IS ? THEN attempts + 1 ELSE 1 END,"
                    " extractions = extractions + 1, extractor_version = ?, extracted_at = ?,"
                    " pages = ?, text_hash = NULL, record_json = NULL WHERE doc_id = ?",
                    (record.error.code, record.error.message, extractor_version, extractor_version, stamp,
                     record.source.pages, doc_id),
                )

    # ------------------------------------------------------------ reading

    def _primary_url(self, doc_id: str) -> str | None:
        row = self.db.execute(
            "SELECT u.url FROM url_versions v JOIN urls u ON u.url = v.url"
            " WHERE v.sha256 = ? AND u.kind = 'pdf' ORDER BY (u.sha256 = v.sha256) DESC, v.first_seen, u.url"
            " LIMIT 1",
            (doc_id,),
        ).fetchone()
        return row[0] if row else None

    def _locations(self, doc_id: str) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT u.url, u.kind, u.source, u.first_seen, u.last_checked, u.status, u.sykehusomrader, u.organ,"
            " (u.sha256 = v.sha256) AS current, v.first_seen AS version_first_seen"
            " FROM url_versions v JOIN urls u ON u.url = v.url WHERE v.sha256 = ?"
            " ORDER BY current DESC, v.first_seen, u.url",
            (doc_id,),
        ).fetchall()

    def raw_path(self, doc_id: str) -> Path | None:
        row = self.db.execute("SELECT raw_path FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return (self.home / row[0]) if row else None

    def get_record(self, doc_id: str) -> Record | None:
        """The document's record with its catalog facts: path, URL and the source's defaults."""
        row = self.db.execute(
            "SELECT record_json, raw_path FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        if row is None or row["record_json"] is None:
            return None
        record = Record.from_dict(json.loads(row["record_json"]))
        locations = self._locations(doc_id)
        files = [loc for loc in locations if loc["kind"] == "file"]
        urls = [loc for loc in locations if loc["kind"] == "pdf"]
        record.source.sha256 = doc_id
        record.source.path = files[0]["url"] if files else str(self.home / row["raw_path"])
        record.source.url = urls[0]["url"] if urls else None
        if not record.organ:
            record.organ = next((loc["organ"] for loc in locations if loc["organ"]), None)
        if not record.sykehusomrader:
            for loc in locations:
                if loc["sykehusomrader"]:
                    record.sykehusomrader = json.loads(loc["sykehusomrader"])
                    break
        return record

    def iter_records(self) -> Iterator[tuple[str, Record]]:
        """Every current, non-duplicate, extracted document: what the index should hold."""
        for doc_id in self._ids("SELECT doc_id FROM indexable_documents ORDER BY id"):
            record = self.get_record(doc_id)
            if record is not None:
                yield doc_id, record

    def _ids(self, sql: str, params: tuple[Any, ...] = ()) -> list[str]:
        return [r[0] for r in self.db.execute(sql, params).fetchall()]

    def document_info(self, doc_id: str) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        duplicate_of = None
        if row["text_hash"]:
            first = self.db.execute(
                "SELECT doc_id FROM indexable_documents WHERE text_hash = ? AND doc_id != ?",
                (row["text_hash"], doc_id),
            ).fetchone()
            duplicate_of = first[0] if first else None
        return {
            "doc_id": doc_id,
            "raw_path": str(self.home / row["raw_path"]),
            "size": row["size"],
            "added_at": row["added_at"],
            "status": row["status"],
            "error": {"code": row["error_code"], "message": row["error_message"]} if row["error_code"] else None,
            "attempts": row["attempts"],
            "extractions": row["extractions"],
            "extractor_version": row["extractor_version"],
            "extracted_at": row["extracted_at"],
            "pages": row["pages"],
            "text_hash": row["text_hash"],
            "duplicate_of": duplicate_of,
            "current": any(loc["current"] for loc in self._locations(doc_id)),
            "urls": [
                {
                    "url": loc["url"],
                    "kind": loc["kind"],
                    "source": loc["source"],
                    "current": bool(loc["current"]),
                    "first_seen": loc["first_seen"],
                    "last_checked": loc["last_checked"],
                }
                for loc in self._locations(doc_id)
            ],
        }

    def url_versions(self, url: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT v.sha256, v.first_seen, (u.sha256 = v.sha256) AS current FROM url_versions v"
            " JOIN urls u ON u.url = v.url WHERE v.url = ? ORDER BY v.first_seen, v.rowid",
            (url,),
        ).fetchall()
        return [{"sha256": r[0], "first_seen": r[1], "current": bool(r[2])} for r in rows]

    def url_info(self, url: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM urls WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        by_status = dict(self.db.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
        url_status = dict(
            self.db.execute("SELECT status, count(*) FROM urls WHERE kind != 'listing' GROUP BY status").fetchall()
        )
        indexed = dict(self.db.execute("SELECT backend, count(*) FROM index_state GROUP BY backend").fetchall())
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "current": one("SELECT count(*) FROM current_documents"),
            "indexable": one("SELECT count(*) FROM indexable_documents"),
            "duplicates": one(
                "SELECT count(*) FROM current_documents WHERE status = 'extracted'"
                " AND doc_id NOT IN (SELECT doc_id FROM indexable_documents)"
            ),
            "by_status": {k: by_status.get(k, 0) for k in ("pending", "extracted", "failed")},
            "pages": one("SELECT coalesce(sum(pages), 0) FROM indexable_documents"),
            "urls": one("SELECT count(*) FROM urls WHERE kind != 'listing'"),
            "url_status": url_status,
            "listing_pages": one("SELECT count(*) FROM urls WHERE kind = 'listing'"),
            "versions": one("SELECT count(*) FROM url_versions"),
            "indexed": indexed,
            "runs": one("SELECT count(*) FROM runs"),
            "schema_version": self.schema_version(),
        }

    def failures(self) -> list[dict[str, Any]]:
        """Failed documents (with their URLs) and URLs whose last check failed."""
        out: list[dict[str, Any]] = []
        for row in self.db.execute(
            "SELECT doc_id, error_code, error_message, attempts, extracted_at FROM current_documents"
            " WHERE status = 'failed' ORDER BY id"
        ).fetchall():
            out.append({
                "kind": "document",
                "doc_id": row["doc_id"],
                "code": row["error_code"],
                "message": row["error_message"],
                "attempts": row["attempts"],
                "retry": row["attempts"] < MAX_ATTEMPTS and row["error_code"] not in PERMANENT_ERRORS,
                "at": row["extracted_at"],
                "urls": [loc["url"] for loc in self._locations(row["doc_id"]) if loc["current"]],
            })
        for row in self.db.execute(
            "SELECT url, kind, source, status, http_status, message, last_checked FROM urls"
            " WHERE status NOT IN ('ok', 'not_modified') ORDER BY source, url"
        ).fetchall():
            out.append({
                "kind": "url",
                "url": row["url"],
                "url_kind": row["kind"],
                "source": row["source"],
                "code": row["status"],
                "http_status": row["http_status"],
                "message": row["message"],
                "at": row["last_checked"],
            })
        return out

    # ------------------------------------------------------------ index queue

    def pending_index(self, backend_name: str) -> list[str]:
        """Documents the backend should hold but does not (or holds an older revision of)."""
        return self._ids(
            "SELECT i.doc_id FROM indexable_documents i LEFT JOIN index_state s"
            " ON s.doc_id = i.doc_id AND s.backend = ? WHERE s.doc_id IS NULL OR s.revision != i.revision"
            " ORDER BY i.id",
            (backend_name,),
        )

    def mark_indexed(self, doc_ids: Iterable[str], backend_name: str) -> None:
        stamp = now()
        with self.transaction() as db:
            for doc_id in doc_ids:
                db.execute(
                    "INSERT INTO index_state (doc_id, backend, revision, indexed_at)"
                    " SELECT doc_id, ?, revision, ? FROM documents WHERE doc_id = ?"
                    " ON CONFLICT (doc_id, backend) DO UPDATE SET revision = excluded.revision,"
                    " indexed_at = excluded.indexed_at",
                    (backend_name, stamp, doc_id),
                )

    def pending_removal(self, backend_name: str) -> list[str]:
        """Documents the backend holds that are no longer indexable (superseded, duplicate, failed)."""
        return self._ids(
            "SELECT doc_id FROM index_state WHERE backend = ?"
            " AND doc_id NOT IN (SELECT doc_id FROM indexable_documents) ORDER BY doc_id",
            (backend_name,),
        )

    def mark_removed(self, doc_ids: Iterable[str], backend_name: str) -> None:
        with self.transaction() as db:
            db.executemany(
                "DELETE FROM index_state WHERE doc_id = ? AND backend = ?",
                [(d, backend_name) for d in doc_ids],
            )

    def forget_index(self, backend_name: str) -> None:
        """The backend's index was emptied: everything is pending for it again."""
        with self.transaction() as db:
            db.execute("DELETE FROM index_state WHERE backend = ?", (backend_name,))

    # ------------------------------------------------------------ runs

    def start_run(self, sources: list[str], *, since: str | None, until: str | None, backend: str) -> int:
        with self.transaction() as db:
            # under the run lock: a run still marked running died without finishing
            db.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            cur = db.execute(
                "INSERT INTO runs (started_at, status, sources, since, until, backend) VALUES (?, 'running', ?, ?, ?, ?)",
                (now(), json.dumps(sources, ensure_ascii=False), since, until, backend),
            )
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, summary: dict[str, Any] | None, *, status: str = "finished") -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?",
                (now(), status, json.dumps(summary) if summary is not None else None, run_id),
            )

    def mark_stale_runs(self) -> int:
        """Runs left `running` by a process that died: `interrupted`. Call only with no run alive."""
        with self.transaction() as db:
            return db.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'").rowcount

    def recent_runs(self, n: int = 10) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (n,)).fetchall()
        return [
            {
                "id": r["id"],
                "started_at": r["started_at"],
                "finished_at": r["finished_at"],
                "status": r["status"],
                "sources": json.loads(r["sources"]),
                "window": {"since": r["since"], "until": r["until"]},
                "backend": r["backend"],
                "summary": json.loads(r["summary"]) if r["summary"] else None,
            }
            for r in rows
        ]


def _relative(path: Path, home: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(home.resolve()))
    except ValueError:
        return str(Path(path).resolve())


def _statements(script: str) -> list[str]:
    """Split a migration into statements (no semicolons inside our statements' literals)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
