import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree } from '../helpers/tree';
import { ferry, libraryEnv } from '../helpers/ferry-cli';

test('ferry find lists matching paths best first, across locations; --json; --limit; exit 1 when nothing is found', () => {
  const { env } = libraryEnv();
  const photos = fs.realpathSync(tree(tempDir(), { 'Holiday.jpg': 'x', '2024/holiday-beach.jpg': 'y', 'other.png': 'z' }));
  const docs = fs.realpathSync(tree(tempDir(), { 'plans/the holiday plan.txt': 'p', 'unholiday.txt': 'u' }));
  assert.equal(ferry(['index', photos], env).code, 0);
  assert.equal(ferry(['index', docs], env).code, 0);

  const r = ferry(['find', 'holiday'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trimEnd().split('\n').slice(0, 2), [path.join(photos, 'Holiday.jpg'), path.join(photos, '2024/holiday-beach.jpg')]);
  assert.deepEqual(r.stdout.trimEnd().split('\n').slice(2), [path.join(docs, 'plans/the holiday plan.txt'), path.join(docs, 'unholiday.txt')]);
  assert.equal(r.stderr, '');

  // Several operands are one text.
  assert.deepEqual(ferry(['find', 'holiday', 'plan'], env).stdout, `${path.join(docs, 'plans/the holiday plan.txt')}\n`);

  const limited = ferry(['find', '--limit', '1', 'HOLIDAY'], env);
  assert.equal(limited.stdout, `${path.join(photos, 'Holiday.jpg')}\n`);
  assert.match(limited.stderr, /1 of 4 matches shown/);

  const json = JSON.parse(ferry(['find', '--json', 'holiday'], env).stdout) as { matches: { path: string; folder: string; rank: string; kind: string }[]; total: number };
  assert.equal(json.total, 4);
  assert.deepEqual(json.matches.map((m) => m.rank), ['prefix', 'prefix', 'word', 'substring']);
  assert.equal(json.matches[1]!.folder, path.join(photos, '2024'));
  assert.equal(ferry(['find', '2024'], env).stdout, `${path.join(photos, '2024')}/\n`);

  const none = ferry(['find', 'nothing-like-this'], env);
  assert.equal(none.code, 1);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /Nothing found in the library/);
});

test('ferry find says which folders changed since the last index, and finds what a re-index adds', () => {
  const { env } = libraryEnv();
  const root = fs.realpathSync(tree(tempDir(), { 'music/song-one.mp3': 'a' }));
  assert.equal(ferry(['index', root], env).code, 0);
  // A file added later, in the same folder: the folder's mtime moves past the index's time.
  const later = new Date(Date.now() + 5_000);
  fs.writeFileSync(path.join(root, 'music/song-two.mp3'), 'b');
  fs.utimesSync(path.join(root, 'music'), later, later);
  const before = ferry(['find', 'song'], env);
  assert.equal(before.stdout, `${path.join(root, 'music/song-one.mp3')}\n`);
  assert.match(before.stderr, /not yet indexed: 1 folder changed since/);

  assert.equal(ferry(['index', root], env).code, 0);
  fs.utimesSync(path.join(root, 'music'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
  const after = ferry(['find', 'song'], env);
  assert.equal(after.stdout, `${path.join(root, 'music/song-one.mp3')}\n${path.join(root, 'music/song-two.mp3')}\n`);
  assert.equal(after.stderr, '');
});

test('ferry find refuses a missing text and a bad --limit (exit 2)', () => {
  const { env } = libraryEnv();
  for (const args of [['find'], ['find', '  '], ['find', '--limit', '0', 'x'], ['find', '--limit', 'lots', 'x'], ['find', '--limit', '5000', 'x']]) {
    const r = ferry(args, env);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^ferry find: /);
  }
});
