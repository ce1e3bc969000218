import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempDir, tree, emptyDir } from '../helpers/tree';
import { indexedPaths, newLibrary } from '../helpers/library';
import { isSystemName } from '../../src/main/engine/indexer/rules';

test('the default rules leave out .git, node_modules, hidden entries and system files', async () => {
  const root = tree(tempDir(), {
    'src/main.c': 'int main;',
    '.git/HEAD': 'ref',
    'sub/.git': 'gitdir: ../.git/worktrees/sub', // a linked worktree's .git is a file
    'node_modules/pkg/index.js': 'x',
    'app/node_modules/dep/a.js': 'x',
    '.hidden-file': 'h',
    '.config/settings.json': '{}',
    '.DS_Store': 'x',
    'photos/Thumbs.db': 'x',
    'photos/THUMBS.DB': 'x',
    'photos/desktop.ini': 'x',
    'photos/ehthumbs.db': 'x',
    '$RECYCLE.BIN/file': 'x',
    'System Volume Information/x': 'x',
    'Icon\r': '',
    '._photo.jpg': 'apple double',
    'photos/photo.jpg': 'jpeg',
    'notes.txt': 'n',
  });
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  assert.deepEqual(indexedPaths(db, loc.id), ['app', 'notes.txt', 'photos', 'photos/photo.jpg', 'src', 'src/main.c', 'sub']);
  assert.equal(loc.fileCount, 3);
});

test('each rule can be turned off', async () => {
  const root = tree(tempDir(), {
    'keep.txt': 'k',
    '.git/HEAD': 'ref',
    'node_modules/p/i.js': 'x',
    '.hidden': 'h',
    'Thumbs.db': 't',
    '.gitignore': '*.log\n',
    'debug.log': 'log',
  });
  const cases: [Record<string, boolean>, string[]][] = [
    // .git is a dot-name too: it shows only with both rules off.
    [{ skipGit: false }, []],
    [{ skipGit: false, skipHidden: false }, ['.git', '.git/HEAD', '.gitignore', '.hidden']],
    [{ skipNodeModules: false }, ['node_modules', 'node_modules/p', 'node_modules/p/i.js']],
    [{ skipHidden: false }, ['.gitignore', '.hidden']],
    [{ skipSystemFiles: false }, ['Thumbs.db']],
    [{ respectGitignore: false }, ['debug.log']],
  ];
  for (const [rules, extra] of cases) {
    const { db, indexer } = newLibrary();
    const loc = await indexer.addLocation(root, { rules });
    assert.deepEqual(indexedPaths(db, loc.id), ['keep.txt', ...extra].sort(), JSON.stringify(rules));
    db.close();
  }
});

test('.gitignore files apply to their own subtree, relative to their folder, with negations', async () => {
  const root = tree(tempDir(), {
    '.gitignore': '*.log\n!keep.log\nout/\n',
    'a.log': 'x',
    'keep.log': 'kept by the negation',
    'out/bin': 'x', // out/ matches folders only…
    'docs/out': 'a file named out stays',
    'sub/.gitignore': '/build\n*.tmp\n!important.log\n',
    'sub/build/x.o': 'x', // anchored to sub/
    'sub/deeper/build/y.o': 'not anchored here: stays',
    'sub/scratch.tmp': 'x',
    'sub/important.log': 'the deeper file re-includes it',
    'sub/other.log': 'still excluded by the root file',
    'sub/deeper/keep.log': 'kept',
    'build/top.o': '/build in sub/ does not reach the root',
    'elsewhere/scratch.tmp': 'sub/.gitignore does not apply outside sub/',
  });
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  assert.deepEqual(indexedPaths(db, loc.id), [
    'build', 'build/top.o', 'docs', 'docs/out', 'elsewhere', 'elsewhere/scratch.tmp', 'keep.log', 'sub',
    'sub/deeper', 'sub/deeper/build', 'sub/deeper/build/y.o', 'sub/deeper/keep.log', 'sub/important.log',
  ]);
});

test('a file inside an excluded folder cannot be re-included, as in git', async () => {
  const root = tree(tempDir(), {
    '.gitignore': 'cache/\n!cache/wanted.txt\n',
    'cache/wanted.txt': 'x',
    'cache/other.txt': 'x',
    'ok.txt': 'x',
  });
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  assert.deepEqual(indexedPaths(db, loc.id), ['ok.txt']);
});

test('extra ignore patterns apply from the location root and win over .gitignore negations', async () => {
  const root = tree(tempDir(), {
    '.gitignore': '!*.bak\n',
    'a.bak': 'x',
    'cache/c.bin': 'x',
    'src/cache/d.bin': 'x',
    'src/e.txt': 'x',
  });
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root, { rules: { extraIgnores: ['*.bak', '/cache/'] } });
  assert.deepEqual(indexedPaths(db, loc.id), ['src', 'src/cache', 'src/cache/d.bin', 'src/e.txt']);
});

test('changed rules persist and apply at the next re-index', async () => {
  const root = tree(tempDir(), { '.hidden/a.txt': 'a', 'b.txt': 'b' });
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  assert.deepEqual(indexedPaths(db, loc.id), ['b.txt']);
  const changed = indexer.setRules(loc.id, { skipHidden: false });
  assert.equal(changed.rules.skipHidden, false);
  assert.equal(changed.rules.skipGit, true, 'other rules keep their values');
  assert.deepEqual(indexedPaths(db, loc.id), ['b.txt'], 'nothing changes before the re-index');
  await indexer.reindex(loc.id);
  assert.deepEqual(indexedPaths(db, loc.id), ['.hidden', '.hidden/a.txt', 'b.txt']);
  indexer.setRules(loc.id, { skipHidden: true });
  const again = await indexer.reindex(loc.id);
  assert.deepEqual(indexedPaths(db, loc.id), ['b.txt'], 'rows the rules now exclude are removed');
  assert.equal(again.fileCount, 1);
});

test('empty folders are indexed as folders with zero aggregates', async () => {
  const root = tree(tempDir(), { 'empty': emptyDir(), 'full/x': '12345' });
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  const rows = db.prepare('SELECT name, aggregate_size AS a, file_count AS n FROM entries WHERE location_id = ? AND kind = ? ORDER BY name')
    .all(loc.id, 'dir');
  assert.deepEqual(rows.map((r) => ({ ...(r as object) })), [{ name: 'empty', a: 0, n: 0 }, { name: 'full', a: 5, n: 1 }]);
});

test('system names are matched case-insensitively and without false positives', () => {
  for (const name of ['.DS_Store', 'thumbs.db', 'Desktop.ini', '$Recycle.Bin', 'Icon\r', '._x', '.Trash-1000', 'lost+found']) {
    assert.equal(isSystemName(name), true, JSON.stringify(name));
  }
  for (const name of ['Icon', 'thumbs.dbx', 'my desktop.ini', 'DS_Store', '.trash', 'Trash-1000']) {
    assert.equal(isSystemName(name), false, JSON.stringify(name));
  }
});

test('a deeper .gitignore can re-include a folder a shallower one excludes, and its files with it', async () => {
  const root = tree(tempDir(), {
    '.gitignore': 'sub/inner/\n*.log\n',
    'sub/.gitignore': '!inner/\n',
    'sub/inner/f.txt': 'git lists this file',
    'sub/inner/x.log': 'still excluded by *.log at the root',
    'sub/g.txt': 'g',
  });
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  // `git ls-files --others --exclude-standard` lists exactly these (plus the .gitignore files, hidden here).
  assert.deepEqual(indexedPaths(db, loc.id), ['sub', 'sub/g.txt', 'sub/inner', 'sub/inner/f.txt']);
});
