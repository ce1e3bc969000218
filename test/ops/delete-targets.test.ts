import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteTargets } from '../../src/main/engine/ops/delete-targets';

const guards = { home: '/home/ann', locationRoots: ['/data/music', '/home/ann/Photos'] };

test('refuses /, the home folder and a location root, naming why; nothing is removed then', () => {
  const table: Array<[string[], RegExp]> = [
    [['/'], /never deletes the root folder \//],
    [['/home/ann/a.txt', '/home/ann'], /never deletes your home folder \/home\/ann/],
    [['/home/ann/'], /home folder/],
    [['/data/music'], /\/data\/music is a location of the library: remove the location first/],
    [['/home/ann/Photos/../Photos'], /location/],
  ];
  for (const [paths, refusal] of table) {
    const t = deleteTargets(paths, guards);
    assert.match(t.refusal ?? '', refusal, paths.join(' '));
    assert.deepEqual(t.remove, [], paths.join(' '));
  }
});

test('inside a location, beside it or above nothing special: removed; nested and repeated paths once', () => {
  const table: Array<[string[], string[]]> = [
    [['/data/music/album'], ['/data/music/album']],
    [['/data/musical'], ['/data/musical']],
    [['/tmp/a', '/tmp/a/b', '/tmp/a/b/c.txt', '/tmp/ab'], ['/tmp/a', '/tmp/ab']],
    [['/tmp/x/y', '/tmp/x'], ['/tmp/x']],
    [['/tmp/a.txt', '/tmp/a.txt', '/tmp/./a.txt'], ['/tmp/a.txt']],
  ];
  for (const [paths, remove] of table) assert.deepEqual(deleteTargets(paths, guards), { remove, refusal: null }, paths.join(' '));
});
