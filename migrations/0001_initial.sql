-- 0001: vault metadata, records with append-only revisions, revisioned links, drafts,
-- the hash-chained audit log and the full-text index. Applied in one transaction.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- One row per record: a cache of its newest revision for lists (title, template, times).
-- rid is the rowid shared with search_fts; it never changes (INTEGER PRIMARY KEY).
CREATE TABLE records (
    rid            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    template       TEXT NOT NULL,
    title          TEXT NOT NULL,
    sensitivity    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    head_revision  TEXT NOT NULL,
    revision_count INTEGER NOT NULL
) STRICT;
CREATE INDEX records_by_template ON records (template, updated_at);
CREATE INDEX records_by_update ON records (updated_at);

-- document is the canonical JSON of the revision; sha256 is over exactly those bytes.
CREATE TABLE revisions (
    id            TEXT PRIMARY KEY,
    record_id     TEXT NOT NULL REFERENCES records (id),
    seq           INTEGER NOT NULL,
    parent_id     TEXT,
    document      TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    author_device TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (record_id, seq)
) STRICT;

CREATE TRIGGER revisions_append_only BEFORE UPDATE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are append-only');
END;

-- Links between records are revisioned the same way: a change appends a row; the newest row
-- of a link_id says whether the link is active.
CREATE TABLE link_revisions (
    id            TEXT PRIMARY KEY,
    link_id       TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    source_id     TEXT NOT NULL,
    target_id     TEXT NOT NULL,
    relation      TEXT NOT NULL,
    active        INTEGER NOT NULL CHECK (active IN (0, 1)),
    document      TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    author_device TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (link_id, seq)
) STRICT;
CREATE INDEX link_revisions_by_source ON link_revisions (source_id);
CREATE INDEX link_revisions_by_target ON link_revisions (target_id);

CREATE TRIGGER link_revisions_append_only BEFORE UPDATE ON link_revisions
BEGIN
    SELECT RAISE(ABORT, 'link revisions are append-only');
END;

-- Unsaved editor state, so a killed app loses at most a few seconds of typing.
CREATE TABLE drafts (
    id            TEXT PRIMARY KEY,
    record_id     TEXT,
    template      TEXT NOT NULL,
    base_revision TEXT,
    body          TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

-- Append-only; hash = SHA-256 of the canonical JSON of the row including prev_hash.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    device    TEXT NOT NULL,
    action    TEXT NOT NULL,
    object_id TEXT,
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Contentless: the text lives only in revisions, not a second time in the index. Rows are
-- deleted by rowid (= records.rid) when a record changes or is purged.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    title,
    content,
    names,
    content = '',
    contentless_delete = 1,
    prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);
