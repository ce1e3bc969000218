import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openLibrary } from '../../src/main/engine/db/library';
import type { Location } from '../../src/shared/types';
import { tempDir, tree } from '../helpers/tree';
import { ferry, ferryCommandLine, libraryEnv, runFerry } from '../helpers/ferry-cli';

test('ferry index adds a location and prints one summary line when not on a terminal', () => {
  const root = tree(tempDir(), { 'a.txt': 'aaa', 'sub/b.txt': 'bb', '.hidden': 'h' });
  const { env, FERRY_DB } = libraryEnv();
  const r = ferry(['index', root], env);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const real = fs.realpathSync(root);
  assert.match(r.stdout, new RegExp(`^Indexed ${real.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 2 files, 5 B in \\d+\\.\\d s\\n$`));
  assert.ok(!r.stdout.includes('\r'), 'no live line without a terminal');
  const db = openLibrary(FERRY_DB);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n, 3);
  db.close();
});

test('ferry index --json prints the location; rule flags persist for the next re-index', () => {
  const root = tree(tempDir(), { 'a.txt': 'a', '.hidden': 'h', 'x.tmp': 't' });
  const { env } = libraryEnv();
  const first = ferry(['index', '--json', '--no-hidden-rule', '--ignore', '*.tmp', root], env);
  assert.equal(first.code, 0, first.stderr);
  const loc = JSON.parse(first.stdout) as Location;
  assert.equal(loc.fileCount, 2);
  assert.equal(loc.rules.skipHidden, false);
  assert.deepEqual(loc.rules.extraIgnores, ['*.tmp']);
  const again = JSON.parse(ferry(['index', '--json', root], env).stdout) as Location;
  assert.equal(again.id, loc.id);
  assert.equal(again.fileCount, 2, 'the rules set last time still apply');
  const reset = JSON.parse(ferry(['index', '--json', '--default-rules', root], env).stdout) as Location;
  assert.equal(reset.fileCount, 2, 'a.txt and x.tmp');
  assert.equal(reset.rules.skipHidden, true);
});

test('bad input exits 2 with one line on stderr and changes nothing', () => {
  const root = tree(tempDir(), { 'inner/f.txt': 'f', 'file.txt': 'x' });
  const { env, FERRY_DB } = libraryEnv();
  assert.equal(ferry(['index', root], env).code, 0);
  const cases: [string[], RegExp][] = [
    [['index'], /give the folder to index/],
    [['index', path.join(root, 'missing')], /No such folder: .*missing/],
    [['index', path.join(root, 'file.txt')], /Not a folder: .*file\.txt/],
    [['index', '--bogus', root], /unknown option --bogus/],
    [['index', root, root], /one folder/],
    [['index', '--db'], /--db needs a value/],
    [['index', path.join(root, 'inner')], new RegExp(`inside the location ${fs.realpathSync(root)}.*ferry index ${fs.realpathSync(root)}`)],
  ];
  for (const [args, message] of cases) {
    const r = ferry(args, env);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.match(r.stderr, /^ferry index: [^\n]+\n$/, 'exactly one line');
  }
  const db = openLibrary(FERRY_DB);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM locations').get() as { n: number }).n, 1);
  db.close();
});

test('ferry index of a folder holding locations says it absorbed them', () => {
  const root = tree(tempDir(), { 'a/1': '1', 'b/2': '2' });
  const { env } = libraryEnv();
  ferry(['index', path.join(root, 'a')], env);
  const r = ferry(['index', root], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Absorbed 1 location inside it \(now part of this one\): .*\/a\nIndexed /);
  const list = JSON.parse(ferry(['locations', '--json'], env).stdout) as Location[];
  assert.deepEqual(list.map((l) => l.path), [fs.realpathSync(root)]);
});

test('on a terminal, ferry index draws a live line and then the summary', { skip: !fs.existsSync('/usr/bin/script') && 'no script(1) to provide a terminal' }, () => {
  const spec: Record<string, string> = {};
  for (let i = 0; i < 300; i++) spec[`d${i % 10}/f${i}`] = 'x';
  const root = tree(tempDir(), spec);
  const { env } = libraryEnv();
  // script(1) runs the command on a pseudo-terminal, so stdout.isTTY is true as in a user's shell.
  const command = `stty cols 200; ${ferryCommandLine(['index', root])}`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  // eslint-disable-next-line no-control-regex -- the terminal's escape sequence (ESC [2K) is what is tested
  assert.match(r.stdout, /\r\x1b\[2KIndexing: [\d,]+ entries, [\d,]+ files, .* — /);
  assert.match(r.stdout, /Indexed .*: 300 files, 300 B/);
});

test('another connection reads and writes the library while ferry index runs in another process', async () => {
  const spec: Record<string, string> = {};
  for (let i = 0; i < 3000; i++) spec[`d${i % 30}/e${i % 7}/f${i}.txt`] = `${i}`;
  const root = tree(tempDir(), spec);
  const { env, FERRY_DB } = libraryEnv();
  const db = openLibrary(FERRY_DB);
  const indexing = runFerry(['index', root], env);
  let finished = false;
  void indexing.then(() => { finished = true; });
  let reads = 0;
  const insertJob = db.prepare("INSERT INTO jobs (id, kind, status, created_at, updated_at) VALUES (?, 'copy', 'completed', 0, 0)");
  while (!finished) {
    db.prepare('SELECT COUNT(*) AS n FROM entries').get();
    insertJob.run(`reader-${reads++}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const r = await indexing;
  assert.equal(r.code, 0, r.stderr);
  assert.ok(reads > 0);
  const total = (db.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n;
  assert.equal(total, 3000 + 30 + 30 * 7);
  assert.equal((db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE id LIKE 'reader-%'").get() as { n: number }).n, reads);
  db.close();
});
