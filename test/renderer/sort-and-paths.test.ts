import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortEntries } from '../../src/renderer/lib/sort';
import { baseName, isInside, parentOf } from '../../src/renderer/lib/paths';
import { formatBytes, formatEta } from '../../src/renderer/lib/format';
import type { FolderEntry } from '../../src/shared/types';

const entry = (name: string, kind: FolderEntry['kind'], size = 0, mtimeMs = 0): FolderEntry =>
  ({ name, path: `/x/${name}`, kind, size, mtimeMs, hidden: name.startsWith('.') });

test('folders stay on top; names sort naturally; a column sorts both ways', () => {
  const entries = [entry('b 10.txt', 'file', 5), entry('Zeta', 'dir'), entry('b 9.txt', 'file', 50), entry('alpha', 'dir')];
  assert.deepEqual(sortEntries(entries, { key: 'name', ascending: true }).map((e) => e.name), ['alpha', 'Zeta', 'b 9.txt', 'b 10.txt']);
  assert.deepEqual(sortEntries(entries, { key: 'size', ascending: false }).map((e) => e.name), ['Zeta', 'alpha', 'b 9.txt', 'b 10.txt']);
  assert.deepEqual(entries.map((e) => e.name), ['b 10.txt', 'Zeta', 'b 9.txt', 'alpha'], 'the input is not reordered');
});

test('paths: parent, base name and "inside" without Node', () => {
  assert.equal(parentOf('/a/b/c.txt'), '/a/b');
  assert.equal(parentOf('/a'), '/');
  assert.equal(parentOf('/'), null);
  assert.equal(baseName('/a/b/'), 'b');
  assert.equal(isInside('/a/b/c', '/a/b'), true);
  assert.equal(isInside('/a/bc', '/a/b'), false);
  assert.equal(isInside('/a/b', '/a/b'), true);
});

test('sizes and times read like Finder\'s', () => {
  assert.equal(formatBytes(1), '1 byte');
  assert.equal(formatBytes(999), '999 bytes');
  assert.equal(formatBytes(1_234_567_890), '1.2 GB');
  assert.equal(formatBytes(532_000), '532 KB');
  assert.equal(formatEta(118), 'about 2 minutes');
  assert.equal(formatEta(null), null);
  assert.equal(formatEta(42), 'about 45 seconds');
});
