import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterByName } from '../../../src/renderer/lib/name-filter';

const rows = ['Alpha.txt', 'alphabet.md', 'beta', 'Delta ALP.pdf', 'Ünïcödé', 'line\nbreak'].map((name) => ({ name }));
const names = (text: string | null) => filterByName(rows, text).map((r) => r.name);

test('filterByName keeps the names containing the text, any case, in their order', () => {
  assert.deepEqual(names('alp'), ['Alpha.txt', 'alphabet.md', 'Delta ALP.pdf']);
  assert.deepEqual(names('ALPHA'), ['Alpha.txt', 'alphabet.md']);
  assert.deepEqual(names('.'), ['Alpha.txt', 'alphabet.md', 'Delta ALP.pdf']);
  assert.deepEqual(names('ÜNÏ'), ['Ünïcödé']);
  assert.deepEqual(names('e\nb'), ['line\nbreak']);
  assert.deepEqual(names('zzz'), []);
  assert.deepEqual(names('  beta  '), ['beta'], 'spaces around the text are not part of it');
});

test('filterByName: no text (closed or empty) is every row, the same array', () => {
  assert.equal(filterByName(rows, null), rows);
  assert.equal(filterByName(rows, ''), rows);
  assert.equal(filterByName(rows, '   '), rows);
});
