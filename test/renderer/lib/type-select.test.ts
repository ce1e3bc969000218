import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTyped } from '../../../src/renderer/lib/type-select';

const names = ['Archive', 'beta.txt', 'Bravo', 'café.txt', 'report 2.pdf', 'report 10.pdf', 'Résumé.doc', 'summary.txt', 'sun.png'];

test('typing a name\'s first letters selects the first name starting with them, case- and accent-blind', () => {
  const table: Array<[typed: string, from: number | null, expected: number]> = [
    ['a', null, 0],
    ['b', null, 1],
    ['br', null, 2],
    ['BR', 5, 2],
    ['cafe', null, 3],
    ['rep', null, 4],
    ['report 1', null, 5],
    ['res', null, 6],
    ['su', 0, 7],
    ['sun', 0, 8],
    ['z', null, -1],
    ['', null, -1],
  ];
  for (const [typed, from, expected] of table) assert.equal(findTyped(names, typed, from), expected, typed);
});

test('one letter typed again goes to the next name with it, round to the top', () => {
  assert.equal(findTyped(names, 'ss', 7), 8);
  assert.equal(findTyped(names, 'sss', 8), 7, 'past the last, from the top');
  assert.equal(findTyped(names, 'bb', 1), 2);
  assert.equal(findTyped(names, 'bb', null), 1);
  assert.equal(findTyped(['aa', 'ab'], 'aa', 1), 0, 'a name starting "aa" wins over cycling');
  assert.equal(findTyped(names, 'zz', 0), -1);
});
