-- fielddoc: foreign_keys=off
-- 0003: this vault's keys, other parties' key cards, bundles, receipts, deliveries, purge
-- stubs, provenance of imported items, settings. Evidence loses UNIQUE(sha256): an HQ keeps
-- the same file sent by two devices under both evidence ids.

CREATE TABLE own_keys (
    kind       TEXT PRIMARY KEY CHECK (kind IN ('minisign', 'age')),
    secret     BLOB NOT NULL,
    public     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE cards (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('field', 'hq')),
    age_recipient       TEXT NOT NULL,
    minisign_public_key TEXT NOT NULL,
    key_id              TEXT NOT NULL UNIQUE,
    fingerprint         TEXT NOT NULL UNIQUE,
    card_text           TEXT NOT NULL,
    imported_at         TEXT NOT NULL,
    revoked_at          TEXT
) STRICT;

-- Field side: bundles written, what went into each, what HQ confirmed, what was purged.
CREATE TABLE bundles_out (
    id                 TEXT PRIMARY KEY,
    seq                INTEGER NOT NULL UNIQUE,
    created_at         TEXT NOT NULL,
    tagmanifest_sha256 TEXT NOT NULL,
    recipients         TEXT NOT NULL,
    revisions          INTEGER NOT NULL,
    evidence           INTEGER NOT NULL,
    payload_bytes      INTEGER NOT NULL
) STRICT;

CREATE TABLE bundle_items (
    bundle_id TEXT NOT NULL REFERENCES bundles_out (id),
    kind      TEXT NOT NULL CHECK (kind IN ('revision', 'link', 'evidence')),
    item_id   TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    PRIMARY KEY (bundle_id, kind, item_id)
) STRICT;

CREATE TABLE receipts_in (
    id          TEXT PRIMARY KEY,
    bundle_id   TEXT NOT NULL,
    hq_key_id   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    items       INTEGER NOT NULL
) STRICT;

CREATE TABLE deliveries (
    kind         TEXT NOT NULL CHECK (kind IN ('revision', 'link', 'evidence')),
    item_id      TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    receipt_id   TEXT NOT NULL,
    delivered_to TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    PRIMARY KEY (kind, item_id)
) STRICT;

-- What remains of a purged record or evidence item: id, hash, delivered when and to whom.
CREATE TABLE purged (
    kind         TEXT NOT NULL CHECK (kind IN ('record', 'evidence')),
    item_id      TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    delivered_to TEXT NOT NULL,
    purged_at    TEXT NOT NULL,
    PRIMARY KEY (kind, item_id)
) STRICT;

-- HQ side: bundles imported per device, provenance of every imported item, receipts written.
CREATE TABLE bundles_in (
    id                 TEXT PRIMARY KEY,
    device_key_id      TEXT NOT NULL,
    seq                INTEGER NOT NULL,
    prev_sha256        TEXT NOT NULL,
    tagmanifest_sha256 TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    imported_at        TEXT NOT NULL,
    revisions          INTEGER NOT NULL,
    evidence           INTEGER NOT NULL,
    sequence_note      TEXT NOT NULL,
    UNIQUE (device_key_id, seq)
) STRICT;

CREATE TABLE bundle_in_items (
    bundle_id TEXT NOT NULL REFERENCES bundles_in (id),
    kind      TEXT NOT NULL CHECK (kind IN ('revision', 'link', 'evidence')),
    item_id   TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    PRIMARY KEY (bundle_id, kind, item_id)
) STRICT;

CREATE TABLE provenance (
    kind          TEXT NOT NULL CHECK (kind IN ('revision', 'link', 'evidence')),
    item_id       TEXT NOT NULL,
    device_key_id TEXT NOT NULL,
    bundle_id     TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    signed_at     TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    PRIMARY KEY (kind, item_id)
) STRICT;

-- The field device's own custody events for evidence received at HQ, as sent (verified).
CREATE TABLE remote_custody_events (
    id            TEXT PRIMARY KEY,
    evidence_id   TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    event         TEXT NOT NULL,
    at            TEXT NOT NULL,
    device        TEXT NOT NULL,
    detail        TEXT NOT NULL,
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL,
    UNIQUE (evidence_id, seq)
) STRICT;

CREATE TABLE receipts_out (
    id            TEXT PRIMARY KEY,
    bundle_id     TEXT NOT NULL,
    device_key_id TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    items         INTEGER NOT NULL
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Records received from a field device are read-only at HQ.
ALTER TABLE records ADD COLUMN origin_device TEXT;

-- Rebuild evidence without UNIQUE (sha256): SQLite cannot drop a constraint in place. This is
-- SQLite's documented table rebuild, so the file asks the runner (first line) to turn foreign
-- keys off around its transaction; the runner runs foreign_key_check before committing.
CREATE TABLE evidence_new (
    id              TEXT PRIMARY KEY,
    sha256          TEXT NOT NULL,
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
INSERT INTO evidence_new SELECT * FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_new RENAME TO evidence;
CREATE INDEX evidence_by_sha256 ON evidence (sha256);

-- FTS5 secure-delete: removes a deleted row's entries at once in ordinary FTS5 tables. For this
-- contentless-delete table it does not (terms stay until a merge), so a purge also runs
-- 'optimize'; see vault/wipe.py and tests/e2e/test_purge_leaks.py.
INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
