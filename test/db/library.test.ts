import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { openLibrary, schemaVersion } from '../../src/main/engine/db/library';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
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
