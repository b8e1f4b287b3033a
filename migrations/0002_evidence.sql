-- 0002: evidence files and their chain of custody.

-- One row per evidence file. The blob on disk is blobs/<blob_name>, encrypted with blob_key
-- (C2SP chunked encryption, the evidence id as context). After a purge blob_name and
-- blob_key are NULL and only the stub (id, hash, size, delivery) remains.
CREATE TABLE evidence (
    id              TEXT PRIMARY KEY,
    sha256          TEXT NOT NULL UNIQUE,
    size            INTEGER NOT NULL,
    blob_name       TEXT UNIQUE,
    blob_key        BLOB,
    original_name   TEXT NOT NULL,
    mime_type       TEXT NOT NULL,
    acquired_at     TEXT NOT NULL,
    acquired_device TEXT NOT NULL,
    file_modified   TEXT,
    metadata        TEXT NOT NULL,
    CHECK ((blob_name IS NULL) = (blob_key IS NULL))
) STRICT;

-- Custody events per evidence id, each hashing the previous one (a chain per item):
-- ingest, verify, extract, export (bundle id), delivery (receipt), purge.
CREATE TABLE custody_events (
    id          TEXT PRIMARY KEY,
    evidence_id TEXT NOT NULL REFERENCES evidence (id),
    seq         INTEGER NOT NULL,
    event       TEXT NOT NULL,
    at          TEXT NOT NULL,
    device      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    UNIQUE (evidence_id, seq)
) STRICT;

CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
BEGIN
    SELECT RAISE(ABORT, 'custody events are append-only');
END;

CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
BEGIN
    SELECT RAISE(ABORT, 'custody events are append-only');
END;
