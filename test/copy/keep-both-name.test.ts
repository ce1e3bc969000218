import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepBothName, splitExtension } from '../../src/main/engine/copy/keep-both-name';
import { encodeName } from '../../src/main/engine/fs/byte-names';

const taken = (...names: string[]) => (n: string) => names.includes(n);

test('keeps both with Finder names: "name 2.ext", then 3, 4…', () => {
  assert.equal(keepBothName('photo.jpg', taken('photo.jpg')), 'photo 2.jpg');
  assert.equal(keepBothName('photo.jpg', taken('photo.jpg', 'photo 2.jpg', 'photo 3.jpg')), 'photo 4.jpg');
});

test('compound archive extensions stay whole; dot-files have no extension', () => {
  assert.equal(keepBothName('archive.tar.gz', taken()), 'archive 2.tar.gz');
  assert.equal(keepBothName('backup.TAR.BZ2', taken()), 'backup 2.TAR.BZ2');
  assert.equal(keepBothName('.bashrc', taken()), '.bashrc 2');
  assert.equal(keepBothName('.config.json', taken()), '.config 2.json');
  assert.equal(keepBothName('Makefile', taken()), 'Makefile 2');
  assert.equal(keepBothName('trailing.', taken()), 'trailing. 2');
  assert.equal(keepBothName('my.file.name.txt', taken()), 'my.file.name 2.txt');
});

test('a numbered name continues from its number', () => {
  assert.equal(keepBothName('name 2.txt', taken('name 2.txt')), 'name 3.txt');
  assert.equal(keepBothName('name 2.txt', taken('name 2.txt', 'name 3.txt')), 'name 4.txt');
  assert.equal(keepBothName('Take 9', taken()), 'Take 10');
});

test('splitExtension', () => {
  assert.deepEqual(splitExtension('a.b.c'), { stem: 'a.b', ext: '.c' });
  assert.deepEqual(splitExtension('.tar.gz'), { stem: '.tar', ext: '.gz' });
  assert.deepEqual(splitExtension('x.tar.gz'), { stem: 'x', ext: '.tar.gz' });
});

test('a name too long to take the number is shortened at the end of its stem, within 255 bytes', () => {
  const long = 'a'.repeat(251) + '.txt'; // 255 bytes
  const two = keepBothName(long, taken());
  assert.equal(two, 'a'.repeat(249) + ' 2.txt');
  assert.equal(Buffer.byteLength(two), 255);
  // The next number keeps shortening, and a shortened name is never taken for a numbered one.
  assert.equal(keepBothName(long, taken(two)), 'a'.repeat(249) + ' 3.txt');
  const ten = keepBothName('b'.repeat(255), (n) => !n.endsWith(' 10'));
  assert.equal(ten, 'b'.repeat(252) + ' 10');
});

test('shortening keeps whole characters: no split accent, emoji or multi-byte letter', () => {
  const nfd = 'e\u0301'; // é as two code points, 3 bytes
  const name = nfd.repeat(84) + '.md'; // 252 + 3 = 255 bytes
  const out = keepBothName(name, taken());
  assert.ok(Buffer.byteLength(out) <= 255);
  assert.equal(out, nfd.repeat(83) + ' 2.md');
  const family = '👨‍👩‍👧'; // one grapheme of 18 bytes
  const emoji = family.repeat(14) + '.png'; // 252 + 4 = 256 bytes: already too long for most disks, still handled
  const e2 = keepBothName(emoji, taken());
  assert.equal(e2, family.repeat(13) + ' 2.png');
  assert.ok(!/\uFFFD/.test(Buffer.from(e2).toString()));
});

test('an extension too long to leave room for the stem is shortened with it', () => {
  const name = 'x.' + 'y'.repeat(253); // 255 bytes, nearly all extension
  const out = keepBothName(name, taken());
  assert.equal(Buffer.byteLength(out), 255);
  assert.equal(out, 'x.' + 'y'.repeat(251) + ' 2');
});

test('a name whose bytes are not UTF-8 is measured in its own bytes: a long one loses only what the number needs', () => {
  // 251 bytes b'\xe9' and '.txt': 255 bytes on disk (each escaped byte would be 3 as U+FFFD).
  const name = '\udce9'.repeat(251) + '.txt';
  assert.equal(encodeName(name).length, 255);
  const numbered = keepBothName(name, () => false);
  assert.equal(numbered, '\udce9'.repeat(249) + ' 2.txt');
  assert.equal(encodeName(numbered).length, 255);
  assert.deepEqual(encodeName(numbered).subarray(0, 249), Buffer.alloc(249, 0xe9));
});
