import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import { readIndexErrors } from '../../src/main/engine/db/locations';
import { reachable, runNodeUnprivileged, unprivilegedSkip } from '../helpers/as-nobody';
import { tempDir, tree } from '../helpers/tree';
import { indexedPaths } from '../helpers/library';

/**
 * Permission denial needs a user that permissions apply to. Tests run as root here, where chmod 000
 * does not stop a read: then the indexing runs in a child process as `nobody` (as-nobody.ts). As any
 * other user, it runs the same way under that user.
 */
const skip = unprivilegedSkip();

const indexScript = () => `
  const { openLibrary } = require(${JSON.stringify(reachable(require.resolve('../../src/main/engine/db/library')))});
  const { LibraryIndexer } = require(${JSON.stringify(reachable(require.resolve('../../src/main/engine/indexer/library-indexer')))});
  const [root, dbFile] = process.argv.slice(1);
  const db = openLibrary(dbFile);
  new LibraryIndexer(db, dbFile).addLocation(root).then(
    (loc) => { process.stdout.write(JSON.stringify(loc)); db.close(); },
    (err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); });
`;

function indexAsUnprivileged(root: string, dbFile: string): { id: number; unreadableCount: number; fileCount: number } {
  const r = runNodeUnprivileged(['-e', indexScript(), root, dbFile]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { id: number; unreadableCount: number; fileCount: number };
}

test('an unreadable folder is recorded and skipped; the walk goes on', { skip }, () => {
  const base = tempDir();
  fs.chmodSync(base, 0o755);
  const root = tree(path.join(base, 'tree'), {
    'ok/a.txt': 'aaa',
    'locked/secret.txt': 'hidden from the indexer',
    'listable-only/b.txt': 'names readable, entries not',
    'z-after/c.txt': 'cc',
  });
  const dbDir = path.join(base, 'db');
  fs.mkdirSync(dbDir, { mode: 0o777 });
  fs.chmodSync(dbDir, 0o777);
  fs.chmodSync(path.join(root, 'locked'), 0o000);
  fs.chmodSync(path.join(root, 'listable-only'), 0o444); // read without execute: readdir works, lstat does not
  try {
    const dbFile = path.join(dbDir, 'library.db');
    const loc = indexAsUnprivileged(root, dbFile);
    assert.equal(loc.unreadableCount, 2);
    assert.equal(loc.fileCount, 2, 'the readable files on both sides of the locked folders are indexed');
    const db = openLibrary(dbFile);
    assert.deepEqual(indexedPaths(db, loc.id), ['listable-only', 'locked', 'ok', 'ok/a.txt', 'z-after', 'z-after/c.txt']);
    const errors = readIndexErrors(db, loc.id);
    assert.deepEqual(errors.map((e) => [e.relativePath, e.code]), [['listable-only', 'EACCES'], ['locked', 'EACCES']]);
    assert.match(errors[1]!.message, /You don't have permission to use /);
    db.close();
  } finally {
    fs.chmodSync(path.join(root, 'locked'), 0o755);
    fs.chmodSync(path.join(root, 'listable-only'), 0o755);
  }
});
