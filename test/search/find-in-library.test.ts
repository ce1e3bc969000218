import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { entriesMoved, entriesRemoved } from '../../src/main/engine/db/index-follow';
import { findInLibrary } from '../../src/main/engine/search/find-in-library';
import { LibrarySearchIndex } from '../../src/main/engine/search/library-search-index';
import { ODD_DIR, ODD_FILE, bytePath, oddTree } from '../helpers/odd-names';
import { tempDir, tree } from '../helpers/tree';
import { newLibrary } from '../helpers/library';

const ALL_RULES_OFF = { skipGit: false, skipNodeModules: false, skipHidden: false, skipSystemFiles: false, respectGitignore: false };

function relOf(root: string, p: string): string {
  return path.relative(root, p);
}

test('ranking on a real library: exact, prefix, word start, substring; shorter paths first within a tier', async () => {
  const root = fs.realpathSync(tree(tempDir(), {
    'deep/deeper/report': 'exact, deep',
    'report': 'exact, shallow',
    'report-2024.pdf': 'prefix',
    'a/reports.txt': 'prefix, longer path',
    'a/b/old report.doc': 'word start',
    'misreported.txt': 'substring',
    'nothing.txt': 'no match',
    'a/b/c/REPORT.MARKDOWN': 'prefix, other case',
  }));
  const { db, indexer } = newLibrary();
  await indexer.addLocation(root, { rules: ALL_RULES_OFF });
  const found = await findInLibrary(db, new LibrarySearchIndex(db), 'Report', 50);
  assert.deepEqual(found.matches.map((m) => [relOf(root, m.path), m.rank]), [
    ['report', 'exact'],
    ['deep/deeper/report', 'exact'],
    ['a/reports.txt', 'prefix'],
    ['report-2024.pdf', 'prefix'],
    ['a/b/c/REPORT.MARKDOWN', 'prefix'],
    ['a/b/old report.doc', 'word'],
    ['misreported.txt', 'substring'],
  ]);
  assert.equal(found.total, 7);
  const first = found.matches[0]!;
  assert.equal(first.folder, root);
  assert.equal(first.name, 'report');
  assert.equal(first.kind, 'file');
  assert.equal(first.size, 'exact, shallow'.length);
  assert.equal(found.changedFolders, 0);
  assert.equal(found.unindexedLocations, 0);
  // The limit keeps the best ones; total still counts them all.
  const two = await findInLibrary(db, new LibrarySearchIndex(db), 'report', 2);
  assert.deepEqual(two.matches.map((m) => relOf(root, m.path)), ['report', 'deep/deeper/report']);
  assert.equal(two.total, 7);
});

test('a re-index adds new files to the search and drops removed ones; a removed location leaves it', async () => {
  const root = fs.realpathSync(tree(tempDir(), { 'keep/alpha.txt': 'a', 'gone/alpha-old.txt': 'b', 'beta.txt': 'c' }));
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root, { rules: ALL_RULES_OFF });
  const index = new LibrarySearchIndex(db); // one index across runs, as the engine keeps it
  const names = async (text: string) => (await findInLibrary(db, index, text, 50)).matches.map((m) => relOf(root, m.path)).sort();
  assert.deepEqual(await names('alpha'), ['gone/alpha-old.txt', 'keep/alpha.txt']);

  fs.rmSync(path.join(root, 'gone'), { recursive: true });
  fs.writeFileSync(path.join(root, 'keep', 'alphabet.md'), 'new');
  fs.mkdirSync(path.join(root, 'new/deeper'), { recursive: true });
  fs.writeFileSync(path.join(root, 'new/deeper/ALPHA.txt'), 'new');
  // Before the re-index the index does not know, and the changed folders say so.
  const before = await findInLibrary(db, index, 'alpha', 50);
  assert.deepEqual(before.matches.map((m) => relOf(root, m.path)).sort(), ['gone/alpha-old.txt', 'keep/alpha.txt']);
  assert.ok(before.changedFolders >= 2, `changed folders: ${before.changedFolders}`); // gone/ (deleted), keep/, the root
  assert.ok(before.matches.every((m) => m.folderChanged));

  await indexer.reindex(loc.id);
  assert.deepEqual(await names('alpha'), ['keep/alpha.txt', 'keep/alphabet.md', 'new/deeper/ALPHA.txt']);
  assert.deepEqual(await names('deeper'), ['new/deeper']);
  assert.equal((await findInLibrary(db, index, 'alpha', 50)).changedFolders, 0);

  indexer.removeLocation(loc.id);
  assert.deepEqual(await names('alpha'), []);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM search_folders').get() as { n: number }).n, 0);
});

test('across locations; empty, "/" and unmatched queries find nothing', async () => {
  const one = fs.realpathSync(tree(tempDir(), { 'photos/holiday.jpg': 'x' }));
  const two = fs.realpathSync(tree(tempDir(), { 'holiday plan.txt': 'y' }));
  const { db, indexer } = newLibrary();
  await indexer.addLocation(one, { rules: ALL_RULES_OFF });
  await indexer.addLocation(two, { rules: ALL_RULES_OFF });
  const index = new LibrarySearchIndex(db);
  const found = await findInLibrary(db, index, 'holiday', 50);
  assert.deepEqual(found.matches.map((m) => m.path).sort(), [path.join(one, 'photos/holiday.jpg'), path.join(two, 'holiday plan.txt')].sort());
  for (const text of ['', '   ', '/', 'photos/holiday', 'zzz']) {
    assert.deepEqual((await findInLibrary(db, index, text, 50)).matches, [], JSON.stringify(text));
  }
});

test('odd names: the search holds names as the index does (spaces, newlines, unicode); a name that is not UTF-8 is not indexed, its siblings are', async () => {
  const root = fs.realpathSync(tempDir());
  oddTree(root);
  tree(root, { 'line\nbreak.txt': 'n', 'Ünïcödé Straße.txt': 'u', ' lead and trail ': 's', 'emoji 📷.jpg': 'e' });
  const { db, indexer } = newLibrary();
  await indexer.addLocation(root, { rules: ALL_RULES_OFF });
  const index = new LibrarySearchIndex(db);
  const find = async (text: string) => (await findInLibrary(db, index, text, 50)).matches.map((m) => m.name);
  assert.deepEqual(await find('break'), ['line\nbreak.txt']);
  assert.deepEqual(await find('ünïcödé straße'), ['Ünïcödé Straße.txt']); // folded beyond ASCII
  assert.deepEqual(await find('ÜNÏCÖDÉ'), ['Ünïcödé Straße.txt']);
  assert.deepEqual(await find('lead and'), [' lead and trail ']);
  assert.deepEqual(await find('📷.jp'), ['emoji 📷.jpg']);
  // One character (one code point, even a surrogate pair) finds the names that start with it.
  assert.deepEqual(await find('📷'), []);
  assert.deepEqual((await find('E')).sort(), ['e.txt', 'emoji 📷.jpg']);
  // The not-UTF-8 names (ODD_FILE '\xff\xfe.txt', ODD_DIR 'd\xe9r' and what is in it) stay out; the rest is there.
  assert.ok(fs.existsSync(bytePath(root, ODD_FILE)) && fs.existsSync(bytePath(root, ODD_DIR)));
  assert.deepEqual((await find('.txt')).filter((n) => /^[a-e]\.txt$/.test(n)).sort(), ['a.txt', 'b.txt', 'c.txt', 'e.txt']);
  assert.deepEqual(await find('\udcff'), []);
  assert.ok((await find('txt')).every((n) => !/[\udc80-\udcff]/.test(n)));
});

test('libraries indexed before the search existed are searchable after the migration', async () => {
  const root = fs.realpathSync(tree(tempDir(), { 'sub/Old File.txt': 'x' }));
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root, { rules: ALL_RULES_OFF });
  // As a library of the previous schema: entries, no search rows; the migration fills them.
  db.exec('DELETE FROM search_folders');
  const migration = MIGRATIONS.find((m) => m.includes('CREATE TABLE search_folders'))!;
  db.exec(/INSERT INTO search_folders[\s\S]*$/.exec(migration)![0]);
  const found = await findInLibrary(db, new LibrarySearchIndex(db), 'old file', 50);
  assert.deepEqual(found.matches.map((m) => relOf(root, m.path)), ['sub/Old File.txt']);
  assert.equal(loc.fileCount, 1);
});

test('a search index already read sees a move and a delete the index followed (no re-index)', async () => {
  const root = fs.realpathSync(tree(tempDir(), { 'inbox/draft-letter.txt': 'd', 'inbox/draft-plan.txt': 'p', 'sent/x.txt': 'x' }));
  const { db, indexer } = newLibrary();
  await indexer.addLocation(root, { rules: ALL_RULES_OFF });
  const index = new LibrarySearchIndex(db);
  const find = async (text: string) => (await findInLibrary(db, index, text, 50)).matches.map((m) => relOf(root, m.path)).sort();
  assert.deepEqual(await find('draft'), ['inbox/draft-letter.txt', 'inbox/draft-plan.txt']);

  fs.renameSync(path.join(root, 'inbox/draft-letter.txt'), path.join(root, 'sent/final-letter.txt'));
  entriesMoved(db, path.join(root, 'inbox/draft-letter.txt'), path.join(root, 'sent/final-letter.txt'));
  assert.deepEqual(await find('letter'), ['sent/final-letter.txt']);
  assert.deepEqual(await find('draft'), ['inbox/draft-plan.txt']);

  fs.renameSync(path.join(root, 'inbox'), path.join(root, 'archive'));
  entriesMoved(db, path.join(root, 'inbox'), path.join(root, 'archive'));
  assert.deepEqual(await find('draft'), ['archive/draft-plan.txt']);

  fs.rmSync(path.join(root, 'archive'), { recursive: true });
  entriesRemoved(db, path.join(root, 'archive'));
  assert.deepEqual(await find('draft'), []);
  assert.deepEqual(await find('archive'), []);
});
