"""The catalog's SQLite schema, as numbered migrations applied in order.

`schema_version` holds the number of the last migration applied. A new migration is
appended to MIGRATIONS; existing ones are never edited.
"""

from __future__ import annotations

MIGRATION_1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,              -- insertion order: the first of equal texts wins
    doc_id TEXT NOT NULL UNIQUE,         -- sha256 of the PDF bytes
    size INTEGER NOT NULL,
    raw_path TEXT NOT NULL,              -- relative to the catalog's directory (the home)
    added_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'extracted', 'failed')),
    error_code TEXT,
    error_message TEXT,
    attempts INTEGER NOT NULL DEFAULT 0, -- failed attempts with the current extractor version
    extractions INTEGER NOT NULL DEFAULT 0,  -- completed extractions, any outcome
    extractor_version TEXT,
    extracted_at TEXT,
    pages INTEGER,
    text_hash TEXT,                      -- sha256 of the normalised extracted text
    record_json TEXT,                    -- the record as extracted (contract JSON)
    revision INTEGER NOT NULL DEFAULT 0  -- bumped whenever record_json changes
);
CREATE INDEX documents_text_hash ON documents (text_hash);
CREATE INDEX documents_status ON documents (status);

-- Every place a document comes from: http(s) PDF URLs, listing pages, local files.
CREATE TABLE urls (
    url TEXT PRIMARY KEY,                -- the URL, or the absolute path of a local file
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'listing', 'file')),
    source TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_checked TEXT NOT NULL,
    http_status INTEGER,
    status TEXT NOT NULL,                -- ok, not_modified, or an error code
    message TEXT,
    etag TEXT,                           -- for files: "<size>-<mtime_ns>"
    last_modified TEXT,
    sha256 TEXT,                         -- the current version, NULL until one is stored
    sykehusomrader TEXT,                 -- JSON list: the source's defaults
    organ TEXT
);
CREATE INDEX urls_sha256 ON urls (sha256);

-- Every version ever seen at a URL; the current one is urls.sha256.
CREATE TABLE url_versions (
    url TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (url, sha256)
);

-- The index queue: which revision of a document each backend holds.
CREATE TABLE index_state (
    doc_id TEXT NOT NULL,
    backend TEXT NOT NULL,
    revision INTEGER NOT NULL,
    indexed_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, backend)
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
    sources TEXT NOT NULL,               -- JSON list of source names
    since TEXT,
    until TEXT,
    backend TEXT,
    summary TEXT                         -- JSON {new, updated, unchanged, failed, pages, seconds, ...}
);

-- Documents that are current: some URL or file points at them now.
CREATE VIEW current_documents AS
    SELECT d.* FROM documents d WHERE EXISTS (SELECT 1 FROM urls u WHERE u.sha256 = d.doc_id);

-- What the search index should hold: current, extracted, and the first of equal texts.
CREATE VIEW indexable_documents AS
    SELECT c.* FROM current_documents c
    WHERE c.status = 'extracted'
      AND (c.text_hash IS NULL OR NOT EXISTS (
            SELECT 1 FROM current_documents o
            WHERE o.text_hash = c.text_hash AND o.status = 'extracted' AND o.id < c.id));
"""

MIGRATIONS: list[str] = [MIGRATION_1]
