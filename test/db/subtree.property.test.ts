import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { openLibrary, type Db } from '../../src/main/engine/db/library';
import { SUBTREE_WHERE, subtreeBounds } from '../../src/main/engine/db/subtree';
import { countFilesUnder, iterateEntriesUnder, type EntryKey } from '../../src/main/engine/db/entries';
import { tempDir } from '../helpers/tree';

/**
 * The subtree range query against a plain JS filter, on random trees whose names are built to break
 * LIKE patterns and prefix arithmetic: `%`, `_`, `\`, quotes, spaces, newlines, non-ASCII, NFC and NFD
 * spellings of one word, and names that share prefixes with each other (`a`, `a b`, `a0`, `a.`), so
 * that a sibling `a b/…` sits between `a` and `a/…` in the index.
 */
const TRICKY = [
  'a', 'a b', 'a0', 'a.', 'a-', 'a!', 'ab', 'A', '%', '_', '%_', 'a%', 'a_', '\\', 'a\\b', "'", '"', "it's", ' ',
  ' lead', 'trail ', 'new\nline', 'caf\u00e9', 'cafe\u0301', '日本', '🚀', '\u{10FFFF}x', '\u007f', 'x'.repeat(40),
];
const nameArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
).filter((n) => n !== '.' && n !== '..' && !n.includes('/') && !n.includes('\0'));

interface Row { relativePath: string; name: string; kind: 'file' | 'dir'; size: number }

/** Rows for every file path and every folder above it; folders get kind 'dir'. */
function rowsFor(paths: string[][]): Row[] {
  const rows = new Map<string, Row>();
  paths.forEach((segments, i) => {
    for (let depth = 0; depth < segments.length; depth++) {
      const parent = segments.slice(0, depth).join('/');
      const name = segments[depth]!;
      const key = `${parent}\0${name}`;
      const isFile = depth === segments.length - 1;
      const existing = rows.get(key);
      // A name used both as a file and a folder at one place: the folder wins (it has children).
      if (!existing || (!isFile && existing.kind === 'file')) rows.set(key, { relativePath: parent, name, kind: isFile ? 'file' : 'dir', size: isFile ? i + 1 : 0 });
    }
  });
  // Rows under a "file" that later became a folder stay valid: their parent is that folder.
  return [...rows.values()];
}

const relOf = (r: Row) => (r.relativePath ? `${r.relativePath}/${r.name}` : r.name);
const isUnder = (r: Row, dir: string) => dir === '' || r.relativePath === dir || r.relativePath.startsWith(`${dir}/`);
const byKey = (a: { relativePath: string; name: string }, b: { relativePath: string; name: string }) =>
  Buffer.compare(Buffer.from(a.relativePath), Buffer.from(b.relativePath)) || Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));

function freshDb(): { db: Db; locationId: number } {
  const db = openLibrary(path.join(tempDir(), 'library.db'));
  const { lastInsertRowid } = db.prepare("INSERT INTO locations (path, name, rules, created_at) VALUES ('/p', 'p', '{}', 0)").run();
  // A second location with the same rows: no query may leak across locations.
  db.prepare("INSERT INTO locations (path, name, rules, created_at) VALUES ('/q', 'q', '{}', 0)").run();
  return { db, locationId: Number(lastInsertRowid) };
}

function insert(db: Db, rows: Row[]): void {
  const ins = db.prepare('INSERT INTO entries (location_id, relative_path, name, kind, size) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => { for (const loc of [1, 2]) for (const r of rows) ins.run(loc, r.relativePath, r.name, r.kind, loc === 1 ? r.size : r.size * 1000); })();
}

const treeArb = fc.array(fc.array(nameArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 });

test('the subtree range returns exactly the entries under a folder, whatever the names', () => {
  const { db, locationId } = freshDb();
  const query = db.prepare(`SELECT relative_path AS relativePath, name FROM entries WHERE location_id = :locationId AND ${SUBTREE_WHERE}`);
  fc.assert(fc.property(treeArb, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.array(nameArb, { maxLength: 3 }), (paths, picks, ghost) => {
    db.exec('DELETE FROM entries');
    const rows = rowsFor(paths);
    insert(db, rows);
    const dirs = rows.filter((r) => r.kind === 'dir').map(relOf);
    // Random existing folders, and a folder that does not exist (ghost), and prefixes of names.
    const targets = [...picks.map((p) => dirs[p % Math.max(1, dirs.length)]).filter((d): d is string => d !== undefined), ghost.join('/')];
    for (const dir of targets) {
      if (dir === '') continue;
      const got = (query.all({ locationId, ...subtreeBounds(dir) }) as { relativePath: string; name: string }[]).sort(byKey);
      const want = rows.filter((r) => isUnder(r, dir)).map(({ relativePath, name }) => ({ relativePath, name })).sort(byKey);
      assert.deepEqual(got, want, `under ${JSON.stringify(dir)}`);
    }
  }), { numRuns: 150 });
});

test('keyset pages and counts under a folder match the JS filter, for any page size', () => {
  const { db, locationId } = freshDb();
  fc.assert(fc.property(treeArb, fc.nat(), fc.integer({ min: 1, max: 7 }), (paths, pick, pageSize) => {
    db.exec('DELETE FROM entries');
    const rows = rowsFor(paths);
    insert(db, rows);
    const dirs = ['', ...rows.filter((r) => r.kind === 'dir').map(relOf)];
    const dir = dirs[pick % dirs.length]!;
    const pages: { relativePath: string; name: string }[] = [];
    let after: EntryKey | undefined;
    for (let guard = 0; guard < 1000; guard++) {
      const page = iterateEntriesUnder(db, locationId, dir, after, pageSize);
      if (page.length === 0) break;
      assert.ok(page.length <= pageSize);
      pages.push(...page.map(({ relativePath, name }) => ({ relativePath, name })));
      after = page[page.length - 1];
    }
    const want = rows.filter((r) => isUnder(r, dir)).map(({ relativePath, name }) => ({ relativePath, name })).sort(byKey);
    assert.deepEqual(pages, want, `pages under ${JSON.stringify(dir)} (page size ${pageSize})`);
    const files = rows.filter((r) => r.kind === 'file' && isUnder(r, dir));
    assert.deepEqual(countFilesUnder(db, locationId, dir), { files: files.length, bytes: files.reduce((s, r) => s + r.size, 0) });
  }), { numRuns: 150 });
});

test('subtree queries are range searches on the unique index, never a scan of the location', () => {
  const { db } = freshDb();
  const plan = (sql: string, params: Record<string, unknown>) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
  const b = subtreeBounds('a/b');
  for (const detail of plan(`SELECT * FROM entries WHERE location_id = :loc AND ${SUBTREE_WHERE}`, { loc: 1, ...b })) {
    assert.match(detail, /^SEARCH entries USING PRIMARY KEY \(location_id=\? AND relative_path>\? AND relative_path<\?\)$/);
  }
  for (const detail of plan(`SELECT COUNT(*) FROM entries WHERE location_id = :loc AND kind = 'file' AND ${SUBTREE_WHERE}`, { loc: 1, ...b })) {
    assert.match(detail, /^SEARCH entries USING PRIMARY KEY \(location_id=\? AND relative_path>\? AND relative_path<\?\)$/);
  }
});
