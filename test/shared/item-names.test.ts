import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameBytes, nameRefusal, newFolderNames, sameIgnoringCase, stemLength } from '../../src/shared/item-names';

test('every refused name, with the reason the user reads', () => {
  const table: Array<[string, RegExp | null]> = [
    ['', /cannot be empty/],
    ['.', /“\.” is reserved/],
    ['..', /“\.\.” is reserved/],
    ['a/b', /cannot contain “\/”/],
    ['/', /cannot contain “\/”/],
    ['a\0b', /NUL/],
    ['x'.repeat(256), /too long: 256 bytes, at most 255/],
    ['é'.repeat(128), /too long: 256 bytes/],
    ['x'.repeat(255), null],
    ['é'.repeat(127), null],
    ['...', null],
    ['.hidden', null],
    [' spaced ', null],
    ['a\\b:c*?', null],
    ['Ünïcödé 🚢.txt', null],
  ];
  for (const [name, refusal] of table) {
    const got = nameRefusal(name);
    if (refusal === null) assert.equal(got, null, JSON.stringify(name));
    else assert.match(got ?? '', refusal, JSON.stringify(name));
  }
});

test('a name counts bytes as stored: UTF-8, and one byte for each escaped non-UTF-8 byte', () => {
  assert.equal(nameBytes('abc'), 3);
  assert.equal(nameBytes('é'), 2);
  assert.equal(nameBytes('€'), 3);
  assert.equal(nameBytes('🚢'), 4);
  assert.equal(nameBytes('\udcff\udcfe.txt'), 6);
});

test('the stem a rename selects: up to the extension; dotfiles and names without one whole', () => {
  const table: Array<[string, string]> = [
    ['report.pdf', 'report'],
    ['photo.final.JPG', 'photo.final'],
    ['archive.tar.gz', 'archive'],
    ['backup.TAR.XZ', 'backup'],
    ['.bashrc', '.bashrc'],
    ['Makefile', 'Makefile'],
    ['.tar.gz', '.tar'],
    ['trailing.', 'trailing'],
  ];
  for (const [name, stem] of table) assert.equal(name.slice(0, stemLength(name)), stem, name);
});

test('names a case-insensitive file system takes as one', () => {
  assert.equal(sameIgnoringCase('a.txt', 'A.TXT'), true);
  assert.equal(sameIgnoringCase('caf\u00e9', 'CAFE\u0301'), true);
  assert.equal(sameIgnoringCase('a.txt', 'a.txt'), false);
  assert.equal(sameIgnoringCase('a.txt', 'b.txt'), false);
});

test('new folders are named "New Folder", then "New Folder 2", "New Folder 3"…', () => {
  const names = newFolderNames();
  assert.deepEqual([names.next().value, names.next().value, names.next().value], ['New Folder', 'New Folder 2', 'New Folder 3']);
});
