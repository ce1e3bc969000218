import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { openLibrary, schemaVersion } from '../../src/main/engine/db/library';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { defaultDbPath } from '../../src/main/engine/db/paths';
import { tempDir } from '../helpers/tree';

test('a new library file is created in WAL mode with every migration applied', () => {
  const file = path.join(tempDir(), 'nested', 'library.db');
  const db = openLibrary(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.ok((db.pragma('busy_timeout', { simple: true }) as number) > 0);
  assert.equal(schemaVersion(db), MIGRATIONS.length);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  for (const t of ['copy_items', 'entries', 'index_errors', 'jobs', 'locations']) assert.ok(tables.includes(t), t);
  db.close();
  // Opening again applies nothing twice.
  const again = openLibrary(file);
  assert.equal(schemaVersion(again), MIGRATIONS.length);
  again.close();
});

test('a database from a newer Ferry is refused rather than damaged', () => {
  const file = path.join(tempDir(), 'library.db');
  const db = openLibrary(file);
  db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
  db.close();
  assert.throws(() => openLibrary(file), /newer than this Ferry/);
});

test('two processes write to one library at once', () => {
  const file = path.join(tempDir(), 'library.db');
  const db = openLibrary(file);
  const script = `
    const { openLibrary } = require(${JSON.stringify(require.resolve('../../src/main/engine/db/library'))});
    const db = openLibrary(process.argv[1]);
    const ins = db.prepare("INSERT INTO jobs (id, kind, status, created_at, updated_at) VALUES (?, 'index', 'completed', 0, 0)");
    for (let i = 0; i < 200; i++) db.transaction(() => ins.run(process.argv[2] + i))();
  `;
  const ins = db.prepare("INSERT INTO jobs (id, kind, status, created_at, updated_at) VALUES (?, 'index', 'completed', 0, 0)");
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, file, 'child-'], { stdio: 'inherit' });
    for (let i = 0; i < 200; i++) db.transaction(() => ins.run(`parent-${i}`))();
    child.on('exit', (code) => {
      try {
        assert.equal(code, 0);
        assert.equal((db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n, 400);
        db.close();
        resolve();
      } catch (e) { reject(e); }
    });
  });
});

test('the default path follows $FERRY_DB, then $XDG_DATA_HOME, then ~/.local/share', () => {
  assert.equal(defaultDbPath({ FERRY_DB: '/x/y.db' }), '/x/y.db');
  assert.equal(defaultDbPath({ XDG_DATA_HOME: '/data' }), '/data/ferry/library.db');
  assert.match(defaultDbPath({}), /\.local\/share\/ferry\/library\.db$/);
});

test('migration 2 keeps every indexed row of a version-1 library, now keyed by location, folder and name', () => {
  const file = path.join(tempDir(), 'library.db');
  const v1 = new Database(file);
  v1.exec(MIGRATIONS[0]!);
  v1.pragma('user_version = 1');
  v1.prepare("INSERT INTO locations (id, path, name, rules, created_at) VALUES (1, '/photos', 'photos', '{}', 0)").run();
  const insert = v1.prepare('INSERT INTO entries (location_id, relative_path, name, kind, size, mtime_ms, aggregate_size, file_count) VALUES (1, ?, ?, ?, ?, 5.5, ?, ?)');
  insert.run('', '2024', 'dir', 0, 30, 2);
  insert.run('2024', 'a.jpg', 'file', 10, null, null);
  insert.run('2024', 'b 100%_\\.jpg', 'file', 20, null, null);
  v1.close();

  const db = openLibrary(file);
  assert.equal(schemaVersion(db), MIGRATIONS.length);
  const rows = db.prepare('SELECT relative_path, name, kind, size, mtime_ms, aggregate_size, file_count FROM entries ORDER BY relative_path, name').all();
  assert.deepEqual(rows, [
    { relative_path: '', name: '2024', kind: 'dir', size: 0, mtime_ms: 5.5, aggregate_size: 30, file_count: 2 },
    { relative_path: '2024', name: 'a.jpg', kind: 'file', size: 10, mtime_ms: 5.5, aggregate_size: null, file_count: null },
    { relative_path: '2024', name: 'b 100%_\\.jpg', kind: 'file', size: 20, mtime_ms: 5.5, aggregate_size: null, file_count: null },
  ]);
  assert.throws(() => db.prepare("INSERT INTO entries (location_id, relative_path, name, kind) VALUES (1, '2024', 'a.jpg', 'file')").run(), /UNIQUE|PRIMARY KEY/);
  db.prepare('DELETE FROM locations WHERE id = 1').run();
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n, 0, 'rows still go with their location');
  db.close();
});
