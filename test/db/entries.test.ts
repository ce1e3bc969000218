import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import {
  countFilesUnder, findLocationFor, getEntry, listChildren, subtreeTotals,
} from '../../src/main/engine/db/entries';
import { tempDir, tree } from '../helpers/tree';
import { newLibrary } from '../helpers/library';

test('findLocationFor finds the location holding a path, and the path relative to it', () => {
  const db = openLibrary(path.join(tempDir(), 'library.db'));
  const add = db.prepare("INSERT INTO locations (path, name, rules, created_at) VALUES (?, 'n', '{}', 0)");
  const a = Number(add.run('/data/a').lastInsertRowid);
  const top = Number(add.run('/').lastInsertRowid);
  assert.deepEqual(findLocationFor(db, '/data/a'), { location: { id: a, path: '/data/a' }, rel: '' });
  assert.deepEqual(findLocationFor(db, '/data/a/x/y z.txt'), { location: { id: a, path: '/data/a' }, rel: 'x/y z.txt' });
  assert.deepEqual(findLocationFor(db, '/data/a/'), { location: { id: a, path: '/data/a' }, rel: '' });
  // '/data/ab' shares a prefix with '/data/a' but is not inside it: the root location covers it.
  assert.deepEqual(findLocationFor(db, '/data/ab/c'), { location: { id: top, path: '/' }, rel: 'data/ab/c' });
  db.prepare('DELETE FROM locations WHERE id = ?').run(top);
  assert.equal(findLocationFor(db, '/data/ab/c'), undefined);
  assert.equal(findLocationFor(db, '/data'), undefined);
});

test('entry helpers read an indexed tree: one entry, children, and totals by aggregate and by count agree', async () => {
  const root = tree(tempDir(), {
    'music/a.mp3': '12345',
    'music/live/b.mp3': '1234567890',
    'music live/c.mp3': 'sibling whose name extends "music"',
    'music.txt': 'x',
    'docs/d.txt': 'dd',
  });
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  assert.equal(getEntry(db, loc.id, 'music/live/b.mp3')?.size, 10);
  assert.equal(getEntry(db, loc.id, 'music/live')?.kind, 'dir');
  assert.equal(getEntry(db, loc.id, 'nope'), undefined);
  assert.deepEqual(listChildren(db, loc.id, 'music').map((e) => e.name), ['a.mp3', 'live']);
  assert.deepEqual(listChildren(db, loc.id, '').map((e) => e.name), ['docs', 'music', 'music live', 'music.txt']);
  assert.deepEqual(subtreeTotals(db, loc.id, 'music'), { files: 2, bytes: 15 });
  assert.deepEqual(countFilesUnder(db, loc.id, 'music'), { files: 2, bytes: 15 });
  assert.deepEqual(subtreeTotals(db, loc.id, ''), countFilesUnder(db, loc.id, ''));
  assert.deepEqual(subtreeTotals(db, loc.id, ''), { files: 5, bytes: loc.totalBytes });
  assert.equal(subtreeTotals(db, loc.id, 'music.txt'), undefined, 'a file is not a folder');
  assert.equal(subtreeTotals(db, loc.id, 'missing'), undefined);
});
