import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepBothName, splitExtension } from '../../src/main/engine/copy/keep-both-name';

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
