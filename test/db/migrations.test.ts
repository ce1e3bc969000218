import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary, schemaVersion } from '../../src/main/engine/db/library';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { tempDir } from '../helpers/tree';

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
