/**
 * Versioned schema migrations, applied in order inside one transaction each; `PRAGMA user_version`
 * records the last one applied. Never edit a released migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: locations, entries, jobs, copy checkpoints.
  `
  CREATE TABLE locations (
    id              INTEGER PRIMARY KEY,
    path            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    rules           TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    last_indexed_at INTEGER,
    file_count      INTEGER NOT NULL DEFAULT 0,
    total_size      INTEGER NOT NULL DEFAULT 0
  );

  -- relative_path is the parent directory relative to the location root ('' at the top).
  CREATE TABLE entries (
    id             INTEGER PRIMARY KEY,
    location_id    INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    relative_path  TEXT NOT NULL,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('file', 'dir', 'symlink', 'other')),
    size           INTEGER NOT NULL DEFAULT 0,
    mtime_ms       REAL NOT NULL DEFAULT 0,
    inode          INTEGER,
    aggregate_size INTEGER,
    file_count     INTEGER,
    scan_id        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (location_id, relative_path, name)
  );

  -- Folders the last index of a location could not read (recorded, skipped, the index goes on).
  CREATE TABLE index_errors (
    location_id   INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    relative_path TEXT NOT NULL,
    code          TEXT NOT NULL,
    message       TEXT NOT NULL,
    PRIMARY KEY (location_id, relative_path)
  );

  CREATE TABLE jobs (
    id           TEXT PRIMARY KEY,
    parent_id    TEXT REFERENCES jobs(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    status       TEXT NOT NULL,
    priority     INTEGER NOT NULL DEFAULT 0,
    config       TEXT NOT NULL DEFAULT '{}',
    progress     TEXT,
    error        TEXT,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    started_at   INTEGER,
    finished_at  INTEGER,
    owner_pid    INTEGER,
    heartbeat_at INTEGER
  );
  CREATE INDEX jobs_by_status ON jobs(status, priority DESC, created_at);
  CREATE INDEX jobs_by_parent ON jobs(parent_id);

  -- Copy checkpoints: one row per file whose fate is settled (written in batches). Resume looks a
  -- file up here by key instead of holding the finished set in memory.
  CREATE TABLE copy_items (
    job_id      TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    rel_path    TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('done', 'skipped', 'failed')),
    dest_path   TEXT,
    size        INTEGER NOT NULL DEFAULT 0,
    code        TEXT,
    PRIMARY KEY (job_id, rel_path)
  ) WITHOUT ROWID;
  `,
  // 2: entries keyed by (location_id, relative_path, name) in one B-tree (WITHOUT ROWID): each indexed
  // row is written once instead of into a table and a unique index (indexing writes ~25% faster here,
  // the file is ~40% smaller). Nothing referred to the rowid \`id\`.
  `
  CREATE TABLE entries_by_path (
    location_id    INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    relative_path  TEXT NOT NULL,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('file', 'dir', 'symlink', 'other')),
    size           INTEGER NOT NULL DEFAULT 0,
    mtime_ms       REAL NOT NULL DEFAULT 0,
    inode          INTEGER,
    aggregate_size INTEGER,
    file_count     INTEGER,
    scan_id        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (location_id, relative_path, name)
  ) WITHOUT ROWID;
  INSERT INTO entries_by_path (location_id, relative_path, name, kind, size, mtime_ms, inode, aggregate_size, file_count, scan_id)
    SELECT location_id, relative_path, name, kind, size, mtime_ms, inode, aggregate_size, file_count, scan_id FROM entries;
  DROP TABLE entries;
  ALTER TABLE entries_by_path RENAME TO entries;
  `,
  // Library search (engine/search/): one row per indexed folder with its children's names joined by '/'
  // (a byte no name holds), as written and case-folded. Searching a name is a substring scan of a few
  // thousand compact rows instead of a row per file; the indexer writes a folder's row when the folder's
  // walk is complete, at a small fraction of the cost of an FTS5 trigram index (bench/README.md). Filled
  // here from the entries already indexed; SQL's lower() folds ASCII only, the next index run folds the rest.
  `
  CREATE TABLE search_folders (
    id            INTEGER PRIMARY KEY,
    location_id   INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    relative_path TEXT NOT NULL,
    names         TEXT NOT NULL,
    folded        TEXT NOT NULL,
    scan_id       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (location_id, relative_path)
  );
  -- Bumped by every change to search_folders (whoever makes it: an index run, a file operation followed,
  -- a location removed), so the search's in-memory copy knows when to read the rows again.
  CREATE TABLE search_generation (n INTEGER NOT NULL);
  INSERT INTO search_generation (n) VALUES (0);
  CREATE TRIGGER search_folders_inserted AFTER INSERT ON search_folders BEGIN UPDATE search_generation SET n = n + 1; END;
  CREATE TRIGGER search_folders_updated AFTER UPDATE ON search_folders BEGIN UPDATE search_generation SET n = n + 1; END;
  CREATE TRIGGER search_folders_deleted AFTER DELETE ON search_folders BEGIN UPDATE search_generation SET n = n + 1; END;
  INSERT INTO search_folders (location_id, relative_path, names, folded, scan_id)
    SELECT location_id, relative_path, names, lower(names), scan_id FROM (
      SELECT location_id, relative_path, '/' || group_concat(name, '/') || '/' AS names, MAX(scan_id) AS scan_id
      FROM entries GROUP BY location_id, relative_path);
  `,
];
